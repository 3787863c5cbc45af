"""geo's settings, in one object (geopy's ``options`` pattern): its caches, its online geocoder,
its Dask scheduler, the Chromium its map checks drive.

>>> from geo.options import options
>>> options.online_timeout = 5      # seconds for one whole request, for this process
>>> options.online_timeout
5
>>> del options.online_timeout      # back to $GEO_ONLINE_TIMEOUT, else the default
>>> options.online_timeout
10.0

A setting a program assigns wins; otherwise its environment variable, read when the
setting is used (so a shell, a subprocess or a test may set it at any time); else the
default. A malformed variable is an :class:`OptionError` that names it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geo.errors import OptionError


def _flag(raw: str) -> bool:
    value = raw.lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(raw)


MAX_SECONDS = 3600.0  # an hour: more is a typo, or a wait that looks like a hang
MAX_DAYS = 36500.0  # a century
MAX_BYTES = 100_000_000  # a Nominatim answer is a few kB; the reader allocates this much


def _number(most: float, above_zero: bool = False) -> Callable[[str], float]:
    """A parser of finite numbers from 0 (or above 0) to ``most``: not inf, nan or 1e309."""
    def parse(raw: str) -> float:
        value = float(raw)
        if not (0 < value <= most if above_zero else 0 <= value <= most):  # also refuses nan and inf
            raise ValueError(raw)
        return value
    return parse


def _bytes(raw: str) -> int:
    value = int(raw)
    if not 0 < value <= MAX_BYTES:
        raise ValueError(raw)
    return value


def _http_url(raw: str) -> str:
    if not raw.startswith(("http://", "https://")) or not raw.partition("://")[2].strip("/"):
        raise ValueError(raw)
    return raw.rstrip("/")


class _Setting:
    """One setting: an assigned value, else its environment variable, else the default."""

    def __init__(self, env: str, default: Any, parse: Callable[[str], Any], kind: str):
        self.env, self.default, self.parse, self.kind = env, default, parse, kind

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        if obj is None:
            return self
        if self.name in obj.__dict__:
            return obj.__dict__[self.name]
        raw = os.environ.get(self.env, "").strip()
        if not raw:
            return self.default
        try:
            return self.parse(raw)
        except ValueError:
            raise OptionError(f"{self.env} must be {self.kind}, not {raw!r}") from None

    def __set__(self, obj: object, value: Any) -> None:
        obj.__dict__[self.name] = value

    def __delete__(self, obj: object) -> None:
        obj.__dict__.pop(self.name, None)


class Options:
    """geo's settings; use the shared instance :data:`options`."""

    #: Ask the online geocoder when the gazetteer knows no such name (``--online``).
    online = _Setting("GEO_ONLINE", False, _flag, "1 or 0")
    #: The Nominatim server to ask.
    nominatim_url = _Setting("GEO_NOMINATIM_URL", "https://nominatim.openstreetmap.org", _http_url,
                             "an http:// or https:// URL")
    #: Seconds between two requests of one process (Nominatim's policy asks for 1).
    online_min_delay = _Setting("GEO_ONLINE_MIN_DELAY", 1.0, _number(MAX_SECONDS),
                                f"a number of seconds from 0 to {MAX_SECONDS:g}")
    #: Seconds one request may take in all: connecting, waiting and reading the answer.
    online_timeout = _Setting("GEO_ONLINE_TIMEOUT", 10.0, _number(MAX_SECONDS, above_zero=True),
                              f"a number of seconds above 0, at most {MAX_SECONDS:g}")
    #: Largest answer accepted, in bytes (a Nominatim answer is a few kB).
    online_max_bytes = _Setting("GEO_ONLINE_MAX_BYTES", 2_000_000, _bytes,
                                f"a whole number of bytes from 1 to {MAX_BYTES}")
    #: Days after which a cached "not found" is asked again (places get added to OSM).
    not_found_days = _Setting("GEO_NOT_FOUND_DAYS", 30.0, _number(MAX_DAYS), f"a number of days from 0 to {MAX_DAYS:g}")
    #: The online answer cache file (default: ``online-answers.sqlite`` in the cache folder).
    answer_cache = _Setting("GEO_ANSWER_CACHE", None, Path, "a file path")
    #: Seconds to wait for the answer cache while another process writes to it.
    cache_wait_seconds = _Setting("GEO_CACHE_WAIT", 30.0, _number(MAX_SECONDS),
                                  f"a number of seconds from 0 to {MAX_SECONDS:g}")
    #: A running ``dask.distributed`` scheduler to send the work to (``--scheduler``).
    dask_scheduler = _Setting("GEO_DASK_SCHEDULER", None, str, "a scheduler address such as tcp://HOST:8786")
    #: Seconds to wait for that scheduler to answer.
    dask_timeout = _Setting("GEO_DASK_TIMEOUT", 10.0, _number(MAX_SECONDS, above_zero=True),
                            f"a number of seconds above 0, at most {MAX_SECONDS:g}")
    #: Keep per-article results in the cache folder for the next run (``--no-cache``: 0).
    result_cache = _Setting("GEO_RESULT_CACHE", True, _flag, "1 or 0")
    #: Only warnings and errors on stderr: no progress, no summaries (``geo -q``).
    quiet = _Setting("GEO_QUIET", False, _flag, "1 or 0")
    #: The folder of caches geo rebuilds at will (default: ``$XDG_CACHE_HOME/geo``, else ``~/.cache/geo``).
    cache_dir = _Setting("GEO_CACHE_DIR", None, Path, "a folder path")
    #: The Chromium the map's screenshots and browser checks drive (default: found on PATH).
    chromium = _Setting("GEO_CHROMIUM", None, str, "a program path")
    #: Days after which a gazetteer index of another version, unused since, is deleted.
    index_keep_days = _Setting("GEO_INDEX_KEEP_DAYS", 30.0, _number(MAX_DAYS, above_zero=True),
                               f"a number of days above 0, at most {MAX_DAYS:g}")


options = Options()
