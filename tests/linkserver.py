"""A local HTTP server for link-check tests: fixed answers per path, a request counter, a path that never answers."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LinkServer:
    def __init__(self, server: ThreadingHTTPServer, release: threading.Event) -> None:
        self.server = server
        self.release = release
        self.hits: Counter[str] = Counter()

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def url(self, path: str, host: str = "localhost") -> str:
        return f"http://{host}:{self.port}{path}"


@contextmanager
def link_server() -> Iterator[LinkServer]:
    """Paths: /ok 200, /missing 404, /broken 500, /slow never answers until the test ends, /moved 301 to /ok,
    /to-loopback 302 to 127.0.0.1, /elsewhere 302 to another host."""
    release = threading.Event()
    state: dict[str, LinkServer] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            links = state["server"]
            path = self.path.split("?", 1)[0]
            links.hits[path] += 1
            if path == "/slow":
                release.wait()
                return
            redirects = {
                "/moved": f"http://localhost:{links.port}/ok",
                "/to-loopback": f"http://127.0.0.1:{links.port}/ok",
                "/elsewhere": "http://www.gov.cn/",
            }
            status = {"/ok": 200, "/missing": 404, "/broken": 500}.get(path, 302 if path in redirects else 404)
            self.send_response(status)
            if path in redirects:
                self.send_header("Location", redirects[path])
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state["server"] = LinkServer(server, release)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state["server"]
    finally:
        release.set()
        server.shutdown()
        server.server_close()
