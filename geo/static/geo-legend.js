/* geo map: the legend, a collapsible panel (collapsed on a phone). MIT licence, part of geo. */
(function () {
  "use strict";
  var el = GeoApp.util.el;

  GeoApp.prototype.legendBody = function (box) {
    var d = this.data, app = this;
    for (var t = 0; t < d.types.length; t++) {
      var r = el("div", null, "geo-legend-row");
      var sw = el("span", null, "geo-swatch");
      sw.style.background = d.colors[t];
      r.appendChild(sw); r.appendChild(el("span", d.types[t]));
      box.appendChild(r);
    }
    var notes = [
      "Incidents: circles coloured by event type, sized by fatalities; where they crowd, set on a ring with a line to where each happened.",
      "Place mentions: purple, sized by how many articles name the place (dated by the article).",
      "Fatalities by region: darker = more killed in the dates shown.",
      "Heat: where incidents concentrate, weighted by fatalities.",
      "Clusters: incidents counted where they crowd.",
      "Basemap: offline outlines, names, water; OpenStreetMap tiles need a connection."
    ];
    for (var k = 0; k < notes.length; k++) box.appendChild(el("div", notes[k], "geo-legend-note"));
    var sc = el("div", null, "geo-legend-row");
    for (var j = 0; j < d.choroScale.length; j++) {
      var s = el("span", d.choroScale[j][0] + "+", "geo-swatch geo-swatch-wide");
      s.style.background = d.choroScale[j][1];
      s.style.color = j < 2 ? "#333" : "#fff";  // readable on the light end of the scale
      sc.appendChild(s);
    }
    box.appendChild(sc);
    if (d.unmapped.length) {
      // Kept in the data and the exports, but with no point or no date to draw.
      var u = el("div", d.unmapped.length + " incident(s) not on the map: ", "geo-unmapped");
      u.appendChild(el("span", d.unmapped.map(function (x) {
        return app.S(x[0]) + " (" + app.S(x[1]) + ")";
      }).join("; ")));
      box.appendChild(u);
    }
  };

  GeoApp.prototype.legend = function (position) {
    var app = this;
    var Ctl = L.Control.extend({
      onAdd: function () {
        var box = el("details", null, "leaflet-bar geo-legend");
        box.open = !app.narrow();
        L.DomEvent.disableScrollPropagation(box);
        L.DomEvent.disableClickPropagation(box);
        box.appendChild(el("summary", "Legend", "geo-dates-title"));
        app.legendBody(box);
        return box;
      }
    });
    return new Ctl({position: position || "bottomright"});
  };
})();
