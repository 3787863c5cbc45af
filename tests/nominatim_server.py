"""A real HTTP server on 127.0.0.1 that answers like Nominatim's /search, for tests."""

from __future__ import annotations

import json
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


class FakeNominatim:
    """Start with ``with FakeNominatim() as server``; set ``server.mode`` to misbehave."""

    def __init__(self):
        self.mode = "ok"  # ok | timeout | 429 | 500 | badjson | wrongshape
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                url = urlparse(self.path)
                params = {k: v[0] for k, v in parse_qs(url.query).items()}
                outer.requests.append({"path": url.path, "params": params, "time": time.monotonic(),
                                       "user_agent": self.headers.get("User-Agent", "")})
                mode = outer.mode
                if mode == "timeout":
                    time.sleep(1.5)
                    mode = "ok"
                if mode in ("429", "500"):
                    self.send_response(int(mode))
                    self.end_headers()
                    self.wfile.write(b"slow down" if mode == "429" else b"internal error")
                    return
                if mode == "badjson":
                    body = b'[{"lat": "-16.5", "lon": '
                elif mode == "wrongshape":
                    body = b'[{"lat": "north", "lon": "west", "display_name": "x"}]'
                else:
                    hit = PLACES.get(params.get("q", "").strip().lower())
                    body = json.dumps([hit] if hit else []).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.domain = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.url = f"http://{self.domain}"

    def __enter__(self):
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
