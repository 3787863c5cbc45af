/* geo map: the incidents' columns as the page gets them, unpacked once into typed arrays
 * (geo/mapping/columns.py packs them: fixed-width base-64 digits per integer). MIT licence, part of geo.
 *
 * A column {min, w, d[, scale]}: value k is min plus the w digits of d from k*w, in base 64,
 * divided by scale if there is one; w = 0: every value is min. Figures are -1 when unknown
 * (null here, as the popup and list read them); string indexes -1 for none. The sources of
 * all incidents are columns of their own: src.n per incident, then one value per source.
 */
(function () {
  "use strict";
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var DIGIT = new Int32Array(128);
  for (var k = 0; k < 64; k++) DIGIT[ALPHABET.charCodeAt(k)] = k;
  var COLUMNS = ["lat", "lon", "day", "prec", "type", "sub", "loc", "admin1", "geo", "region", "status", "id", "notes"];

  function unpack(c, n) {
    var out = new Float64Array(n), d = c.d, w = c.w, lo = c.min, p = 0, i;
    if (w === 0) return out.fill(lo);
    for (i = 0; i < n; i++) {
      var v = 0;
      for (var j = 0; j < w; j++) v = v * 64 + DIGIT[d.charCodeAt(p++)];
      out[i] = v + lo;
    }
    if (c.scale) for (i = 0; i < n; i++) out[i] /= c.scale;
    return out;
  }

  function figures(c, n) {
    var v = unpack(c, n), out = new Array(n);
    for (var i = 0; i < n; i++) out[i] = v[i] < 0 ? null : v[i];
    return out;
  }

  /* The incidents' columns, each an array of one value per incident; nsrc and srcStart say
   * where each incident's sources are in the src* columns. */
  GeoApp.decode = function (cols) {
    var n = cols.n, inc = {n: n}, s = cols.src;
    for (var c = 0; c < COLUMNS.length; c++) inc[COLUMNS[c]] = unpack(cols[COLUMNS[c]], n);
    inc.fat = figures(cols.fat, n);
    inc.nsrc = unpack(s.n, n);
    var start = inc.srcStart = new Int32Array(n + 1);
    for (var i = 0; i < n; i++) start[i + 1] = start[i] + inc.nsrc[i];
    var m = start[n];
    inc.srcArt = unpack(s.art, m); inc.srcQuote = unpack(s.quote, m);
    inc.srcFat = figures(s.fat, m); inc.srcInj = figures(s.inj, m); inc.srcArr = figures(s.arr, m);
    return inc;
  };

  /* Incident i's sources, each [article, quote, killed, injured, arrested] (null: not given). */
  GeoApp.prototype.sources = function (i) {
    var inc = this.inc, out = [];
    for (var k = inc.srcStart[i]; k < inc.srcStart[i + 1]; k++) {
      out.push([inc.srcArt[k], inc.srcQuote[k], inc.srcFat[k], inc.srcInj[k], inc.srcArr[k]]);
    }
    return out;
  };
})();
