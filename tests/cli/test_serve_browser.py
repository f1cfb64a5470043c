"""pac serve in a real headless Chromium (Debian's): a page reloads by itself when its file
is saved, and the findings of a file that stops validating are laid over it, as text."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from browser import chromium, watch
from conftest import TODAY

from pac.serve.loop import serve
from pac.serve.session import Options, Step

PRODUCT = "products/claims-portal.yaml"


@contextmanager
def serving(portfolio: Path) -> Iterator[str]:
    stop, urls, steps = threading.Event(), [], []  # type: ignore[var-annotated]
    ready = threading.Event()

    def report(step: Step) -> None:
        steps.append(step)
        ready.set()

    thread = threading.Thread(target=serve, args=(Options(portfolio, None, TODAY, 1700000000),),
                              kwargs={"port": 0, "started": urls.append, "report": report,
                                      "stop": stop})
    thread.start()
    try:
        assert ready.wait(120) and steps[0].site is not None, steps
        yield urls[0]
    finally:
        stop.set()
        thread.join(120)


def replace(file: Path, old: str, new: str) -> None:
    text = file.read_text()
    assert old in text
    file.write_text(text.replace(old, new))


def test_a_page_reloads_itself_and_shows_what_stops_the_build(
    reference: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    with serving(reference) as base, chromium() as browser:
        page: Any = browser.new_page(viewport={"width": 1280, "height": 900})
        seen = watch(page, base)
        page.goto(base + "products/claims-portal.html")
        assert page.locator("h1").first.inner_text() == "Claims Portal"
        page.evaluate("window.pacMark = 'not reloaded'")

        replace(reference / PRODUCT, "name: Claims Portal", "name: Claims Hub")
        page.locator("h1", has_text="Claims Hub").first.wait_for(timeout=60_000)
        assert page.evaluate("window.pacMark") is None  # a new page: it reloaded itself

        hostile = '"<img src=x onerror=alert(1)>"'
        replace(reference / PRODUCT, "owner: team-claims", f"owner: {hostile}")
        overlay = page.locator("#pac-serve-overlay")
        overlay.wait_for(timeout=60_000)
        text = overlay.inner_text()
        assert "The portfolio does not validate" in text
        assert "portfolio/products/claims-portal.yaml:12:8" in text
        # the value as text: no element made of it, no script run
        assert "owner: '<img src=x onerror=alert(1)>' is not in the expected form" in text
        assert overlay.locator("img").count() == 0
        assert page.locator("h1").first.inner_text() == "Claims Hub"  # the last good page

        replace(reference / PRODUCT, f"owner: {hostile}", "owner: team-claims")
        overlay.wait_for(state="detached", timeout=60_000)
        assert page.locator("h1").first.inner_text() == "Claims Hub"
        page.close()
    assert seen.foreign == [], "the page asked another host"
    assert seen.dialogs == [] and seen.errors == []
    assert capfd.readouterr().err == ""  # a reload drops a waiting request: no traceback
