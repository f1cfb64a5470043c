"""The catalogue as staff use it, in a real headless Chromium over the built example site."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from browser import Watch, build_example, chromium, serve, watch
from conftest import EXAMPLE
from controls import check_controls
from keyboard import check_keyboard_controls
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from support import run

from pac.model import FOLDER_OF
from pac.rules import RULES


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example(tmp_path_factory.mktemp("browse") / "site")


@pytest.fixture
def browse(site: Path) -> Iterator[tuple[Any, Watch]]:
    with serve(site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        seen = watch(page, base)
        page.goto(base + "index.html")
        yield page, seen
        assert seen.foreign == [], "the site asked another host"
        assert seen.errors == [], "the browser logged errors"


def test_home_to_product_through_the_index_then_to_its_team(browse: tuple[Any, Watch]) -> None:
    page, _ = browse
    assert "36" in page.locator(".pac-card").first.inner_text()
    page.get_by_role("link", name="Products", exact=True).first.click()
    page.wait_for_url("**/products/index.html")
    rows = page.locator("#pac-products tbody tr")
    assert rows.count() == 36
    page.locator("select[name=stage]").select_option("sunset")
    visible = page.locator("#pac-products tbody tr:not([hidden])")
    assert visible.count() == 2
    assert page.locator(".pac-count").inner_text() == "2 of 36 products"
    page.locator("select[name=stage]").select_option("")
    page.locator("input[name=q]").press_sequentially("checkout")
    assert visible.count() >= 1
    page.locator("#pac-products tbody tr:not([hidden]) a", has_text="Checkout").first.click()
    page.wait_for_url("**/products/checkout.html")
    assert page.locator("h1").first.inner_text() == "Checkout"
    page.locator("table a", has_text="Checkout and Payments Team").first.click()
    page.wait_for_url("**/teams/team-checkout.html")
    assert page.locator("h1").first.inner_text() == "Checkout and Payments Team"
    assert page.locator("td a", has_text="Checkout").count() >= 1


def test_every_control_on_every_page(browse: tuple[Any, Watch], site: Path) -> None:
    page, _ = browse
    base = page.url.removesuffix("index.html")
    done = check_controls(page, base, site)
    assert set(done["filters"]) == {"stage", "kind", "owner", "capability", "tag", "level"}
    # products, teams and objectives at least, and the roadmap's teams and objectives
    assert done["columns"] >= 7 + 5 + 4 + 4 + 4
    assert done["modes"] == 3
    # and every one of them again from the keyboard alone
    keys = check_keyboard_controls(page, base, site)
    assert keys == {"filters": ["q", *done["filters"]], "columns": done["columns"], "modes": 3}


def test_roadmap_shows_each_team_s_themes_and_what_is_not_planned(
    browse: tuple[Any, Watch],
) -> None:
    page, _ = browse
    page.get_by_role("link", name="Roadmap", exact=True).first.click()
    page.wait_for_url("**/roadmap.html")
    assert page.locator("h1").first.inner_text() == "Roadmap"
    assert page.locator(".pac-card").first.inner_text().startswith("1\nteam plans more than 3")
    names = page.locator("#pac-roadmap-teams tbody td:first-child").all_inner_texts()
    assert len(names) == 12 and names == sorted(names, key=str.casefold)  # by name, not id
    assert names.index("Rewards and CRM Team") > names.index("Merchandising Systems Team")
    row = page.locator("#pac-roadmap-teams tbody tr", has_text="Fulfilment Team")
    assert row.locator("td").nth(1).inner_text() == "4 themes ⚠ more than 3"  # not colour alone
    row.get_by_role("link").click()
    page.wait_for_url("**/roadmap.html#team-team-fulfilment")
    heading = page.locator("#team-team-fulfilment")
    top = heading.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 300
    table = page.locator("#team-team-fulfilment ~ .pac-roadmap-team table").first
    assert table.locator("tr", has_text="Order Management").locator("td").nth(1).inner_text() \
        == "Christmas delivery cut-off dates\nOrder status for the mobile app"
    gap = page.locator("#pac-roadmap-unplanned tr", has_text="API Gateway")
    assert gap.locator(".pac-gap").all_inner_texts() == ["nothing planned"] * 2
    gap.get_by_role("link", name="API Gateway").click()
    page.wait_for_url("**/products/api-gateway.html")


def test_product_through_search(browse: tuple[Any, Watch]) -> None:
    page, _ = browse
    page.locator("input.md-search__input").click()
    page.keyboard.type("Pricing Engine", delay=30)
    result = page.locator(".md-search-result__link", has_text="Pricing Engine").first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_url("**/products/pricing-engine.html*")
    assert page.locator("h1").first.inner_text() == "Pricing Engine"


def _words(name: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in re.findall(r"[^\s\-]+", name))


def _names() -> dict[str, str]:
    """Name -> page of each entity of the example whose name is hard to find: every word of
    it is in another entity's name too ("Checkout", "Checkout and Payments Team"), and of
    those other entities; a name of words of its own is found first whatever the ranking."""
    portfolio = run(EXAMPLE).portfolio
    pages: dict[str, list[str]] = {}
    for kind in ("product", "team", "capability", "objective"):
        for entity_id, entity in portfolio.of_kind(kind).items():
            pages.setdefault(entity.name, []).append(f"{FOLDER_OF[kind]}/{entity_id}.html")
    unique = {name: found[0] for name, found in pages.items() if len(found) == 1}
    pairs = [(short, long) for short in unique for long in unique
             if short != long and _words(short) <= _words(long)]
    assert len(pairs) >= 5, "the example no longer has names that contain others"
    return {name: unique[name] for pair in pairs for name in pair}


# the first result of a search, once it is the page expected (or after three seconds)
_FIRST = """page => {
  const first = document.querySelector(".md-search-result__item > .md-search-result__link");
  return first !== null && new URL(first.href).pathname.endsWith("/" + page);
}"""


def test_typing_an_entitys_name_finds_its_page_first(browse: tuple[Any, Watch]) -> None:
    page, _ = browse
    box = page.locator("input.md-search__input")
    wrong = {}
    for name, target in sorted(_names().items()):
        box.click()
        box.fill("")
        page.keyboard.type(name, delay=5)
        try:
            page.wait_for_function(_FIRST, arg=target, timeout=3_000)
        except PlaywrightTimeout:
            first = page.locator(".md-search-result__item > .md-search-result__link").first
            wrong[name] = first.get_attribute("href") if first.count() else None
        page.keyboard.press("Escape")
    assert wrong == {}


def test_heat_map_and_funding_chart(browse: tuple[Any, Watch]) -> None:
    page, _ = browse
    page.get_by_role("link", name="Capabilities", exact=True).first.click()
    page.wait_for_url("**/capabilities/index.html")
    tiles = page.locator(".pac-heatmap .pac-tile")
    assert tiles.count() == 25
    assert page.locator(".pac-heatmap .pac-heat-0").count() >= 1
    assert page.locator(".pac-heatmap .pac-heat-4").count() >= 1
    page.get_by_role("link", name="Funding", exact=True).first.click()
    page.wait_for_url("**/funding/index.html")
    page.locator("table a", has_text="FY2027").first.click()
    page.wait_for_url("**/funding/FY2027.html")
    charts = page.locator("svg.pac-chart")
    assert charts.count() == 3
    box = charts.nth(1).bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    assert page.locator("svg.pac-chart rect.pac-run").count() > 10


def _background(locator: Any) -> str:
    return str(locator.evaluate("e => getComputedStyle(e).backgroundColor"))


def test_heat_map_switches_between_coverage_funding_and_health(
    browse: tuple[Any, Watch],
) -> None:
    page, _ = browse
    page.goto(page.url.replace("index.html", "capabilities/index.html"))
    view = page.locator(".pac-heat-view")
    tile = page.locator(".pac-tile", has_text="Online Shopping")
    counts = tile.locator(".pac-tile-count")
    assert view.get_attribute("data-mode") == "coverage"
    assert [c.is_visible() for c in counts.all()] == [True, False, False]
    live = tile.get_attribute("data-live")
    assert counts.nth(0).inner_text() == live
    coverage = _background(tile)

    page.get_by_role("button", name="Funding").click()
    assert view.get_attribute("data-mode") == "funding"
    assert page.get_by_role("button", name="Funding").get_attribute("aria-pressed") == "true"
    assert [c.is_visible() for c in counts.all()] == [False, True, False]
    assert counts.nth(1).inner_text().endswith("\u00a0GBP")
    assert _background(tile) != coverage
    assert page.locator("[data-show=funding] .pac-legend").is_visible()
    assert not page.locator("[data-show=coverage] .pac-legend").is_visible()

    page.get_by_role("button", name="Health").click()
    assert [c.is_visible() for c in counts.all()] == [False, False, True]
    assert counts.nth(2).inner_text() == tile.get_attribute("data-warnings")
    # a parent tile stays neutral in every mode; the map links straight to a mode
    parent = page.locator(".pac-tile-parent").first
    neutral = _background(parent)
    page.get_by_role("button", name="Coverage").click()
    assert _background(parent) == neutral
    assert _background(tile) == coverage
    page.goto(page.url.split("#")[0] + "#mode=funding")
    page.reload()
    assert view.get_attribute("data-mode") == "funding"


def test_health_page_levels_and_the_index_filter_agree(browse: tuple[Any, Watch]) -> None:
    page, _ = browse
    page.get_by_role("link", name="Health", exact=True).first.click()
    page.wait_for_url("**/health.html")
    cards = page.locator(".pac-health .pac-card")
    assert cards.all_inner_texts()[-1].endswith("no level")
    counts = {text.split()[1]: int(text.split()[0]) for text in cards.all_inner_texts()[:-1]}
    assert set(counts) == {"gold", "silver", "bronze"}
    rules = page.locator("#pac-health-rules tbody tr td:first-child").all_inner_texts()
    assert rules == sorted(r.id for r in RULES.values() if r.health)
    teams = page.locator("#pac-health-teams tbody tr")
    assert teams.count() == 12
    page.locator(".pac-card", has_text="gold").click()
    page.wait_for_url("**/products/index.html#level=gold")
    visible = page.locator("#pac-products tbody tr:not([hidden])")
    assert visible.count() == counts["gold"]
    assert set(page.locator("#pac-products tbody tr:not([hidden]) .pac-level")
               .all_inner_texts()) == {"gold"}
    page.locator("select[name=level]").select_option("bronze")
    assert visible.count() == counts["bronze"]
    # sorting by level puts the unscored first, then up the levels
    page.locator("select[name=level]").select_option("")
    page.locator("#pac-products th", has_text="Level").click()
    cells = page.locator("#pac-products tbody tr td:nth-child(3)").all_inner_texts()
    order = {"—": 0, "no level": 1, "bronze": 2, "silver": 3, "gold": 4}
    assert [order[c] for c in cells] == sorted(order[c] for c in cells)


def test_product_page_shows_its_level_and_what_the_next_one_needs(
    browse: tuple[Any, Watch],
) -> None:
    page, _ = browse
    page.goto(page.url.replace("index.html", "products/gift-cards.html"))
    assert page.locator(".pac-meta .pac-level").inner_text() == "bronze"
    section = page.locator("#scorecard + p")
    assert "To reach silver" in section.inner_text()
    assert "record its date in last_stakeholder_review" in section.inner_text()
    failing = page.locator("#pac-checks tr", has_text="fails").all_inner_texts()
    assert any("stakeholder-review-current" in row for row in failing)
    passing = page.locator("#pac-checks tr", has_text="passes").all_inner_texts()
    assert any("has-summary" in row for row in passing)


class _Excluded(HTMLParser):
    """The text of the article: of the elements marked data-search-exclude, and the rest."""

    def __init__(self) -> None:
        super().__init__()
        self.article = 0  # inside the article: how many elements deep
        self.depth = 0  # inside an excluded element: how many elements deep
        self.excluded: set[str] = set()
        self.kept: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        if self.article or tag == "article":
            self.article += 1
        if self.depth or any(name == "data-search-exclude" for name, _ in attrs):
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        self.depth -= bool(self.depth)
        self.article -= bool(self.article)

    def handle_data(self, data: str) -> None:
        if self.article and data.strip():
            (self.excluded if self.depth else self.kept).add(data.strip())


VOID = {"br", "input", "wbr", "img", "hr", "meta", "link", "rect", "line", "path"}


def test_interface_text_stays_out_of_the_search_index(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text())
    text: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0] or "index.html"
        text[page] = text.get(page, "") + doc["title"] + " " + doc["text"]
    checked = 0
    for page in sorted(text):
        parser = _Excluded()
        parser.feed((site / page).read_text())
        # what only the interface says (not a word the page also says elsewhere)
        interface = {t for t in parser.excluded
                     if len(t) > 3 and not any(t in kept for kept in parser.kept)}
        checked += len(interface)
        assert [t for t in interface if t in text[page]] == [], page
    assert checked > 30  # buttons, filters, the map's modes and legends were all looked at
