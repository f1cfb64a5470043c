"""pac/git.py called directly on a real repository: revisions, trees, files, history."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitrepo import GitRepo

from pac.errors import PacError
from pac.git import Repository


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    r = GitRepo(tmp_path / "repo")
    r.write("portfolio/portfolio.yaml", "name: Acme\n")
    r.commit("First")
    r.write("portfolio/teams/a.yaml", "id: a\nname: A\n")
    r.write("notes.txt", "not the portfolio\n")
    r.commit("Add team a (#7)")
    return r


def test_resolve_and_refuse(repo: GitRepo) -> None:
    git = Repository(repo.path)
    assert git.resolve("HEAD") == repo.git("rev-parse", "HEAD")
    with pytest.raises(PacError, match="is not a branch, tag or commit"):
        git.resolve("no-such-branch")
    with pytest.raises(PacError, match="is not a revision"):
        git.resolve("--all")


def test_tree_and_read_file_as_of_a_revision(repo: GitRepo) -> None:
    git = Repository(repo.path)
    assert [f.path for f in git.tree("HEAD~1", "portfolio/")] == ["portfolio.yaml"]
    files = {f.path: f.content for f in git.tree("HEAD", "portfolio/")}
    assert files == {"portfolio.yaml": b"name: Acme\n", "teams/a.yaml": b"id: a\nname: A\n"}
    found = git.read_file("HEAD", "notes.txt")
    assert found is not None and found.content == b"not the portfolio\n"
    assert git.read_file("HEAD~1", "notes.txt") is None


def test_history_counts_and_walks_the_first_parent(repo: GitRepo) -> None:
    git = Repository(repo.path)
    assert git.count_commits("portfolio/") == 2
    assert not git.is_shallow()
    assert git.default_branch() == "main"
    commits = list(git.first_parent_log("portfolio/"))
    assert len(commits) == 2
    assert git.commit_time("HEAD") > git.commit_time("HEAD~1")
