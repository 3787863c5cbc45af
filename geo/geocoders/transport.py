"""HTTP for the online geocoder: a geopy adapter with a total deadline, a size cap and no redirects.

Socket timeouts bound each read, not a request: a server that sends one byte every
second never trips a 10 s timeout. Here every read and write of a request gets only
the time left until one deadline, so a whole request (connect, wait, answer) takes at
most ``timeout`` seconds. Answers larger than ``max_bytes`` are refused, and so are
redirects: a followed redirect is a request the rate limit never saw, to a host
nobody configured.
"""

from __future__ import annotations

import http.client
import io
import json
import time
import urllib.request
from collections.abc import Callable
from urllib.error import HTTPError, URLError

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import (
    GeocoderParseError,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
)

DEFAULT_MAX_BYTES = 2_000_000
_ERROR_BODY_BYTES = 4096  # enough of an error page for its message


class _DeadlineReader(io.RawIOBase):
    """The raw stream under a response: reads through the deadline socket."""

    def __init__(self, owner: _DeadlineSocket):
        self._owner = owner

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        return self._owner.recv_into(buf)

    def close(self) -> None:
        if not self.closed:
            self._owner.reader_closed()
        super().close()


class _DeadlineSocket:
    """A connected socket whose every read and write must end by ``deadline`` (monotonic).

    http.client reads through ``makefile``; the real socket is closed once the connection
    and every reader are done with it (as :meth:`socket.socket.makefile` does).
    """

    def __init__(self, sock, deadline: float):
        self._sock, self._deadline = sock, deadline
        self._readers, self._closed = 0, False

    def _arm(self) -> None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the time for the whole request ran out")
        self._sock.settimeout(left)

    def recv_into(self, buf) -> int:
        self._arm()
        return self._sock.recv_into(buf)

    def sendall(self, data) -> None:
        self._arm()
        self._sock.sendall(data)

    def makefile(self, mode: str = "rb", *args, **kwargs) -> io.BufferedReader:
        self._readers += 1
        return io.BufferedReader(_DeadlineReader(self))

    def reader_closed(self) -> None:
        self._readers -= 1
        if self._closed and not self._readers:
            self._sock.close()

    def close(self) -> None:
        self._closed = True
        if not self._readers:
            self._sock.close()

    def __getattr__(self, name: str):
        return getattr(self._sock, name)


class _Deadline(http.client.HTTPConnection):
    """Mixin for http.client connections: connect within the deadline, then guard the socket."""

    deadline = 0.0

    def connect(self) -> None:
        """Connect in the time left, then hand http.client the deadline-guarded socket."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the time for the whole request ran out")
        self.timeout = left  # bounds connecting (and a TLS handshake) too
        super().connect()
        self.sock = _DeadlineSocket(self.sock, self.deadline)  # quacks as a socket


class _HTTPConnection(_Deadline, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_Deadline, http.client.HTTPSConnection):
    pass


def _factory(cls: type, deadline: float) -> Callable[..., http.client.HTTPConnection]:
    def make(*args, **kwargs):
        conn = cls(*args, **kwargs)
        conn.deadline = deadline
        return conn
    return make


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: float):
        super().__init__()
        self.deadline = deadline

    def http_open(self, req):
        return self.do_open(_factory(_HTTPConnection, self.deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: float, context):
        super().__init__(context=context)
        self.deadline = deadline

    def https_open(self, req):
        return self.do_open(_factory(_HTTPSConnection, self.deadline), req, context=self._context)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        """Follow no redirect: given None, urllib raises the 3xx as an HTTPError."""


def _read_capped(response, limit: int) -> bytes:
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > limit:
        raise GeocoderServiceError(f"answer of {int(length):,} bytes refused (the limit is {limit:,})")
    body = response.read(limit + 1)
    if len(body) > limit:
        raise GeocoderServiceError(f"answer larger than {limit:,} bytes refused")
    return body


class GuardedAdapter(BaseSyncAdapter):
    """A geopy adapter (urllib underneath, system proxies honoured) with a total deadline per
    request, at most ``max_bytes`` per answer, and redirects refused.

    geopy maps its errors as it does any adapter's: HTTP 429 is ``GeocoderRateLimited`` and so on.
    """

    def __init__(self, *, proxies, ssl_context, max_bytes: int = DEFAULT_MAX_BYTES):
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.proxies, self.ssl_context, self.max_bytes = proxies, ssl_context, max_bytes

    def get_json(self, url: str, *, timeout: float, headers: dict):
        """The answer at ``url`` as JSON (``GeocoderParseError`` if it is not)."""
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except ValueError:
            raise GeocoderParseError(f"answer is not JSON: {text[:200]!r}") from None

    def get_text(self, url: str, *, timeout: float, headers: dict) -> str:
        """The answer at ``url`` as text, all of it within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        opener = urllib.request.build_opener(urllib.request.ProxyHandler(self.proxies), _HTTPHandler(deadline),
                                             _HTTPSHandler(deadline, self.ssl_context), _NoRedirects())
        try:
            with opener.open(urllib.request.Request(url, headers=headers), timeout=timeout) as response:
                body = _read_capped(response, self.max_bytes)
                charset = response.headers.get_content_charset() or "utf-8"
        except HTTPError as error:
            with error:
                raise self._http_error(error) from None
        except (TimeoutError, URLError, OSError, http.client.HTTPException) as error:
            raise self._transport_error(error, timeout) from None
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            raise GeocoderParseError(f"answer is not text in {charset}: {body[:200]!r}") from None

    def _http_error(self, error: HTTPError) -> Exception:
        if 300 <= error.code < 400:
            return GeocoderServiceError(
                f"the server redirected (HTTP {error.code}) to {error.headers.get('Location', '?')}; "
                "redirects are not followed: point GEO_NOMINATIM_URL at the server itself")
        try:
            text = error.read(_ERROR_BODY_BYTES).decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):  # the deadline ran out while reading it
            text = ""
        return AdapterHTTPError(f"Non-successful status code {error.code}", status_code=error.code,
                                headers={k.lower(): v for k, v in error.headers.items()}, text=text)

    @staticmethod
    def _transport_error(error: Exception, timeout: float) -> Exception:
        reason = error.reason if isinstance(error, URLError) else error
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            return GeocoderTimedOut(f"no complete answer within {timeout:g} s")
        if isinstance(reason, http.client.HTTPException):
            return GeocoderServiceError(f"not an HTTP answer ({type(reason).__name__}: {str(reason)[:80]!r})")
        return GeocoderUnavailable(f"cannot reach the server: {getattr(reason, 'strerror', None) or reason}")
