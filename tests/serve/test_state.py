"""What the builds tell the browsers: a page reloads when a build since the version it was
served at changed it, and a build that could not run says why."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from pac.serve.state import KEPT, State

SITE = Path("/site")


def test_a_page_reloads_only_when_a_build_changed_it() -> None:
    state = State()
    assert (state.version, state.site) == (0, None)
    state.built(SITE, None)  # the first build: every page
    assert state.status(0, "products/a.html").reload
    state.built(SITE, ["products/a.html"])
    state.built(SITE, ["products/index.html", "teams/t.html"])
    assert state.version == 3
    assert state.status(1, "products/a.html").reload
    assert not state.status(2, "products/a.html").reload
    assert state.status(2, "teams/t.html").reload
    assert not state.status(3, "teams/t.html").reload
    assert not state.status(1, "products/b.html").reload


def test_a_page_from_before_a_restart_or_older_than_the_log_reloads() -> None:
    state = State()
    state.built(SITE, None)
    assert state.status(7, "index.html").reload  # served by an earlier run of pac serve
    for _ in range(KEPT + 5):
        state.built(SITE, ["products/a.html"])
    assert state.status(3, "teams/t.html").reload
    assert not state.status(state.version - KEPT, "teams/t.html").reload


def test_a_build_that_changed_nothing_is_no_news() -> None:
    state = State()
    state.built(SITE, None)
    state.built(SITE, [])
    assert state.version == 1
    state.built(Path("/other"), [])  # a new project folder is news
    assert state.version == 2


def test_a_build_that_could_not_run_says_why_until_one_succeeds() -> None:
    state = State()
    state.built(SITE, None)
    finding = {"file": "portfolio/products/a.yaml", "line": 3, "rule": "unknown-reference"}
    state.failed([finding])
    status = state.status(1, "index.html")
    assert (status.version, status.reload, status.findings, status.problem) == (
        2, False, [finding], None)
    state.failed([finding])  # the same again: no news
    assert state.version == 2
    state.failed([], "MkDocs could not build the site: no theme")
    assert state.status(2, "index.html").as_json() == {
        "version": 3, "reload": False, "findings": [],
        "problem": "MkDocs could not build the site: no theme"}
    state.built(SITE, [])  # it builds again, though no page changed: that is news
    assert state.status(3, "index.html").as_json() == {
        "version": 4, "reload": False, "findings": [], "problem": None}


def test_a_waiting_browser_hears_of_a_build_at_once_and_of_nothing_after_its_wait() -> None:
    state = State()
    start = time.monotonic()
    assert state.status(0, "index.html", wait=0.2).version == 0
    assert time.monotonic() - start >= 0.2
    threading.Timer(0.1, state.built, (SITE, ["index.html"])).start()
    start = time.monotonic()
    status = state.status(0, "index.html", wait=10)
    assert (status.version, status.reload) == (1, True)
    assert time.monotonic() - start < 5


def test_closing_answers_every_waiting_browser() -> None:
    state = State()
    threading.Timer(0.1, state.close).start()
    start = time.monotonic()
    assert state.status(0, "index.html", wait=10).version == 0
    assert time.monotonic() - start < 5
    assert state.closed
