/* geo map application: incident layers, date filter, popups. MIT licence, part of geo.
 *
 * Everything from articles and records reaches the page as JSON inside a
 * <script type="application/json"> element and is put into the DOM with
 * textContent only: no string from the data is ever parsed as HTML or code.
 */
(function () {
  "use strict";

  var DAY_MS = 86400000;
  var PRECISION = ["day", "week", "month"];
  var GEO_PRECISION = {1: "town or site", 2: "near / part of a region", 3: "region or country only"};

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function isoDay(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  function dayOf(iso) {
    var t = Date.parse(iso + "T00:00:00Z");
    return isNaN(t) ? null : Math.round(t / DAY_MS);
  }

  function radius(fatalities) {
    return 5 + 3 * Math.sqrt(fatalities || 0);
  }

  function GeoApp(map, data) {
    this.map = map;
    // Clustering needs a bounded zoom; the offline basemap has no tiles to give one.
    if (map.options.maxZoom === undefined) map.setMaxZoom(18);
    this.data = data;
    var S = data.strings;
    this.S = function (i) { return i < 0 ? null : S[i]; };
    this.inc = data.incidents;
    this.n = this.inc.lat.length;
    this.visibleFlags = new Uint8Array(this.n);
    // One canvas for all markers (the map's own renderer, preferCanvas): a second canvas
    // stacked on top would swallow the clicks meant for the first.
    this.renderer = map.getRenderer(L.circleMarker([0, 0]));
    this.layers = {};
    this.since = data.range[0];
    this.until = data.range[1];
    this._buildIncidents();
    this._buildMentions();
    this._buildChoropleth();
    this._buildHeat();
    this._buildCluster();
    this._buildBoundaries();
    this.apply(this.since, this.until);
    if (data.bounds) map.fitBounds(data.bounds, {animate: false, maxZoom: 8, padding: [20, 20]});
    this.readyAt = performance.now();  // for benchmarks: layers built...
    var self = this;  // ...and painted: the canvas draws on the next animation frames
    requestAnimationFrame(function () { requestAnimationFrame(function () { self.paintedAt = performance.now(); }); });
    this.ready = true;
  }

  GeoApp.prototype.layer = function (key) {
    return this.layers[key];
  };

  GeoApp.prototype._buildIncidents = function () {
    var inc = this.inc, self = this;
    this.markers = new Array(this.n);
    this.groups = [];
    for (var t = 0; t < this.data.types.length; t++) {
      var g = L.layerGroup();
      this.groups.push(g);
      this.layers["incidents:" + this.data.types[t]] = g;
    }
    for (var i = 0; i < this.n; i++) {
      if (inc.lat[i] === null) continue;
      var m = L.circleMarker([inc.lat[i], inc.lon[i]], {
        renderer: this.renderer, radius: radius(inc.fat[i]), weight: 1, color: "#222",
        fillColor: this.data.colors[inc.type[i]], fillOpacity: 0.85
      });
      m._geoIndex = i;
      m.bindPopup(function (layer) { return self.popup(layer._geoIndex); }, {maxWidth: 360, maxHeight: 420});
      this.markers[i] = m;
    }
  };

  GeoApp.prototype.popup = function (i) {
    var inc = this.inc, S = this.S, d = this.data;
    var box = el("div", null, "geo-popup");
    box.appendChild(el("h4", S(inc.loc[i])));
    var dl = el("dl");
    function row(k, v) { if (v === null || v === undefined || v === "") return; dl.appendChild(el("dt", k)); dl.appendChild(el("dd", v)); }
    row("Date", isoDay(inc.day[i]) + " (precision: " + PRECISION[inc.prec[i]] + ")");
    row("Place", S(inc.loc[i]) + (inc.admin1[i] >= 0 ? ", " + S(inc.admin1[i]) : "") +
        " — " + (GEO_PRECISION[inc.geo[i]] || "precision unknown"));
    row("Type", d.types[inc.type[i]] + " / " + S(inc.sub[i]));
    row("Fatalities", inc.fat[i]);
    row("Status", S(inc.status[i]));
    if (inc.notes[i] >= 0) row("Notes", S(inc.notes[i]));
    box.appendChild(dl);
    var sources = inc.src[i];
    box.appendChild(el("h5", sources.length + (sources.length === 1 ? " source" : " sources")));
    for (var k = 0; k < sources.length; k++) {
      var s = sources[k], art = d.articles[s[0]];
      var p = el("div", null, "geo-source");
      var head = el("div", null, "geo-source-head");
      head.appendChild(el("strong", S(art[1]) || S(art[0])));
      if (art[2] >= 0) head.appendChild(el("span", " — " + S(art[2])));
      p.appendChild(head);
      var figures = [];
      if (s[2] !== null) figures.push(s[2] + " killed");
      if (s[3] !== null) figures.push(s[3] + " injured");
      if (s[4] !== null) figures.push(s[4] + " arrested");
      if (figures.length) p.appendChild(el("div", "This source: " + figures.join(", "), "geo-figures"));
      p.appendChild(el("blockquote", S(s[1])));
      box.appendChild(p);
    }
    box.appendChild(el("div", S(inc.id[i]), "geo-id"));
    return box;
  };

  GeoApp.prototype._buildMentions = function () {
    var m = this.data.mentions, S = this.S, g = L.layerGroup();
    for (var i = 0; i < m.lat.length; i++) {
      var c = L.circleMarker([m.lat[i], m.lon[i]], {
        renderer: this.renderer, radius: 3 + 3 * Math.sqrt(m.n[i]), weight: 1, color: "#5b3a8c",
        fillColor: "#b9a3df", fillOpacity: 0.55
      });
      (function (i) {
        c.bindPopup(function () {
          var box = el("div", null, "geo-popup");
          box.appendChild(el("h4", S(m.name[i])));
          box.appendChild(el("div", "Named in " + m.n[i] + (m.n[i] === 1 ? " article" : " articles") +
                             " (" + m.count[i] + " mentions)"));
          var snippets = m.snip[i];
          for (var k = 0; k < snippets.length; k++) box.appendChild(el("blockquote", "… " + S(snippets[k]) + " …"));
          return box;
        }, {maxWidth: 340});
      })(i);
      g.addLayer(c);
    }
    this.layers.mentions = g;
  };

  GeoApp.prototype._buildChoropleth = function () {
    var self = this, deps = this.data.departments;
    this.deptFatal = new Array(deps.features.length).fill(0);
    // Below the incident markers, above the basemap: a tint must not veil what it counts.
    this.map.createPane("geo-choropleth").style.zIndex = 350;
    this.choro = L.geoJSON(deps, {
      pane: "geo-choropleth",
      style: function (f) { return self._deptStyle(f.properties.i); },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(function () {
          return el("span", f.properties.name + ": " + self.deptFatal[f.properties.i] + " killed (dates shown)");
        }, {sticky: true});
      }
    });
    this.layers.choropleth = this.choro;
  };

  GeoApp.prototype._deptStyle = function (i) {
    var v = this.deptFatal ? this.deptFatal[i] : 0, scale = this.data.choroScale, color = scale[0][1];
    for (var k = 0; k < scale.length; k++) if (v >= scale[k][0]) color = scale[k][1];
    return {color: "#7a0000", weight: 1, fillColor: color, fillOpacity: v > 0 ? 0.6 : 0.08};
  };

  GeoApp.prototype._buildHeat = function () {
    this.heat = L.heatLayer([], {radius: 22, blur: 18, maxZoom: 9, minOpacity: 0.3});
    this.layers.heat = this.heat;
  };

  GeoApp.prototype._buildCluster = function () {
    var self = this;
    this.cluster = L.markerClusterGroup({chunkedLoading: true, showCoverageOnHover: false});
    this.clusterFilled = false;
    // Built when first shown: the cluster index costs time nobody should pay for a hidden layer.
    this.cluster.on("add", function () { self._fillCluster(); });
    this.layers.cluster = this.cluster;
  };

  GeoApp.prototype._fillCluster = function () {
    var batch = [], inc = this.inc, self = this;
    for (var i = 0; i < this.n; i++) {
      if (!this.visibleFlags[i] || inc.lat[i] === null) continue;
      var mk = L.marker([inc.lat[i], inc.lon[i]], {icon: L.divIcon({className: "geo-dot", iconSize: [10, 10]})});
      mk._geoIndex = i;
      mk.bindPopup(function (layer) { return self.popup(layer._geoIndex); }, {maxWidth: 360, maxHeight: 420});
      batch.push(mk);
    }
    this.cluster.clearLayers();
    this.cluster.addLayers(batch);
    this.clusterFilled = true;
  };

  GeoApp.prototype._buildBoundaries = function () {
    var b = this.data.boundaries;
    var pane = this.map.createPane("geo-basemap");
    pane.style.zIndex = 250;
    var opts = function (style) { return {pane: "geo-basemap", interactive: false, style: style}; };
    this.layers.boundaries = L.layerGroup([
      L.geoJSON(b.countries, opts({color: "#8a8a8a", weight: 0.8, fillColor: "#f2efe9", fillOpacity: 1})),
      L.geoJSON(b.provinces, opts({color: "#b9b4aa", weight: 0.5, dashArray: "2 3", fill: false})),
      L.geoJSON(b.departments, opts({color: "#6d6a63", weight: 1.2, fill: false}))
    ]);
    this.map.getContainer().style.background = "#cfe3f0";
  };

  /* Show the incidents dated from `since` to `until` (days since 1970-01-01, inclusive). */
  GeoApp.prototype.apply = function (since, until) {
    var inc = this.inc, heatPts = [], shown = 0;
    this.since = since; this.until = until;
    this.deptFatal.fill(0);
    for (var i = 0; i < this.n; i++) {
      var vis = inc.day[i] >= since && inc.day[i] <= until ? 1 : 0;
      var m = this.markers[i];
      if (vis !== this.visibleFlags[i] && m) {
        if (vis) this.groups[inc.type[i]].addLayer(m); else this.groups[inc.type[i]].removeLayer(m);
      }
      this.visibleFlags[i] = vis;
      if (!vis) continue;
      shown++;
      if (m) heatPts.push([inc.lat[i], inc.lon[i], 0.4 + Math.min(1, (inc.fat[i] || 0) / 10)]);
      if (inc.dept[i] >= 0) this.deptFatal[inc.dept[i]] += inc.fat[i] || 0;
    }
    var self = this;
    this.choro.eachLayer(function (l) { l.setStyle(self._deptStyle(l.feature.properties.i)); });
    this.heat.setLatLngs(heatPts);
    if (this.clusterFilled && this.map.hasLayer(this.cluster)) this._fillCluster();
    else this.clusterFilled = false;
    this.shown = shown;
    if (this.onchange) this.onchange(shown, this.n);
  };

  /* For tests and scripts: the incidents now shown. */
  GeoApp.prototype.visible = function () {
    var out = [], inc = this.inc, S = this.S;
    for (var i = 0; i < this.n; i++) {
      if (!this.visibleFlags[i]) continue;
      out.push({id: S(inc.id[i]), date: isoDay(inc.day[i]), lat: inc.lat[i], lon: inc.lon[i],
                location: S(inc.loc[i]), type: this.data.types[inc.type[i]]});
    }
    return out;
  };

  GeoApp.prototype.openPopup = function (id) {
    for (var i = 0; i < this.n; i++) {
      if (this.S(this.inc.id[i]) === id && this.markers[i]) {
        if (!this.map.hasLayer(this.markers[i])) this.groups[this.inc.type[i]].addTo(this.map);
        this.markers[i].openPopup();
        return true;
      }
    }
    return false;
  };

  /* The date-range control: two dates, the count, and a player that steps through the days. */
  GeoApp.prototype.dateControl = function (position) {
    var app = this;
    var Ctl = L.Control.extend({
      onAdd: function () {
        var box = el("div", null, "leaflet-bar geo-dates");
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        box.appendChild(el("div", "Incident dates", "geo-dates-title"));
        var from = el("input"), to = el("input");
        from.type = to.type = "date";
        from.id = "geo-since"; to.id = "geo-until";
        from.min = to.min = isoDay(app.data.range[0]);
        from.max = to.max = isoDay(app.data.range[1]);
        from.value = isoDay(app.since); to.value = isoDay(app.until);
        var l1 = el("label", "from "), l2 = el("label", " to ");
        l1.appendChild(from); l2.appendChild(to);
        box.appendChild(l1); box.appendChild(l2);
        var count = el("div", "", "geo-count");
        count.id = "geo-count";
        box.appendChild(count);
        var play = el("button", "▶ play days"), reset = el("button", "all dates");
        play.type = reset.type = "button";
        box.appendChild(play); box.appendChild(reset);
        function update() {
          var a = dayOf(from.value), b = dayOf(to.value);
          if (a === null) a = app.data.range[0];
          if (b === null) b = app.data.range[1];
          app.apply(a, b);
        }
        from.addEventListener("change", update); to.addEventListener("change", update);
        from.addEventListener("input", update); to.addEventListener("input", update);
        var timer = null;
        play.addEventListener("click", function () {
          if (timer) { clearInterval(timer); timer = null; play.textContent = "▶ play days"; return; }
          var day = app.data.range[0];
          play.textContent = "❚❚ pause";
          timer = setInterval(function () {
            from.value = to.value = isoDay(day); update();
            day += 1;
            if (day > app.data.range[1]) { clearInterval(timer); timer = null; play.textContent = "▶ play days"; }
          }, 800);
        });
        reset.addEventListener("click", function () {
          from.value = isoDay(app.data.range[0]); to.value = isoDay(app.data.range[1]); update();
        });
        app.onchange = function (shown, total) {
          count.textContent = shown + " of " + total + " incidents shown";
        };
        app.onchange(app.shown, app.n);
        return box;
      }
    });
    return new Ctl({position: position || "topleft"});
  };

  GeoApp.prototype.legend = function (position) {
    var app = this, d = this.data;
    var Ctl = L.Control.extend({
      onAdd: function () {
        var box = el("div", null, "leaflet-bar geo-legend");
        L.DomEvent.disableScrollPropagation(box);
        box.appendChild(el("div", "Legend", "geo-dates-title"));
        for (var t = 0; t < d.types.length; t++) {
          var r = el("div", null, "geo-legend-row");
          var sw = el("span", null, "geo-swatch");
          sw.style.background = d.colors[t];
          r.appendChild(sw); r.appendChild(el("span", d.types[t]));
          box.appendChild(r);
        }
        var notes = [
          "Incidents: circles coloured by event type, sized by fatalities.",
          "Place mentions: purple, sized by how many articles name the place.",
          "Fatalities by department: darker = more killed in the dates shown.",
          "Heat: where incidents concentrate, weighted by fatalities.",
          "Clusters: incidents grouped where they crowd.",
          "Basemap: offline boundaries; OpenStreetMap tiles need a connection."
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
        return box;
      }
    });
    return new Ctl({position: position || "bottomright"});
  };

  window.GeoApp = GeoApp;
})();
