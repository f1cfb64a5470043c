"""The one module that runs MkDocs: its failures become pac's one-line error, and the
environment it needs is set for the build only. (The real build is in test_build.py.)"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pac.catalogue.mkdocs import Interrupted, build_site
from pac.errors import PacError


def test_a_project_mkdocs_refuses_is_a_pac_error(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "42")
    monkeypatch.delenv("NO_MKDOCS_2_WARNING", raising=False)
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ntheme:\n  name: no-such-theme\n")
    with pytest.raises(PacError) as caught:
        build_site(tmp_path, source_date_epoch=1700000000)
    assert caught.value.message == (
        "MkDocs could not build the site: Aborted with a configuration error!")
    # what the build set is undone, what was there before is back
    assert os.environ["SOURCE_DATE_EPOCH"] == "42"
    assert "NO_MKDOCS_2_WARNING" not in os.environ
    assert not (tmp_path / "site").exists()


def test_a_missing_mkdocs_yml_is_a_pac_error(tmp_path: Path) -> None:
    with pytest.raises(PacError) as caught:
        build_site(tmp_path, source_date_epoch=0)
    assert caught.value.message == (
        f"MkDocs could not build the site: Config file '{tmp_path / 'mkdocs.yml'}' does not "
        "exist.")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project built once, whole."""
    project = tmp_path_factory.mktemp("dirty")
    (project / "docs").mkdir()
    for name in ["index", "a", "b", "c"]:
        (project / "docs" / f"{name}.md").write_text(f"# Page {name}\n\nText of {name}.\n")
    (project / "mkdocs.yml").write_text(
        "site_name: x\ntheme: {name: material, font: false}\nuse_directory_urls: false\n")
    assert build_site(project, source_date_epoch=1700000000) == []
    return project


def touch_later(file: Path, than: Path) -> None:
    later = than.stat().st_mtime_ns + 10_000_000
    os.utime(file, ns=(later, later))


def test_a_dirty_build_converts_only_the_pages_newer_than_their_html(built: Path) -> None:
    site = built / "site"
    (built / "docs" / "a.md").write_text("# Page a, again\n")
    touch_later(built / "docs" / "a.md", site / "a.html")
    before = {name: (site / f"{name}.html").read_bytes() for name in ["b", "c"]}
    assert build_site(built, source_date_epoch=1700000000, dirty=True) == []  # no warning
    assert "Page a, again" in (site / "a.html").read_text()
    assert {name: (site / f"{name}.html").read_bytes() for name in ["b", "c"]} == before
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert {entry["location"] for entry in index["docs"]} == {"a.html"}  # pac merges it


def test_a_dirty_build_stops_before_a_page_when_interrupted(built: Path) -> None:
    site = built / "site"
    for name in ["b", "c"]:
        (built / "docs" / f"{name}.md").write_text(f"# Page {name}, interrupted\n")
        touch_later(built / "docs" / f"{name}.md", site / f"{name}.html")
    index = (site / "search" / "search_index.json").read_bytes()
    before = {name: (site / f"{name}.html").read_bytes() for name in ["b", "c"]}
    asked: list[bool] = []

    def interrupted() -> bool:
        asked.append(True)
        return len(asked) > 1

    with pytest.raises(Interrupted):
        build_site(built, source_date_epoch=1700000000, dirty=True, interrupted=interrupted)
    assert len(asked) == 2  # once before each page it converts: b, then c
    # MkDocs converts every page before it writes one: nothing was written
    assert (site / "search" / "search_index.json").read_bytes() == index
    assert {name: (site / f"{name}.html").read_bytes() for name in ["b", "c"]} == before
