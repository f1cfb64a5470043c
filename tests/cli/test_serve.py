"""`pac serve` for real: the command started in a process of its own on a free port, a file
changed, and the page seen changing over HTTP; Ctrl-C stops it cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from conftest import REPO
from support import until

from pac.cli import cli

PRODUCT = "products/claims-portal.yaml"
SCRIPT = '<script src="/.pac/serve.js" data-pac-version="'




def get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read().decode()


class Served:
    """The command's process, and the lines it printed so far."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: list[str] = []
        assert process.stdout is not None
        self._reader = threading.Thread(target=self._read, args=(process.stdout,))
        self._reader.start()
        url = until(lambda: [line for line in self.lines if line.startswith("Serving")])[0]
        self.base = url.split(" at ", 1)[1].split(" ", 1)[0]

    def _read(self, stream: Any) -> None:
        for line in stream:
            self.lines.append(line.rstrip("\n"))

    def status(self) -> dict[str, Any]:
        found: dict[str, Any] = json.loads(get(f"{self.base}.pac/status?since=0&page=/")[2])
        return found

    def stop(self, how: signal.Signals = signal.SIGINT) -> int:
        self.process.send_signal(how)  # Ctrl-C, by default
        code = self.process.wait(60)
        self._reader.join(10)
        return code


@contextmanager
def serve(*args: str, tmp: Path) -> Iterator[Served]:
    """The command, with its temporary folders in `tmp`."""
    tmp.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": "1700000000",
           "TMPDIR": str(tmp)}
    with subprocess.Popen(
        [sys.executable, "-m", "pac", "serve", *args, "--port", "0", "--today", "2026-11-22"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    ) as process:
        try:
            yield Served(process)
        finally:
            if process.poll() is None:
                process.kill()


def replace(file: Path, old: str, new: str) -> None:
    text = file.read_text()
    assert old in text
    file.write_text(text.replace(old, new))


def test_serve_builds_serves_and_shows_each_save_until_ctrl_c(
    reference: Path, tmp_path: Path
) -> None:
    with serve(str(reference), tmp=tmp_path / "tmp") as served:
        base = served.base
        assert base.startswith("http://127.0.0.1:") and base.endswith("/")
        until(lambda: served.status()["version"] >= 1)
        page = f"{base}products/claims-portal.html"
        code, kind, html = get(page)
        assert (code, kind) == (200, "text/html; charset=utf-8")
        assert "<h1>Claims Portal</h1>" in html and html.count(SCRIPT) == 1
        code, kind, index = get(f"{base}search/search_index.json")
        assert (code, kind, SCRIPT in index) == (200, "application/json; charset=utf-8", False)
        every = {entry["location"].partition("#")[0] for entry in json.loads(index)["docs"]}

        replace(reference / PRODUCT, "name: Claims Portal", "name: Claims Hub")
        until(lambda: "<h1>Claims Hub</h1>" in get(page)[2])
        until(lambda: "Claims Hub" in get(f"{base}products/index.html")[2])
        # MkDocs writes a partial build's own index before pac merges it into the whole one
        docs = until(lambda: _whole_index(base, "Claims Hub", every))
        assert {entry["location"].partition("#")[0] for entry in docs} == every
        assert any("Claims Hub" in entry["title"] for entry in docs)

        replace(reference / PRODUCT, "owner: team-claims", "owner: team-clams")
        [finding] = until(lambda: served.status()["findings"])
        assert (finding["file"], finding["rule"], finding["message"]) == (
            "portfolio/products/claims-portal.yaml", "unknown-reference",
            "'team-clams' is not a team")
        assert "<h1>Claims Hub</h1>" in get(page)[2]  # still served: the last good site

        replace(reference / PRODUCT, "owner: team-clams", "owner: team-claims")
        until(lambda: not served.status()["findings"])
        assert served.stop() == 0
    lines = served.lines
    assert lines[0] == f"Serving the catalogue at {base} (Ctrl-C stops)"
    assert lines[1].startswith("built the site in ")
    saved = "portfolio/products/claims-portal.yaml changed: "
    renamed = lines.index(next(line for line in lines if line.startswith(
        saved + "rebuilt products/claims-portal.html in ")))
    # the home page among them: its value at risk lists Claims Portal (out-of-support
    # PostgreSQL)
    assert lines[renamed + 1].startswith("then 10 pages that show it in ")
    assert any(line.startswith(saved + "not built: 1 error, shown in the browser; the first: "
                               "portfolio/products/claims-portal.yaml:12:8 unknown-reference")
               for line in lines)
    assert lines[-1] == "Stopped."
    assert list((tmp_path / "tmp").iterdir()) == []  # the session's folder is gone


def test_kill_stops_it_as_ctrl_c_does(reference: Path, tmp_path: Path) -> None:
    with serve(str(reference), "--no-history", tmp=tmp_path / "tmp") as served:
        until(lambda: served.status()["version"] >= 1)
        assert any((tmp_path / "tmp").iterdir())
        assert served.stop(signal.SIGTERM) == 0
    assert served.lines[-1] == "Stopped."
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_folder_that_is_not_a_portfolio_or_a_bad_port_stops_at_once(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", str(tmp_path)])
    assert result.exit_code == 2
    assert "is not a portfolio: it has no portfolio.yaml" in result.output
    result = CliRunner().invoke(cli, ["serve", str(tmp_path), "--port", "70000"])
    assert result.exit_code == 2
    assert "70000 is not in the range 0<=x<=65535" in result.output


def _whole_index(base: str, title: str, pages: set[str]) -> list[dict[str, str]] | None:
    """The search index's entries once it lists every page and one titled `title`."""
    try:
        docs: list[dict[str, str]] = json.loads(get(f"{base}search/search_index.json")[2])["docs"]
    except ValueError:
        return None  # MkDocs is writing its own
    listed = {entry["location"].partition("#")[0] for entry in docs}
    return docs if listed == pages and any(title in e["title"] for e in docs) else None
