"""Catalogue -> pages, without MkDocs: every page's path, and the exact text a reader sees
of what the portfolio's files say, however hostile."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from conftest import REFERENCE, TODAY
from support import run

from pac.catalogue.context import Catalogue, build_catalogue
from pac.catalogue.pages import Page, _chart_rows, render_entity_pages, render_pages
from pac.figures.funding import Split


def catalogue_of(folder: Path) -> Catalogue:
    result = run(folder)
    return build_catalogue(result.portfolio, result.findings, today=TODAY, prefix="portfolio/")


ENTITY_PAGES = [
    "products/claims-portal.md", "products/customer-identity.md", "products/fraud-scoring.md",
    "teams/team-claims.md", "teams/team-risk-data.md",
    "capabilities/claims-and-risk.md", "capabilities/claims-management.md",
    "capabilities/customer-management.md", "capabilities/fraud-management.md",
    "objectives/digital-self-service.md", "funding/FY2027.md",
]


def pages_of(folder: Path) -> dict[str, str]:
    return {page.path: page.text for page in render_pages(catalogue_of(folder))}


def test_every_page_in_a_fixed_order_with_progress_for_each_entity() -> None:
    heard: list[int] = []
    pages = list(render_pages(catalogue_of(REFERENCE), progress=heard.append))
    assert [page.path for page in pages] == [
        "index.md", "products/index.md", "teams/index.md", "capabilities/index.md",
        "objectives/index.md", "funding/index.md", "health.md", "findings.md", "changelog.md",
        *ENTITY_PAGES,
    ]
    assert heard == list(range(1, 12))
    assert all(isinstance(page, Page) and page.text.startswith("---\ntitle: ")
               for page in pages)


def test_a_team_page() -> None:
    page = pages_of(REFERENCE)["teams/team-risk-data.md"]
    assert page.startswith('---\ntitle: "Risk Data Team"\n---\n\n<div class="pac pac-team">\n'
                           "<h1>Risk Data Team</h1>\n")
    assert ('<span class="pac-badge pac-team-type">complicated-subsystem</span> '
            '<span class="pac-badge pac-fte">4 FTE</span>') in page
    assert ('<a class="md-button pac-edit" href="https://github.com/northwind/portfolio/edit/'
            'main/portfolio/teams/team-risk-data.yaml">Edit this team</a>') in page
    assert "<tr><th>Funding</th><td>FY2027: 1,350,000 USD</td></tr>" in page
    # the required skills first, in the policy's order, then the members' others
    assert ("<tr><th>Member</th><th>Role</th><th>product-management</th><th>engineering</th>"
            "<th>testing</th><th>operations</th><th>ux</th></tr>") in page
    assert ('<tr class="pac-coverage"><th colspan="2">Required skills covered</th>'
            + '<td><span class="pac-badge pac-covered">yes</span></td>' * 4
            + '<td><span class="pac-badge pac-gap">missing</span></td></tr>') in page
    assert ('<tr><td><a href="../products/customer-identity.html">Customer Identity</a></td>'
            '<td><span class="pac-badge pac-stage-sunset">sunset</span></td><td>—</td>'
            "<td>platform</td></tr>") in page
    assert ("<td><code>portfolio/teams/team-risk-data.yaml:7</code><br><code>members</code>"
            "</td><td>no member of the team has ux<br><em>Fix: add the skill to a member who "
            "has it, or bring someone in</em></td>") in page
    assert "<p>The history is not available: the site was built outside git.</p>" in page


def test_a_product_page_shows_its_figures() -> None:
    page = pages_of(REFERENCE)["products/claims-portal.md"]
    assert ("<tr><td>Claims filed online</td><td>higher is better: 70%</td><td>64%</td>"
            '<td><span class="pac-badge pac-kpi-missed">missed</span></td>'
            "<td>2026-10-31</td></tr>") in page
    assert ("<tr><td>Time to settle</td><td>lower is better: 10 days</td><td>12.5 days</td>"
            ) in page
    assert ('<tr><td><a href="../funding/FY2027.html">FY2027</a></td><td>900,000 USD</td>'
            "<td>650,000 USD</td><td>1,550,000 USD</td></tr>") in page
    assert ('<a href="customer-identity.html"><rect x="550" y="8" width="200" height="26" '
            'rx="4" class="pac-node"/><text x="560" y="25">Customer Identity</text>') in page
    assert ('<p>Depends on: <a href="../products/customer-identity.html">Customer Identity'
            '</a>, <a href="../products/fraud-scoring.html">Fraud Scoring Service</a>.<br>'
            "Depended on by: nothing.</p>") in page


def test_an_objective_page_shows_its_key_results() -> None:
    page = pages_of(REFERENCE)["objectives/digital-self-service.md"]
    assert page.startswith('---\ntitle: "Move 70% of customer servicing to digital '
                           'self-service"\n---\n')
    assert ("<tr><td>Servicing requests completed digitally</td><td>—</td><td>70%</td>"
            '<td>—</td><td><span class="pac-badge pac-kpi-not-started">not started</span>'
            "</td></tr>") in page
    assert "<p>pac found no problem with this objective.</p>" in page


def test_the_home_page_counts_the_portfolio() -> None:
    page = pages_of(REFERENCE)["index.md"]
    assert ('<p class="pac-summary">3 products owned by 2 teams, serving 4 business '
            "capabilities and 1 objective.</p>") in page
    assert ('<a class="pac-card" href="findings.html"><strong>0 / 2 / 4</strong>'
            "<span>errors / warnings / infos</span></a>") in page
    assert ("<p>2,900,000 USD allocated of an envelope of 4,000,000 USD (1,100,000 USD "
            "unallocated): 1,450,000 USD to run products, 1,450,000 USD to change them.</p>"
            ) in page
    assert '<p class="pac-muted">As of 2026-11-22.</p>' in page


def test_numbers_are_written_in_full_with_separators(reference: Path) -> None:
    path = reference / "products" / "claims-portal.yaml"
    path.write_text(path.read_text().replace("target: 70\n    actual: 64",
                                             "target: 1250000\n    actual: 0.00001")
                    .replace("actual: 12.5", "actual: 1234.50"))
    page = pages_of(reference)["products/claims-portal.md"]
    assert ("<td>higher is better: 1,250,000%</td><td>0.00001%</td>") in page
    assert "<td>lower is better: 10 days</td><td>1,234.5 days</td>" in page


def test_what_an_author_writes_stays_text(reference: Path) -> None:
    path = reference / "products" / "claims-portal.yaml"
    path.write_text(path.read_text().replace(
        "name: Claims Portal",
        'name: "Claims \\"Portal\\" </div><script>alert(1)</script>\\x01"',
    ).replace(
        "description: |\n  Self-service claims",
        "description: |\n  [click](javascript:alert(1)) <img src=x onerror=alert(2)> *Self*",
    ).replace("tags: [customer-facing, tier-1]", "tags: ['x\" onclick=\"alert(3)']"))
    page = pages_of(reference)["products/claims-portal.md"]
    assert page.startswith('---\ntitle: "Claims &quot;Portal&quot; &lt;/div&gt;&lt;script&gt;'
                           'alert(1)&lt;/script&gt; "\n---\n')
    assert ("<h1>Claims &#34;Portal&#34; &lt;/div&gt;&lt;script&gt;alert(1)&lt;/script&gt; "
            "</h1>") in page
    assert ('<div class="pac-description"><p><a rel="noopener noreferrer nofollow">click</a>'
            "  <em>Self</em> for home") in page
    assert '<span class="pac-badge pac-tag">x&#34; onclick=&#34;alert(3)</span>' in page
    assert "<script>" not in page and "onerror" not in page


def test_without_a_repository_a_page_has_no_edit_link(reference: Path) -> None:
    settings = reference / "portfolio.yaml"
    settings.write_text(settings.read_text().replace(
        "repository: https://github.com/northwind/portfolio", ""))
    pages = pages_of(reference)
    assert not any("pac-edit" in text for text in pages.values())


def test_a_chart_shows_the_largest_rows_and_sums_the_rest() -> None:
    splits = {f"t{n:02}": Split(Decimal(100 - n), Decimal(n)) for n in range(27)}
    rows = _chart_rows(splits, {"t00": "Team <zero>"}, "../teams/")
    assert len(rows) == 26
    assert rows[0] == ("Team <zero>", "../teams/t00.html", Decimal(100), Decimal(0))
    assert rows[24] == ("t24", "../teams/t24.html", Decimal(76), Decimal(24))
    assert rows[25] == ("2 others", None, Decimal(75 + 74), Decimal(25 + 26))
    assert _chart_rows(dict(list(splits.items())[:25]), {}, "x/")[-1] == (
        "t24", "x/t24.html", Decimal(76), Decimal(24))


def test_the_pages_of_some_entities_are_those_every_page_has() -> None:
    cat = catalogue_of(REFERENCE)
    every = {page.path: page for page in render_pages(cat)}
    wanted = [("team", "team-claims"), ("product", "claims-portal"), ("product", "gone"),
              ("funding", "FY2027"), ("capability", "fraud-management"),
              ("objective", "digital-self-service")]
    some = list(render_entity_pages(cat, wanted))
    assert [page.path for page in some] == [
        "teams/team-claims.md", "products/claims-portal.md", "funding/FY2027.md",
        "capabilities/fraud-management.md", "objectives/digital-self-service.md"]
    assert all(page == every[page.path] for page in some)
