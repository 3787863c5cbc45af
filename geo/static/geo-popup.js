/* geo map: an incident's popup (its record and every source, each with its own figures). MIT licence, part of geo. */
(function () {
  "use strict";
  var u = GeoApp.util, el = u.el;
  var PRECISION = ["day", "week", "month"];
  var GEO_PRECISION = {1: "town or site", 2: "near / part of a region", 3: "region or country only"};
  var SAFE_URL = /^https?:\/\/[^\s]+$/i;

  /* The source's title as a link when its URL is http(s), else as text (a javascript: URL is no link). */
  function sourceTitle(text, url) {
    if (url && SAFE_URL.test(url)) {
      var a = el("a", text, "geo-source-link");
      a.href = url;  // an attribute set from a checked string, never parsed as HTML
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      return a;
    }
    var s = el("strong", text);
    if (url) s.title = url;
    return s;
  }

  GeoApp.prototype.sourceBox = function (s) {
    var S = this.S, art = this.data.articles[s[0]];
    var p = el("div", null, "geo-source");
    var head = el("div", null, "geo-source-head");
    head.appendChild(sourceTitle(S(art[1]) || S(art[0]), S(art[4])));
    var meta = [];
    if (art[2] >= 0) meta.push(S(art[2]));
    meta.push(art[3] >= 0 ? "published " + u.isoDay(art[3]) : "publication date unknown");
    head.appendChild(el("div", meta.join(" · "), "geo-source-meta"));
    if (art[4] >= 0 && !SAFE_URL.test(S(art[4]))) head.appendChild(el("div", S(art[4]), "geo-source-url"));
    p.appendChild(head);
    var figures = [];
    if (s[2] !== null) figures.push(s[2] + " killed");
    if (s[3] !== null) figures.push(s[3] + " injured");
    if (s[4] !== null) figures.push(s[4] + " arrested");
    p.appendChild(el("div", figures.length ? "This source: " + figures.join(", ") : "This source gives no figures",
                     "geo-figures"));
    if (s[1] >= 0) p.appendChild(el("blockquote", S(s[1])));
    return p;
  };

  /* A popup fades out for 200 ms once closed, and would take the clicks meant for what lies
   * under it all that time: while it closes, it takes none (geo-closing, geo-map.css). */
  GeoApp.prototype.buildPopups = function () {
    this.map.on("popupclose", function (e) {
      var c = e.popup.getElement();
      if (c) L.DomUtil.addClass(c, "geo-closing");
    });
    this.map.on("popupopen", function (e) {
      var c = e.popup.getElement();
      if (c) L.DomUtil.removeClass(c, "geo-closing");
    });
  };
  GeoApp.parts.push("buildPopups");

  GeoApp.prototype.popup = function (i) {
    var inc = this.inc, S = this.S, d = this.data;
    var box = el("div", null, "geo-popup");
    box.appendChild(el("h4", S(inc.loc[i])));
    var dl = el("dl");
    function row(k, v) {
      if (v === null || v === undefined || v === "") return;
      dl.appendChild(el("dt", k)); dl.appendChild(el("dd", v));
    }
    row("Date", u.isoDay(inc.day[i]) + " (precision: " + PRECISION[inc.prec[i]] + ")");
    row("Place", S(inc.loc[i]) + (inc.admin1[i] >= 0 ? ", " + S(inc.admin1[i]) : "") +
        " — " + (GEO_PRECISION[inc.geo[i]] || "precision unknown"));
    row("Type", d.types[inc.type[i]] + (inc.sub[i] >= 0 ? " / " + S(inc.sub[i]) : ""));
    row("Fatalities", inc.fat[i] === null ? "unknown" : inc.fat[i]);
    row("Status", S(inc.status[i]));
    if (inc.notes[i] >= 0) row("Notes", S(inc.notes[i]));
    box.appendChild(dl);
    var sources = this.sources(i);
    box.appendChild(el("h5", sources.length + (sources.length === 1 ? " source" : " sources")));
    for (var k = 0; k < sources.length; k++) box.appendChild(this.sourceBox(sources[k]));
    box.appendChild(el("div", S(inc.id[i]), "geo-id"));
    return box;
  };
})();
