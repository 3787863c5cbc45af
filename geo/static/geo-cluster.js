/* geo map: the clusters layer. The incidents of the dates shown are counted into cells of
 * CELL pixels at the zoom in view (one pass over typed arrays: 100,000 in some ms; each zoom's
 * cells are kept until the dates change), and only the cells in view become markers: a cluster
 * at its incidents' mean point, coloured by the type most of them have, or the incident itself.
 * A click on a cluster zooms to its incidents; incidents on one point spread out on a circle.
 * (Leaflet.markercluster indexed every zoom at once, one marker object each: 100,000 took 6-8 s.)
 * MIT licence, part of geo. */
(function () {
  "use strict";
  var el = GeoApp.util.el;
  var CELL = 48, SPREAD = 28;

  GeoApp.prototype.buildCluster = function () {
    var app = this, css = [];
    for (var t = 0; t < this.data.colors.length; t++) {
      var c = this.data.colors[t];
      if (/^#[0-9a-fA-F]{3,8}$/.test(c)) css.push(".geo-dot-" + t + ", .geo-cluster-" + t + " > div {background:" + c + "}");
    }
    var style = document.createElement("style");
    style.textContent = css.join("\n");
    document.head.appendChild(style);
    this.icons = this.data.colors.map(function (_, t) {
      return L.divIcon({className: "geo-dot geo-dot-" + t, iconSize: [12, 12]});
    });
    var Layer = L.FeatureGroup.extend({
      onAdd: function (map) {
        L.FeatureGroup.prototype.onAdd.call(this, map);
        map.on("moveend", app.drawCluster, app);
        map.on("zoomstart", app.closeSpread, app);
        app.fillCluster();
      },
      onRemove: function (map) {
        map.off("moveend", app.drawCluster, app);
        map.off("zoomstart", app.closeSpread, app);
        L.FeatureGroup.prototype.onRemove.call(this, map);
        this.clearLayers();
      }
    });
    this.cluster = new Layer();
    this.cluster.on("click", function (e) {
      L.DomEvent.stop(e);
      if (e.layer._geoCluster !== undefined) app.clusterClick(e.layer._geoCluster, e.layer.getLatLng());
      else app.showPopup(e.layer._geoIndex, e.layer.getLatLng());
    });
    this.clusterIndex = null;  // counted (true) for the dates shown, or not yet
    this.clusterCache = {};
    this.follow(function (a) {
      if (a.map.hasLayer(a.cluster)) a.fillCluster(); else a.clusterIndex = null;
    });
    this.layers.cluster = this.cluster;
  };
  GeoApp.parts.push("buildCluster");

  /* Each incident's Web Mercator position in [0, 1), once. */
  GeoApp.prototype.mercator = function () {
    if (this._merc) return this._merc;
    var inc = this.inc, x = new Float64Array(this.n), y = new Float64Array(this.n);
    for (var i = 0; i < this.n; i++) {
      var s = Math.sin(Math.max(-85, Math.min(85, inc.lat[i])) * Math.PI / 180);
      x[i] = (inc.lon[i] + 180) / 360;
      y[i] = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
    }
    return (this._merc = {x: x, y: y});
  };

  /* The cells of `zoom`: count, mean point, bounds and types of the incidents shown in each. */
  GeoApp.prototype.clusterCells = function (zoom) {
    var cache = this.clusterCache;
    if (cache[zoom]) return cache[zoom];
    var m = this.mercator(), inc = this.inc, scale = 256 * Math.pow(2, zoom) / CELL, across = Math.ceil(scale) + 1;
    var at = new Map(), cells = [], ntypes = this.data.types.length;
    for (var i = 0; i < this.n; i++) {
      if (!this.visibleFlags[i]) continue;
      var key = Math.floor(m.y[i] * scale) * across + Math.floor(m.x[i] * scale), c = at.get(key);
      if (c === undefined) {
        c = {key: key, n: 0, lat: 0, lon: 0, s: 90, w: 180, nn: -90, e: -180, types: new Int32Array(ntypes), first: i};
        at.set(key, c);
        cells.push(c);
      }
      var la = inc.lat[i], lo = inc.lon[i];
      c.n += 1; c.lat += la; c.lon += lo; c.types[inc.type[i]] += 1;
      if (la < c.s) c.s = la;
      if (la > c.nn) c.nn = la;
      if (lo < c.w) c.w = lo;
      if (lo > c.e) c.e = lo;
    }
    for (var k = 0; k < cells.length; k++) { cells[k].lat /= cells[k].n; cells[k].lon /= cells[k].n; }
    return (cache[zoom] = {cells: cells, scale: scale, across: across});
  };

  /* Counted anew for the dates shown, then drawn for what is in view. */
  GeoApp.prototype.fillCluster = function () {
    this.clusterCache = {};
    this.clusterIndex = true;
    this.drawCluster();
  };

  GeoApp.prototype.clusterIcon = function (c) {
    var top = 0;
    for (var k = 1; k < c.types.length; k++) if (c.types[k] > c.types[top]) top = k;
    var size = c.n < 10 ? "small" : c.n < 100 ? "medium" : "large";
    var html = el("div");
    html.appendChild(el("span", c.n >= 10000 ? Math.round(c.n / 1000) + "k" : c.n >= 1000 ? (c.n / 1000).toFixed(1) + "k" : c.n));
    return L.divIcon({html: html, className: "geo-cluster geo-cluster-" + size + " geo-cluster-" + top, iconSize: [40, 40]});
  };

  /* The cells in view (and a little around it) at this zoom, as markers. */
  GeoApp.prototype.drawCluster = function () {
    var map = this.map;
    this.closeSpread();
    this.cluster.clearLayers();
    if (!this.clusterIndex) return;
    var b = map.getBounds().pad(0.2), zoom = Math.round(map.getZoom()), cells = this.clusterCells(zoom).cells;
    for (var k = 0; k < cells.length; k++) {
      var c = cells[k], mk;
      if (!b.contains([c.lat, c.lon])) continue;
      if (c.n > 1) {
        mk = L.marker([c.lat, c.lon], {icon: this.clusterIcon(c)});
        mk._geoCluster = c;
      } else {
        mk = L.marker([c.lat, c.lon], {icon: this.icons[this.inc.type[c.first]]});
        mk._geoIndex = c.first;
      }
      this.cluster.addLayer(mk);
    }
    this.clusterDrawnAt = performance.now();  // for benchmarks: the clusters are on the map
  };

  /* The incidents counted in a cell. */
  GeoApp.prototype.cellMembers = function (c) {
    var m = this.mercator(), grid = this.clusterCells(Math.round(this.map.getZoom())), out = [];
    for (var i = 0; i < this.n; i++) {
      if (this.visibleFlags[i] && Math.floor(m.y[i] * grid.scale) * grid.across + Math.floor(m.x[i] * grid.scale) === c.key) out.push(i);
    }
    return out;
  };

  /* Zoom to the cluster's incidents; if they lie on one point (or the zoom is at its deepest),
   * spread them out. */
  GeoApp.prototype.clusterClick = function (c, latlng) {
    var map = this.map, z = map.getZoom(), bounds = L.latLngBounds([c.s, c.w], [c.nn, c.e]);
    if ((c.s !== c.nn || c.w !== c.e) && z < map.getMaxZoom()) {
      map.setView(bounds.getCenter(), Math.min(map.getMaxZoom(), Math.max(z + 1, map.getBoundsZoom(bounds.pad(0.1)))));
      return;
    }
    this.spread(this.cellMembers(c), latlng);
  };

  GeoApp.prototype.spread = function (leaves, latlng) {  // leaves: incident indexes
    var map = this.map, centre = map.latLngToLayerPoint(latlng), n = leaves.length;
    this.closeSpread();
    var R = Math.max(30, SPREAD * n / (2 * Math.PI)), group = this.spreadGroup = L.featureGroup();
    for (var k = 0; k < n; k++) {
      var a = 2 * Math.PI * k / n - Math.PI / 2, i = leaves[k];
      var at = map.layerPointToLatLng(centre.add([R * Math.cos(a), R * Math.sin(a)]));
      L.polyline([latlng, at], {weight: 1.5, color: "#222", opacity: 0.5, interactive: false}).addTo(group);
      var mk = L.marker(at, {icon: this.icons[this.inc.type[i]], zIndexOffset: 1000});
      mk._geoIndex = i;
      group.addLayer(mk);
    }
    var app = this;
    group.on("click", function (e) {
      L.DomEvent.stop(e);
      if (e.layer._geoIndex !== undefined) app.showPopup(e.layer._geoIndex, e.layer.getLatLng());
    });
    group.addTo(map);
  };

  GeoApp.prototype.closeSpread = function () {
    if (this.spreadGroup) { this.map.removeLayer(this.spreadGroup); this.spreadGroup = null; }
  };
})();
