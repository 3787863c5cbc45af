/* geo map: place mentions, each dated by its article's publication date. MIT licence, part of geo. */
(function () {
  "use strict";
  var u = GeoApp.util, el = u.el;

  GeoApp.prototype.buildMentions = function () {
    var m = this.data.mentions, g = L.layerGroup(), self = this;
    this.mentionMarkers = [];
    this.mentionFlags = new Uint8Array(m.lat.length);
    for (var i = 0; i < m.lat.length; i++) {
      var c = L.circleMarker([m.lat[i], m.lon[i]], {
        renderer: this.renderer, radius: 3 + 3 * Math.sqrt(m.refs[i].length), weight: 1, color: "#5b3a8c",
        fillColor: "#b9a3df", fillOpacity: 0.55
      });
      c._geoMention = i;
      c.bindPopup(function (layer) { return self.mentionPopup(layer._geoMention); }, {maxWidth: 340, maxHeight: 380});
      this.mentionMarkers.push(c);
    }
    this.layers.mentions = g;
    this.mentionGroup = g;
    this.follow(function (app) { app.applyMentions(); });
  };
  GeoApp.parts.push("buildMentions");

  /* The articles naming place i that the date range keeps (an undated one only with all dates). */
  GeoApp.prototype.mentionRefs = function (i) {
    var refs = this.data.mentions.refs[i], out = [], all = this.isAllDates();
    for (var k = 0; k < refs.length; k++) {
      var day = this.data.articles[refs[k][0]][3];
      if (day < 0 ? all : day >= this.since && day <= this.until) out.push(refs[k]);
    }
    return out;
  };

  GeoApp.prototype.applyMentions = function () {
    for (var i = 0; i < this.mentionMarkers.length; i++) {
      var vis = this.mentionRefs(i).length ? 1 : 0;
      if (vis === this.mentionFlags[i]) continue;
      this.mentionFlags[i] = vis;
      if (vis) this.mentionGroup.addLayer(this.mentionMarkers[i]);
      else this.mentionGroup.removeLayer(this.mentionMarkers[i]);
    }
  };

  /* For tests: the places now shown, each with the publication dates of the articles kept. */
  GeoApp.prototype.visibleMentions = function () {
    var out = [], m = this.data.mentions, self = this;
    for (var i = 0; i < m.lat.length; i++) {
      if (!this.mentionFlags[i]) continue;
      out.push({name: this.S(m.name[i]), dates: this.mentionRefs(i).map(function (r) {
        var day = self.data.articles[r[0]][3];
        return day < 0 ? null : u.isoDay(day);
      })});
    }
    return out;
  };

  GeoApp.prototype.mentionPopup = function (i) {
    var m = this.data.mentions, S = this.S, refs = this.mentionRefs(i), count = 0;
    var box = el("div", null, "geo-popup");
    box.appendChild(el("h4", S(m.name[i])));
    for (var k = 0; k < refs.length; k++) count += refs[k][1];
    box.appendChild(el("div", "Named in " + refs.length + (refs.length === 1 ? " article" : " articles") +
                       " of the dates shown (" + count + (count === 1 ? " mention)" : " mentions)")));
    for (k = 0; k < refs.length; k++) {
      var art = this.data.articles[refs[k][0]];
      var head = el("div", (S(art[1]) || S(art[0])) + (art[3] >= 0 ? " (" + u.isoDay(art[3]) + ")" : ""),
                    "geo-source-head");
      box.appendChild(head);
      var snips = refs[k][2];
      for (var j = 0; j < snips.length; j++) box.appendChild(el("blockquote", "… " + S(snips[j]) + " …"));
    }
    return box;
  };
})();
