/* geo map: the heat layer, weighted by fatalities, following the date range. MIT licence, part of geo. */
(function () {
  "use strict";

  GeoApp.prototype.buildHeat = function () {
    var app = this;
    this.heat = L.heatLayer([], {radius: 22, blur: 18, maxZoom: 9, minOpacity: 0.3});
    // Its points are gathered when it is on the map: while it is off, a date change costs nothing here.
    var onAdd = this.heat.onAdd;
    this.heat.onAdd = function (map) { this._latlngs = app.heatPoints(); return onAdd.call(this, map); };
    this.layers.heat = this.heat;
    this.follow(function (a) { if (a.map.hasLayer(a.heat)) a.heat.setLatLngs(a.heatPoints()); });
  };

  GeoApp.prototype.heatPoints = function () {
    var inc = this.inc, pts = [];
    for (var i = 0; i < this.n; i++) {
      if (this.visibleFlags[i]) pts.push([inc.lat[i], inc.lon[i], 0.4 + Math.min(1, (inc.fat[i] || 0) / 10)]);
    }
    return pts;
  };
  GeoApp.parts.push("buildHeat");
})();
