"""The only URL fetcher the report uses: it serves our own templates/ and assets/ files and nothing else.

WeasyPrint's default fetcher reads any local file (``<link rel=attachment href=file:///etc/passwd>`` ends up
inside the PDF) and fetches http(s) and ftp. This one never opens a socket: ``file:`` URLs are served only
when their real path (symlinks and ``..`` resolved) lies inside one of the allowed folders, ``data:`` URLs
only when the renderer registered that exact URL, and every other scheme is refused. Refused URLs are
recorded in ``refused`` so tests and callers can see what the document tried to load.

Importing this module imports WeasyPrint (~0.35 s): only ``render.py`` does, and only when rendering.
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path
from urllib.parse import unquote_to_bytes, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

MAX_BYTES = 64 * 1024 * 1024


class RefusedURL(ValueError):
    pass


class SafeFetcher(URLFetcher):
    def __init__(self, roots: list[Path], data_urls: frozenset[str] = frozenset()) -> None:
        super().__init__(timeout=1, allowed_protocols=("file", "data"), allow_redirects=False)
        self.roots = [os.path.realpath(r) for r in roots]
        self.data_urls = data_urls
        self.refused: list[str] = []
        self.served: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        try:
            response = self._fetch(url)
        except RefusedURL:
            self.refused.append(url[:200])
            raise
        self.served.append(url)
        return response

    def _fetch(self, url: str) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            if url not in self.data_urls:
                raise RefusedURL("data: URL not issued by the report renderer")
            return super().fetch(url)  # urllib's DataHandler decodes it; no I/O
        if scheme != "file":
            raise RefusedURL(f"scheme {scheme or '(none)'!r} is not allowed")
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise RefusedURL("file: URL with a host (a network share) is not allowed")
        raw = unquote_to_bytes(parts.path)
        if b"\x00" in raw:
            raise RefusedURL("NUL in path")
        path = os.path.realpath(url2pathname(parts.path))
        if not any(_inside(path, root) for root in self.roots):
            raise RefusedURL("outside the report's template and asset folders")
        if not os.path.isfile(path):
            raise RefusedURL("not a file")
        if os.path.getsize(path) > MAX_BYTES:
            raise RefusedURL("file too large")
        body = Path(path).read_bytes()
        mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
        headers = {"Content-Type": mime + ("; charset=utf-8" if mime.startswith("text/") else "")}
        return URLFetcherResponse(Path(path).as_uri(), body, headers)


def _inside(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:  # different drives on Windows
        return False
