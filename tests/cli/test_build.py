"""pac build on real portfolios with a real MkDocs build."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, REPO

from pac.cli import cli

ENV = {"SOURCE_DATE_EPOCH": "1795000000", "GITHUB_ACTIONS": ""}


def build(portfolio: Path, out: Path, *extra: str, env: dict[str, str] | None = None
          ) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", str(portfolio), "--out", str(out), *extra],
                                env={**ENV, **(env or {})})
    return result.exit_code, result.output


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example") / "site"
    code, output = build(EXAMPLE, out, "--site", str(REPO / "site"))
    assert code == 0, output
    return out


def test_example_site_has_a_page_per_entity(example_site: Path) -> None:
    for folder in ("products", "teams", "capabilities", "objectives", "funding"):
        sources = {p.stem for p in (EXAMPLE / folder).rglob("*.yaml")}
        pages = {p.stem for p in (example_site / folder).glob("*.html")} - {"index"}
        assert pages == sources, folder
    for page in ("index.html", "findings.html", "roadmap.html", "how-to-propose-a-change.html",
                 "search/search_index.json"):
        assert (example_site / page).is_file(), page


def test_navigation_lists_index_pages_not_entities(example_site: Path) -> None:
    page = (example_site / "products" / "checkout.html").read_text()
    nav = page.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "Products" in nav and "Teams" in nav and "How to propose a change" in nav
    assert 'href="../roadmap.html"' in nav
    assert "checkout.html" not in nav and "Checkout and Payments Team" not in nav


def test_product_page_shows_every_field(example_site: Path) -> None:
    page = (example_site / "products" / "checkout.html").read_text()
    for text in ("Checkout and Payments Team", "Daniel Mensah", "since 2022-09-05",
                 "Online shoppers", "FY2026", "FY2027", "1,300,000\u00a0GBP", "Checkout completion",
                 "missed", "2027-Q1", "Guest checkout", "Node.js", "ending soon",
                 "Aaron Blake", "2026-10-28", "Larkspur App", "Payments Service"):
        assert text in page, text
    assert ('href="https://github.com/larkspur/portfolio/edit/main/portfolio/products/'
            'checkout.yaml"') in page
    assert '<svg class="pac-diagram"' in page
    assert 'href="../teams/team-checkout.html"' in page


def test_pages_stay_small(example_site: Path) -> None:
    sizes = [p.stat().st_size for p in (example_site / "products").glob("*.html")
             if p.name != "index.html"]
    assert max(sizes) < 40_000


def test_nothing_loads_from_another_host(example_site: Path) -> None:
    for page in example_site.rglob("*.html"):
        text = page.read_text()
        sources = re.findall(r'<(?:script|img|iframe)[^>]+src="([^"]+)"', text)
        sources += re.findall(r'<link[^>]+href="([^"]+)"', text)
        assert not [s for s in sources if s.startswith(("http:", "https:", "//"))], page
        assert "fonts.googleapis" not in text and "unpkg.com" not in text


def test_same_commit_builds_byte_for_byte_the_same(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert build(EXAMPLE, first)[0] == 0
    assert build(EXAMPLE, second)[0] == 0
    assert tree_digest(first) == tree_digest(second)


def test_errors_stop_the_build_and_keep_the_previous_site(tmp_path: Path,
                                                          reference: Path) -> None:
    out = tmp_path / "site"
    assert build(reference, out)[0] == 0
    before = tree_digest(out)
    product = reference / "products" / "fraud-scoring.yaml"
    product.write_text(product.read_text().replace("owner: team-risk-data", "owner: team-risk"))
    code, output = build(reference, out)
    assert code == 1
    validate = CliRunner().invoke(cli, ["validate", str(reference)], env=ENV)
    assert output.startswith(validate.output)
    assert "The site was not built" in output
    assert tree_digest(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_hand_written_pages_win(tmp_path: Path, reference: Path) -> None:
    site = tmp_path / "site-project"
    shutil.copytree(REPO / "site", site)
    (site / "docs").mkdir()
    (site / "docs" / "findings.md").write_text("# Our own findings page\n")
    code, output = build(reference, tmp_path / "out", "--site", str(site))
    assert code == 0
    assert "site/docs/findings.md is hand-written" in output
    assert "Our own findings page" in (tmp_path / "out" / "findings.html").read_text()
    assert list((site / "docs").rglob("*.md")) == [site / "docs" / "findings.md"]


def test_pac_ships_its_guide_and_a_hand_written_one_replaces_it_quietly(
        tmp_path: Path, reference: Path) -> None:
    code, output = build(reference, tmp_path / "out")
    assert code == 0
    guide = (tmp_path / "out" / "how-to-propose-a-change.html").read_text()
    assert "The quick way: edit in the browser" in guide
    assert 'href="https://github.com/northwind/portfolio"' in guide
    site = tmp_path / "site-project"
    (site / "docs").mkdir(parents=True)
    (site / "mkdocs.yml").write_text("nav:\n  - Propose: how-to-propose-a-change.md\n")
    (site / "docs" / "how-to-propose-a-change.md").write_text("# Ask the portfolio office\n")
    code, output = build(reference, tmp_path / "out2", "--site", str(site))
    assert (code, "hand-written" in output) == (0, False)
    guide = (tmp_path / "out2" / "how-to-propose-a-change.html").read_text()
    assert "Ask the portfolio office" in guide and "The quick way" not in guide
    assert guide.count('href="how-to-propose-a-change.html"') == 1  # listed once in the nav


def test_dates_come_from_the_commit(tmp_path: Path, reference: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(reference, repo / "portfolio")
    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-09-30T12:00:00+00:00",
           "GIT_COMMITTER_DATE": "2026-09-30T12:00:00+00:00", "GIT_AUTHOR_NAME": "A",
           "GIT_AUTHOR_EMAIL": "a@example.com", "GIT_COMMITTER_NAME": "A",
           "GIT_COMMITTER_EMAIL": "a@example.com"}
    for command in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-qm", "start"]):
        subprocess.run(["git", *command], cwd=repo, env=env, check=True)
    outputs = []
    for name in ("a", "b"):
        environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        done = subprocess.run([sys.executable, "-m", "pac", "build", "portfolio", "--out",
                               name], cwd=repo, env=environment, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        outputs.append(tree_digest(repo / name))
    assert outputs[0] == outputs[1]
    assert "As of 2026-09-30." in (repo / "a" / "index.html").read_text()
    # the change log and each entity's history come from the same commits
    changelog = (repo / "a" / "changelog.html").read_text()
    assert "2026-09-30: start" in changelog and "By A (" in changelog
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True,
                            text=True, check=True).stdout.strip()
    product = (repo / "a" / "products" / "claims-portal.html").read_text()
    assert 'id="history"' in product
    assert f'href="https://github.com/northwind/portfolio/commit/{commit}"' in product


def test_zensical_builds_the_generated_project(tmp_path: Path, reference: Path) -> None:
    project = tmp_path / "project"
    assert build(reference, tmp_path / "out", "--site", str(REPO / "site"), "--project",
                 str(project))[0] == 0
    zensical = Path(sys.executable).parent / "zensical"
    done = subprocess.run([str(zensical), "build"], cwd=project, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    built = project / "site"
    page = (built / "products" / "claims-portal.html").read_text()
    assert "Claims Portal" in page and "team-claims.html" in page
    assert (built / "index.html").is_file()


def test_progress_bar_on_a_terminal(tmp_path: Path, reference: Path) -> None:
    import pty

    leader, follower = pty.openpty()
    environment = {**os.environ, **ENV}
    done = subprocess.run([sys.executable, "-m", "pac", "build", str(reference), "--out",
                           str(tmp_path / "out")], stdout=subprocess.PIPE, stderr=follower,
                          env=environment, timeout=120, cwd=REPO)
    os.close(follower)
    shown = os.read(leader, 65536).decode()
    os.close(leader)
    assert done.returncode == 0
    assert "Rendering pages" in shown and "100%" in shown


def test_search_covers_listings_of_a_normal_portfolio(example_site: Path) -> None:
    import json

    index = json.loads((example_site / "search" / "search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {"products/index.html", "funding/FY2027.html", "products/checkout.html",
            "teams/team-checkout.html", "how-to-propose-a-change.html"} <= locations


def test_never_replaces_a_folder_pac_did_not_build(tmp_path: Path, reference: Path) -> None:
    precious = tmp_path / "work"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me")
    code, output = build(reference, precious)
    assert code == 2
    assert "pac did not build it" in output
    assert (precious / "notes.txt").read_text() == "keep me"
    code, output = build(reference, tmp_path / "out", "--project", str(precious))
    assert code == 2
    assert (precious / "notes.txt").read_text() == "keep me"
    assert not (tmp_path / "out").exists()
    # its own output it replaces, again and again
    assert build(reference, tmp_path / "site")[0] == 0
    assert build(reference, tmp_path / "site")[0] == 0


def test_findings_page_groups_by_rule_team_and_product(example_site: Path) -> None:
    page = (example_site / "findings.html").read_text()
    for heading in ('id="by-rule"', 'id="by-team"', 'id="by-product"'):
        assert heading in page
    by_team = page.split('id="by-team"', 1)[1].split('id="by-product"', 1)[0]
    assert 'href="teams/team-stores.html"' in by_team


def _title_and_heading(page: Path) -> tuple[str, str]:
    text = page.read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", text)
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", text)
    assert title and heading
    return title.group(1), heading.group(1)


def test_titles_keep_emoji(tmp_path: Path, reference: Path) -> None:
    product = reference / "products" / "claims-portal.yaml"
    product.write_text(product.read_text(encoding="utf-8").replace(
        "name: Claims Portal", 'name: "Claims 🚀 Portal"'), encoding="utf-8")
    code, output = build(reference, tmp_path / "out")
    assert code == 0, output
    title, heading = _title_and_heading(tmp_path / "out" / "products" / "claims-portal.html")
    assert title.startswith("Claims 🚀 Portal - ")
    assert heading == "Claims 🚀 Portal"


def test_key_results_are_not_missed_before_their_period(tmp_path: Path,
                                                         reference: Path) -> None:
    objective = reference / "objectives" / "digital-self-service.yaml"
    objective.write_text(objective.read_text() + "    actual: 40\n")
    page = tmp_path / "out" / "objectives" / "digital-self-service.html"
    statuses = {}
    for today in ("2026-11-22", "2027-03-01"):  # FY2027 starts on 2027-01-01
        code, output = build(reference, tmp_path / "out", "--today", today)
        assert code == 0, output
        statuses[today] = re.findall(r'class="pac-badge pac-kpi-[^"]*">([^<]*)<',
                                     page.read_text())
    assert statuses == {"2026-11-22": ["not started"], "2027-03-01": ["missed"]}
