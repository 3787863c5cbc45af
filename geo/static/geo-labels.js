/* geo map: place names on the offline basemap. Countries, the admin-1 regions of the incidents'
 * countries, the places the incidents and articles name, big towns: each from its own zoom on
 * (payload.labels.z), drawn in the payload's order of importance, and left out where it would
 * overlap a name already drawn (boxes measured on a canvas, checked on a grid of cells).
 * Text only: names are set with textContent. MIT licence, part of geo. */
(function () {
  "use strict";
  var FONTS = {country: "600 13px system-ui, sans-serif", region: "italic 11px system-ui, sans-serif",
               named: "600 12px system-ui, sans-serif", town: "11px system-ui, sans-serif"};
  var PAD = 3, CELL = 64, MAX = 400, DOT = 6;

  GeoApp.prototype.buildLabels = function () {
    var app = this, d = this.data.labels;
    var pane = this.map.createPane("geo-labels");
    pane.style.zIndex = 450;  // over the incidents (names stay readable), taking no clicks
    pane.style.pointerEvents = "none";
    this.labelWidths = new Float32Array(d.lat.length);
    this.labelCtx = document.createElement("canvas").getContext("2d");
    var Layer = L.Layer.extend({
      onAdd: function (map) {
        this._box = L.DomUtil.create("div", "geo-labels", map.getPane("geo-labels"));
        map.on("moveend", app.placeLabels, app);
        map.on("zoomstart", this._hide, this);
        app.placeLabels();
      },
      onRemove: function (map) {
        map.off("moveend", app.placeLabels, app);
        map.off("zoomstart", this._hide, this);
        L.DomUtil.remove(this._box);
        this._box = null;
      },
      _hide: function () { if (this._box) this._box.style.display = "none"; }
    });
    this.labelLayer = new Layer();
    this.layers.labels = this.labelLayer;
  };
  GeoApp.parts.push("buildLabels");

  GeoApp.prototype.labelWidth = function (k) {
    var w = this.labelWidths[k];
    if (!w) {
      var d = this.data.labels, kind = d.kinds[d.kind[k]];
      this.labelCtx.font = FONTS[kind];
      var text = this.S(d.name[k]);
      w = this.labelWidths[k] = this.labelCtx.measureText(kind === "country" ? text.toUpperCase() : text).width;
    }
    return w;
  };

  /* The boxes a name may take around its point: a town's right of its dot, else left, above,
   * below; a country's centred on it; a region's centred, else a line or two above or below, or its
   * width left or right (a region is wide: its name still lies in it, clear of a town's name or
   * a control there). */
  function candidates(kind, p, w, h) {
    var c = {x0: p.x - w / 2, y0: p.y - h / 2, x1: p.x + w / 2, y1: p.y + h / 2};
    if (kind === "country") return [c];
    if (kind === "region") {
      return [[0, 0], [0, -h - 2], [0, h + 2], [-w, 0], [w, 0], [0, -2 * h - 4], [0, 2 * h + 4]].map(function (d) {
        return {x0: c.x0 + d[0], y0: c.y0 + d[1], x1: c.x1 + d[0], y1: c.y1 + d[1]};
      });
    }
    var W = w + DOT + 3;
    return [{x0: p.x - DOT / 2, y0: p.y - h / 2, x1: p.x - DOT / 2 + W, y1: p.y + h / 2, at: "right"},
            {x0: p.x + DOT / 2 - W, y0: p.y - h / 2, x1: p.x + DOT / 2, y1: p.y + h / 2, at: "left"},
            {x0: p.x - DOT / 2, y0: p.y - h - DOT / 2, x1: p.x - DOT / 2 + W, y1: p.y + DOT / 2, at: "above"},
            {x0: p.x - DOT / 2, y0: p.y - DOT / 2, x1: p.x - DOT / 2 + W, y1: p.y + h + DOT / 2, at: "below"}];
  }

  /* Which names fit at this zoom and view: in order, each kept in the first of its boxes that
   * meets no kept box nor a control on the map. */
  GeoApp.prototype.labelBoxes = function () {
    var d = this.data.labels, map = this.map, zoom = map.getZoom(), size = map.getSize(), grid = {}, out = [];
    var view = map.getBounds().pad(0.05), origin = map.getContainer().getBoundingClientRect();
    function cells(b, fn) {
      for (var cx = Math.floor(b.x0 / CELL); cx <= Math.floor(b.x1 / CELL); cx++) {
        for (var cy = Math.floor(b.y0 / CELL); cy <= Math.floor(b.y1 / CELL); cy++) if (fn(cx + ":" + cy)) return true;
      }
      return false;
    }
    function free(b) {
      if (b.x0 < 0 || b.y0 < 0 || b.x1 > size.x || b.y1 > size.y) return false;
      return !cells(b, function (key) {
        var list = grid[key] || [];
        for (var j = 0; j < list.length; j++) {
          var o = list[j];
          if (b.x0 < o.x1 + PAD && o.x0 < b.x1 + PAD && b.y0 < o.y1 + PAD && o.y0 < b.y1 + PAD) return true;
        }
        return false;
      });
    }
    function keep(b) { cells(b, function (key) { (grid[key] = grid[key] || []).push(b); return false; }); }
    var controls = map.getContainer().querySelectorAll(".leaflet-control");
    for (var c = 0; c < controls.length; c++) {
      var r = controls[c].getBoundingClientRect();
      if (r.width) keep({x0: r.left - origin.left, y0: r.top - origin.top, x1: r.right - origin.left, y1: r.bottom - origin.top});
    }
    for (var k = 0; k < d.lat.length && out.length < MAX; k++) {
      if (d.z[k] > zoom || !view.contains([d.lat[k], d.lon[k]])) continue;
      var kind = d.kinds[d.kind[k]], p = map.latLngToContainerPoint([d.lat[k], d.lon[k]]);
      var boxes = candidates(kind, p, this.labelWidth(k), kind === "country" ? 15 : 13);
      for (var q = 0; q < boxes.length; q++) {
        if (!free(boxes[q])) continue;
        var b = boxes[q];
        keep(b);
        b.k = k; b.kind = kind; b.p = p;
        out.push(b);
        break;
      }
    }
    return out;
  };

  GeoApp.prototype.placeLabels = function () {
    var layer = this.labelLayer, box = layer._box, d = this.data.labels, map = this.map;
    if (!box) return;
    box.textContent = "";
    var placed = this.labelBoxes(), frag = document.createDocumentFragment();
    for (var k = 0; k < placed.length; k++) {
      var b = placed[k], at = map.containerPointToLayerPoint([b.x0, b.y0]), text = this.S(d.name[b.k]);
      var e = GeoApp.util.el("div", b.kind === "country" ? text.toUpperCase() : text,
                             "geo-label geo-label-" + b.kind + (b.at ? " geo-label-" + b.at : ""));
      e.style.left = at.x + "px"; e.style.top = at.y + "px";
      e.style.width = Math.ceil(b.x1 - b.x0) + "px"; e.style.height = Math.ceil(b.y1 - b.y0) + "px";
      if (b.at) {  // the dot on the point, wherever the text went
        var dot = GeoApp.util.el("span", null, "geo-label-dot");
        dot.style.left = Math.round(b.p.x - b.x0 - DOT / 2) + "px"; dot.style.top = Math.round(b.p.y - b.y0 - DOT / 2) + "px";
        e.appendChild(dot);
      }
      e.title = text;
      frag.appendChild(e);
    }
    box.appendChild(frag);
    box.style.display = "";
  };

  /* For tests: the names drawn, with their boxes on the page. */
  GeoApp.prototype.labelsShown = function () {
    return Array.prototype.map.call(document.querySelectorAll(".geo-label"), function (e) {
      var r = e.getBoundingClientRect();
      return {text: e.title, kind: e.className.split(" ")[1].slice(10), x: r.left, y: r.top, w: r.width, h: r.height};
    });
  };
})();
