"""A real headless Chromium (Debian's) over a site served on 127.0.0.1, for the site tests."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from conftest import EXAMPLE, REPO

from pac.cli import cli

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# keep Chromium from calling home on a closed network
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def build_example(out: Path, portfolio: Path = EXAMPLE) -> Path:
    """The example portfolio's catalogue (or that of `portfolio`, a copy of it with a
    history) with the repository's site/, built into `out`."""
    result = CliRunner().invoke(cli, ["build", str(portfolio), "--out", str(out), "--site",
                                      str(REPO / "site")],
                                env={"SOURCE_DATE_EPOCH": "1795000000"})
    assert result.exit_code == 0, result.output
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free port of 127.0.0.1; yield its base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Watch:
    """What a page did that a user would not see: requests, console errors, dialogs."""

    base: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @property
    def foreign(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.base)
                and not u.startswith(("data:", "blob:", "about:"))]


def watch(page: Any, base: str) -> Watch:
    seen = Watch(base)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.errors.append(str(e)))

    def dialog(d: Any) -> None:
        seen.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    return seen


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError("Debian's chromium is missing: apt-get install chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()
