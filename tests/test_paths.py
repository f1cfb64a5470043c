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
from pac.errors import PacError
from pac.output import MARKER
from pac.paths import linked_folder, over_site_limit, shown, site_file_refused, unplain, within

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


# The policy's functions, called directly: what a path from someone's commit or a link in
# someone's checkout can and cannot make pac do.

@pytest.mark.parametrize(("path", "why"), [
    ("products/a.yaml", None),
    ("site/img/logo.png", None),
    ("..", "'..' is not a file name"),
    ("site/../../etc/passwd", "'..' is not a file name"),
    ("./site", "'.' is not a file name"),
    ("site//x.md", "it has an empty part"),
    ("/etc/passwd", "it has an empty part"),
    ("site/", "it has an empty part"),
    ("site\\..\\x.md", "it holds a backslash"),
    (".git/hooks/post-checkout", "a .git folder is git's own"),
    ("site/.GIT/config", "a .git folder is git's own"),
    ("site/.git./config", "a .git folder is git's own"),  # Windows drops trailing dots
    ("site/.git /config", "a .git folder is git's own"),  # and trailing spaces
    ("site/.git. ./config", "a .git folder is git's own"),
    ("site/.gitignore", None),
    ("site/x.git", None),
    ("site/git", None),
])
def test_a_path_from_a_git_tree_must_be_plain_names(path: str, why: str | None) -> None:
    assert unplain(path) == why


@pytest.mark.parametrize(("path", "seen"), [
    ("site/logo.png", "site/logo.png"),
    ("site/\x1b[31mred.md", "site/\\x1b[31mred.md"),
    ("a\nb\rc\td", "a\\x0ab\\x0dc\\x09d"),
    ("caf\u00e9 \u2028", "caf\u00e9 \\x2028"),
])
def test_a_path_is_shown_with_its_control_characters_escaped(path: str, seen: str) -> None:
    assert shown(path) == seen


@pytest.mark.parametrize(("path", "folder", "inside"), [
    ("/srv/site", "/srv/site", True),
    ("/srv/site/docs/x.md", "/srv/site", True),
    ("/srv/site/docs/x.md", "/srv/site/", True),
    ("/srv/site-other/x.md", "/srv/site", False),
    ("/srv/sitex", "/srv/site", False),
    ("/srv", "/srv/site", False),
    ("/etc/passwd", "/", True),
])
def test_within_tells_a_folder_apart_from_its_neighbours(path: str, folder: str,
                                                        inside: bool) -> None:
    assert within(path, folder) is inside


def test_a_path_with_no_link_above_it_can_be_written(tmp_path: Path) -> None:
    (tmp_path / "repo" / "a" / "b").mkdir(parents=True)
    root = tmp_path / "repo"
    assert linked_folder(root / "a" / "b" / "x.json", root) is None
    assert linked_folder(root / "new" / "deeper" / "x.json", root) is None  # not made yet
    assert linked_folder(root / "x.json", root) is None


def test_a_link_among_the_folders_above_a_path_is_named(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "a" / "b").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (root / "a" / "b" / "linked").symlink_to(tmp_path / "outside")
    (root / "top").symlink_to(tmp_path / "outside")
    target = root / "a" / "b" / "linked" / "x.json"
    assert linked_folder(target, root) == (
        f"{root / 'a' / 'b' / 'linked'} is a symbolic link, which pac does not write through")
    assert linked_folder(root / "top" / "deep" / "x.json", root) == (
        f"{root / 'top'} is a symbolic link, which pac does not write through")
    # the path itself may be a link: a file pac writes replaces it
    assert linked_folder(root / "top", root) is None


def test_a_link_reached_through_dots_is_caught_by_where_it_leads(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "a").mkdir(parents=True)
    (tmp_path / "outside" / "deep").mkdir(parents=True)
    (root / "a" / "linked").symlink_to(tmp_path / "outside" / "deep")
    # spelled out, repo/a/linked/../x.json is repo/a/x.json; the system goes through the link
    target = root / "a" / "linked" / ".." / "x.json"
    assert linked_folder(target, root) == (
        f"{root / 'a' / 'linked' / '..'} leads out of {root}")


def test_a_path_outside_the_repository_is_left_to_the_other_checks(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path)
    assert linked_folder(tmp_path / "linked" / "x.json", tmp_path / "repo") is None


def test_a_relative_path_is_checked_against_a_relative_root(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "repo" / "linked").symlink_to(tmp_path / "outside")
    with inside(tmp_path):
        assert linked_folder(Path("repo/linked/x.json"), Path("repo")) == (
            f"{tmp_path / 'repo' / 'linked'} is a symbolic link, which pac does not write "
            "through")


def test_a_site_file_of_up_to_16_mib_is_copied() -> None:
    assert over_site_limit(0) is None
    assert over_site_limit(16 * 1024 * 1024) is None
    assert over_site_limit(16 * 1024 * 1024 + 1) == (
        "it is 16,777,217 bytes, over the limit of 16,777,216")


def test_a_refused_site_file_is_one_line_naming_it_safely() -> None:
    error = site_file_refused("site/\x1b[2Jdocs/x.md at main", "it is not a regular file")
    assert isinstance(error, PacError)
    assert error.message == (
        "site/\\x1b[2Jdocs/x.md at main is not copied into the site: it is not a regular "
        "file: replace it with a regular file of at most 16 MiB, or remove it")
