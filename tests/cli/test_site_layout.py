"""The catalogue's layout in a real headless Chromium, at a desktop and a phone width, on the
example portfolio and on a generated 1,000-product one: one page of every kind (each page in
the navigation, and the largest page of each entity folder), so a new kind of page is
covered without a change here.

On every page nothing may stick out of the window unless it sits in a container that scrolls
and shows that it does, and no id, path or amount may be broken across two lines. A
screenshot of each page is kept in build/test-artefacts/layout/ for a reviewer to look at
(`PAC_ARTEFACTS` moves it). Both sites are built from two years of dated history
(example_history.py), so that the Trends page and the products' stages show figures read
from git."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import chromium, serve
from click.testing import CliRunner
from conftest import EXAMPLE, REPO
from example_history import dated_history

from pac.catalogue.project import NAV
from pac.cli import cli
from pac.model import FOLDER_OF

WIDTHS = {"desktop": 1400, "phone": 390}
ARTEFACTS = Path(os.environ.get("PAC_ARTEFACTS", REPO / "build" / "test-artefacts")) / "layout"

# Everything that sticks out of the window, unless a scrolling ancestor that shows it scrolls
# (a shadow at the edge, drawn as a background gradient) holds it.
_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const shows = e => getComputedStyle(e).backgroundImage.includes("gradient");
  const scroller = e => {
    for (let a = e.parentElement; a; a = a.parentElement) {
      const x = getComputedStyle(a).overflowX;
      if ((x === "auto" || x === "scroll") && a.scrollWidth > a.clientWidth + 1) return a;
    }
    return null;
  };
  const bad = [];
  for (const e of document.querySelectorAll(".md-content *")) {
    const box = e.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    const holder = scroller(e);
    if (holder && holder.getBoundingClientRect().right <= width + 1 && shows(holder)) continue;
    bad.push(`${e.tagName.toLowerCase()}.${e.className} right=${Math.round(box.right)}` +
             (holder ? ` in ${holder.tagName.toLowerCase()} without a scroll shadow` : ""));
    if (bad.length > 5) break;
  }
  const page = document.documentElement.scrollWidth;
  if (page > width + 1) bad.push(`the page scrolls sideways: ${page} > ${width}`);
  return bad;
}"""

# Words that must stay on one line: an id or a commit in <code>, each segment of a path, a
# badge, and every amount of money (digits, separators, a currency or a k/m/bn unit).
_BROKEN = """(currency) => {
  const lines = node => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return new Set(Array.from(range.getClientRects(), r => Math.round(r.top))).size;
  };
  const bad = [];
  const words = ".md-content code:not(.pac-path), .md-content .pac-path > span, " +
                ".md-content .pac-badge";
  for (const e of document.querySelectorAll(words)) {
    if (e.getClientRects().length && lines(e) > 1) bad.push(e.textContent);
  }
  const amount = new RegExp(`[0-9][0-9,.]*[ \\u00a0]?(${currency}|k|m|bn)\\\\b`, "g");
  const walker = document.createTreeWalker(document.querySelector(".md-content"),
                                           NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest("svg, script, style")) continue;
    for (const match of node.data.matchAll(amount)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
      if (tops.size > 1) bad.push(match[0]);
    }
  }
  return bad.slice(0, 10);
}"""


def _build(portfolio: Path, out: Path, *extra: str) -> Path:
    """The site of `portfolio` given two years of dated history, so that the Trends page and
    the products' stages hold figures read from git."""
    repo = dated_history(portfolio, out.parent / f"{out.name}-repo")
    result = CliRunner().invoke(
        cli,
        ["build", str(repo.path / "portfolio"), "--out", str(out), "--site", str(REPO / "site"),
         *extra],
        env={"SOURCE_DATE_EPOCH": "1795000000"},
    )
    assert result.exit_code == 0, result.output
    return out


def kinds_of_page(site: Path) -> dict[str, str]:
    """Each page in pac's navigation, and the largest page in each entity folder."""
    pages = {Path(path).with_suffix("").as_posix(): path.replace(".md", ".html")
             for entry in NAV for path in entry.values()}
    for kind, folder in FOLDER_OF.items():
        entities = [p for p in (site / folder).glob("*.html") if p.name != "index.html"]
        if entities:
            largest = max(entities, key=lambda p: (p.stat().st_size, p.name))
            pages[kind] = f"{folder}/{largest.name}"
    pages["how-to-propose-a-change"] = "how-to-propose-a-change.html"
    return pages


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("layout")
    large = root / "p1000"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), str(large),
                    "--products", "1000"], check=True, capture_output=True)
    return {
        "example": _build(EXAMPLE, root / "example"),
        "p1000": _build(large, root / "s1000", "--today", "2027-01-15"),
    }


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as browser:
        yield browser


CURRENCY = {"example": "GBP", "p1000": "USD"}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("portfolio", ["example", "p1000"])
def test_every_kind_of_page_fits_the_window(
    sites: dict[str, Path], browser: Any, portfolio: str, width: str
) -> None:
    site = sites[portfolio]
    pages = kinds_of_page(site)
    assert {"index", "products/index", "product", "team", "capability", "health",
            "trends"} <= set(pages)
    folder = ARTEFACTS / portfolio / width
    folder.mkdir(parents=True, exist_ok=True)
    problems: dict[str, Any] = {}
    with serve(site) as base:
        page = browser.new_page(viewport={"width": WIDTHS[width], "height": 900})
        try:
            for kind, path in sorted(pages.items()):
                page.goto(base + path)
                page.wait_for_load_state("load")
                name = kind.replace("/", "-")
                page.screenshot(path=folder / f"{name}.png", full_page=portfolio == "example")
                overflow = page.evaluate(_OVERFLOW)
                if width == "desktop":  # no empty table-of-contents column beside it
                    used = page.evaluate("document.querySelector('.md-content').clientWidth")
                    if used < 0.6 * WIDTHS[width]:
                        overflow.append(f"the content is {used} px wide in {WIDTHS[width]}")
                broken = page.evaluate(_BROKEN, CURRENCY[portfolio])
                if overflow or broken:
                    problems[path] = {"sticks out": overflow, "broken": broken}
        finally:
            page.close()
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)
