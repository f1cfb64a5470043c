"""The catalogue as staff use it, in a real headless Chromium over the built example site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import Watch, chromium, serve, watch
from click.testing import CliRunner
from conftest import EXAMPLE, REPO

from pac.cli import cli


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browse") / "site"
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "--out", str(out), "--site",
                                      str(REPO / "site")],
                                env={"SOURCE_DATE_EPOCH": "1795000000"})
    assert result.exit_code == 0, result.output
    return out


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


def test_sorting_the_index(browse: tuple[Any, Watch]) -> None:
    page, _ = browse
    page.goto(page.url.replace("index.html", "products/index.html"))
    header = page.locator("#pac-products th", has_text="Product")
    header.click()
    names = page.locator("#pac-products tbody tr td:first-child a").all_inner_texts()
    assert names == sorted(names, key=str.lower) or names == sorted(names)
    header.click()
    reverse = page.locator("#pac-products tbody tr td:first-child a").all_inner_texts()
    assert reverse == list(reversed(names))


def test_product_through_search(browse: tuple[Any, Watch]) -> None:
    page, _ = browse
    page.locator("input.md-search__input").click()
    page.keyboard.type("Pricing Engine", delay=30)
    result = page.locator(".md-search-result__link", has_text="Pricing Engine").first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_url("**/products/pricing-engine.html*")
    assert page.locator("h1").first.inner_text() == "Pricing Engine"


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
