"""No command reads or writes through a symbolic link (pac/paths.py): a file pac writes
replaces a link at its name and leaves what it led to alone, a link among the folders
between the repository and a written path is a one-line error, and a file pac reads as a
link is not read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli.test_codeowners import EXPECTED
from click.testing import CliRunner
from conftest import REFERENCE
from support import inside

from pac.cli import cli
from pac.output import MARKER

TODAY = ("--today", "2026-11-22")
THROUGH = "is a symbolic link, which pac does not write through"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the reference portfolio, and `outside`: a folder of someone's."""
    repo = tmp_path / "repo"
    shutil.copytree(REFERENCE, repo / "portfolio")
    (repo / ".git").mkdir()  # marks the repository root; these commands need no history
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "keep.txt").write_text("mine\n")
    return repo


def pac(repo: Path, *args: str) -> tuple[int, str]:
    with inside(repo):
        result = CliRunner().invoke(cli, list(args), env={"GITHUB_ACTIONS": "",
                                                          "SOURCE_DATE_EPOCH": "1795000000"})
    return result.exit_code, result.output


def _outside(repo: Path) -> dict[str, str]:
    """What the folder outside the repository holds: a test checks that it never changes."""
    folder = repo.parent / "outside"
    return {p.relative_to(folder).as_posix(): p.read_text() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_codeowners_replaces_a_link_and_never_writes_through_one(repo: Path) -> None:
    (repo / ".github").mkdir()
    (repo / ".github" / "CODEOWNERS").symlink_to(repo.parent / "outside" / "keep.txt")
    assert pac(repo, "codeowners", "--check")[0] == 1  # the link is not read as CODEOWNERS
    assert pac(repo, "codeowners") == (0, "Wrote .github/CODEOWNERS.\n")
    assert not (repo / ".github" / "CODEOWNERS").is_symlink()
    assert (repo / ".github" / "CODEOWNERS").read_text() == EXPECTED
    assert _outside(repo) == {"keep.txt": "mine\n"}
    # a folder that is a link is refused: what is written inside it would land elsewhere
    shutil.rmtree(repo / ".github")
    (repo / ".github").symlink_to(repo.parent / "outside")
    code, out = pac(repo, "codeowners")
    assert (code, out) == (2, f"Error: cannot write {repo / '.github'}: it {THROUGH}: make "
                              f"{repo / '.github'} a folder you can write to\n")
    assert _outside(repo) == {"keep.txt": "mine\n"}


def test_codeowners_check_does_not_read_through_a_link(repo: Path) -> None:
    (repo.parent / "outside" / "CODEOWNERS").write_text(EXPECTED)
    (repo / ".github").mkdir()
    (repo / ".github" / "CODEOWNERS").symlink_to(repo.parent / "outside" / "CODEOWNERS")
    assert pac(repo, "codeowners", "--check") == (
        1, ".github/CODEOWNERS is out of date: run 'pac codeowners'\n")


@pytest.mark.parametrize("args", [
    ("export", "portfolio", *TODAY, "--out", "linked/x.json"),
    ("export", "portfolio", *TODAY, "--format", "csv", "--out", "linked/tables"),
    ("export", "portfolio", *TODAY, "--format", "csv", "--out", "linked"),
    ("schema", "--out", "linked"),
    ("schema", "--out", "linked/schemas"),
    ("build", "portfolio", "--no-history", *TODAY, "--out", "linked/site"),
    ("build", "portfolio", "--no-history", *TODAY, "--project", "linked/project"),
], ids=["json", "csv-under", "csv-at", "schema-at", "schema-under", "build", "project"])
def test_no_command_writes_into_a_linked_folder(repo: Path, args: tuple[str, ...]) -> None:
    (repo / "linked").symlink_to(repo.parent / "outside")
    code, out = pac(repo, *args)
    assert code == 2 and out.startswith("Error: cannot write ") and out.count("\n") == 1, out
    # the link is the folder written into, or one above it
    assert f"linked: it {THROUGH}: " in out or f": {repo / 'linked'} {THROUGH}: " in out, out
    assert _outside(repo) == {"keep.txt": "mine\n"}


def test_pac_new_does_not_write_into_a_linked_folder(repo: Path) -> None:
    shutil.rmtree(repo / "portfolio" / "objectives")
    (repo / "portfolio" / "objectives").symlink_to(repo.parent / "outside")
    code, out = pac(repo, "new", "objective", "faster-claims", "--name", "Faster claims")
    assert (code, out) == (2, f"Error: cannot write portfolio/objectives: it {THROUGH}: pac new "
                              "writes into the portfolio's folders: make them folders you can "
                              "write to\n")
    assert _outside(repo) == {"keep.txt": "mine\n"}


def test_export_replaces_a_link_at_its_file(repo: Path) -> None:
    (repo / "out.json").symlink_to(repo.parent / "outside" / "keep.txt")
    assert pac(repo, "export", "portfolio", *TODAY, "--out", "out.json")[0] == 0
    assert not (repo / "out.json").is_symlink()
    assert (repo / "out.json").read_text().startswith("{")
    assert _outside(repo) == {"keep.txt": "mine\n"}


def test_a_build_does_not_replace_a_linked_output_folder(repo: Path) -> None:
    """Even a folder pac built, when --out is a link to it: the link is someone's."""
    (repo.parent / "outside" / MARKER).write_text("")
    (repo / "site").symlink_to(repo.parent / "outside")
    code, out = pac(repo, "build", "portfolio", "--no-history", *TODAY, "--out", "site")
    assert (code, out) == (2, f"Error: cannot write site: it {THROUGH}: give --out a path you "
                              "can write to\n")
    assert _outside(repo) == {MARKER: "", "keep.txt": "mine\n"}


def test_schema_check_does_not_read_through_a_link(repo: Path, tmp_path: Path) -> None:
    (repo / "schemas").mkdir()
    assert pac(repo, "schema", "--out", str(tmp_path / "real"))[0] == 0
    for path in (tmp_path / "real").iterdir():
        (repo / "schemas" / path.name).symlink_to(path)
    code, out = pac(repo, "schema", "--check", "--out", "schemas")
    assert code == 1 and "schemas/format.md is out of date" in out
