"""pac/gitlog.py parses what git prints: called directly on the output of a real repository's
`git log -z --raw`, `git cat-file --batch` and commit objects."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import pytest
from gitrepo import GitRepo

from pac.gitlog import LOG_FORMAT, Change, LogStep, parse_batch, parse_commit_object, parse_log

ZERO = "0" * 40


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    r = GitRepo(tmp_path / "repo")
    r.write("p/teams/a.yaml", "id: a\n")
    r.write("p/teams/b c.yaml", "id: b\n")
    r.commit("First")
    r.write("p/teams/a.yaml", "id: a\nname: A\n")
    r.git("rm", "-q", "p/teams/b c.yaml")
    r.commit("Second")
    return r


def git_bytes(repo: GitRepo, *args: str, stdin: bytes = b"") -> bytes:
    return subprocess.run(["git", *args], cwd=repo.path, input=stdin, capture_output=True,
                          check=True).stdout


def blob(repo: GitRepo, rev: str, path: str) -> str:
    return repo.git("rev-parse", f"{rev}:{path}")


def when(repo: GitRepo, rev: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(repo.git("show", "-s", "--format=%cI", rev))


def raw_log(repo: GitRepo, *extra: str) -> str:
    return repo.git("log", "--reverse", "--raw", "--no-renames", "--no-abbrev", "-z",
                    f"--format={LOG_FORMAT}", *extra, "HEAD", "--", "p")


def test_a_log_lists_each_commit_with_its_parents_date_and_files(repo: GitRepo) -> None:
    first, second = repo.git("rev-parse", "HEAD~1"), repo.git("rev-parse", "HEAD")
    assert list(parse_log(raw_log(repo))) == [
        LogStep(first, (), when(repo, first), [
            Change("p/teams/a.yaml", blob(repo, first, "p/teams/a.yaml")),
            Change("p/teams/b c.yaml", blob(repo, first, "p/teams/b c.yaml")),
        ]),
        LogStep(second, (first,), when(repo, second), [
            Change("p/teams/a.yaml", blob(repo, second, "p/teams/a.yaml")),
            Change("p/teams/b c.yaml", None),
        ]),
    ]


def test_a_merge_has_two_parents_and_its_first_parent_changes(repo: GitRepo) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.git("checkout", "-q", "-b", "side")
    repo.write("p/teams/d.yaml", "id: d\n")
    side = repo.commit("Side")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "side", "-m", "Merge side")
    merge = repo.git("rev-parse", "HEAD")
    steps = list(parse_log(raw_log(repo, "--first-parent", "--diff-merges=first-parent")))
    assert steps[-1] == LogStep(merge, (base, side), when(repo, merge),
                                [Change("p/teams/d.yaml", blob(repo, merge, "p/teams/d.yaml"))])
    assert len(steps) == 3


def test_odd_paths_are_taken_by_their_place() -> None:
    sha, blob_id = "a" * 40, "b" * 40
    output = (f"{sha} \0" "2026-01-02T03:04:05+01:00\0\n"
              f":000000 100644 {ZERO} {blob_id} A\0:looks like a change\0"
              f":100644 000000 {blob_id} {ZERO} D\0{'c' * 40}\0")
    assert list(parse_log(output)) == [LogStep(
        sha, (), datetime.datetime(2026, 1, 2, 3, 4, 5,
                                   tzinfo=datetime.timezone(datetime.timedelta(hours=1))),
        [Change(":looks like a change", blob_id), Change("c" * 40, None)])]
    assert list(parse_log("")) == []


def test_a_batch_gives_each_object_and_leaves_out_missing_ones(repo: GitRepo) -> None:
    a, b = blob(repo, "HEAD", "p/teams/a.yaml"), blob(repo, "HEAD~1", "p/teams/b c.yaml")
    missing = "f" * 40
    output = git_bytes(repo, "cat-file", "--batch", stdin=f"{a}\n{missing}\n{b}\n".encode())
    assert parse_batch(output) == {a: b"id: a\nname: A\n", b: b"id: b\n"}
    assert parse_batch(b"") == {}


def test_a_commit_object_gives_author_email_and_message(repo: GitRepo) -> None:
    repo.write("p/teams/e.yaml", "id: e\n")
    sha = repo.commit("Title line\n\nThe body.\n", author="Zoë O'Neil",
                      email="zoe@example.com")
    raw = git_bytes(repo, "cat-file", "commit", sha)
    assert parse_commit_object(raw) == ("Zoë O'Neil", "zoe@example.com",
                                        "Title line\n\nThe body.")


def test_a_commit_in_another_encoding_is_decoded(repo: GitRepo) -> None:
    repo.write("p/teams/f.yaml", "id: f\n")
    (repo.path.parent / "message").write_bytes(b"Caf\xe9 cr\xe8me\n")
    repo.git("add", "-A")
    repo.git("-c", "i18n.commitEncoding=ISO-8859-1", "commit", "-q", "-F",
             str(repo.path.parent / "message"))
    raw = git_bytes(repo, "cat-file", "commit", "HEAD")
    assert b"\nencoding ISO-8859-1\n" in raw
    assert parse_commit_object(raw) == ("Ann Author", "ann@example.com", "Caf\xe9 cr\xe8me")


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        (b"tree x\nauthor Ann <a@x> 1 +0000\nencoding klingon\n\n\xc3\xa9t\xe9\n",
         ("Ann", "a@x", "\xe9t\ufffd")),
        (b"tree x\nauthor Ann\n\nHi\n", ("Ann", "", "Hi")),
        (b"tree x\n\nNo author", ("", "", "No author")),
        (b"", ("", "", "")),
    ],
)
def test_odd_commit_objects(raw: bytes, parsed: tuple[str, str, str]) -> None:
    assert parse_commit_object(raw) == parsed
