/* geo map: fatalities by admin-1 region for the dates shown, with a tooltip on hover. MIT licence, part of geo.
 *
 * The regions draw below the incidents' canvas, which takes every mouse event: their
 * tooltip is found from the map's own mousemove (point in polygon), not from the shapes.
 */
(function () {
  "use strict";
  var el = GeoApp.util.el;

  function inRing(x, y, ring) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  function polygons(geom) {
    return geom.type === "Polygon" ? [geom.coordinates] : geom.type === "MultiPolygon" ? geom.coordinates : [];
  }

  GeoApp.prototype.buildRegions = function () {
    var self = this, fc = this.data.regions;
    this.regionFatal = new Array(fc.features.length).fill(0);
    this.regionCount = new Array(fc.features.length).fill(0);
    this.regionBoxes = fc.features.map(function (f) {
      var b = L.geoJSON(f).getBounds();
      return {bounds: b, polys: polygons(f.geometry)};
    });
    // Below the incident markers, above the basemap: a tint must not veil what it counts.
    this.map.createPane("geo-choropleth").style.zIndex = 350;
    this.choro = L.geoJSON(fc, {
      pane: "geo-choropleth", interactive: false,
      style: function (f) { return self.regionStyle(f.properties.i); }
    });
    this.layers.choropleth = this.choro;
    this.regionTip = L.tooltip({direction: "top", offset: [0, -10], className: "geo-region-tip"});
    this.map.on("mousemove", function (e) { self.hoverRegion(e.latlng); });
    this.map.on("mouseout", function () { self.map.closeTooltip(self.regionTip); });
    this.follow(function (app) { app.applyRegions(); });
  };
  GeoApp.parts.push("buildRegions");

  GeoApp.prototype.regionAt = function (latlng) {
    var x = latlng.lng, y = latlng.lat;
    for (var k = 0; k < this.regionBoxes.length; k++) {
      var r = this.regionBoxes[k];
      if (!r.bounds.contains(latlng)) continue;
      for (var p = 0; p < r.polys.length; p++) {
        var poly = r.polys[p];
        if (!inRing(x, y, poly[0])) continue;
        var hole = false;
        for (var h = 1; h < poly.length && !hole; h++) hole = inRing(x, y, poly[h]);
        if (!hole) return k;
      }
    }
    return -1;
  };

  GeoApp.prototype.hoverRegion = function (latlng) {
    var k = this.map.hasLayer(this.choro) ? this.regionAt(latlng) : -1;
    if (k < 0) { this.map.closeTooltip(this.regionTip); return; }
    var f = this.data.regions.features[k].properties, n = this.regionCount[k], killed = this.regionFatal[k];
    var box = el("div", null, "geo-region-tip-body");
    box.appendChild(el("strong", f.name + (f.country ? " (" + f.country + ")" : "")));
    box.appendChild(el("div", killed + " killed, " + n + (n === 1 ? " incident" : " incidents") + " in the dates shown"));
    this.regionTip.setContent(box).setLatLng(latlng);
    if (!this.map.hasLayer(this.regionTip)) this.regionTip.openOn(this.map);
  };

  GeoApp.prototype.applyRegions = function () {
    var inc = this.inc, self = this;
    this.regionFatal.fill(0); this.regionCount.fill(0);
    var by = this.byDay, s = this.shownSlice();
    for (var k = s[0]; k < s[1]; k++) {
      var i = by[k];
      if (inc.region[i] < 0) continue;
      this.regionFatal[inc.region[i]] += inc.fat[i] || 0;
      this.regionCount[inc.region[i]] += 1;
    }
    this.choro.eachLayer(function (l) { l.setStyle(self.regionStyle(l.feature.properties.i)); });
  };

  GeoApp.prototype.regionStyle = function (i) {
    var v = this.regionFatal ? this.regionFatal[i] : 0, scale = this.data.choroScale, color = scale[0][1];
    for (var k = 0; k < scale.length; k++) if (v >= scale[k][0]) color = scale[k][1];
    return {color: "#7a0000", weight: 1, fillColor: color, fillOpacity: v > 0 ? 0.45 : 0.06};
  };
})();
