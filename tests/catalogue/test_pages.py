"""Catalogue -> pages, without MkDocs: every page's path, and the exact text a reader sees
of what the portfolio's files say, however hostile."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import REFERENCE, TODAY
from gitrepo import reference_history
from support import run

from pac.catalogue import pages as pages_module
from pac.catalogue.context import Catalogue, build_catalogue
from pac.catalogue.pages import (
    Page,
    _chart_rows,
    render_entity_pages,
    render_pages,
    search_boost,
)
from pac.changes.changelog import build_changelog
from pac.figures.funding import Split
from pac.git import Repository


def catalogue_of(folder: Path, **options: object) -> Catalogue:
    result = run(folder)
    return build_catalogue(result.portfolio, result.findings, today=TODAY,
                           prefix="portfolio/", **options)  # type: ignore[arg-type]


ENTITY_PAGES = [
    "products/claims-portal.md", "products/customer-identity.md", "products/fraud-scoring.md",
    "teams/team-claims.md", "teams/team-risk-data.md",
    "capabilities/claims-and-risk.md", "capabilities/claims-management.md",
    "capabilities/customer-management.md", "capabilities/fraud-management.md",
    "objectives/digital-self-service.md", "funding/FY2027.md",
]


def pages_of(folder: Path, **options: object) -> dict[str, str]:
    return {page.path: page.text for page in render_pages(catalogue_of(folder, **options))}


def test_every_page_in_a_fixed_order_with_progress_for_each_entity() -> None:
    heard: list[int] = []
    pages = list(render_pages(catalogue_of(REFERENCE), progress=heard.append))
    assert [page.path for page in pages] == [
        "index.md", "products/index.md", "teams/index.md", "capabilities/index.md",
        "objectives/index.md", "roadmap.md", "trends.md", "funding/index.md", "health.md",
        "findings.md", "changelog.md", "how-to-propose-a-change.md",
        *ENTITY_PAGES,
    ]
    assert heard == list(range(1, 12))
    assert all(isinstance(page, Page) and page.text.startswith("---\ntitle: ")
               for page in pages)


def test_a_team_page() -> None:
    page = pages_of(REFERENCE)["teams/team-risk-data.md"]
    assert page.startswith('---\ntitle: "Risk Data Team"\nhide:\n  - toc\nsearch:\n'
                           '  boost: 1.333\n---\n\n'
                           '<div class="pac pac-team">\n<h1>Risk Data Team</h1>\n')
    assert ('<span class="pac-badge pac-team-type">complicated-subsystem</span> '
            '<span class="pac-badge pac-fte">4 FTE</span>') in page
    assert ('<a class="md-button pac-edit" href="https://github.com/northwind/portfolio/edit/'
            'main/portfolio/teams/team-risk-data.yaml">Edit this team</a>') in page
    assert "<tr><th>Funding</th><td>FY2027: 1,350,000\u00a0USD</td></tr>" in page
    # the required skills first, in the policy's order, then the members' others
    assert ("<tr><th>Member</th><th>Role</th><th>product-management</th><th>engineering</th>"
            "<th>testing</th><th>operations</th><th>ux</th></tr>") in page
    assert ('<tr class="pac-coverage"><th colspan="2">Required skills covered</th>'
            + '<td><span class="pac-badge pac-covered">yes</span></td>' * 4
            + '<td><span class="pac-badge pac-gap">missing</span></td></tr>') in page
    assert ('<tr><td><a href="../products/customer-identity.html">Customer Identity</a></td>'
            '<td><span class="pac-badge pac-stage-sunset">sunset</span></td><td>—</td>'
            "<td>platform</td></tr>") in page
    assert ('<td><a href="https://github.com/northwind/portfolio/edit/main/portfolio/teams/'
            'team-risk-data.yaml" title="edit this file"><code class="pac-path">'
            "<span>portfolio/</span><wbr><span>teams/</span><wbr>"
            "<span>team-risk-data.yaml:7</span></code></a><br><code>members</code>"
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
    assert ('<tr><td><a href="../funding/FY2027.html">FY2027</a></td><td>900,000\u00a0USD</td>'
            "<td>650,000\u00a0USD</td><td>1,550,000\u00a0USD</td></tr>") in page
    assert ('<a href="customer-identity.html"><rect x="550" y="8" width="200" height="26" '
            'rx="4" class="pac-node"/><text x="560" y="25">Customer Identity</text>') in page
    assert ('<p>Depends on: <a href="../products/customer-identity.html">Customer Identity'
            '</a>, <a href="../products/fraud-scoring.html">Fraud Scoring Service</a>.<br>'
            "Depended on by: nothing.</p>") in page


def test_an_objective_page_shows_its_key_results() -> None:
    page = pages_of(REFERENCE)["objectives/digital-self-service.md"]
    assert page.startswith('---\ntitle: "Move 70% of customer servicing to digital '
                           'self-service"\nhide:\n  - toc\nsearch:\n  boost: 1.111\n---\n')
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
    assert ("<p>2,900,000\u00a0USD allocated of an envelope of 4,000,000\u00a0USD "
            "(1,100,000\u00a0USD unallocated): 1,450,000\u00a0USD to run products, "
            "1,450,000\u00a0USD to change them.</p>") in page
    assert '<p class="pac-muted">As of 2026-11-22.</p>' in page
    assert '<p><a href="roadmap.html">Roadmap</a>: what each team plans' in page


def test_the_roadmap_page_shows_each_team_s_themes_for_this_quarter_and_the_next() -> None:
    page = pages_of(REFERENCE)["roadmap.md"]
    assert page.startswith('---\ntitle: "Roadmap"\nhide:\n  - toc\n---\n')
    assert ('<a class="pac-card" href="#unplanned"><strong>1</strong><span>live product has '
            "nothing planned for 2026-Q4</span></a>") in page
    assert ('<tr><td><a href="#team-team-claims">Claims Team</a></td><td data-value="0">'
            '0 themes</td><td data-value="2">2 themes</td><td>1</td></tr>') in page
    assert ('<tr><td><a href="objectives/digital-self-service.html">Move 70% of customer '
            'servicing to digital self-service</a></td><td data-value="0"><span class="pac-badge'
            ' pac-gap">no theme</span></td><td data-value="3">3 themes</td><td>2</td></tr>'
            ) in page
    assert ('<tr><td><a href="products/claims-portal.html">Claims Portal</a></td><td><a href='
            '"#team-team-claims">Claims Team</a></td><td><span class="pac-badge pac-gap">nothing'
            " planned</span></td><td>2 themes</td></tr>") in page
    assert ('<h3 id="team-team-risk-data"><a href="teams/team-risk-data.html">Risk Data Team'
            "</a></h3>\n<p>2026-Q4: 0 themes; 2027-Q1: 1 theme.</p>\n") in page
    # not live: a quarter without themes is a dash, not a gap
    assert ('<tr><td><a href="products/fraud-scoring.html">Fraud Scoring Service</a></td>'
            "<td>—</td><td><ul><li>Model retraining pipeline</li></ul></td><td><a href="
            '"objectives/digital-self-service.html">') in page
    assert "more than 3</span>" not in page


def test_a_team_over_three_themes_is_flagged_in_words(reference: Path) -> None:
    path = reference / "products" / "fraud-scoring.yaml"
    path.write_text(path.read_text().replace("2027-Q1", "2026-Q4").replace(
        "      - Model retraining pipeline\n",
        "      - Model retraining pipeline\n      - Explanations\n      - Drift alerts\n"
        "      - Appeals\n"))  # four themes in one product: the rule warns too
    pages = pages_of(reference)
    flag = '<span class="pac-badge pac-overloaded">⚠ more than 3</span>'
    assert (f'<td data-value="4">4 themes {flag}</td><td data-value="0">0 themes</td>'
            ) in pages["roadmap.md"]
    assert ('<a class="pac-card" href="#teams"><strong>1</strong><span>team plans more than 3 '
            "themes for 2026-Q4</span></a>") in pages["roadmap.md"]
    assert f"<p>2026-Q4: 4 themes {flag}; 2027-Q1: 0 themes.</p>" in pages[
        "teams/team-risk-data.md"]


THEMES = """\
roadmap:
  - quarter: 2026-Q4
    themes:
      - theme: Photo-based damage assessment
        status: done
      - theme: Claim status notifications
        status: in-progress
        objective: digital-self-service
      - theme: Fraud hold explanations
        status: dropped
        objective: faster-claims
  - quarter: 2027-Q1
    themes:
      - theme: Accessibility audit
        status: dropped
      - Partner repair-shop booking
"""


def _with_theme_mappings(reference: Path) -> dict[str, str]:
    path = reference / "products" / "claims-portal.yaml"
    text = path.read_text()
    start, end = text.index("roadmap:\n"), text.index("technology:\n")
    path.write_text(text[:start] + THEMES + text[end:])
    return pages_of(reference)


def test_a_product_page_shows_each_theme_s_status_and_own_objective(reference: Path) -> None:
    page = _with_theme_mappings(reference)["products/claims-portal.md"]
    assert ('<div class="pac-quarter"><h3>2026-Q4</h3><ul><li>Photo-based damage assessment '
            '<span class="pac-badge pac-theme-done">done</span></li><li>Claim status '
            'notifications <span class="pac-badge pac-theme-in-progress">in-progress</span>'
            '<br><span class="pac-muted">Serves <a href="../objectives/digital-self-service.html">'
            "Move 70% of customer servicing to digital self-service</a></span></li>"
            '<li>Fraud hold explanations <span class="pac-badge pac-theme-dropped">dropped</span>'
            '<br><span class="pac-muted">Serves <span class="pac-missing" title="not in the '
            'portfolio">faster-claims</span></span></li></ul></div>') in page
    # a planned theme, a sentence or a mapping, has no badge
    assert ('<h3>2027-Q1</h3><ul><li>Accessibility audit <span class="pac-badge '
            'pac-theme-dropped">dropped</span></li><li>Partner repair-shop booking</li></ul>'
            ) in page


def test_the_roadmap_shows_statuses_and_counts_no_dropped_theme(reference: Path) -> None:
    pages = _with_theme_mappings(reference)
    row = ('<tr><td><a href="{}products/claims-portal.html">Claims Portal</a></td><td><ul>'
           '<li>Photo-based damage assessment <span class="pac-badge pac-theme-done">done'
           '</span></li><li>Claim status notifications <span class="pac-badge '
           'pac-theme-in-progress">in-progress</span></li><li>Fraud hold explanations '
           '<span class="pac-badge pac-theme-dropped">dropped</span></li></ul></td><td><ul>'
           '<li>Accessibility audit <span class="pac-badge pac-theme-dropped">dropped</span>'
           "</li><li>Partner repair-shop booking</li></ul></td>")
    assert row.format("") in pages["roadmap.md"]
    assert row.format("../") in pages["teams/team-claims.md"]
    assert "<p>2026-Q4: 2 themes; 2027-Q1: 1 theme.</p>" in pages["teams/team-claims.md"]


def test_a_quarter_of_dropped_themes_has_nothing_planned_on_the_roadmap(
    reference: Path,
) -> None:
    path = reference / "products" / "claims-portal.yaml"
    text = path.read_text()
    start, end = text.index("roadmap:\n"), text.index("technology:\n")
    path.write_text(text[:start] + "roadmap:\n  - quarter: 2026-Q4\n    themes:\n"
                    "      - {theme: Gift wrap, status: dropped}\n" + text[end:])
    page = pages_of(reference)["roadmap.md"]
    assert ('<td><ul><li>Gift wrap <span class="pac-badge pac-theme-dropped">dropped</span>'
            '</li></ul><span class="pac-badge pac-gap">nothing planned</span></td>') in page


def test_the_roadmap_lists_the_priorities_of_the_quarters_it_shows(reference: Path) -> None:
    assert 'id="priorities"' not in pages_of(reference)["roadmap.md"]  # none declared
    settings = reference / "portfolio.yaml"
    settings.write_text(settings.read_text() + (
        "priorities:\n"
        "  - {quarter: 2027-Q1, name: Self-service first, objectives: [digital-self-service]}\n"
        "  - {quarter: 2026-Q4, name: Fewer calls, objectives: [digital-self-service, gone]}\n"
        "  - {quarter: 2027-Q2, name: Later}\n"))
    page = pages_of(reference)["roadmap.md"]
    assert ('<tr><td>2027-Q1</td><td>Self-service first</td><td><a href="objectives/'
            'digital-self-service.html">Move 70% of customer servicing to digital self-service'
            "</a></td><td>3 themes</td></tr>\n<tr><td>2026-Q4</td><td>Fewer calls</td><td>"
            '<a href="objectives/digital-self-service.html">Move 70% of customer servicing to '
            'digital self-service</a>, <span class="pac-missing" title="not in the portfolio">'
            'gone</span></td><td><span class="pac-badge pac-gap">no theme</span></td></tr>\n'
            "</tbody></table>") in page
    assert "Later" not in page


def test_a_theme_stays_text_on_the_roadmap_and_team_pages(reference: Path) -> None:
    path = reference / "products" / "fraud-scoring.yaml"
    path.write_text(path.read_text().replace(
        "- Model retraining pipeline", "- '<img src=x onerror=alert(1)>'"))
    pages = pages_of(reference)
    for name in ("roadmap.md", "teams/team-risk-data.md"):
        assert "<li>&lt;img src=x onerror=alert(1)&gt;</li>" in pages[name], name
        assert "<img" not in pages[name], name


def test_a_large_portfolio_s_roadmap_leaves_the_themes_to_the_team_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pages_module, "LARGE_PORTFOLIO", 2)
    pages = pages_of(REFERENCE)
    page = pages["roadmap.md"]
    assert page.startswith('---\ntitle: "Roadmap"\nhide:\n  - toc\nsearch:\n  exclude: true\n')
    assert '<td><a href="teams/team-claims.html#roadmap">Claims Team</a></td>' in page
    assert 'id="by-team"' not in page and "Model retraining pipeline" not in page
    assert "<li>Model retraining pipeline</li>" in pages["teams/team-risk-data.md"]


def test_a_team_page_shows_its_roadmap() -> None:
    page = pages_of(REFERENCE)["teams/team-claims.md"]
    assert ('<h2 id="roadmap">Roadmap</h2>\n<p>2026-Q4: 0 themes; 2027-Q1: 2 themes.</p>\n'
            '<div class="pac-roadmap-team"><table><thead>') in page
    assert ('<tr><td><a href="../products/claims-portal.html">Claims Portal</a></td><td><span '
            'class="pac-badge pac-gap">nothing planned</span></td><td><ul><li>Photo-based damage'
            " assessment</li><li>Claim status notifications</li></ul></td><td><a href="
            '"../objectives/digital-self-service.html">') in page
    assert '<a href="../roadmap.html">the portfolio\'s roadmap</a>' in page
    product = pages_of(REFERENCE)["products/claims-portal.md"]
    assert ('<p>This quarter and the next across <a href="../teams/team-claims.html#roadmap">'
            'its team\'s products</a> and <a href="../roadmap.html">the portfolio</a>.</p>'
            ) in product


def test_the_home_page_lists_a_dozen_teams_and_counts_more_by_type(reference: Path) -> None:
    page = pages_of(reference)["index.md"]
    assert ("<p>2 teams: 1 complicated-subsystem, 1 stream-aligned. See "
            '<a href="teams/index.html">every team</a>') in page
    assert '<td><a href="teams/team-risk-data.html">Risk Data Team</a></td>' in page
    text = (reference / "teams" / "team-risk-data.yaml").read_text()
    for n in range(11):
        (reference / "teams" / f"team-{n}.yaml").write_text(
            text.replace("team-risk-data", f"team-{n}").replace("Risk Data Team", f"Team {n}")
            .replace("@northwind/risk-data", f"@northwind/team-{n}"))
    page = pages_of(reference)["index.md"]
    assert ("<p>13 teams: 12 complicated-subsystem, 1 stream-aligned. See "
            '<a href="teams/index.html">every team</a>') in page
    assert 'href="teams/team-' not in page


def _order(page: str, *texts: str) -> list[int]:
    return [page.index(text) for text in texts]


def test_every_list_of_teams_products_and_capabilities_is_in_name_order(
    reference: Path,
) -> None:
    for file, old, new in (("teams/team-claims.yaml", "Claims Team", "Zulu Claims Team"),
                           ("products/claims-portal.yaml", "Claims Portal", "Zeta Claims"),
                           ("capabilities/claims-management.yaml", "Claims Management",
                            "Zulu Claims Management")):
        path = reference / file
        path.write_text(path.read_text().replace(f"name: {old}", f"name: {new}"))
    pages = pages_of(reference)
    teams = (">Risk Data Team</a>", ">Zulu Claims Team</a>")
    for page, section in (("index.md", 'id="teams"'), ("teams/index.md", "<table"),
                          ("health.md", 'id="by-team"'), ("findings.md", 'id="by-team"')):
        text = pages[page][pages[page].index(section):]
        assert _order(text, *teams) == sorted(_order(text, *teams)), page
    products = pages["products/index.md"]
    rows = _order(products, 'href="../products/customer-identity.html"',
                  'href="../products/fraud-scoring.html"', 'href="../products/claims-portal.html"')
    owners = _order(products, '<option value="team-risk-data">', '<option value="team-claims">')
    assert rows == sorted(rows) and owners == sorted(owners)
    parent = pages["capabilities/claims-and-risk.md"]
    children = _order(parent, ">Fraud Management</a>", ">Zulu Claims Management</a>")
    assert children == sorted(children)


def test_health_counts_each_level_with_a_link_to_the_filtered_index() -> None:
    page = pages_of(REFERENCE)["health.md"]
    levels = page[page.index('<table id="pac-levels">'):]
    rows = levels[:levels.index("</table>")].split("\n")[1:-1]
    assert [row.rsplit("<td>", 1)[1] for row in rows] == [
        "—</td></tr>",
        '<a href="products/index.html#level=silver">1 product</a></td></tr>',
        "—</td></tr>",
        "—</td></tr>",
    ]


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
                           'alert(1)&lt;/script&gt; "\nhide:\n  - toc\nsearch:\n'
                           '  boost: 1.333\n---\n')
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
    links = {link for text in pages.values()
             for link in re.findall(r'class="md-button pac-edit" href="([^"]*)"', text)}
    assert links == {"how-to-propose-a-change.html"}  # the change log's, roadmap's and trends'
    assert not any(re.search(r'href="[^"]*/(edit|new)/', text) for text in pages.values())


def test_a_chart_shows_the_largest_rows_and_sums_the_rest() -> None:
    splits = {f"t{n:02}": Split(Decimal(100 - n), Decimal(n)) for n in range(27)}
    rows = _chart_rows(splits, {"t00": "Team <zero>"}, "../teams/")
    assert len(rows) == 26
    assert rows[0] == ("Team <zero>", "../teams/t00.html", Decimal(100), Decimal(0))
    assert rows[24] == ("t24", "../teams/t24.html", Decimal(76), Decimal(24))
    assert rows[25] == ("2 others", None, Decimal(75 + 74), Decimal(25 + 26))
    assert _chart_rows(dict(list(splits.items())[:25]), {}, "x/")[-1] == (
        "t24", "x/t24.html", Decimal(76), Decimal(24))


def test_every_page_links_to_where_its_content_is_changed() -> None:
    base = "https://github.com/northwind/portfolio/"
    expected = {
        "index.md": base + "edit/main/portfolio/portfolio.yaml",
        "health.md": base + "edit/main/portfolio/portfolio.yaml",
        "findings.md": base + "edit/main/portfolio/portfolio.yaml",
        "changelog.md": "how-to-propose-a-change.html",
        "roadmap.md": "how-to-propose-a-change.html",
        "trends.md": "how-to-propose-a-change.html",
        **{f"{folder}/index.md": f"{base}new/main/portfolio/{folder}/"
           for folder in ("products", "teams", "capabilities", "objectives", "funding")},
        **{page: f"{base}edit/main/portfolio/{page.removesuffix('.md')}.yaml"
           for page in ENTITY_PAGES},
    }
    pages = pages_of(REFERENCE)
    found = {path: re.findall(r'class="md-button pac-edit" href="([^"]*)"', text)
             for path, text in pages.items() if path != "how-to-propose-a-change.md"}
    assert found == {path: [url] for path, url in expected.items()}


def test_the_change_log_and_histories_say_what_changed_in_words(tmp_path: Path) -> None:
    repo = reference_history(tmp_path / "repo")
    repo.edit("portfolio/portfolio.yaml", "rules:", "scorecard:\n  levels:\n"
              "    - name: bronze\n      checks: [owner-has-members, has-summary]\nrules:")
    repo.edit("portfolio/teams/team-claims.yaml", "skills: [ux]", "skills: [ux, testing]")
    repo.edit("portfolio/teams/team-claims.yaml", "capacity_fte: 6.5", "capacity_fte: 7")
    repo.edit("portfolio/funding/FY2027.yaml", "  - product: fraud-scoring\n"
              "    run: 150000\n    change: 800000\n    source: cc-risk\n", "")
    repo.commit("Deeper changes (#3)")
    repo.write("portfolio/products/broken.yaml", "id: broken\nname: [unclosed\n")
    repo.commit("A broken file")
    (repo.path / "portfolio/products/broken.yaml").unlink()
    log = build_changelog(Repository(repo.path), "portfolio/")
    pages = pages_of(repo.path / "portfolio", changelog=log)
    lists = re.findall(r"<ul>.*</ul>", pages["changelog.md"])
    assert lists[:2] == [
        "<ul><li><em>portfolio/products/broken.yaml could not be read at this commit: while "
        "parsing a flow sequence did not find expected &#39;,&#39; or &#39;]&#39; (from line 2) "
        "(line 3)</em></li></ul>",
        '<ul><li>changed <a href="teams/team-claims.html">Claims Team</a><ul>'
        '<li><code class="pac-path"><span>capacity_fte</span></code>: 6.5 → 7</li>'
        '<li><code class="pac-path"><span>members[Sofia</span> <span>Russo].</span><wbr>'
        "<span>skills</span></code>: added testing</li></ul></li>"
        '<li>changed <a href="funding/FY2027.html">FY2027</a><ul>'
        '<li><code class="pac-path"><span>allocations[fraud-scoring]</span></code>: removed '
        "(change 800,000; run 150,000; source cc-risk)</li></ul></li>"
        '<li>changed portfolio:portfolio<ul><li><code class="pac-path"><span>scorecard.</span>'
        "<wbr><span>levels[bronze]</span></code>: added (checks owner-has-members, has-summary)"
        "</li></ul></li></ul>",
    ]
    team = pages["teams/team-claims.md"]
    assert ('<li><code class="pac-path"><span>members[Sofia</span> <span>Russo].</span><wbr>'
            "<span>skills</span></code>: added testing</li>") in team


def test_search_favours_an_entity_page_the_shorter_its_name() -> None:
    assert [search_boost(title) for title in ("Checkout", "Checkout and Payments",
                                              "Checkout and Payments Team", "self-service", "")
            ] == ["2.000", "1.333", "1.250", "1.500", "2.000"]
    pages = pages_of(REFERENCE)
    assert "search:\n  boost: 1.500\n" in pages["products/claims-portal.md"]
    assert "boost" not in pages["index.md"] + pages["health.md"] + pages["roadmap.md"]


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
