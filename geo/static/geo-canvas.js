/* geo map: the incidents' canvas. Leaflet's canvas fills and strokes each circle as a path of
 * its own: 100,000 circles cost about a second a frame, and a page used to draw them three
 * times before it showed (the dates applied, the view set, the move ended). This renderer
 * copies each circle from a sprite drawn once per style and radius, and coalesces every full
 * redraw into the next animation frame. MIT licence, part of geo. */
(function () {
  "use strict";
  var BATCH_MIN = 2000, TAU = 2 * Math.PI;

  function styleKey(o) { return o.fillColor + "|" + o.fillOpacity + "|" + o.color + "|" + o.weight + "|" + o.opacity; }

  var GeoCanvas = L.Canvas.extend({
    /* Redraw everything on the next frame (once, however often asked before it). */
    requestFull: function () {
      if (!this._map) return;
      this._geoFull = true;
      this._redrawRequest = this._redrawRequest || L.Util.requestAnimFrame(this._redraw, this);
    },

    /* Now, not on the next frame: for a caller about to read the pixels. */
    redrawNow: function () {
      if (!this._map) return;
      if (this._redrawRequest) L.Util.cancelAnimFrame(this._redrawRequest);
      this._geoFull = true;
      this._redraw();
    },

    _redraw: function () {
      if (this._geoFull) { this._redrawBounds = null; this._geoFull = false; }
      L.Canvas.prototype._redraw.call(this);
    },

    /* After a move or zoom: each path projected now, drawn on the next frame. */
    _updatePaths: function () {
      if (this._postponeUpdatePaths) return;
      for (var id in this._layers) this._layers[id]._update();
      this.requestFull();
    },

    /* A circle of one style and radius, drawn once on a small canvas of its own. */
    _sprite: function (o, r) {
      var key = styleKey(o) + "|" + r, cache = this._geoSprites = this._geoSprites || {};
      if (cache[key]) return cache[key];
      var scale = L.Browser.retina ? 2 : 1, half = r + Math.ceil(o.weight / 2) + 1, c = document.createElement("canvas");
      c.width = c.height = 2 * half * scale;
      var g = c.getContext("2d");
      g.scale(scale, scale);
      g.beginPath(); g.arc(half, half, r, 0, TAU, false);
      g.globalAlpha = o.fillOpacity; g.fillStyle = o.fillColor; g.fill();
      g.globalAlpha = o.opacity; g.lineWidth = o.weight; g.strokeStyle = o.color; g.stroke();
      return (cache[key] = {canvas: c, half: half});
    },

    /* As Leaflet draws, in the same order, but each circle a copy of its sprite. */
    _draw: function () {
      var bounds = this._redrawBounds, batched = 0, order, layer;
      for (order = this._drawFirst; order && batched < BATCH_MIN; order = order.next) if (order.layer._geoBatch) batched++;
      if (batched < BATCH_MIN) { L.Canvas.prototype._draw.call(this); return; }
      var ctx = this._ctx;
      ctx.save();
      if (bounds) {
        var size = bounds.getSize();
        ctx.beginPath(); ctx.rect(bounds.min.x, bounds.min.y, size.x, size.y); ctx.clip();
      }
      this._drawing = true;
      for (order = this._drawFirst; order; order = order.next) {
        layer = order.layer;
        if ((layer._geoBatch && !layer._geoFlags[layer._geoIndex]) || (bounds && !(layer._pxBounds && layer._pxBounds.intersects(bounds)))) continue;
        if (!layer._geoBatch) { layer._updatePath(); continue; }
        if (layer._empty()) continue;
        var s = layer._geoSprite, r = Math.max(Math.round(layer._radius), 1);
        if (!s || s.r !== r) s = layer._geoSprite = {r: r, img: this._sprite(layer.options, r)};
        var p = layer._point, h = s.img.half;
        ctx.drawImage(s.img.canvas, Math.round(p.x - h), Math.round(p.y - h), 2 * h, 2 * h);
      }
      this._drawing = false;
      ctx.restore();
    }
  });

  GeoApp.GeoCanvas = GeoCanvas;
})();
