"""Every read from git is bounded: a blob or a commit over the 1 MiB limit is never read
whole into memory, whatever the history holds."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO
from gitrepo import GitRepo

from pac.git import Repository
from pac.load.files import MAX_FILE_BYTES


def _repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.copy(REPO / "portfolio", "portfolio")
    return repo


def test_blobs_over_the_limit_are_not_read(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.write("portfolio/notes/big.txt", "x" * (MAX_FILE_BYTES + 1))
    repo.write("portfolio/notes/small.txt", "small\n")
    repo.commit("Notes")
    big, small = (repo.git("rev-parse", f"HEAD:portfolio/notes/{n}.txt") for n in ("big", "small"))
    git = Repository(repo.path)
    assert git.read_blob(big) is None
    assert git.read_blob(small) == b"small\n"
    assert git.read_blobs([big, small]) == {small: b"small\n"}


def test_a_commit_message_over_the_limit_is_read_only_in_part(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.commit("The portfolio")
    repo.edit("portfolio/portfolio.yaml", "name:", "# a comment\nname:")
    repo.git("add", "-A")
    (tmp_path / "message").write_text("A long story\n\n" + "word " * (MAX_FILE_BYTES // 2))
    repo.git("commit", "-q", "-F", str(tmp_path / "message"), author="Bea Big")
    commits = list(Repository(repo.path).first_parent_log("portfolio"))
    assert [c.author for c in commits] == ["Ann Author", "Bea Big"]
    assert commits[1].message.startswith("A long story\n\nword word")
    assert MAX_FILE_BYTES - 1000 < len(commits[1].message) < MAX_FILE_BYTES
