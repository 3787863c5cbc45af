"""Integer columns of the map's data, packed: fixed-width base-64 digits instead of JSON numbers.

A JSON array spends a comma and a decimal digit per 3.3 bits on each value; a column of
100,000 small integers (types, days, string indexes) packs into one digit each, and a
coordinate (1e-5 degree) into five. The page unpacks each column once (geo-data.js).

A packed column is ``{"min": m, "w": w, "d": digits}``: value k is ``m`` plus the ``w``
digits ``digits[k*w:(k+1)*w]`` read in base 64 (``ALPHABET``, most significant first);
``w`` = 0 when every value is ``m``. With ``"scale": s`` the value is that integer divided by
``s`` (coordinates: the integer is the 5-decimal value times 1e5, so the page gets the very
number the decimal would give). Unknown figures are -1, no string -1 (the page reads -1 so).

>>> pack([3, 5, 3, 70])
{'min': 3, 'w': 2, 'd': 'AAACAABD'}
>>> pack([7, 7])
{'min': 7, 'w': 0, 'd': ''}
>>> unpack(pack([-1, 0, 12, 4095]), 4)
[-1, 0, 12, 4095]
"""

from __future__ import annotations

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"  # base64url: nothing to escape in JSON or HTML


def pack(values, scale: int | None = None) -> dict:
    """The packed column of ``values`` (integers), with ``scale`` if given."""
    import numpy as np

    a = np.asarray(values, dtype=np.int64)
    lo = int(a.min()) if a.size else 0
    span = int(a.max()) - lo if a.size else 0
    width = 0
    while 64**width <= span:
        width += 1
    out: dict = {"min": lo, "w": width, "d": ""}
    if width:
        a = a - lo
        digits = np.empty((a.size, width), dtype=np.uint8)
        alphabet = np.frombuffer(ALPHABET.encode("ascii"), dtype=np.uint8)
        for p in range(width):
            digits[:, width - 1 - p] = alphabet[(a >> (6 * p)) & 63]
        out["d"] = digits.tobytes().decode("ascii")
    if scale is not None:
        out["scale"] = scale
    return out


def unpack(column: dict, n: int) -> list:
    """The ``n`` values of a packed column, as the page reads them (for tests and scripts)."""
    w, d, lo = column["w"], column["d"], column["min"]
    values = [lo + sum(ALPHABET.index(c) * 64 ** (w - 1 - j) for j, c in enumerate(d[k * w:(k + 1) * w]))
              for k in range(n)]
    scale = column.get("scale")
    return [v / scale for v in values] if scale else values
