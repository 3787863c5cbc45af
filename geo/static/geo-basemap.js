/* geo map: the offline basemap (country outlines, the admin-1 regions of the incidents'
 * countries) and the credits of the data the page is made of. MIT licence, part of geo. */
(function () {
  "use strict";

  var CREDITS = "Places © <a href=\"https://www.geonames.org\" rel=\"noopener noreferrer\" target=\"_blank\">GeoNames</a>" +
    " (CC BY 4.0), <a href=\"https://whosonfirst.org\" rel=\"noopener noreferrer\" target=\"_blank\">Who's On First</a>;" +
    " boundaries <a href=\"https://www.naturalearthdata.com\" rel=\"noopener noreferrer\" target=\"_blank\">Natural Earth</a>";

  GeoApp.prototype.buildBasemap = function () {
    var b = this.data.boundaries;
    var pane = this.map.createPane("geo-basemap");
    pane.style.zIndex = 250;
    var opts = function (style) { return {pane: "geo-basemap", interactive: false, style: style}; };
    var parts = [L.geoJSON(b.countries, opts({color: "#8a8a8a", weight: 0.8, fillColor: "#f2efe9", fillOpacity: 1}))];
    if (b.provinces) parts.push(L.geoJSON(b.provinces, opts({color: "#b9b4aa", weight: 0.5, dashArray: "2 3", fill: false})));
    parts.push(L.geoJSON(this.data.regions, opts({color: "#6d6a63", weight: 1.1, fill: false})));
    this.layers.boundaries = L.layerGroup(parts);
    this.map.getContainer().style.background = "#cfe3f0";
    // Fixed text of this file (no data): the attribution control renders it as HTML.
    if (this.map.attributionControl) this.map.attributionControl.addAttribution(CREDITS);
  };
  GeoApp.parts.push("buildBasemap");
})();
