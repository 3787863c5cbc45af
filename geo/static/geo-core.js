/* geo map application, core: the data, the date range every part follows, the view. MIT licence, part of geo.
 *
 * Everything from articles and records reaches the page as JSON inside a
 * <script type="application/json"> element and is put into the DOM with
 * textContent only: no string from the data is ever parsed as HTML or code.
 * The other geo-*.js files add one part each to GeoApp.prototype (markers,
 * popups, mentions, regions, timeline, list, layout); GeoApp.parts lists the
 * builders the constructor runs, in order.
 */
(function () {
  "use strict";

  var DAY_MS = 86400000;

  var util = {
    el: function (tag, text, cls) {
      var e = document.createElement(tag);
      if (text !== undefined && text !== null) e.textContent = String(text);
      if (cls) e.className = cls;
      return e;
    },
    isoDay: function (day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); },
    dayOf: function (iso) {
      var t = Date.parse(iso + "T00:00:00Z");
      return isNaN(t) ? null : Math.round(t / DAY_MS);
    },
    radius: function (fatalities) { return 5 + 3 * Math.sqrt(fatalities || 0); }
  };

  function GeoApp(map, data) {
    this.map = map;
    // Clustering needs a bounded zoom; the offline basemap has no tiles to give one.
    if (map.options.maxZoom === undefined) map.setMaxZoom(18);
    this.data = data;
    var S = data.strings;
    this.S = function (i) { return i < 0 ? null : S[i]; };
    this.inc = GeoApp.decode(data.incidents);  // geo-data.js
    this.n = this.inc.n;
    this.visibleFlags = new Uint8Array(this.n);
    this.layers = {};
    this.listeners = [];
    this.since = data.range[0];
    this.until = data.range[1];
    this.indexDays();
    for (var k = 0; k < GeoApp.parts.length; k++) this[GeoApp.parts[k]]();
  }
  GeoApp.util = util;
  GeoApp.parts = [];

  GeoApp.prototype.layer = function (key) { return this.layers[key]; };

  /* Call fn(app) after every change of the date range (and once now, if started). */
  GeoApp.prototype.follow = function (fn) { this.listeners.push(fn); };

  /* The last step, once folium has added every layer and control: apply the dates, set the view. */
  GeoApp.prototype.start = function () {
    if (this.setupLayout) this.setupLayout();
    this.apply(this.since, this.until);
    this.fitView();
    this.readyAt = performance.now();  // for benchmarks: layers built...
    var self = this;  // ...and painted: the canvas draws on the next animation frames
    requestAnimationFrame(function () { requestAnimationFrame(function () { self.paintedAt = performance.now(); }); });
    this.ready = true;
  };

  /* The opening view: the incidents that matter (payload.view); all of them with `all`. */
  GeoApp.prototype.fitView = function (all) {
    var b = all ? this.data.bounds : (this.data.view || this.data.bounds);
    if (!b) return;
    // Clear of the layer box and legend on the right when there is room for them.
    var right = this.narrow && !this.narrow() ? 290 : 24;
    this.map.fitBounds(b, {animate: false, maxZoom: all ? 12 : 8, paddingTopLeft: [56, 24],
                           paddingBottomRight: [right, 24]});
  };

  /* Incidents in day order (by index within a day), so that the incidents of a date range are
   * one slice of byDay: from dayStart[since - range[0]] to dayStart[until - range[0] + 1]. */
  GeoApp.prototype.indexDays = function () {
    var r0 = this.data.range[0], days = this.data.range[1] - r0 + 1, day = this.inc.day, i;
    var start = new Int32Array(days + 1), by = new Int32Array(this.n);
    for (i = 0; i < this.n; i++) start[day[i] - r0 + 1] += 1;
    for (var d = 0; d < days; d++) start[d + 1] += start[d];
    var next = start.slice(0, days);
    for (i = 0; i < this.n; i++) by[next[day[i] - r0]++] = i;
    this.byDay = by;
    this.dayStart = start;
    this.flagged = null;  // the range visibleFlags holds (none yet)
  };

  /* [first, end) in byDay: the incidents of the dates shown. */
  GeoApp.prototype.shownSlice = function () {
    var r0 = this.data.range[0];
    return [this.dayStart[this.since - r0], this.dayStart[this.until - r0 + 1]];
  };

  /* Show the incidents dated from `since` to `until` (days since 1970-01-01, inclusive). */
  GeoApp.prototype.apply = function (since, until) {
    var r0 = this.data.range[0], was = this.flagged;
    since = Math.max(since, r0); until = Math.min(until, this.data.range[1]);
    if (since > until) { var t = since; since = until; until = t; }
    this.since = since; this.until = until;
    // Only the incidents of the days that enter or leave the range change.
    var lo = was ? Math.min(was[0], since) : since, hi = was ? Math.max(was[1], until) : until;
    this.flagsChanged = false;  // set when an incident is shown or hidden: the parts that follow read it
    for (var d = lo; d <= hi; d++) {
      var vis = d >= since && d <= until ? 1 : 0, had = was && d >= was[0] && d <= was[1] ? 1 : 0;
      if (vis !== had) this.flagDay(d - r0, vis);
    }
    this.flagged = [since, until];
    var s = this.shownSlice();
    this.shown = s[1] - s[0];
    for (var k = 0; k < this.listeners.length; k++) this.listeners[k](this);
  };

  GeoApp.prototype.flagDay = function (d, vis) {
    var by = this.byDay, flags = this.visibleFlags, end = this.dayStart[d + 1];
    for (var k = this.dayStart[d]; k < end; k++) flags[by[k]] = vis;
    if (end > this.dayStart[d]) this.flagsChanged = true;
  };

  GeoApp.prototype.isAllDates = function () {
    return this.since === this.data.range[0] && this.until === this.data.range[1];
  };

  /* For tests and scripts: the incidents now shown. */
  GeoApp.prototype.visible = function () {
    var out = [];
    for (var i = 0; i < this.n; i++) if (this.visibleFlags[i]) out.push(this.describe(i));
    return out;
  };

  GeoApp.prototype.describe = function (i) {
    var inc = this.inc, S = this.S;
    return {id: S(inc.id[i]), date: util.isoDay(inc.day[i]), lat: inc.lat[i], lon: inc.lon[i],
            location: S(inc.loc[i]), type: this.data.types[inc.type[i]], fatalities: inc.fat[i], index: i};
  };

  GeoApp.prototype.indexOf = function (id) {
    for (var i = 0; i < this.n; i++) if (this.S(this.inc.id[i]) === id) return i;
    return -1;
  };

  GeoApp.prototype.openPopup = function (id) {
    var i = typeof id === "number" ? id : this.indexOf(id);
    return i >= 0 && this.openIncident ? this.openIncident(i) : false;
  };

  /* Fly to incident i and open its popup once there. */
  GeoApp.prototype.focus = function (i) {
    var self = this, map = this.map, target = L.latLng(this.inc.lat[i], this.inc.lon[i]);
    var zoom = Math.max(map.getZoom(), 9);
    map.closePopup();
    if (map.getCenter().distanceTo(target) < 1 && map.getZoom() === zoom) { this.openIncident(i); return; }
    map.once("moveend", function () { self.openIncident(i); });
    map.flyTo(target, zoom, {duration: 0.6});
  };

  /* A button under the zoom control that shows every incident ("fit all"). */
  GeoApp.prototype.fitControl = function (position) {
    var app = this;
    var Ctl = L.Control.extend({
      onAdd: function () {
        var box = util.el("div", null, "leaflet-bar geo-fit");
        var a = util.el("a", "⤢", "geo-fit-all");
        a.href = "#"; a.title = "Show all incidents"; a.setAttribute("role", "button");
        a.setAttribute("aria-label", "Show all incidents");
        var b = util.el("a", "◎", "geo-fit-main");
        b.href = "#"; b.title = "Back to the main incidents"; b.setAttribute("role", "button");
        b.setAttribute("aria-label", "Back to the main incidents");
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.on(a, "click", function (e) { L.DomEvent.preventDefault(e); app.fitView(true); });
        L.DomEvent.on(b, "click", function (e) { L.DomEvent.preventDefault(e); app.fitView(false); });
        box.appendChild(a); box.appendChild(b);
        return box;
      }
    });
    return new Ctl({position: position || "topleft"});
  };

  window.GeoApp = GeoApp;
})();
