"""Where a command's portfolio comes from: the working tree or a git revision, with the
prefix its findings name files by."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REFERENCE, TODAY
from gitrepo import GitRepo
from support import inside

from pac.errors import PacError
from pac.load.version import (
    from_revision,
    from_working_tree,
    prefix_of,
    repository_root,
    repository_url,
)


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.copy(REFERENCE, "portfolio")
    repo.commit("Add the portfolio")
    return repo


def test_the_repository_is_the_nearest_folder_with_git(repo: GitRepo) -> None:
    (repo.path / "portfolio" / "deeper").mkdir()
    assert repository_root(repo.path / "portfolio" / "deeper") == repo.path
    assert repository_root(repo.path) == repo.path


def test_outside_git_the_current_folder_is_the_repository(tmp_path: Path) -> None:
    (tmp_path / "work" / "portfolio").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    with inside(tmp_path / "work"):
        assert repository_root(Path("portfolio")) == tmp_path / "work"
        # a folder outside the current one: its parent stands for the repository
        assert repository_root(tmp_path / "elsewhere") == tmp_path


def test_the_prefix_names_the_portfolio_folder_in_the_repository(tmp_path: Path) -> None:
    (tmp_path / "data" / "portfolio").mkdir(parents=True)
    assert prefix_of(tmp_path / "data" / "portfolio", tmp_path) == "data/portfolio/"
    assert prefix_of(tmp_path, tmp_path) == ""
    with pytest.raises(PacError) as caught:
        prefix_of(tmp_path, tmp_path / "data")
    assert caught.value.message == (
        f"{tmp_path} is not inside the repository at {tmp_path / 'data'}")


def test_the_working_tree(repo: GitRepo) -> None:
    folder = repo.path / "portfolio"
    (folder / "teams" / "team-claims.yaml").write_text("id: team-claims\nname: Edited\n")
    version = from_working_tree(folder)
    assert (version.prefix, version.root, version.label, version.commit_time) == (
        "portfolio/", repo.path, "the working tree", None)
    assert [f.path for f in version.files][:2] == [
        "portfolio.yaml", "capabilities/claims-and-risk.yaml"]
    found = version.read("teams/team-claims.yaml")
    assert found is not None and found.content == b"id: team-claims\nname: Edited\n"
    assert version.read("teams/nobody.yaml") is None
    outside = version.read_repository("portfolio/portfolio.yaml")
    assert outside is not None and outside.content is not None
    assert outside.content.startswith(b"# yaml-language-server")
    result = version.check(TODAY)
    assert result.portfolio.teams["team-claims"].name == "Edited"


def test_a_folder_that_is_not_a_portfolio_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PacError) as caught:
        from_working_tree(tmp_path / "missing")
    assert caught.value.message == (
        f"{tmp_path / 'missing'} is not a directory: give the portfolio folder, such as "
        "portfolio/")
    with pytest.raises(PacError) as caught:
        from_working_tree(tmp_path)
    assert caught.value.message == (
        f"{tmp_path} is not a portfolio: it has no portfolio.yaml. Create one with at least "
        "'name: <your organisation>'.")


def test_a_revision(repo: GitRepo) -> None:
    repo.edit("portfolio/teams/team-claims.yaml", "name: Claims Team", "name: Claims Crew")
    head = repo.commit("Rename the team")
    repo.edit("portfolio/teams/team-claims.yaml", "name: Claims Crew", "name: Uncommitted")
    with inside(repo.path):
        version = from_revision(Path("portfolio"), "HEAD")
    assert (version.prefix, version.root, version.label) == (
        "portfolio/", repo.path, f"HEAD ({head[:12]})")
    assert version.commit_time == int(repo.git("log", "-1", "--format=%ct"))
    found = version.read("teams/team-claims.yaml")
    assert found is not None and found.content is not None
    assert b"name: Claims Crew" in found.content
    assert version.read("teams/nobody.yaml") is None
    assert version.check(TODAY).portfolio.teams["team-claims"].name == "Claims Crew"
    earlier = from_revision(repo.path / "portfolio", "HEAD~1")
    assert earlier.check(TODAY).portfolio.teams["team-claims"].name == "Claims Team"


def test_a_revision_without_the_portfolio(repo: GitRepo) -> None:
    first = repo.git("rev-list", "--max-parents=0", "HEAD")
    repo.git("mv", "portfolio", "moved")
    repo.commit("Move it")
    with inside(repo.path):  # the folder is gone: the repository is the current one
        with pytest.raises(PacError) as caught:
            from_revision(Path("portfolio"), "HEAD")
        assert caught.value.message == "there is no portfolio/portfolio.yaml at HEAD"
        empty = from_revision(Path("portfolio"), "HEAD", required=False)
        assert empty.files == []
        assert len(from_revision(Path("portfolio"), first).files) == 12


def test_the_repository_url_for_links(tmp_path: Path) -> None:
    assert repository_url(REFERENCE) == "https://github.com/northwind/portfolio"
    assert repository_url(tmp_path) is None
    (tmp_path / "portfolio.yaml").write_text("name: N\nrepository: git@github.com:n/p.git\n")
    assert repository_url(tmp_path) is None  # not a web address
    (tmp_path / "portfolio.yaml").write_text("name: N\nrepository: [a]\n")
    assert repository_url(tmp_path) is None
    (tmp_path / "portfolio.yaml").write_text("name: N\nrepository: \"https://x.example/\\e[2J\"\n")
    assert repository_url(tmp_path) == "https://x.example/ [2J"  # one line, no controls
    (tmp_path / "portfolio.yaml").unlink()
    (tmp_path / "portfolio.yml").write_text("- a list\n")
    assert repository_url(tmp_path) is None
