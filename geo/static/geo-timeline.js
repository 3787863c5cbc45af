/* geo map: the timeline under the map. Incidents and fatalities per day as bars, a brush
 * that sets the date range, the two date inputs kept in step with it, and a player.
 * MIT licence, part of geo. */
(function () {
  "use strict";
  var u = GeoApp.util, el = u.el;
  var PAD = 8, AXIS = 16;

  GeoApp.prototype.buildTimeline = function () {
    var d = this.data, inc = this.inc, days = d.range[1] - d.range[0] + 1;
    this.perDay = new Float64Array(days);
    this.fatalPerDay = new Float64Array(days);
    for (var i = 0; i < this.n; i++) {
      this.perDay[inc.day[i] - d.range[0]] += 1;
      this.fatalPerDay[inc.day[i] - d.range[0]] += inc.fat[i] || 0;
    }
    this.timelineBox = this.timelinePanel();
    this.follow(function (app) { app.syncTimeline(); });
  };
  GeoApp.parts.push("buildTimeline");

  GeoApp.prototype.timelinePanel = function () {
    var app = this, d = this.data, box = el("div", null, "geo-timeline");
    box.id = "geo-timeline";
    var bar = el("div", null, "geo-timeline-bar");
    bar.appendChild(el("span", "Dates", "geo-dates-title"));
    var from = el("input"), to = el("input");
    from.type = to.type = "date";
    from.id = "geo-since"; to.id = "geo-until";
    from.min = to.min = u.isoDay(d.range[0]);
    from.max = to.max = u.isoDay(d.range[1]);
    from.setAttribute("aria-label", "from"); to.setAttribute("aria-label", "to");
    var l1 = el("label", "from "), l2 = el("label", " to ");
    l1.appendChild(from); l2.appendChild(to);
    var play = el("button", "▶ play days"), reset = el("button", "all dates");
    play.type = reset.type = "button";
    var count = el("span", "", "geo-count");
    count.id = "geo-count";
    [l1, l2, play, reset, count].forEach(function (x) { bar.appendChild(x); });
    box.appendChild(bar);
    var canvas = el("canvas", null, "geo-timeline-canvas");
    canvas.setAttribute("aria-label", "Incidents (blue) and fatalities (red) per day; drag to choose dates");
    box.appendChild(canvas);
    this.timeline = {from: from, to: to, count: count, canvas: canvas, play: play};
    function update(e) {
      var a = u.dayOf(from.value), b = u.dayOf(to.value);
      if (a === null) a = d.range[0];
      if (b === null) b = d.range[1];
      // The end not being edited gives way: a start after the end moves the end, and back.
      if (a > b) { if (e && e.target === to) a = b; else b = a; }
      app.apply(a, b);
    }
    ["change", "input"].forEach(function (ev) { from.addEventListener(ev, update); to.addEventListener(ev, update); });
    reset.addEventListener("click", function () { app.stopPlayer(); app.apply(d.range[0], d.range[1]); });
    play.addEventListener("click", function () { app.togglePlayer(); });
    this.brushEvents(canvas);
    return box;
  };

  GeoApp.prototype.togglePlayer = function () {
    var app = this, d = this.data, play = this.timeline.play;
    if (this.timer) { this.stopPlayer(); return; }
    var day = this.isAllDates() || this.since !== this.until ? d.range[0] : this.since + 1;
    if (day > d.range[1]) day = d.range[0];
    play.textContent = "❚❚ pause";
    var step = function () {
      app.apply(day, day);
      day += 1;
      if (day > d.range[1]) app.stopPlayer();
    };
    step();
    if (this.timeline.play.textContent !== "▶ play days") this.timer = setInterval(step, 800);
  };

  GeoApp.prototype.stopPlayer = function () {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.timeline.play.textContent = "▶ play days";
  };

  /* The day under canvas x (CSS pixels), and the x where a day's bar starts. */
  GeoApp.prototype.timelineDay = function (x) {
    var d = this.data, days = d.range[1] - d.range[0] + 1, w = this.timeline.canvas.clientWidth - 2 * PAD;
    return d.range[0] + Math.max(0, Math.min(days - 1, Math.floor((x - PAD) / (w / days))));
  };

  GeoApp.prototype.timelineX = function (day) {
    var d = this.data, days = d.range[1] - d.range[0] + 1, w = this.timeline.canvas.clientWidth - 2 * PAD;
    return PAD + (day - d.range[0]) * (w / days);
  };

  GeoApp.prototype.brushEvents = function (canvas) {
    var app = this, start = null, pending = null;
    function xOf(e) { return e.clientX - canvas.getBoundingClientRect().left; }
    function move(e) {
      if (start === null) return;
      var day = app.timelineDay(xOf(e));
      if (pending === null) {
        requestAnimationFrame(function () { app.apply(Math.min(start, pending), Math.max(start, pending)); pending = null; });
      }
      pending = day;
    }
    canvas.addEventListener("pointerdown", function (e) {
      app.stopPlayer();
      start = app.timelineDay(xOf(e));
      if (canvas.setPointerCapture && e.pointerId !== undefined) canvas.setPointerCapture(e.pointerId);
      app.apply(start, start);
    });
    canvas.addEventListener("pointermove", move);
    canvas.addEventListener("pointerup", function (e) {
      if (start === null) return;
      var day = app.timelineDay(xOf(e));
      app.apply(Math.min(start, day), Math.max(start, day));
      start = null; pending = null;
    });
    canvas.addEventListener("dblclick", function () { app.apply(app.data.range[0], app.data.range[1]); });
  };

  GeoApp.prototype.syncTimeline = function () {
    var t = this.timeline;
    t.from.value = u.isoDay(this.since); t.to.value = u.isoDay(this.until);
    t.count.textContent = this.shown + " of " + this.n + " incidents shown";
    this.drawTimeline();
  };

  GeoApp.prototype.drawTimeline = function () {
    var c = this.timeline.canvas, d = this.data, ratio = window.devicePixelRatio || 1;
    var w = c.clientWidth, h = c.clientHeight;
    if (!w || !h) return;
    if (c.width !== Math.round(w * ratio) || c.height !== Math.round(h * ratio)) {
      c.width = Math.round(w * ratio); c.height = Math.round(h * ratio);
    }
    var g = c.getContext("2d"), days = this.perDay.length, bw = (w - 2 * PAD) / days, top = 12, base = h - AXIS;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, w, h);
    var maxN = Math.max.apply(null, [1].concat(Array.from(this.perDay)));
    var maxF = Math.max.apply(null, [1].concat(Array.from(this.fatalPerDay)));
    for (var k = 0; k < days; k++) {
      var day = d.range[0] + k, x = PAD + k * bw, inRange = day >= this.since && day <= this.until;
      if (inRange) { g.fillStyle = "rgba(43,131,186,0.12)"; g.fillRect(x, 0, bw, base); }
      var hn = (base - top) * this.perDay[k] / maxN, hf = (base - top) * this.fatalPerDay[k] / maxF;
      g.fillStyle = inRange ? "#2b83ba" : "#b8cfdd";
      g.fillRect(x + bw * 0.12, base - hn, bw * 0.38, hn);
      g.fillStyle = inRange ? "#c0392b" : "#e3b7b1";
      g.fillRect(x + bw * 0.5, base - hf, bw * 0.38, hf);
    }
    g.fillStyle = "#333"; g.font = "10px system-ui, sans-serif"; g.textBaseline = "top";
    var every = Math.max(1, Math.ceil(70 / bw));
    for (k = 0; k < days; k += every) g.fillText(u.isoDay(d.range[0] + k).slice(5), PAD + k * bw + 1, base + 3);
    g.fillText("incidents/day (max " + maxN + ")", PAD, 0);
    g.fillStyle = "#c0392b";
    g.fillText("fatalities/day (max " + maxF + ")", PAD + 150, 0);
  };
})();
