/* geo map: the heat layer, weighted by fatalities, following the date range. MIT licence, part of geo. */
(function () {
  "use strict";

  GeoApp.prototype.buildHeat = function () {
    this.heat = L.heatLayer([], {radius: 22, blur: 18, maxZoom: 9, minOpacity: 0.3});
    this.layers.heat = this.heat;
    this.follow(function (app) {
      var inc = app.inc, pts = [];
      for (var i = 0; i < app.n; i++) {
        if (app.visibleFlags[i]) pts.push([inc.lat[i], inc.lon[i], 0.4 + Math.min(1, (inc.fat[i] || 0) / 10)]);
      }
      app.heat.setLatLngs(pts);
    });
  };
  GeoApp.parts.push("buildHeat");
})();
