"""Value at risk on the catalogue's home and funding pages: the figures (figures.py) and
what a reader sees of them."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from conftest import TODAY
from leaky import ALLOCATED, BY_REASON, TOTAL, write_leaky
from support import run

from pac.catalogue.context import Catalogue, build_catalogue, current_figures
from pac.catalogue.figures import RISK_LISTED, risk_figures
from pac.catalogue.pages import render_pages

D = Decimal


def _catalogue(folder: Path) -> Catalogue:
    result = run(folder)
    return build_catalogue(result.portfolio, result.findings, today=TODAY, prefix="portfolio/")


def _pages(folder: Path) -> dict[str, str]:
    return {page.path: page.text.replace("\u00a0", " ") for page in
            render_pages(_catalogue(folder))}


def _section(page: str) -> str:
    return page.split('<h2 id="value-at-risk">', 1)[1].split("<h2 ", 1)[0]


def test_the_figures_of_the_current_period(tmp_path: Path) -> None:
    cat = _catalogue(write_leaky(tmp_path / "portfolio"))
    figures = current_figures(cat)
    assert figures is not None
    risk = risk_figures(cat, figures)
    assert (risk.period, risk.total, risk.count, risk.more) == ("FY2027", TOTAL, 3, 0)
    assert risk.percent == TOTAL / ALLOCATED * 100
    assert risk.by_reason == [(rule, amount, True) for rule, amount in BY_REASON.items()]
    assert risk.products == [
        ("stale", D("350000"), ("stale-stakeholder-review",)),
        ("tangled", D("200000.50"), ("eliminate-still-funded", "overdue-retirement",
                                     "technology-end-of-support", "value-below-target")),
        ("unknown", D("120000"), ("value-unknown",)),
    ]


def test_the_home_page_shows_the_total_the_reasons_and_the_products(tmp_path: Path) -> None:
    section = _section(_pages(write_leaky(tmp_path / "portfolio"))["index.md"])
    assert section.startswith("Value at risk in FY2027</h2>\n")
    assert ("<p><strong>670,000.50 GBP</strong> (38.3% of the funding allocated) goes to 3 "
            "products with a value-leakage finding") in section
    reasons = re.findall(r'<tr><td><a href="([^"]+)"><code>([a-z-]+)</code></a></td>'
                         r"<td>([^<]+)</td></tr>", section)
    assert [(href, rule) for href, rule, _amount in reasons] == [
        (f"findings.html#rule-{rule}", rule) for rule in BY_REASON]
    assert [amount for _href, _rule, amount in reasons] == [
        "350,000 GBP", "200,000.50 GBP", "200,000.50 GBP", "200,000.50 GBP", "120,000 GBP",
        "200,000.50 GBP"]
    assert ('<tr><td><a href="products/tangled.html">Tangled</a></td><td>200,000.50 GBP</td>'
            "<td><code>eliminate-still-funded</code>, <code>overdue-retirement</code>, "
            "<code>technology-end-of-support</code>, <code>value-below-target</code></td>"
            "</tr>") in section
    assert "more product" not in section


def test_each_funding_page_and_the_index(tmp_path: Path) -> None:
    pages = _pages(write_leaky(tmp_path / "portfolio"))
    current = _section(pages["funding/FY2027.md"])
    assert "<strong>670,000.50 GBP</strong> (38.3% of the funding allocated)" in current
    assert 'href="../findings.html#rule-value-unknown"' in current
    assert '<a href="../products/unknown.html">Unknown</a>' in current
    assert "The findings as they stand" not in current
    past = _section(pages["funding/FY2026.md"])
    assert past.startswith(
        'Value at risk</h2>\n<p class="pac-muted">The findings as they stand on 2026-11-22, '
        "against this period's funding.</p>\n<p><strong>575,000 GBP</strong> (100.0% of the "
        "funding allocated) goes to 3 products")
    assert ("Value at risk in FY2027</h2>\n<p>670,000.50 GBP (38.3% of the funding allocated) "
            "goes to 3 products with a value-leakage finding: see "
            '<a href="FY2027.html#value-at-risk">the reasons and the products</a>.</p>'
            ) in pages["funding/index.md"]


def test_at_most_twenty_products_are_listed_and_the_rest_counted(tmp_path: Path) -> None:
    folder = write_leaky(tmp_path / "portfolio")
    funding = folder / "funding" / "FY2027.yaml"
    allocations = ""
    for n in range(25):
        (folder / "products" / f"old-{n:02}.yaml").write_text(
            f"id: old-{n:02}\nname: Old <b>{n:02}</b>\nkind: service\nowner: team-a\n"
            "lifecycle:\n  stage: live\nvalue:\n  annual_estimate: 1\n"
            "last_stakeholder_review: 2026-10-01\n")
        allocations += f"  - {{product: old-{n:02}, run: {1000 + n}}}\n"
    funding.write_text(funding.read_text().replace("envelope: 2000000", "envelope: 3000000")
                       + allocations)
    settings = folder / "portfolio.yaml"
    settings.write_text(settings.read_text().replace("max_products_per_team: 10",
                                                     "max_products_per_team: 40"))
    section = _section(_pages(folder)["index.md"])
    listed = re.findall(r'<tr><td><a href="products/([a-z0-9-]+)\.html">', section)
    assert len(listed) == RISK_LISTED == 20
    # largest first: stale, tangled, unknown, then old-24 (1,024) down to old-08 (1,008)
    assert listed[:4] == ["stale", "tangled", "unknown", "old-24"]
    assert listed[-1] == "old-08"
    # old-07 to old-00 are counted: 1,007 + ... + 1,000
    assert "<p>… and 8 more products at risk, with 8,028 GBP.</p>" in section
    assert "Old &lt;b&gt;24&lt;/b&gt;" in section  # a name stays text


def test_nothing_at_risk_says_so(tmp_path: Path) -> None:
    folder = write_leaky(tmp_path / "portfolio")
    settings = folder / "portfolio.yaml"
    settings.write_text(settings.read_text() + "".join(
        f"  {rule}: 'off'\n" for rule in BY_REASON))
    section = _section(_pages(folder)["index.md"])
    assert section.startswith("Value at risk in FY2027</h2>\n"
                              "<p>No funded product has a value-leakage finding.</p>\n")
    assert "<table>" not in section
