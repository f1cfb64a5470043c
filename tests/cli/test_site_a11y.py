"""The catalogue's accessibility in a real headless Chromium over the built example site:
axe-core finds nothing serious or critical on one page of every kind (the capability map
in each of its modes), and every text pac colours meets WCAG AA contrast in Material's light
and dark schemes, and every mark of a chart stands out 3:1 against the page. The site is built
from two years of dated history (example_history.py), so that the Trends page shows
figures read from git. The
keyboard is tested with the controls (controls.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from a11y import (
    SCHEMES,
    add_swatches,
    axe_judged,
    axe_violations,
    contrasts,
    describe,
    faint,
    mark_contrasts,
    set_scheme,
    settle,
    too_faint,
)
from browser import Watch, build_example, chromium, serve, watch
from conftest import REPO
from example_history import example_history

from pac.catalogue.project import NAV, read_site_config
from pac.model import FOLDER_OF

ENTITY = "/*"  # one entity page of the folder before it: the largest, as the richest
MODES = ".pac-heat-modes button[data-mode]"
# pac's controls, coloured by Material's rules rather than pac.css's, whose text pac answers for
CONTROLS = (".pac-heat-modes button", "th[data-sort] button")


def _nav_pages(nav: list[Any]) -> Iterator[str]:
    for entry in nav:
        for target in entry.values() if isinstance(entry, dict) else [entry]:
            if isinstance(target, list):
                yield from _nav_pages(target)
            elif isinstance(target, str) and target.endswith(".md"):
                yield target.removesuffix(".md") + ".html"


# Every page in pac's navigation and the site's, and one entity page of each kind: a page
# kind that pac adds to NAV or FOLDER_OF is checked without a change here.
KINDS = [*_nav_pages([*NAV, *read_site_config(REPO / "site").get("nav", [])]),
         *(folder + ENTITY for folder in sorted(set(FOLDER_OF.values())))]


def test_every_kind_of_page_is_checked() -> None:
    """The pages the checks below run on, so that none drops out of them unseen."""
    assert set(KINDS) >= {
        "index.html", "products/index.html", "teams/index.html", "capabilities/index.html",
        "objectives/index.html", "funding/index.html", "health.html", "findings.html",
        "changelog.html", "trends.html", "how-to-propose-a-change.html", "products/*", "teams/*",
        "capabilities/*", "objectives/*", "funding/*"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("a11y")
    repo = example_history(root / "repo")  # a Trends page of figures read from git
    return build_example(root / "site", repo.path / "portfolio")


@pytest.fixture(scope="module")
def browse(site: Path) -> Iterator[tuple[Any, Watch]]:
    with serve(site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        yield page, watch(page, base)


def _open(browse: tuple[Any, Watch], site: Path, kind: str) -> Any:
    page, seen = browse
    path = kind
    if kind.endswith(ENTITY):
        folder = kind.removesuffix(ENTITY)
        pages = [p for p in (site / folder).glob("*.html") if p.name != "index.html"]
        path = f"{folder}/{max(pages, key=lambda p: (p.stat().st_size, p.name)).name}"
    page.goto(seen.base + path)
    return page


def _states(page: Any) -> Iterator[str]:
    """The page as it opens, or with each mode of its capability map in turn."""
    buttons = page.locator(MODES).all()
    if not buttons:
        yield "as it opens"
    for button in buttons:
        button.click()
        settle(page)
        yield f"in the map's {button.get_attribute('data-mode')} mode"


def _after(browse: tuple[Any, Watch]) -> None:
    """Nothing went to another host, nothing logged an error: since the last test."""
    _, seen = browse
    foreign, errors = seen.foreign, list(seen.errors)
    seen.requests.clear()
    seen.errors.clear()
    assert foreign == [], "the page (or axe) asked another host"
    assert errors == [], "the browser logged errors"


@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_nothing_serious_or_critical(
    browse: tuple[Any, Watch], site: Path, kind: str
) -> None:
    page = _open(browse, site, kind)
    found = {state: axe_violations(page) for state in _states(page)}
    report = [f"{page.url} {state}:\n{describe(v)}" for state, v in found.items() if v]
    assert not report, "\n".join(report)
    _after(browse)


def test_axe_judges_the_contrast_of_every_tile_in_every_mode(
    browse: tuple[Any, Watch], site: Path
) -> None:
    """A map mode's colours are only on screen after switching to it: axe must have
    judged every tile's text there, not left it undecided."""
    page = _open(browse, site, "capabilities/index.html")
    texts = "() => Array.from(document.querySelectorAll('.pac-heatmap .pac-tile span'))" \
            ".filter(e => e.checkVisibility()).length"
    modes = 0
    for state in _states(page):
        judged = axe_judged(page, ".pac-heatmap", "color-contrast")
        assert judged == {"passes": page.evaluate(texts), "violations": 0, "incomplete": 0}, state
        modes += 1
    assert modes == 3
    _after(browse)


@pytest.mark.parametrize("kind", KINDS)
def test_what_pac_colours_meets_wcag_aa_in_light_and_dark(
    browse: tuple[Any, Watch], site: Path, kind: str
) -> None:
    page = _open(browse, site, kind)
    low = []
    for state in _states(page):
        for scheme in SCHEMES:
            set_scheme(page, scheme)
            low += [f"{scheme}, {state}: {line}" for line in too_faint(page, CONTROLS)]
    assert not low, f"{page.url}:\n" + "\n".join(low)
    _after(browse)


def test_every_colour_class_of_pac_css_meets_wcag_aa_in_light_and_dark(
    browse: tuple[Any, Watch], site: Path
) -> None:
    """A sample badge of every badge and tile colour class in pac.css, and a map tile of
    each tile class, whether the example portfolio has one or not."""
    page = _open(browse, site, "capabilities/index.html")
    shown = add_swatches(page)
    assert {"pac-stage-live", "pac-level-3", "pac-sev-error", "pac-support-unsupported",
            "pac-kpi-met", "pac-covered", "pac-heat-0", "pac-fund-4", "pac-risk-4"} <= set(shown)
    low = []
    for state in _states(page):
        for scheme in SCHEMES:
            set_scheme(page, scheme)
            found = contrasts(page)
            low += [f"{scheme}, {state}: {faint(c)}" for c in found if c["ratio"] < c["needed"]]
            judged = {name for c in found for name in c["classes"]}
            assert set(shown) <= judged, (scheme, state, set(shown) - judged)
    assert not low, "\n".join(low)
    _after(browse)


def test_every_chart_colour_of_pac_css_stands_out_in_light_and_dark(
    browse: tuple[Any, Watch], site: Path
) -> None:
    """A swatch of every chart colour class in pac.css, and every line, band and dot the
    Trends page draws, 3:1 or more against the page (WCAG's non-text contrast)."""
    page = _open(browse, site, "trends.html")
    low = []
    for scheme in SCHEMES:
        set_scheme(page, scheme)
        found = mark_contrasts(page)
        classes = set(found["classes"])
        assert {f"pac-series-{n}" for n in range(1, 9)} <= classes
        drawn = [m for m in found["marks"] if m["mark"] not in classes]
        assert len(drawn) > 50, "the Trends page draws its charts"
        used = {c for m in drawn for c in m["mark"].split(".") if c.startswith("pac-series-")}
        assert used <= classes
        low += [f"{scheme}: {m['mark']} {m['colour']} on {m['bg']} is {m['ratio']}:1, under 3:1"
                for m in found["marks"] if m["ratio"] < 3]
    assert not low, "\n".join(low)
    _after(browse)
