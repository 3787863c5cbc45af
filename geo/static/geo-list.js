/* geo map: the incident list beside the map. Sortable, with a text filter, following the
 * date range; a click flies to the incident and opens its popup. Only the rows in view are
 * in the DOM (a pool of row elements reused as it scrolls), so 100,000 incidents stay quick.
 * MIT licence, part of geo. */
(function () {
  "use strict";
  var u = GeoApp.util, el = u.el;
  var ROW = 24;
  var COLUMNS = [["date", "Date"], ["place", "Place"], ["type", "Type"], ["fat", "Killed"], ["src", "Sources"]];

  GeoApp.prototype.buildList = function () {
    var app = this, box = el("div", null, "geo-list");
    box.id = "geo-list";
    var head = el("div", null, "geo-list-head");
    head.appendChild(el("span", "Incidents", "geo-dates-title"));
    var filter = el("input", null, "geo-filter");
    filter.type = "search"; filter.id = "geo-filter"; filter.placeholder = "filter: place, type, id…";
    filter.setAttribute("aria-label", "Filter the incidents");
    head.appendChild(filter);
    var count = el("span", "", "geo-list-count");
    count.id = "geo-list-count";
    head.appendChild(count);
    box.appendChild(head);
    var cols = el("div", null, "geo-list-row geo-list-cols");
    COLUMNS.forEach(function (c) {
      var b = el("button", c[1], "geo-col geo-col-" + c[0]);
      b.type = "button"; b.dataset.key = c[0];
      b.addEventListener("click", function () { app.sortList(c[0]); });
      cols.appendChild(b);
    });
    box.appendChild(cols);
    var body = el("div", null, "geo-list-body"), spacer = el("div", null, "geo-list-spacer");
    body.appendChild(spacer);
    box.appendChild(body);
    this.list = {box: box, body: body, spacer: spacer, filter: filter, count: count, cols: cols, pool: [],
                 rows: new Int32Array(0), key: "date", desc: false, text: "", selected: -1};
    var pending = false;
    body.addEventListener("scroll", function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; app.renderList(); });
    });
    filter.addEventListener("input", function () { app.list.text = filter.value.trim().toLowerCase(); app.refreshList(); });
    body.addEventListener("click", function (e) {
      var row = e.target.closest ? e.target.closest(".geo-list-item") : null;
      if (row && row._geoIndex >= 0) { app.list.selected = row._geoIndex; app.renderList(); app.focus(row._geoIndex); }
    });
    this.listBox = box;
    this.follow(function (a) { a.refreshList(); });
  };
  GeoApp.parts.push("buildList");

  GeoApp.prototype.searchText = function () {
    if (this._search) return this._search;
    var inc = this.inc, S = this.S, out = new Array(this.n);
    for (var i = 0; i < this.n; i++) {
      out[i] = [S(inc.loc[i]), S(inc.admin1[i]), this.data.types[inc.type[i]], S(inc.sub[i]), S(inc.id[i])]
        .join(" ").toLowerCase();
    }
    return (this._search = out);
  };

  GeoApp.prototype.sortKey = function (key) {
    var inc = this.inc, S = this.S, n = this.n, i;
    if (key === "date") return inc.day;
    if (key === "fat") return inc.fat.map(function (v) { return v === null ? -1 : v; });
    if (key === "src") return inc.nsrc;
    var names = new Array(n);
    for (i = 0; i < n; i++) names[i] = key === "type" ? this.data.types[inc.type[i]] : (S(inc.loc[i]) || "");
    return names;
  };

  GeoApp.prototype.sortList = function (key) {
    var l = this.list;
    l.desc = l.key === key ? !l.desc : key === "fat" || key === "src";
    l.key = key;
    this.refreshList();
  };

  /* `rows` (incident indexes) sorted in place in the list's order: by `key`, ties by date, then index. */
  GeoApp.prototype.sortRows = function (rows, key, desc) {
    var k = this.sortKey(key), sign = desc ? -1 : 1, day = this.inc.day;
    return rows.sort(function (a, b) {
      var x = k[a], y = k[b];
      if (x < y) return -sign;
      if (x > y) return sign;
      return day[a] - day[b] || a - b;
    });
  };

  /* The incidents of the dates shown by date (latest first with `desc`), each day's by index:
   * slices of the day index, no pass over the others. */
  GeoApp.prototype.dateRows = function (desc) {
    var r0 = this.data.range[0], start = this.dayStart, by = this.byDay;
    if (!desc) { var s = this.shownSlice(); return by.slice(s[0], s[1]); }
    var out = new Int32Array(this.shown), m = 0;
    for (var d = this.until - r0; d >= this.since - r0; d--) {
      out.set(by.subarray(start[d], start[d + 1]), m);
      m += start[d + 1] - start[d];
    }
    return out;
  };

  /* The incidents of `order` that are shown, in that order. */
  GeoApp.prototype.shownOf = function (order) {
    var flags = this.visibleFlags, rows = new Int32Array(Math.min(order.length, this.shown)), m = 0;
    for (var j = 0; j < order.length; j++) if (flags[order[j]]) rows[m++] = order[j];
    return rows.subarray(0, m);
  };

  /* The incidents shown that match the filter text, by index (the search strings in the order
   * they were made: a pass in another order costs twice as much). */
  GeoApp.prototype.matching = function (text) {
    var search = this.searchText(), flags = this.visibleFlags, rows = [];
    for (var i = 0; i < this.n; i++) if (flags[i] && search[i].indexOf(text) >= 0) rows.push(i);
    return Int32Array.from(rows);
  };

  /* The rows: incidents in the date range that match the filter, in the chosen order. By date,
   * slices of the day index; by another column, a few rows are sorted as they are, many by
   * sorting every incident once (kept for that column), so that the next date range is a filter. */
  GeoApp.prototype.listRows = function () {
    var l = this.list, orders = this._orders = this._orders || {}, name = l.key + (l.desc ? " desc" : "");
    if (l.text) return this.sortRows(this.matching(l.text), l.key, l.desc);
    if (l.key === "date") return this.dateRows(l.desc);
    if (orders[name]) return this.shownOf(orders[name]);
    if (this.shown * 4 < this.n) return this.sortRows(this.dateRows(false), l.key, l.desc);
    orders[name] = this.sortRows(Int32Array.from(this.byDay), l.key, l.desc);
    return this.shownOf(orders[name]);
  };

  GeoApp.prototype.refreshList = function () {
    var l = this.list, rows = l.rows = this.listRows();
    l.count.textContent = rows.length + " listed";
    l.spacer.style.height = rows.length * ROW + "px";
    var cols = l.cols.children;
    for (var c = 0; c < cols.length; c++) {
      var k = cols[c].dataset.key;
      cols[c].textContent = COLUMNS[c][1] + (k === l.key ? (l.desc ? " ▼" : " ▲") : "");
    }
    this.renderList();
  };

  GeoApp.prototype.listRow = function () {
    var row = el("div", null, "geo-list-row geo-list-item");
    for (var c = 0; c < COLUMNS.length; c++) row.appendChild(el("span", "", "geo-cell geo-cell-" + COLUMNS[c][0]));
    row.style.position = "absolute"; row.style.height = ROW + "px";
    this.list.spacer.appendChild(row);
    return row;
  };

  GeoApp.prototype.renderList = function () {
    var l = this.list, inc = this.inc, S = this.S, body = l.body;
    var first = Math.floor(body.scrollTop / ROW), shown = Math.ceil((body.clientHeight || 400) / ROW) + 2;
    var last = Math.min(l.rows.length, first + shown);
    while (l.pool.length < shown) l.pool.push(this.listRow());
    for (var k = 0; k < l.pool.length; k++) {
      var row = l.pool[k], r = first + k;
      if (r >= last) { row.style.display = "none"; row._geoIndex = -1; continue; }
      var i = l.rows[r], cells = row.children;
      row.style.display = ""; row.style.top = r * ROW + "px"; row._geoIndex = i;
      row.className = "geo-list-row geo-list-item" + (i === l.selected ? " geo-selected" : "");
      cells[0].textContent = u.isoDay(inc.day[i]);
      cells[1].textContent = (S(inc.loc[i]) || "") + (inc.admin1[i] >= 0 ? ", " + S(inc.admin1[i]) : "");
      cells[2].textContent = this.data.types[inc.type[i]];
      cells[2].style.borderLeftColor = this.data.colors[inc.type[i]];
      cells[3].textContent = inc.fat[i] === null ? "?" : inc.fat[i];
      cells[4].textContent = inc.nsrc[i];
      row.title = S(inc.id[i]);
    }
  };
})();
