"""The change log (pac/changes/changelog.py) called directly on real git repositories."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import pytest
from conftest import REFERENCE
from gitrepo import GitRepo, reference_history

from pac.changes import walk
from pac.changes.changelog import (
    SHALLOW_HINT,
    Changelog,
    Entry,
    Unread,
    aliases_of,
    build_changelog,
    pull_request,
    repository_with,
)
from pac.changes.entities import EntityChange
from pac.changes.fields import FieldChange
from pac.errors import PacError
from pac.git import Repository


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """The reference portfolio in one commit."""
    return reference_history(tmp_path / "repo")


def log_of(repo: GitRepo, prefix: str = "portfolio/", **options: object) -> Changelog:
    return build_changelog(Repository(repo.path), prefix, **options)  # type: ignore[arg-type]


def newest(repo: GitRepo, prefix: str = "portfolio/") -> Entry:
    return log_of(repo, prefix).entries[0]


def committed(repo: GitRepo, sha: str) -> datetime.datetime:
    """The committer date, as git itself prints it."""
    return datetime.datetime.fromisoformat(repo.git("show", "-s", "--format=%cI", sha))


@pytest.mark.parametrize(
    ("path", "change"),
    [
        ("teams/team-claims.yaml", EntityChange("team", "team-claims", "removed", "Claims Team")),
        ("capabilities/fraud-management.yaml",
         EntityChange("capability", "fraud-management", "removed", "Fraud Management")),
        ("objectives/digital-self-service.yaml",
         EntityChange("objective", "digital-self-service", "removed",
                      "Move 70% of customer servicing to digital self-service")),
        ("funding/FY2027.yaml", EntityChange("funding", "FY2027", "removed", "FY2027")),
        ("portfolio.yaml",
         EntityChange("portfolio", "portfolio", "removed", "Northwind Mutual")),
        ("products/fraud-scoring.yaml",
         EntityChange("product", "fraud-scoring", "removed", "Fraud Scoring Service")),
    ],
)
def test_a_commit_that_only_deletes_a_file_removes_its_entity(
    repo: GitRepo, path: str, change: EntityChange
) -> None:
    repo.git("rm", "-q", f"portfolio/{path}")
    sha = repo.commit(f"Delete {path}")
    entry = newest(repo)
    assert (entry.commit, entry.title, entry.changes, entry.notes) == (
        sha, f"Delete {path}", (change,), ())


def test_an_entry_has_who_when_which_pull_request_and_what(repo: GitRepo) -> None:
    repo.edit("portfolio/products/fraud-scoring.yaml", "stage: build", "stage: live")
    sha = repo.commit("Fraud scoring goes live (#21)\n\nIt passed its pilot.",
                      author="Bea Builder", email="bea@example.com")
    log = log_of(repo)
    assert log.truncated is False
    assert len(log.entries) == 2
    assert log.entries[0] == Entry(
        sha, committed(repo, sha), "Bea Builder", "bea@example.com",
        "Fraud scoring goes live (#21)", 21,
        (EntityChange("product", "fraud-scoring", "changed", "Fraud Scoring Service",
                      changes=(FieldChange("lifecycle.stage", "build", "live"),)),),
    )
    first = log.entries[1]
    assert (first.title, first.pull_request, first.author) == (
        "Start the portfolio", None, "Ann Author")
    assert [c.ref for c in first.changes] == [
        "product:claims-portal", "product:customer-identity", "product:fraud-scoring",
        "team:team-claims", "team:team-risk-data", "capability:claims-and-risk",
        "capability:claims-management", "capability:customer-management",
        "capability:fraud-management", "objective:digital-self-service", "funding:FY2027",
        "portfolio:portfolio"]
    assert {c.status for c in first.changes} == {"added"}


def test_commits_that_change_nothing_pac_reads_are_left_out(repo: GitRepo) -> None:
    repo.write("portfolio/products/notes.txt", "id: notes\n")
    repo.write("portfolio/products/.hidden.yaml", "id: hidden\n")
    repo.write("portfolio/stray.yaml", "id: stray\n")
    repo.write("elsewhere/products/x.yaml", "id: x\n")
    repo.commit("Files pac does not read")
    repo.edit("portfolio/teams/team-claims.yaml", "# yaml-language", "# the yaml-language")
    repo.commit("A comment only")
    assert [e.title for e in log_of(repo).entries] == ["Start the portfolio"]


@pytest.mark.parametrize("prefix", ["portfolio", "portfolio/", "/portfolio/"])
def test_the_folder_may_be_named_with_or_without_slashes(repo: GitRepo, prefix: str) -> None:
    repo.write("other/teams/t.yaml", "id: t\nname: T\n")
    repo.commit("Another folder's team")
    assert [e.title for e in log_of(repo, prefix).entries] == ["Start the portfolio"]


def test_a_portfolio_at_the_root_of_the_repository(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "root")
    repo.write("portfolio.yaml", "name: Root\n")
    repo.write("teams/t.yaml", "id: t\nname: T\n")
    repo.write("docs/teams/u.yaml", "id: u\nname: U\n")
    repo.commit("Start")
    [entry] = log_of(repo, "").entries
    assert [(c.ref, c.name) for c in entry.changes] == [("team:t", "T"),
                                                       ("portfolio:portfolio", "Root")]


def test_ids_come_from_the_file_or_else_its_name(repo: GitRepo) -> None:
    # the same content in two files: each is parsed under its own name
    repo.write("portfolio/teams/alpha.yaml", "name: Same\n")
    repo.write("portfolio/teams/beta.yaml", "name: Same\n")
    repo.write("portfolio/teams/gamma.yaml", "id: 7\nname: Seven\n")
    repo.write("portfolio/funding/FY2030.yaml", "period: FY2031\nenvelope: 1\n")
    repo.write("portfolio/funding/FY2032.yaml", "id: x\nenvelope: 1\n")
    repo.commit("New files")
    assert [(c.ref, c.name) for c in newest(repo).changes] == [
        ("team:alpha", "Same"), ("team:beta", "Same"), ("team:gamma", "Seven"),
        ("funding:FY2031", "FY2031"), ("funding:FY2032", "x")]


def test_the_settings_are_one_entity_whatever_they_say(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "r")
    repo.write("p/portfolio.yaml", "id: acme\nname: Acme\n")
    repo.commit("Start")
    repo.edit("p/portfolio.yaml", "name: Acme", "name: Acme Ltd")
    repo.commit("Rename the company")
    assert newest(repo, "p").changes == (
        EntityChange("portfolio", "portfolio", "changed", "Acme Ltd",
                     changes=(FieldChange("name", "Acme", "Acme Ltd"),)),)


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"name: caf\xe9\n", "it is not valid UTF-8"),
        (b"", "it is empty or not a mapping"),
        (b"- a\n- b\n", "it is empty or not a mapping"),
        (b"id: x\nname: [broken\n", "while parsing a flow sequence did not find expected "
         "',' or ']' (from line 2) (line 3)"),
    ],
)
def test_an_unreadable_file_is_a_note_and_its_last_version_stands(
    repo: GitRepo, content: bytes, why: str
) -> None:
    path = repo.path / "portfolio" / "teams" / "team-claims.yaml"
    text = path.read_text()
    path.write_bytes(content)
    broken = repo.commit("Break it")
    path.write_text(text.replace("name: Claims Team", "name: Claims Crew"))
    repo.commit("Mend it")
    mended, entry = log_of(repo).entries[:2]
    assert (entry.commit, entry.changes) == (broken, ())
    [note] = entry.notes
    assert note == Unread("portfolio/teams/team-claims.yaml", why)
    assert mended.changes == (
        EntityChange("team", "team-claims", "changed", "Claims Crew",
                     changes=(FieldChange("name", "Claims Team", "Claims Crew"),)),)


def test_a_new_file_that_cannot_be_read_is_only_a_note(repo: GitRepo) -> None:
    repo.write("portfolio/teams/t.yaml", "id: t\nname: Tee\n")
    repo.write("portfolio/teams/a.yaml", "id: u\nname: [broken\n")  # a.yaml comes first
    repo.commit("Two teams, one broken")
    entry = newest(repo)
    assert entry.changes == (EntityChange("team", "t", "added", "Tee"),)
    assert entry.notes == (Unread("portfolio/teams/a.yaml", "while parsing a flow sequence did "
                                  "not find expected ',' or ']' (from line 2) (line 3)"),)


def test_a_file_deleted_while_broken_removes_its_last_readable_version(repo: GitRepo) -> None:
    repo.write("portfolio/teams/team-claims.yaml", "name: [broken\n")
    repo.commit("Break it")
    repo.git("rm", "-q", "portfolio/teams/team-claims.yaml")
    repo.commit("Delete it")
    assert newest(repo).changes == (
        EntityChange("team", "team-claims", "removed", "Claims Team"),)


def test_deleting_a_file_that_was_never_readable_changes_nothing(repo: GitRepo) -> None:
    repo.write("portfolio/teams/u.yaml", "id: u\nname: [broken\n")
    repo.commit("A broken team")
    repo.git("rm", "-q", "portfolio/teams/u.yaml")
    repo.commit("Delete it")
    assert [e.title for e in log_of(repo).entries] == ["A broken team", "Start the portfolio"]


def test_a_file_is_read_up_to_the_size_limit(repo: GitRepo) -> None:
    start = "id: t\nname: Tee\n# "
    repo.write("portfolio/teams/t.yaml", start + "x" * (1_048_576 - len(start) - 1) + "\n")
    repo.write("portfolio/teams/u.yaml", start + "x" * (1_048_577 - len(start) - 1) + "\n")
    repo.commit("A team at the limit, one over it")
    entry = newest(repo)
    assert entry.changes == (EntityChange("team", "t", "added", "Tee"),)
    assert entry.notes == (Unread("portfolio/teams/u.yaml",
                                  "file is 1,048,577 bytes, over the limit of 1,048,576"),)


def test_a_version_the_clone_lacks_is_a_note(repo: GitRepo) -> None:
    repo.write("portfolio/teams/t.yaml", "id: t\nname: Tee\n")
    repo.commit("A team")
    blob = repo.git("rev-parse", "HEAD:portfolio/teams/t.yaml")
    (repo.path / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    entry = newest(repo)
    assert (entry.title, entry.changes) == ("A team", ())
    assert entry.notes == (Unread("portfolio/teams/t.yaml",
                                  "git does not have this version of it"),)


def test_the_same_content_in_two_kinds_of_file_is_an_entity_of_each(repo: GitRepo) -> None:
    repo.write("portfolio/products/same.yaml", "name: Same\n")
    repo.write("portfolio/teams/same.yaml", "name: Same\n")
    repo.commit("Two files alike")
    assert [(c.ref, c.name) for c in newest(repo).changes] == [
        ("product:same", "Same"), ("team:same", "Same")]


def test_a_file_whose_id_changes_removes_one_entity_and_adds_another(repo: GitRepo) -> None:
    repo.edit("portfolio/teams/team-claims.yaml", "id: team-claims", "id: team-claim")
    repo.commit("A new id")
    assert newest(repo).changes == (
        EntityChange("team", "team-claim", "added", "Claims Team"),
        EntityChange("team", "team-claims", "removed", "Claims Team"),
    )


def rename_in_two_commits(repo: GitRepo, previous: str) -> None:
    repo.git("rm", "-q", "portfolio/products/fraud-scoring.yaml")
    repo.commit("Remove fraud scoring")
    repo.write("portfolio/products/fraud.yaml",
               (REFERENCE / "products" / "fraud-scoring.yaml").read_text()
               .replace("id: fraud-scoring", f"id: fraud\nprevious_ids: {previous}"))
    repo.commit("Bring it back as fraud")


def test_a_rename_over_two_commits_is_a_rename(repo: GitRepo) -> None:
    rename_in_two_commits(repo, "[fraud-old, 3, fraud-scoring, claims-portal]")
    back, gone = log_of(repo).entries[:2]
    assert gone.changes == (
        EntityChange("product", "fraud-scoring", "removed", "Fraud Scoring Service"),)
    assert back.changes == (
        EntityChange("product", "fraud", "renamed", "Fraud Scoring Service", "fraud-scoring"),)


@pytest.mark.parametrize("previous", ["fraud-scoring", "[fraud-old]", "[claims-portal]"])
def test_an_addition_that_names_no_removed_id_is_an_addition(repo: GitRepo,
                                                             previous: str) -> None:
    rename_in_two_commits(repo, previous)
    assert newest(repo).changes == (
        EntityChange("product", "fraud", "added", "Fraud Scoring Service"),)


def test_a_removed_id_of_another_kind_is_no_rename(repo: GitRepo) -> None:
    repo.git("rm", "-q", "portfolio/teams/team-claims.yaml")
    repo.commit("Remove the team")
    repo.write("portfolio/products/p.yaml", "id: p\nname: P\nprevious_ids: [team-claims]\n")
    repo.commit("A product that names the team")
    assert newest(repo).changes == (EntityChange("product", "p", "added", "P"),)


def test_following_an_entity_across_renames(repo: GitRepo) -> None:
    rename_in_two_commits(repo, "[fraud-scoring]")
    repo.git("mv", "portfolio/products/fraud.yaml", "portfolio/products/fraud-2.yaml")
    repo.edit("portfolio/products/fraud-2.yaml", "id: fraud\n", "id: fraud-2\n")
    repo.edit("portfolio/products/fraud-2.yaml", "[fraud-scoring]", "[fraud-scoring, fraud]")
    repo.commit("And again")
    repo.edit("portfolio/products/claims-portal.yaml", "stage: live", "stage: sunset")
    repo.commit("Unrelated")
    log = log_of(repo)
    assert aliases_of(log, "product:fraud-2") == {"fraud-2", "fraud", "fraud-scoring"}
    assert aliases_of(log, "team:fraud-2") == {"fraud-2"}
    assert [(e.title, [(c.status, c.id, c.old_id) for c in e.changes])
            for e in log.for_entity("product:fraud-2")] == [
        ("And again", [("renamed", "fraud-2", "fraud")]),
        ("Bring it back as fraud", [("renamed", "fraud", "fraud-scoring")]),
        ("Remove fraud scoring", [("removed", "fraud-scoring", None)]),
        ("Start the portfolio", [("added", "fraud-scoring", None)]),
    ]
    assert log.for_entity("team:fraud-2") == []


def test_an_id_with_a_colon_is_followed_whole(repo: GitRepo) -> None:
    repo.write("portfolio/teams/odd.yaml", 'id: "a:b"\nname: Odd\n')
    repo.commit("An odd id")
    log = log_of(repo)
    assert aliases_of(log, "team:a:b") == {"a:b"}
    assert [(e.title, [c.ref for c in e.changes]) for e in log.for_entity("team:a:b")] == [
        ("An odd id", ["team:a:b"])]


def test_since_and_until_keep_the_days_they_name(repo: GitRepo) -> None:
    shas = [repo.git("rev-parse", "HEAD")]
    for name in ("One", "Two", "Three"):
        repo.edit("portfolio/teams/team-claims.yaml", "name: ", f"name: {name} ")
        shas.append(repo.commit(f"Name {name}"))
    days = [committed(repo, sha).date().isoformat() for sha in shas]
    assert len(set(days)) == 4  # one a day, or more apart
    titles = ["Name Three", "Name Two", "Name One", "Start the portfolio"]

    def between(since: str | None, until: str | None) -> list[str]:
        return [e.title for e in log_of(repo, since=since, until=until).entries]

    assert between(days[1], None) == titles[:3]
    assert between(None, days[2]) == titles[1:]
    assert between(days[1], days[2]) == titles[1:3]
    assert between(days[2], days[2]) == [titles[1]]
    assert between(None, None) == titles


def test_progress_counts_every_commit_walked(repo: GitRepo) -> None:
    repo.write("portfolio/teams/notes.txt", "not read\n")
    repo.commit("Notes")
    repo.edit("portfolio/teams/team-claims.yaml", "name: Claims Team", "name: Claims Crew")
    repo.commit("Rename")
    seen: list[int] = []
    log = log_of(repo, progress=seen.append)
    assert seen == [1, 2, 3]
    assert [e.title for e in log.entries] == ["Rename", "Start the portfolio"]


def test_history_read_in_windows_is_the_same_log(repo: GitRepo,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("A", "B", "C", "D"):
        repo.edit("portfolio/teams/team-claims.yaml", "name: ", f"name: {name}")
        repo.commit(f"Name {name}")
    whole = log_of(repo)
    monkeypatch.setattr(walk, "WINDOW", 2)
    assert log_of(repo) == whole
    assert [e.title for e in whole.entries] == [
        "Name D", "Name C", "Name B", "Name A", "Start the portfolio"]
    assert whole.entries[0].changes[0].changes == (
        FieldChange("name", "CBAClaims Team", "DCBAClaims Team"),)


def test_history_is_read_in_windows_of_the_size_given(repo: GitRepo) -> None:
    for name in ("A", "B", "C", "D"):
        repo.edit("portfolio/teams/team-claims.yaml", "name: ", f"name: {name}")
        repo.commit(f"Name {name}")
    commits = list(Repository(repo.path).first_parent_log("portfolio"))
    windows = walk._windows(iter(commits), 2)
    assert [[c.message.strip() for c in window] for window in windows] == [
        ["Start the portfolio", "Name A"], ["Name B", "Name C"], ["Name D"]]


def test_the_log_as_of_a_revision(repo: GitRepo) -> None:
    repo.edit("portfolio/teams/team-claims.yaml", "name: Claims Team", "name: Claims Crew")
    repo.commit("Rename")
    assert [e.title for e in log_of(repo, rev="HEAD~1").entries] == ["Start the portfolio"]


def test_a_shallow_clone_stops_unless_allowed(repo: GitRepo, tmp_path: Path) -> None:
    repo.edit("portfolio/teams/team-claims.yaml", "name: Claims Team", "name: Claims Crew")
    repo.commit("Rename")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.path}", str(clone)],
                   check=True)
    with pytest.raises(PacError) as raised:
        build_changelog(Repository(clone), "portfolio/")
    assert raised.value.message == SHALLOW_HINT
    log = build_changelog(Repository(clone), "portfolio/", allow_shallow=True)
    assert log.truncated is True
    assert [e.title for e in log.entries] == ["Rename"]


@pytest.mark.parametrize(
    ("message", "number"),
    [
        ("Merge pull request #12 from northwind/go-live", 12),
        ("More funding for claims (#14)", 14),
        ("More funding for claims (#14)  \n\nbody", 14),
        ("Fix (#3) typo", None),
        ("Merge branch 'main'", None),
        ("A merge\n\nMerge pull request #12 from x", None),
        ("Title\n(#9)", None),
        ("Title \x1e (#15)", 15),
        ("Merged pull request #12", None),
    ],
)
def test_the_pull_request_a_title_names(message: str, number: int | None) -> None:
    assert pull_request(message) == number


def test_repository_with_a_revision_only(repo: GitRepo, tmp_path: Path) -> None:
    found = repository_with(repo.path / "portfolio", "HEAD")
    assert found is not None and found.root == repo.path.resolve()
    assert repository_with(repo.path, "no-such-branch") is None
    (tmp_path / "plain").mkdir()
    assert repository_with(tmp_path / "plain", "HEAD") is None
    empty = GitRepo(tmp_path / "empty")
    assert repository_with(empty.path, "HEAD") is None
