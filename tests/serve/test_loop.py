"""A serve session end to end, in a thread, over HTTP: a save shows in the page, a file
that stops validating shows its findings and the last good site stays, a site MkDocs
refuses is a problem the server outlives, and stopping leaves nothing behind."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from conftest import TODAY
from support import until

from pac.serve.loop import _next, serve
from pac.serve.session import Options, Step

EPOCH = 1700000000
PRODUCT = "products/claims-portal.yaml"




def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def status(base: str, since: int = 0, page: str = "/") -> dict[str, Any]:
    found: dict[str, Any] = json.loads(get(f"{base}.pac/status?since={since}&page={page}")[1])
    return found


@contextmanager
def serving(portfolio: Path, site: Path | None = None) -> Iterator[tuple[str, list[Step]]]:
    stop = threading.Event()
    urls: list[str] = []
    steps: list[Step] = []
    options = Options(portfolio, site, TODAY, EPOCH)
    thread = threading.Thread(target=serve, args=(options,), kwargs={
        "port": 0, "started": urls.append, "report": steps.append, "stop": stop})
    thread.start()
    try:
        base = until(lambda: urls)[0]
        yield base, steps
    finally:
        stop.set()
        thread.join(120)
    assert not thread.is_alive()


def replace(file: Path, old: str, new: str) -> None:
    text = file.read_text()
    assert old in text
    file.write_text(text.replace(old, new))


def test_a_save_shows_in_the_page_and_a_broken_file_shows_its_findings(
    reference: Path,
) -> None:
    with serving(reference) as (base, steps):
        until(lambda: status(base)["version"] >= 1)
        page = f"{base}products/claims-portal.html"
        code, html = get(page)
        assert code == 200 and "<h1>Claims Portal</h1>" in html
        version = status(base)["version"]
        replace(reference / PRODUCT, "name: Claims Portal", "name: Claims Hub")
        until(lambda: "<h1>Claims Hub</h1>" in get(page)[1])
        # the page is written before the build's version is counted: wait for the count
        until(lambda: status(base)["version"] > version)
        assert status(base, version, "/products/claims-portal.html")["reload"] is True
        replace(reference / PRODUCT, "owner: team-claims", "owner: team-clams")
        findings = until(lambda: status(base)["findings"])
        assert [(f["file"], f["line"], f["rule"], f["message"], f["hint"]) for f in findings] == [
            ("portfolio/products/claims-portal.yaml", 12, "unknown-reference",
             "'team-clams' is not a team", "did you mean 'team-claims'?")]
        code, html = get(page)  # the last good site, still served
        assert code == 200 and "<h1>Claims Hub</h1>" in html
        replace(reference / PRODUCT, "owner: team-clams", "owner: team-claims")
        until(lambda: not status(base)["findings"])
        assert status(base)["problem"] is None
        until(lambda: "Claims Hub" in get(f"{base}products/index.html")[1])
    assert [step.stopped for step in steps].count(True) == 1
    assert steps[0].pages is None and steps[0].site is not None
    assert not steps[0].site.exists()  # the session's folder is gone


def test_a_site_mkdocs_refuses_is_a_problem_the_server_outlives(
    reference: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "mkdocs.yml").write_text("theme:\n  name: no-such-theme\n")
    with serving(reference, site) as (base, steps):
        problem = until(lambda: status(base)["problem"])
        assert problem.startswith("MkDocs could not build the site: ")
        code, html = get(base)
        assert code == 503 and "pac serve is building the catalogue" in html
        (site / "mkdocs.yml").write_text("theme:\n  name: material\n")
        until(lambda: get(base)[0] == 200)
        assert status(base)["problem"] is None
    assert steps[0].problem == problem
    assert steps[-1].pages is None and steps[-1].changed == ["site/"]


def test_an_error_no_build_expects_is_told_as_a_problem_not_raised() -> None:
    def steps() -> Iterator[Step]:
        yield Step(["portfolio/products/a.yaml"], pages=["products/a.html"])
        raise OSError(28, "No space left on device")

    running = steps()
    assert _next(running, ["x"]) == Step(["portfolio/products/a.yaml"],
                                          pages=["products/a.html"])
    assert _next(running, ["portfolio/products/a.yaml"]) == Step(
        ["portfolio/products/a.yaml"],
        problem="the build failed: OSError: [Errno 28] No space left on device")
    assert _next(running, ["x"]) is None  # the rebuild is over
