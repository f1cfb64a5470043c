"""`pac build` as a function: validation first, the project generated, one MkDocs build
swapped in whole; and the build's date from SOURCE_DATE_EPOCH, git or the clock."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from conftest import REFERENCE, TODAY
from gitrepo import GitRepo
from support import run

from pac.catalogue.build import build, build_date, generate_project
from pac.errors import PacError
from pac.load.files import read_directory, read_file
from pac.output import MARKER


def test_a_portfolio_with_errors_is_not_built(reference: Path, tmp_path: Path) -> None:
    path = reference / "products" / "fraud-scoring.yaml"
    path.write_text(path.read_text().replace("owner: team-risk-data", "owner: team-risk"))
    built = build(read_directory(reference), out=tmp_path / "out", site=None, today=TODAY,
                  source_date_epoch=0, prefix="portfolio/")
    assert (built.site, built.pages, built.warnings, built.hidden) == (None, 0, [], [])
    assert [(f.rule, f.message) for f in built.validation.findings if f.severity == "error"] == [
        ("unknown-reference", "'team-risk' is not a team")]
    assert not (tmp_path / "out").exists()


def test_the_reference_portfolio_is_built_with_the_organisations_site(tmp_path: Path) -> None:
    """The one real MkDocs build of these tests."""
    site = tmp_path / "site"
    (site / "docs").mkdir(parents=True)
    (site / "docs" / "index.md").write_text("# Our portfolio\n\nSee [the guide](guide.md).\n")
    out, project = tmp_path / "out", tmp_path / "project"
    built = build(read_directory(REFERENCE), out=out, site=site, today=TODAY,
                  source_date_epoch=1700000000, prefix="portfolio/",
                  read=lambda name: read_file(REFERENCE, name), project=project,
                  root=tmp_path)
    assert (built.site, built.pages, built.hidden) == (out, 23, ["index.md"])
    assert built.warnings == [
        "Doc file 'index.md' contains a link 'guide.md', but the target is not found among "
        "documentation files."]
    assert "<h1 id=\"our-portfolio\">Our portfolio</h1>" in (out / "index.html").read_text()
    page = (out / "products" / "claims-portal.html").read_text()
    assert "<title>Claims Portal - Northwind Mutual portfolio</title>" in page
    assert "<h1>Claims Portal</h1>" in page
    assert (out / MARKER).exists()
    # the MkDocs project is kept without its site
    assert (project / "docs" / "products" / "claims-portal.md").read_text().startswith(
        '---\ntitle: "Claims Portal"\nhide:\n  - toc\nsearch:\n  boost: 1.500\n---\n')
    assert (project / "docs" / "index.md").read_text().startswith("# Our portfolio")
    assert not (project / "site").exists()


def test_a_project_can_be_generated_without_building_it(tmp_path: Path) -> None:
    validation = run(REFERENCE)
    pages, hidden = generate_project(validation, tmp_path / "project", site=None, today=TODAY,
                                     prefix="portfolio/")
    assert (pages, hidden) == (23, [])
    docs = tmp_path / "project" / "docs"
    assert sorted(p.relative_to(docs).as_posix() for p in docs.glob("*.md")) == [
        "changelog.md", "findings.md", "health.md", "how-to-propose-a-change.md", "index.md",
        "roadmap.md", "trends.md"]
    assert '"site_name": "Northwind Mutual portfolio"' in (
        tmp_path / "project" / "mkdocs.yml").read_text()


@pytest.mark.parametrize(("epoch", "day"), [
    ("0", datetime.date(1970, 1, 1)),
    ("86399", datetime.date(1970, 1, 1)),
    ("86400", datetime.date(1970, 1, 2)),
    ("1700000000", datetime.date(2023, 11, 14)),  # 22:13 UTC, whatever the local zone
])
def test_source_date_epoch_comes_first(tmp_path: Path, epoch: str, day: datetime.date) -> None:
    assert build_date(tmp_path, 5, source_date_epoch=epoch) == (int(epoch), day)


def test_a_source_date_epoch_that_is_not_a_number_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PacError) as caught:
        build_date(tmp_path, None, source_date_epoch="soon")
    assert caught.value.message == "SOURCE_DATE_EPOCH='soon' is not a number of seconds"


def test_then_the_commit_built_then_the_checked_out_commit(tmp_path: Path) -> None:
    assert build_date(tmp_path, 1700000000, source_date_epoch=None) == (
        1700000000, datetime.date(2023, 11, 14))
    repo = GitRepo(tmp_path / "repo")
    repo.write("portfolio/portfolio.yaml", "name: N\n")
    repo.commit("first")
    committed = int(repo.git("log", "-1", "--format=%ct"))
    day = repo.git("log", "-1", "--format=%cd", "--date=format:%Y-%m-%d")  # made at +00:00
    assert build_date(repo.path / "portfolio", None, source_date_epoch=None) == (
        committed, datetime.date.fromisoformat(day))


def test_outside_git_the_build_is_dated_now(tmp_path: Path) -> None:
    before = int(datetime.datetime.now().timestamp())
    epoch, day = build_date(tmp_path, None, source_date_epoch=None)
    after = int(datetime.datetime.now().timestamp())
    assert before <= epoch <= after
    assert day == datetime.datetime.fromtimestamp(epoch, datetime.UTC).date()
