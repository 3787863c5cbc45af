"""A real HTTP server on 127.0.0.1 that answers like Nominatim's /search, for tests."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PLACES = {
    "plaza murillo": {
        "place_id": 1, "osm_type": "way", "osm_id": 4321, "lat": "-16.4958", "lon": "-68.1335",
        "class": "place", "type": "square", "addresstype": "square", "name": "Plaza Murillo",
        "display_name": "Plaza Murillo, La Paz, Bolivia", "importance": 0.41,
        "address": {"city": "La Paz", "state": "La Paz", "country": "Bolivia", "country_code": "bo"},
    },
}

# Bodies of a 200 answer that are not a Nominatim answer at all.
MALFORMED = {"empty": b"", "notjson": b"{not json", "object": b"{}", "null": b"null", "html": b"<html>portal</html>"}


class FakeNominatim:
    """Start with ``with FakeNominatim() as server``; set ``server.mode`` to misbehave.

    Modes: ok | timeout | 429 | 500 | badjson | wrongshape | garbage (not HTTP at all) |
    drip (the whole answer, status line included, one byte every ``drip_seconds``) |
    huge (a valid answer padded to ``huge_bytes``; ``huge_length=False`` sends no
    Content-Length) | redirect (302 to ``redirect_to`` + the request path) | a key of
    :data:`MALFORMED` (200 with that body).
    """

    def __init__(self, host: str = "127.0.0.1"):
        self.mode = "ok"
        self.requests: list[dict] = []
        self.drip_seconds = 0.2
        self.huge_bytes = 50_000
        self.huge_length = True
        self.redirect_to = ""
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                url = urlparse(self.path)
                params = {k: v[0] for k, v in parse_qs(url.query).items()}
                outer.requests.append({"path": url.path, "params": params, "time": time.monotonic(),
                                       "user_agent": self.headers.get("User-Agent", "")})
                try:
                    outer._answer(self, params)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as it should on some modes

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.domain = f"{host}:{self.httpd.server_address[1]}"
        self.url = f"http://{self.domain}"

    def _answer(self, h: BaseHTTPRequestHandler, params: dict) -> None:
        mode = self.mode
        if mode == "timeout":
            time.sleep(1.5)
            mode = "ok"
        if mode in ("429", "500"):
            h.send_response(int(mode))
            h.end_headers()
            h.wfile.write(b"slow down" if mode == "429" else b"internal error")
            return
        if mode == "garbage":
            h.wfile.write(b"\x00\x01 this is not HTTP \xff\r\n\r\n")
            return
        if mode == "redirect":
            h.send_response(302)
            h.send_header("Location", self.redirect_to + h.path)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        hit = PLACES.get(params.get("q", "").strip().lower())
        body = json.dumps([hit] if hit else []).encode()
        if mode == "badjson":
            body = b'[{"lat": "-16.5", "lon": '
        elif mode == "wrongshape":
            body = b'[{"lat": "north", "lon": "west", "display_name": "x"}]'
        elif mode in MALFORMED:
            body = MALFORMED[mode]
        elif mode == "huge":
            body = body[:-1] + b" " * self.huge_bytes + b"]"
        head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
        if mode != "huge" or self.huge_length:
            head += f"Content-Length: {len(body)}\r\n"
        raw = head.encode() + b"\r\n" + body
        if mode == "drip":
            for i in range(len(raw)):
                h.wfile.write(raw[i:i + 1])
                h.wfile.flush()
                time.sleep(self.drip_seconds)
            return
        h.wfile.write(raw)
        h.close_connection = True

    def __enter__(self):
        # A short poll interval: shutdown() waits for one, and every test stops a server.
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    @staticmethod
    def closed_url() -> str:
        """The URL of a port on 127.0.0.1 where nobody listens (connections are refused)."""
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return f"http://127.0.0.1:{s.getsockname()[1]}"

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
