"""A serve session's builds, with real MkDocs builds of the reference portfolio: a save is
rebuilt in place, its entities' pages first, and the site then reads exactly as a full
`pac build` of the same files, search index included."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import TODAY

from pac.catalogue.build import build
from pac.errors import PacError
from pac.load.files import read_directory, read_file
from pac.output import MARKER
from pac.serve.session import Options, Session, Step, site_path

EPOCH = 1700000000
INDEX = "search/search_index.json"
PRODUCT = "products/claims-portal.yaml"
# the pages that show the claims portal's name, besides its own
SHOWING_IT = [
    "capabilities/claims-management.html",
    "findings.html",
    "funding/FY2027.html",
    "index.html",  # its value at risk lists Claims Portal (out-of-support PostgreSQL)
    "objectives/digital-self-service.html",
    "products/customer-identity.html",
    "products/fraud-scoring.html",
    "products/index.html",
    "roadmap.html",
    "teams/team-claims.html",
]


def start(portfolio: Path, tmp_path: Path, site: Path | None = None) -> Session:
    work = tmp_path / "work"
    work.mkdir()
    session = Session(Options(portfolio, site, TODAY, EPOCH), work)
    [first] = rebuild(session)
    assert (first.pages, first.changed, first.stopped) == (None, [], False)
    assert first.site == work / "build-1" / "site"
    return session


def rebuild(session: Session, *changed: str, site: bool = False,
            interrupted: Callable[[], bool] = lambda: False) -> list[Step]:
    return list(session.rebuild(changed=changed, site=site, interrupted=interrupted))


def rename(portfolio: Path, name: str, file: str = PRODUCT) -> None:
    path = portfolio / file
    text = path.read_text()
    assert "\nname: " in text
    path.write_text("\n".join(f"name: {name}" if line.startswith("name: ") else line
                              for line in text.split("\n")))


def digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file() and p.name != MARKER}


def assert_as_built_whole(session: Session, portfolio: Path, tmp_path: Path,
                          site: Path | None = None) -> None:
    """The session's site is, file for file, what a full build of the same files gives."""
    out = tmp_path / f"whole-{len(list(tmp_path.glob('whole-*')))}"
    built = build(read_directory(portfolio), out=out, site=site, today=TODAY,
                  source_date_epoch=EPOCH, prefix="portfolio/",
                  read=lambda name: read_file(portfolio, name))
    assert built.site == out
    assert session.project is not None
    served, whole = digest(session.project / "site"), digest(out)
    assert sorted(served) == sorted(whole)
    assert [path for path in whole if served[path] != whole[path]] in ([], [INDEX])
    # the same entries, those of pages new to the site at its end rather than in page order
    assert search(session.project / "site") == search(out)


def search(site: Path) -> tuple[object, list[str]]:
    index = json.loads((site / INDEX).read_text())
    return index["config"], sorted(json.dumps(entry, sort_keys=True) for entry in index["docs"])


def h1(session: Session, page: str) -> str:
    assert session.project is not None
    html = (session.project / "site" / page).read_text()
    return html.split("<h1>", 1)[1].split("</h1>", 1)[0]


def search_pages(session: Session) -> set[str]:
    assert session.project is not None
    index = json.loads((session.project / "site" / "search" / "search_index.json").read_text())
    return {entry["location"].partition("#")[0] for entry in index["docs"]}


def test_a_save_rebuilds_its_entitys_page_first_then_every_page_that_shows_it(
    reference: Path, tmp_path: Path
) -> None:
    session = start(reference, tmp_path)
    rename(reference, "Claims Hub")
    first, rest = rebuild(session, PRODUCT)
    assert (first.changed, first.pages, first.rest) == (
        ["portfolio/products/claims-portal.yaml"], ["products/claims-portal.html"], False)
    assert (rest.changed, rest.pages, rest.rest) == (first.changed, SHOWING_IT, True)
    assert first.site == rest.site == tmp_path / "work" / "build-1" / "site"
    assert h1(session, "products/claims-portal.html") == "Claims Hub"
    assert not first.stopped and first.findings == rest.findings != []
    assert_as_built_whole(session, reference, tmp_path)
    out = tmp_path / "whole-0"  # a renamed page's entries stand where they stood
    assert (rest.site / INDEX).read_bytes() == (out / INDEX).read_bytes()


def test_a_new_product_gets_a_page_and_a_removed_one_loses_it(
    reference: Path, tmp_path: Path
) -> None:
    session = start(reference, tmp_path)
    text = (reference / PRODUCT).read_text().replace("id: claims-portal", "id: claims-archive")
    (reference / "products" / "claims-archive.yaml").write_text(text)
    rename(reference, "Claims Archive", "products/claims-archive.yaml")
    first, rest = rebuild(session, "products/claims-archive.yaml")
    assert first.pages == ["products/claims-archive.html"]
    assert "products/index.html" in (rest.pages or [])
    assert "products/claims-archive.html" in search_pages(session)
    assert_as_built_whole(session, reference, tmp_path)
    (reference / "products" / "claims-archive.yaml").unlink()
    [only] = rebuild(session, "products/claims-archive.yaml")
    assert "products/claims-archive.html" in (only.pages or [])
    assert only.rest is False  # no page of its own to show first
    assert "products/claims-archive.html" not in search_pages(session)
    assert_as_built_whole(session, reference, tmp_path)


def test_a_portfolio_that_stops_validating_keeps_the_site_until_it_validates_again(
    reference: Path, tmp_path: Path
) -> None:
    session = start(reference, tmp_path)
    assert session.project is not None
    before = digest(session.project / "site")
    good = (reference / PRODUCT).read_bytes()
    (reference / PRODUCT).write_text(good.decode().replace("owner: team-claims",
                                                           "owner: team-clams"))
    [stopped] = rebuild(session, PRODUCT)
    assert (stopped.stopped, stopped.site, stopped.pages) == (True, None, [])
    assert [(f.file, f.rule, f.message) for f in stopped.errors] == [
        ("portfolio/products/claims-portal.yaml", "unknown-reference",
         "'team-clams' is not a team")]
    assert digest(session.project / "site") == before
    (reference / PRODUCT).write_bytes(good)  # back to the bytes last built
    [back] = rebuild(session, PRODUCT)
    assert (back.stopped, back.pages, back.changed) == (False, [], [])
    assert rebuild(session, PRODUCT) == []  # nothing to do any more
    assert digest(session.project / "site") == before


def test_the_same_bytes_saved_again_build_nothing(reference: Path, tmp_path: Path) -> None:
    session = start(reference, tmp_path)
    (reference / PRODUCT).write_bytes((reference / PRODUCT).read_bytes())
    assert rebuild(session, PRODUCT) == []


@pytest.mark.parametrize("calls", [0, 22], ids=["while rendering", "while building"])
def test_an_interrupted_rebuild_leaves_its_pages_to_the_next(
    reference: Path, tmp_path: Path, calls: int
) -> None:
    session = start(reference, tmp_path)
    rename(reference, "Claims Hub")
    asked = []

    def interrupted() -> bool:
        asked.append(True)
        return len(asked) > calls

    [first] = rebuild(session, PRODUCT, interrupted=interrupted)
    assert first.pages == ["products/claims-portal.html"]
    assert h1(session, "products/claims-portal.html") == "Claims Hub"
    assert "Claims Hub" not in (session.project / "site" / "products" / "index.html").read_text()
    assert len(asked) == calls + 1  # 20 pages rendered, then two of them converted: stop
    [rest] = rebuild(session)  # the next rebuild, with or without a save, does the rest
    assert (rest.pages, rest.rest, rest.changed) == (SHOWING_IT, False, [])
    assert_as_built_whole(session, reference, tmp_path)


def test_a_change_to_the_site_or_to_the_sites_name_builds_a_new_project(
    reference: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    session = start(reference, tmp_path, site)  # no site folder yet
    (site / "docs").mkdir(parents=True)
    (site / "docs" / "guide.md").write_text("# Our guide\n")
    [again] = rebuild(session, site=True)
    assert (again.pages, again.changed) == (None, ["site/"])
    assert again.site == tmp_path / "work" / "build-2" / "site"
    assert "Our guide" in (again.site / "guide.html").read_text()
    settings = reference / "portfolio.yaml"
    settings.write_text(settings.read_text().replace("name: Northwind Mutual", "name: Southwind"))
    [renamed] = rebuild(session, "portfolio.yaml")
    assert (renamed.pages, renamed.changed) == (None, ["portfolio/portfolio.yaml"])
    assert renamed.site == tmp_path / "work" / "build-3" / "site"
    assert sorted(p.name for p in (tmp_path / "work").iterdir()) == ["build-2", "build-3"]
    assert_as_built_whole(session, reference, tmp_path, site)


def test_a_site_folder_pac_cannot_read_stops_the_rebuild_until_it_is_fixed(
    reference: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    session = start(reference, tmp_path, site)
    (site / "mkdocs.yml").write_text("theme: [unclosed\n")
    with pytest.raises(PacError) as caught:
        rebuild(session, site=True)
    assert caught.value.message == (
        f"{site / 'mkdocs.yml'} cannot be read (line 2: while parsing a flow sequence did not "
        "find expected ',' or ']' (from line 1))")
    (site / "mkdocs.yml").unlink()
    [fixed] = rebuild(session)  # the save that fixed it was in the site folder too
    assert (fixed.pages, fixed.changed) == (None, ["site/"])
    assert fixed.site == tmp_path / "work" / "build-2" / "site"


def test_a_page_is_where_mkdocs_writes_it() -> None:
    assert site_path("products/a.md") == "products/a.html"
    assert site_path("index.md") == "index.html"
