/* geo map: incident markers (one canvas), laid out in a ring where they crowd, and the clusters layer.
 * MIT licence, part of geo.
 *
 * Markers that overlap at the current zoom (the same town's incidents, or La Paz,
 * El Alto and Senkata seen from afar) are set on a ring around their first member, with a
 * leader line to where each happened, so every one can be clicked at every zoom. Groups
 * larger than RING_MAX are left in place, and so is every marker when more than RING_POINTS are in
 * view: that is what the clusters layer (geo-cluster.js) is for.
 */
(function () {
  "use strict";
  var u = GeoApp.util;
  /* A circle the date range can hide without leaving the map: added to and removed from the
   * canvas one by one, 100,000 markers cost a second; hidden, they cost one redraw. Hidden is
   * read from the app's visibleFlags (_geoFlags, on the prototype), so a date change writes
   * no marker. */
  var GeoMarker = L.CircleMarker.extend({
    _geoBatch: true,  // drawn from a sprite (geo-canvas.js)
    _updatePath: function () { if (this._geoFlags[this._geoIndex]) L.CircleMarker.prototype._updatePath.call(this); },
    _containsPoint: function (p) {
      return this._geoFlags[this._geoIndex] === 1 && L.CircleMarker.prototype._containsPoint.call(this, p);
    }
  });

  var CELL = 32, CROWDED = 60, MARGIN = 2, RING_MAX = 24, RING_POINTS = 5000;

  GeoApp.prototype.buildMarkers = function () {
    var inc = this.inc, self = this, d = this.data;
    // One canvas for all markers and mentions: a second canvas stacked on top would swallow
    // the clicks meant for the first.
    this.renderer = new GeoApp.GeoCanvas();
    this.markers = new Array(this.n);
    var Marker = GeoMarker.extend({_geoFlags: this.visibleFlags});
    this.groups = [];
    // One popup for them all, opened from each group's clicks: 100,000 bound popups cost
    // 100,000 objects and listeners.
    this.incidentPopup = L.popup({maxWidth: 360, maxHeight: 420});
    var onClick = function (e) {
      L.DomEvent.stop(e);
      self.showPopup(e.layer._geoIndex, e.layer.getLatLng());
    };
    for (var t = 0; t < d.types.length; t++) {
      var g = L.featureGroup();
      g.on("add remove", function () { self.scheduleLayout(); });
      g.on("click", onClick);
      this.groups.push(g);
      this.layers["incidents:" + d.types[t]] = g;
    }
    for (var i = 0; i < this.n; i++) {
      var m = new Marker([inc.lat[i], inc.lon[i]], {
        renderer: this.renderer, radius: u.radius(inc.fat[i]), weight: 1, color: "#222",
        fillColor: d.colors[inc.type[i]], fillOpacity: 0.85
      });
      m._geoIndex = i;
      this.markers[i] = m;
      this.groups[inc.type[i]].addLayer(m);
    }
    // Leaders on a canvas of their own, under the markers' (it takes no clicks).
    this.map.createPane("geo-leaders").style.zIndex = 390;
    this.leaderRenderer = L.canvas({pane: "geo-leaders"});
    this.leaders = L.layerGroup().addTo(this.map);
    this.moved = [];
    this.map.on("moveend", function () { self.layoutRing(); });  // a zoom, or a pan that brings markers into view
    this.follow(function (app) {
      if (app.flagsChanged) app.renderer.requestFull();
      var open = app.incidentPopup;
      if (open.isOpen() && !app.visibleFlags[open._geoIndex]) app.map.closePopup(open);
      app.scheduleLayout();
    });
  };
  GeoApp.parts.push("buildMarkers");

  GeoApp.prototype.scheduleLayout = function () {
    var self = this;
    if (this._layoutPending || !this.map._loaded) return;
    this._layoutPending = true;
    // Synchronously when nothing waits for paint (tests read positions right after a change).
    Promise.resolve().then(function () { self._layoutPending = false; self.layoutRing(); });
  };

  /* Groups of markers that overlap at `zoom` (circles closer than their radii and a margin):
   * union-find over a grid of CELL-pixel cells; a cell too crowded to untangle is left alone. */
  GeoApp.prototype.crowds = function (zoom) {
    var inc = this.inc, map = this.map, cells = new Map(), pts = [], parent = [], shown = [], ROW = 1 << 22;
    // World pixels from the Web Mercator positions kept in typed arrays (map.project makes two
    // objects a point: at 100,000 incidents a third of a date change's time).
    var merc = this.mercator(), scale = 256 * Math.pow(2, zoom), view = map.getPixelBounds();
    var x0 = view.min.x - CELL, y0 = view.min.y - CELL, x1 = view.max.x + CELL, y1 = view.max.y + CELL;
    for (var t = 0; t < this.groups.length; t++) shown.push(map.hasLayer(this.groups[t]));
    var by = this.byDay, s = this.shownSlice();
    for (var k0 = s[0]; k0 < s[1]; k0++) {
      var i = by[k0];
      if (!shown[inc.type[i]]) continue;
      var x = merc.x[i] * scale, y = merc.y[i] * scale, cx = Math.floor(x / CELL), cy = Math.floor(y / CELL);
      if (x < x0 || x > x1 || y < y0 || y > y1) continue;  // out of view: no ring needed
      // A sea of markers has no groups to untangle (that is the clusters layer's work).
      if (pts.length >= RING_POINTS) return [];
      var k = pts.length, list = cells.get(cx * ROW + cy);
      pts.push({i: i, x: x, y: y, r: u.radius(inc.fat[i]), cx: cx, cy: cy});
      parent.push(k);
      if (!list) cells.set(cx * ROW + cy, list = []);
      list.push(k);
    }
    function root(k) { while (parent[k] !== k) k = parent[k] = parent[parent[k]]; return k; }
    for (var a = 0; a < pts.length; a++) {
      var pa = pts[a];
      for (var dx = -1; dx <= 1; dx++) {
        for (var dy = -1; dy <= 1; dy++) {
          var cell = cells.get((pa.cx + dx) * ROW + pa.cy + dy);
          if (!cell || cell.length > CROWDED) continue;
          for (var c = 0; c < cell.length; c++) {
            var b = cell[c], pb = pts[b];
            if (b <= a) continue;
            var ddx = pa.x - pb.x, ddy = pa.y - pb.y, near = pa.r + pb.r + MARGIN;
            if (ddx * ddx + ddy * ddy < near * near) parent[root(a)] = root(b);
          }
        }
      }
    }
    var byRoot = {}, groups = [];
    for (a = 0; a < pts.length; a++) {
      var r0 = root(a);
      if (!byRoot[r0]) { byRoot[r0] = []; groups.push(byRoot[r0]); }
      byRoot[r0].push(pts[a]);
    }
    return groups;
  };

  GeoApp.prototype.layoutRing = function () {
    if (!this.map._loaded) return;
    var inc = this.inc, map = this.map, zoom = map.getZoom();
    for (var k = 0; k < this.moved.length; k++) {
      var j = this.moved[k];
      this.markers[j].setLatLng([inc.lat[j], inc.lon[j]]);
    }
    this.moved = [];
    this.leaders.clearLayers();
    var groups = this.crowds(zoom);
    for (var g = 0; g < groups.length; g++) {
      var mem = groups[g], n = mem.length;
      if (n < 2 || n > RING_MAX) continue;
      var span = 0, biggest = 0, cx = 0, cy = 0, q;
      for (q = 0; q < n; q++) { span += 2 * mem[q].r + 3; biggest = Math.max(biggest, mem[q].r); cx += mem[q].x / n; cy += mem[q].y / n; }
      // Round the ring in the members' own directions from its centre: each stays on its side.
      mem.sort(function (p1, p2) { return Math.atan2(p1.y - cy, p1.x - cx) - Math.atan2(p2.y - cy, p2.x - cx) || p1.i - p2.i; });
      var R = Math.max(span / (2 * Math.PI), biggest + 6);
      for (q = 0; q < n; q++) {
        var ang = Math.atan2(mem[0].y - cy, mem[0].x - cx) + 2 * Math.PI * q / n, i = mem[q].i;
        if (mem[0].x === cx && mem[0].y === cy) ang = -Math.PI / 2 + 2 * Math.PI * q / n;
        var ll = map.unproject(L.point(cx + R * Math.cos(ang), cy + R * Math.sin(ang)), zoom);
        this.markers[i].setLatLng(ll);
        this.moved.push(i);
        if (this.incidentPopup.isOpen() && this.incidentPopup._geoIndex === i) this.incidentPopup.setLatLng(ll);
        L.polyline([[inc.lat[i], inc.lon[i]], ll], {renderer: this.leaderRenderer, interactive: false, weight: 1,
                                                     color: "#333", opacity: 0.7}).addTo(this.leaders);
      }
    }
  };

  /* For tests: the container point each shown incident's marker is drawn at. */
  GeoApp.prototype.markerPoints = function () {
    var out = [], r = this.map.getContainer().getBoundingClientRect();
    for (var i = 0; i < this.n; i++) {
      if (!this.visibleFlags[i] || !this.map.hasLayer(this.markers[i])) continue;
      var p = this.map.latLngToContainerPoint(this.markers[i].getLatLng());
      out.push({id: this.S(this.inc.id[i]), x: p.x + r.left, y: p.y + r.top, index: i});
    }
    return out;
  };

  GeoApp.prototype.openIncident = function (i) {
    if (!this.visibleFlags[i]) return false;
    var g = this.groups[this.inc.type[i]];
    if (!this.map.hasLayer(g)) g.addTo(this.map);
    this.layoutRing();
    this.showPopup(i, this.markers[i].getLatLng());
    return true;
  };

  GeoApp.prototype.showPopup = function (i, latlng) {
    var p = this.incidentPopup;
    p._geoIndex = i;
    p.setLatLng(latlng).setContent(this.popup(i)).openOn(this.map);
  };
})();
