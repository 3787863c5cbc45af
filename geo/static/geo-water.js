/* geo map: lakes and rivers on the offline basemap, drawn as water over the land and under
 * everything else. The page carries only those around its incidents (geo/mapping/water.py):
 * OpenStreetMap's reduced lake and river polygons as geo ships them, each ring as integers in
 * 1e-3 degrees, the first point then differences. MIT licence, part of geo. */
(function () {
  "use strict";

  var UNIT = 1000, WATER = "#a9cbe6", RIVER = "#86b5dc";
  var CREDITS = "water © <a href=\"https://www.openstreetmap.org/copyright\" rel=\"noopener noreferrer\"" +
    " target=\"_blank\">OpenStreetMap</a> contributors";  // its copyright page names the ODbL

  function latLngs(polygon) {
    return polygon.map(function (r) {
      var out = new Array(r.length / 2), x = 0, y = 0;
      for (var k = 0; k < r.length; k += 2) {
        x += r[k]; y += r[k + 1];
        out[k / 2] = [y / UNIT, x / UNIT];
      }
      return out;
    });
  }

  GeoApp.prototype.buildWater = function () {
    var w = this.data.boundaries.water;
    if (!w || (!w.lakes.length && !w.rivers.length)) return;
    var pane = this.map.createPane("geo-water");
    pane.style.zIndex = 260;  // over the land (geo-basemap, 250), under the regions and incidents
    pane.style.pointerEvents = "none";
    // Credited while drawn (Leaflet's attribution control adds a layer's own text as it shows):
    // fixed text of this file, no data, which the control renders as HTML.
    var style = {pane: "geo-water", interactive: false, fillColor: WATER, fillOpacity: 1, color: WATER,
                 attribution: CREDITS};
    // A river piece is often narrower than a pixel: its outline keeps it drawn at every zoom.
    var rivers = L.polygon(w.rivers.map(latLngs), L.extend({}, style, {weight: 1.2, smoothFactor: 0.5, color: RIVER, fillColor: RIVER}));
    var lakes = L.polygon(w.lakes.map(latLngs), L.extend({weight: 0.6}, style));
    this.layers.water = L.layerGroup([rivers, lakes]);
    this.layers.boundaries.addLayer(this.layers.water);
  };
  GeoApp.parts.push("buildWater");
})();
