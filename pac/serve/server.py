"""The site over HTTP on 127.0.0.1, with pac's script in every HTML page.

The script (assets/serve.js, served by pac itself at /.pac/serve.js) asks /.pac/status
whether its page changed since the version it was served at, waiting for the answer
(a long poll), reloads the page when it did, and lays the findings that stop a build over
the page. Only the site's own files are served: no listing of folders, nothing hidden, no
path out of the site, and no request whose Host is not this server's (a web page whose
name an attacker points at 127.0.0.1 cannot read the catalogue).
"""

from __future__ import annotations

import errno
import http.server
import mimetypes
import os
import stat
import threading
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from pac.errors import PacError
from pac.json_text import to_json
from pac.paths import within
from pac.serve.state import State

HOST = "127.0.0.1"
SCRIPT = "/.pac/serve.js"
STATUS = "/.pac/status"
LONGEST_WAIT = 20.0  # seconds a status request waits for news before it is answered anyway
BUILDING = (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>pac serve</title>'
    "</head><body><p>pac serve is building the catalogue; this page reloads when it is "
    "built.</p></body></html>\n"
)


def script_tag(version: int) -> bytes:
    """The tag pac adds to every HTML page it serves (the version is a number)."""
    return f'<script src="{SCRIPT}" data-pac-version="{int(version)}"></script>'.encode()


def inject(html: bytes, version: int) -> bytes:
    """`html` with pac's script before its last `</body>`, or at its end without one."""
    tag = script_tag(version)
    at = html.lower().rfind(b"</body>")
    return html + tag if at < 0 else html[:at] + tag + html[at:]


def page_of(url_path: str) -> str:
    """A URL's path as a site path: no leading '/', index.html for a folder."""
    path = unquote(url_path).lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def site_file(site: Path, url_path: str) -> Path | None:
    """The file of the site a URL names, if it is one pac serves."""
    parts = [part for part in unquote(url_path).split("/") if part]
    if any(part.startswith(".") or "\\" in part or "\0" in part for part in parts):
        return None  # '..', hidden files, and what only another system reads as a path
    path = site.joinpath(*parts)
    if path.is_dir():
        path = path / "index.html"
    if not within(os.path.realpath(path), os.path.realpath(site)):
        return None
    return path


def read_regular(path: Path) -> bytes | None:
    """A regular file's bytes, never through a link; None when there is none."""
    try:
        with open(os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK), "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                return None
            return file.read()
    except OSError:
        return None


class _Handler(http.server.BaseHTTPRequestHandler):
    server: Server
    server_version = "pac-serve"

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the command prints one line per build, not one per request

    def _answer(self, *, body: bool) -> None:
        if self.headers.get("Host", "") not in self.server.hosts:
            self._send(403, b"pac serve answers only at its own address\n", "text/plain", body)
            return
        url = urlsplit(self.path)
        if url.path == SCRIPT:
            self._send(200, self.server.script, "text/javascript", body)
        elif url.path == STATUS:
            self._status(parse_qs(url.query), body)
        else:
            self._file(url.path, body)

    def _status(self, query: dict[str, list[str]], body: bool) -> None:
        try:
            since = int(query.get("since", ["0"])[0])
        except ValueError:
            self._send(400, b"since must be a number\n", "text/plain", body)
            return
        wait = LONGEST_WAIT if query.get("wait", ["0"])[0] == "1" else 0
        page = page_of(query.get("page", ["/"])[0])
        status = self.server.state.status(since, page, wait=wait)
        self._send(200, to_json(status.as_json()).encode(), "application/json", body)

    def _file(self, url_path: str, body: bool) -> None:
        state = self.server.state
        version = state.version  # before the file: a build in between reloads, never hides
        site = state.site
        if site is None:
            self._send(503, inject(BUILDING.encode(), version), "text/html", body)
            return
        path = site_file(site, url_path)
        content = read_regular(path) if path is not None else None
        status = 200
        if content is None or path is None:
            status, path = 404, site / "404.html"
            content = read_regular(path) or b"<!doctype html><title>Not found</title>Not found"
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if kind == "text/html":
            content = inject(content, version)
        self._send(status, content, kind, body)

    def _send(self, status: int, content: bytes, kind: str, body: bool) -> None:
        charset = "; charset=utf-8" if kind.startswith("text/") or kind.endswith("json") else ""
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind + charset)
            self.send_header("Content-Length", str(len(content)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if body:
                self.wfile.write(content)
        except ConnectionError:
            pass  # the browser left (a page that reloads drops its waiting request)


class Server(http.server.ThreadingHTTPServer):
    """The HTTP server of a session, answering from its own threads."""

    daemon_threads = True  # a browser's waiting request never holds the command open

    def __init__(self, state: State, port: int) -> None:
        try:
            super().__init__((HOST, port), _Handler)
        except OSError as e:
            fix = "give another with --port, or --port 0 for a free one"
            reason = "it is in use" if e.errno == errno.EADDRINUSE else e.strerror or str(e)
            raise PacError(f"cannot serve on {HOST}:{port}: {reason}: {fix}") from e
        self.state = state
        self.port = int(self.server_address[1])
        self.hosts = {f"{HOST}:{self.port}", f"localhost:{self.port}"}
        self.script = resources.files("pac.serve").joinpath("assets/serve.js").read_bytes()
        self._thread = threading.Thread(target=self.serve_forever, name="pac-serve", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop answering: waiting browsers are answered at once, the port is freed."""
        self.state.close()
        if self._thread.is_alive():  # shutdown() waits for a loop that must have started
            self.shutdown()
        self.server_close()
