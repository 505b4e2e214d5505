"""A local HTTP server on 127.0.0.1 for tests that prove nothing is fetched (and, for the counter-test, that a
fetch would be seen): it records every request as "METHOD /path" and answers at once."""

from __future__ import annotations

import http.server
import threading


class Listener:
    def __init__(self, status: int = 200, content_type: str = "image/png") -> None:
        requests: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            timeout = 10

            def _answer(self) -> None:
                requests.append(f"{self.command} {self.path}")
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(min(length, 1 << 20))
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.requests = requests
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Listener:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
