"""The MkDocs project pac assembles: the organisation's site/ (never through a link), pac's
settings on top of its mkdocs.yml, and the generated pages beside the hand-written ones."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from gitrepo import GitRepo

from pac.catalogue.project import (
    NAV,
    mkdocs_config,
    read_site_config,
    site_folder,
    site_project,
    write_project,
)
from pac.errors import PacError
from pac.model import Settings

REFUSED = ("is not copied into the site: {why}: replace it with a regular file of at most "
           "16 MiB, or remove it")


def refused(where: object, why: str) -> str:
    return f"{where} " + REFUSED.format(why=why)


def test_the_site_folder_is_a_real_folder_or_none(tmp_path: Path) -> None:
    assert site_folder(None) is None
    assert site_folder(tmp_path / "missing") is None
    (tmp_path / "file").write_text("x")
    assert site_folder(tmp_path / "file") is None
    (tmp_path / "site").mkdir()
    assert site_folder(tmp_path / "site") == tmp_path / "site"
    (tmp_path / "linked").symlink_to(tmp_path / "site")
    with pytest.raises(PacError) as caught:
        site_folder(tmp_path / "linked")
    assert caught.value.message == refused(
        tmp_path / "linked", "it is a symbolic link, which pac does not follow")


def test_the_organisations_mkdocs_yml_is_read_strictly(tmp_path: Path) -> None:
    assert read_site_config(None) == {}
    assert read_site_config(tmp_path) == {}  # a site/ without mkdocs.yml
    (tmp_path / "mkdocs.yml").write_text("site_name: Ours\ntheme:\n  name: material\n")
    assert read_site_config(tmp_path) == {"site_name": "Ours", "theme": {"name": "material"}}
    (tmp_path / "mkdocs.yml").write_text("site_name: a\nsite_name: b\n")
    with pytest.raises(PacError) as caught:
        read_site_config(tmp_path)
    assert caught.value.message == (
        f"{tmp_path / 'mkdocs.yml'} cannot be read (line 2: duplicate key 'site_name' (first "
        "on line 1, again on line 2))")
    (tmp_path / "mkdocs.yml").write_text("- a list\n")
    with pytest.raises(PacError) as caught:
        read_site_config(tmp_path)
    assert caught.value.message == f"{tmp_path / 'mkdocs.yml'} cannot be read (it is not a mapping)"


def test_a_linked_mkdocs_yml_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.yml").write_text("site_name: Theirs\n")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "mkdocs.yml").symlink_to(tmp_path / "elsewhere.yml")
    with pytest.raises(PacError) as caught:
        read_site_config(tmp_path / "site")
    assert caught.value.message == (
        f"{tmp_path / 'site' / 'mkdocs.yml'} cannot be read: it is a symbolic link, which pac "
        "does not follow")


def test_pacs_settings_go_on_top_of_the_organisations() -> None:
    settings = Settings(name="Caf\u00e9 <Ours> & Co")
    config = mkdocs_config({
        "theme": {"name": "readthedocs", "font": {"text": "Roboto"}, "palette": "x"},
        "nav": [{"Guide": "guide.md"}],
        "extra_css": ["ours.css"],
        "extra_javascript": ["ours.js"],
        "use_directory_urls": True,
        "docs_dir": "elsewhere",
    }, settings)
    assert config == {
        "site_name": "Caf\u00e9 &lt;Ours&gt; &amp; Co portfolio",  # MkDocs does not escape it
        "docs_dir": "docs",
        "site_dir": "site",
        "use_directory_urls": False,
        "theme": {"name": "readthedocs", "font": False, "palette": "x"},
        "nav": [*NAV, {"Guide": "guide.md"}],
        "not_in_nav": "/products/*.md\n/teams/*.md\n/capabilities/*.md\n/objectives/*.md\n"
                      "/funding/*.md",
        "validation": {"nav": {"omitted_files": "ignore"}},
        "extra_css": ["pac-assets/pac.css", "ours.css"],
        "extra_javascript": ["pac-assets/pac.js", "ours.js"],
        "plugins": ["search"],
    }


def test_without_a_site_the_config_is_pacs_own() -> None:
    config = mkdocs_config({}, Settings(name="Northwind"))
    assert (config["site_name"], config["theme"], config["nav"], config["plugins"]) == (
        "Northwind portfolio", {"name": "material", "font": False}, NAV, ["search"])
    kept = mkdocs_config({"site_name": "Our catalogue", "plugins": []}, Settings(name="N"))
    assert (kept["site_name"], kept["plugins"]) == ("Our catalogue", [])


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text() for p in sorted(folder.rglob("*"))
            if p.is_file() and "pac-assets" not in p.parts}


def test_the_project_holds_the_site_and_the_pages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "docs" / "products").mkdir(parents=True)
    (site / "docs" / "guide.md").write_text("# Guide\n")
    (site / "docs" / "products" / "index.md").write_text("# Our own list\n")
    (site / "overrides").mkdir()
    (site / "overrides" / "main.html").write_text("{% extends 'base.html' %}\n")
    (site / ".cache").mkdir()
    (site / ".cache" / "x").write_text("hidden\n")
    (site / "site").mkdir()
    (site / "site" / "index.html").write_text("an old build\n")
    target = tmp_path / "project"
    hidden = write_project(target, site=site, config={"site_name": "N", "nav": [1]}, pages=[
        ("index.md", "home\n"), ("products/index.md", "generated\n"),
        ("products/a.md", "a\n"), ("teams/t.md", "t\n")])
    assert hidden == ["products/index.md"]  # a hand-written page wins
    assert _files(target) == {
        "docs/guide.md": "# Guide\n",
        "docs/index.md": "home\n",
        "docs/products/a.md": "a\n",
        "docs/products/index.md": "# Our own list\n",
        "docs/teams/t.md": "t\n",
        "mkdocs.yml": '{\n  "nav": [\n    1\n  ],\n  "site_name": "N"\n}\n',
        "overrides/main.html": "{% extends 'base.html' %}\n",
    }
    assert sorted(p.name for p in (target / "docs" / "pac-assets").iterdir()) == [
        "pac.css", "pac.js"]


def test_a_link_in_the_site_stops_the_project(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "docs").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("not for the site\n")
    (site / "docs" / "leak.md").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(PacError) as caught:
        write_project(tmp_path / "project", site=site, config={}, pages=[])
    assert caught.value.message == refused(
        f"{site}/docs/leak.md", "it is a symbolic link, which pac does not follow")
    assert not (tmp_path / "project" / "docs" / "leak.md").exists()


def test_a_file_that_is_not_regular_stops_the_project(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    os.mkfifo(site / "pipe")
    with pytest.raises(PacError) as caught:
        write_project(tmp_path / "project", site=site, config={}, pages=[])
    assert caught.value.message == refused(f"{site}/pipe", "it is not a regular file")


def test_a_file_over_the_site_limit_stops_the_project(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    with (site / "video.mp4").open("wb") as file:
        file.truncate(16 * 1024 * 1024 + 1)  # sparse: no 16 MiB written
    with pytest.raises(PacError) as caught:
        write_project(tmp_path / "project", site=site, config={}, pages=[])
    assert caught.value.message == refused(
        f"{site}/video.mp4", "it is 16,777,217 bytes, over the limit of 16,777,216")


def test_the_site_project_is_the_one_given_or_site_as_of_the_revision(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write("site/mkdocs.yml", "site_name: Then\n")
    repo.write("portfolio/portfolio.yaml", "name: N\n")
    first = repo.commit("first")
    repo.write("site/mkdocs.yml", "site_name: Now\n")
    repo.commit("second")
    with site_project(tmp_path / "given", repo.path, first) as given:
        assert given == tmp_path / "given"
    with site_project(None, repo.path, None) as current:
        assert current == repo.path / "site"
    with site_project(None, repo.path, first) as then:
        assert then is not None and (then / "mkdocs.yml").read_text() == "site_name: Then\n"
    assert not then.exists()  # a temporary copy, removed afterwards


def test_without_site_there_is_no_site_project(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write("portfolio/portfolio.yaml", "name: N\n")
    commit = repo.commit("first")
    with site_project(None, repo.path, None) as current:
        assert current is None
    with site_project(None, repo.path, commit) as then:
        assert then is None

