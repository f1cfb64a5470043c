"""pac changelog over real git histories: merges, squashes, renames, broken files, shallow."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REFERENCE, REPO
from gitrepo import GitRepo, reference_history
from support import P, inside

from pac.cli import cli


def pac(repo: GitRepo, *args: str) -> tuple[int, str]:
    with inside(repo.path):
        result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.fixture
def history(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.copy(REFERENCE, "portfolio")
    repo.commit("Start the portfolio", author="Olu Owner", email="olu@example.com")
    # a pull request merged with a merge commit
    repo.git("checkout", "-q", "-b", "go-live")
    repo.edit(P + "fraud-scoring.yaml", "stage: build", "stage: live")
    repo.commit("Fraud scoring goes live", author="Bea Builder", email="bea@example.com")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "go-live", "-m",
             "Merge pull request #12 from northwind/go-live", author="Mia Merger",
             email="mia@example.com")
    # a squash-merged pull request
    repo.edit("portfolio/funding/FY2027.yaml", "change: 650000", "change: 770000")
    repo.commit("More change funding for the claims portal (#14)", author="Finn Finance",
                email="finn@example.com")
    return repo


def test_entries_name_author_and_pull_request(history: GitRepo) -> None:
    code, out = pac(history, "changelog", "--format", "json")
    assert code == 0, out
    log = json.loads(out)
    assert log["version"] == 2 and log["truncated"] is False
    summary = [(e["author"], e["pull_request"], e["title"]) for e in log["entries"]]
    assert summary == [
        ("Finn Finance", 14, "More change funding for the claims portal (#14)"),
        ("Mia Merger", 12, "Merge pull request #12 from northwind/go-live"),
        ("Olu Owner", None, "Start the portfolio"),
    ]
    newest, merge, first = log["entries"]
    assert newest["changes"] == [{
        "entity": "funding:FY2027", "kind": "funding", "id": "FY2027", "status": "changed",
        "name": "FY2027", "old_id": None,
        "changes": [{"path": "allocations[claims-portal].change", "kind": "value",
                     "old": 650000, "new": 770000}]}]
    assert merge["changes"][0]["changes"] == [
        {"path": "lifecycle.stage", "kind": "value", "old": "build", "new": "live"}]
    assert {c["entity"] for c in first["changes"]} >= {"product:claims-portal", "team:team-claims",
                                                       "portfolio:portfolio"}
    assert all(c["status"] == "added" for c in first["changes"])
    assert len(newest["commit"]) == 40 and newest["date"].endswith("+00:00")


def test_markdown_links_commits_and_pull_requests(history: GitRepo) -> None:
    code, out = pac(history, "changelog")
    assert code == 0
    assert out.startswith("# Change log\n\n## ")
    assert "[#12](https://github.com/northwind/portfolio/pull/12)" in out
    assert "https://github.com/northwind/portfolio/commit/" in out
    assert "By Mia Merger." in out
    assert out.index("#14") < out.index("#12")  # newest first


def test_rename_across_commits_and_entity_history(history: GitRepo) -> None:
    history.git("rm", "-q", P + "customer-identity.yaml")
    history.commit("Retire the old identity file for now")
    history.write(P + "identity.yaml", (REFERENCE / "products" / "customer-identity.yaml")
                  .read_text().replace("id: customer-identity", "id: identity")
                  .replace("[customer-login]", "[customer-login, customer-identity]"))
    history.commit("Bring it back as identity")
    code, out = pac(history, "changelog", "--format", "json", "--entity", "product:identity")
    assert code == 0, out
    entries = json.loads(out)["entries"]
    statuses = [(c["status"], c["id"], c["old_id"]) for e in entries for c in e["changes"]]
    assert statuses == [("renamed", "identity", "customer-identity"),
                        ("removed", "customer-identity", None),
                        ("added", "customer-identity", None)]


def test_a_broken_file_is_noted_and_the_log_goes_on(history: GitRepo) -> None:
    history.edit(P + "claims-portal.yaml", "name: Claims Portal", "name: [Claims Portal")
    history.commit("Oops")
    history.edit(P + "claims-portal.yaml", "name: [Claims Portal", "name: Claims Web")
    history.commit("Fix and rename")
    code, out = pac(history, "changelog", "--format", "json", "--since", "2026-01-01")
    assert code == 0
    fixed, broken = json.loads(out)["entries"][:2]
    assert broken["title"] == "Oops" and broken["changes"] == []
    assert broken["notes"][0].startswith(
        "portfolio/products/claims-portal.yaml could not be read at this commit")
    assert fixed["changes"][0]["changes"] == [
        {"path": "name", "kind": "value", "old": "Claims Portal", "new": "Claims Web"}]


def test_since_and_until(history: GitRepo) -> None:
    dates = [json.loads(pac(history, "changelog", "--format", "json")[1])["entries"][i]["date"]
             for i in range(3)]
    middle = dates[1][:10]
    code, out = pac(history, "changelog", "--format", "json", "--since", middle)
    assert code == 0
    assert [e["pull_request"] for e in json.loads(out)["entries"]] == [14, 12]
    code, out = pac(history, "changelog", "--format", "json", "--until", middle)
    assert code == 0
    assert [e["pull_request"] for e in json.loads(out)["entries"]] == [12, None]


def test_shallow_clone_stops_unless_allowed(history: GitRepo, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{history.path}",
                    str(clone)], check=True)
    shallow = GitRepo.__new__(GitRepo)
    shallow.path = clone
    code, out = pac(shallow, "changelog")
    assert code == 2
    assert "fetch-depth: 0" in out
    code, out = pac(shallow, "changelog", "--format", "json", "--allow-shallow")
    assert code == 0
    assert json.loads(out)["truncated"] is True


def test_odd_shapes_in_old_files_do_not_stop_the_log(history: GitRepo) -> None:
    history.edit(P + "fraud-scoring.yaml", "tags: [ml]", "tags: [ml]\nprevious_ids: [{a: 1}]")
    history.edit("portfolio/funding/FY2027.yaml", "allocations:", "allocations: 5\nx:")
    history.commit("Odd shapes")
    history.git("mv", P + "claims-portal.yaml", P + "claims-web.yaml")
    history.edit(P + "claims-web.yaml", "id: claims-portal", "id: claims-web\n"
                 "previous_ids: [claims-portal, 7, {b: 2}]")
    history.commit("Rename among odd shapes")
    code, out = pac(history, "changelog", "--format", "json")
    assert code == 0, out
    newest = json.loads(out)["entries"][0]
    assert [(c["status"], c["id"], c["old_id"]) for c in newest["changes"]] == [
        ("renamed", "claims-web", "claims-portal")]


def test_only_portfolio_yaml_files_are_entities(history: GitRepo) -> None:
    history.write(P + "notes.txt", "Title: hi\n")
    history.write(P + "README.md", "# Products\n")
    history.write(P + ".gitkeep", "")
    history.commit("Notes beside the products")
    code, out = pac(history, "changelog", "--format", "json")
    assert code == 0
    newest = json.loads(out)["entries"][0]
    assert newest["title"] != "Notes beside the products"


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def test_any_character_in_messages_names_and_paths(history: GitRepo) -> None:
    history.edit(P + "fraud-scoring.yaml", "name: Fraud Scoring Service", "name: Fraud Scoring")
    history.write(P + "odd\x1e\x1f name\x1b.txt", "not part of the portfolio\n")
    history.commit("Rename \x1e the\x1f service\x1b[2J (#15)\n\nwhy:\x1e\x1f\x07",
                   author="Eve\x1f\x1eEvil", email="eve\x1e@example.com")
    history.edit(P + "fraud-scoring.yaml", "name: Fraud Scoring", "name: Fraud Scores")
    history.commit("A later change")
    code, out = pac(history, "changelog", "--format", "json")
    assert code == 0, out
    later, odd = json.loads(out)["entries"][:2]
    assert later["title"] == "A later change"
    assert (odd["title"], odd["author"], odd["email"], odd["pull_request"]) == (
        "Rename \x1e the\x1f service\x1b[2J (#15)", "Eve\x1f\x1eEvil", "eve\x1e@example.com", 15)
    assert odd["changes"][0]["changes"] == [
        {"path": "name", "kind": "value", "old": "Fraud Scoring Service", "new": "Fraud Scoring"}]
    code, out = pac(history, "changelog")
    assert code == 0 and not CONTROL.search(out)
    assert "Rename   the  service \\[2J \\(\\#15\\)" in out and "By Eve Evil." in out
    code, out = pac(history, "changelog", "--format", "text")
    assert code == 0 and not CONTROL.search(out)
    assert "\n2026-01-16 Rename   the  service [2J (#15)\n  By Eve Evil, pull request #15" in out
    # history is on by default in pac build: the site shows the same, without the characters
    code, out = pac(history, "build", "portfolio", "--out", "site", "--today", "2026-11-22")
    assert code == 0, out
    page = (history.path / "site" / "changelog.html").read_text()
    assert "Rename   the  service [2J (#15)" in page and "By Eve  Evil" in page
    assert not any(CONTROL.search(p.read_text()) for p in (history.path / "site").rglob("*.html"))


def test_a_file_over_the_limit_in_history_is_noted_not_read(history: GitRepo) -> None:
    from pac.load.files import MAX_FILE_BYTES

    text = "id: huge\nname: Huge\n# " + "x" * MAX_FILE_BYTES * 3 + "\n"
    history.write(P + "huge.yaml", text)
    sha = history.commit("A huge product file")
    history.write(P + "huge.yaml", "id: huge\nname: Huge\n")
    history.commit("A small one")
    code, out = pac(history, "changelog", "--format", "json")
    assert code == 0, out
    small, huge = json.loads(out)["entries"][:2]
    assert (huge["commit"], huge["changes"]) == (sha, [])
    assert huge["notes"] == [
        f"portfolio/products/huge.yaml could not be read at this commit: file is "
        f"{len(text):,} bytes, over the limit of 1,048,576"]
    # read, it would have been an addition; the next commit's file is within the limit
    assert [(c["status"], c["id"]) for c in small["changes"]] == [("added", "huge")]


def test_entries_touching_keeps_only_the_entity_s_changes() -> None:
    import datetime

    from pac.changes.changelog import Entry, entries_touching
    from pac.changes.entities import EntityChange

    day = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    renamed = EntityChange("product", "new-id", "renamed", "New", "old-id")
    other = EntityChange("product", "other", "added", "Other")
    team = EntityChange("team", "old-id", "added", "Team")
    entries = [Entry("c1", day, "Ann", "a@x", "Rename", 3, (renamed, other, team))]
    found = entries_touching(entries, "product", {"old-id"})
    assert [e.changes for e in found] == [(renamed,)]
    assert found[0].title == "Rename" and found[0].pull_request == 3
    assert entries_touching(entries, "capability", {"old-id"}) == []


def test_commits_that_only_delete_files_are_in_the_log(history: GitRepo) -> None:
    for path in ("teams/team-claims.yaml", "capabilities/fraud-management.yaml",
                 "objectives/digital-self-service.yaml", "funding/FY2027.yaml"):
        history.git("rm", "-q", f"portfolio/{path}")
        history.commit(f"Delete {path}")
    code, out = pac(history, "changelog", "--format", "json")
    assert code == 0, out
    deletions = [(e["title"], e["changes"], e["notes"]) for e in json.loads(out)["entries"][:4]]

    def removed(kind: str, entity_id: str, name: str) -> list[dict[str, object]]:
        return [{"entity": f"{kind}:{entity_id}", "kind": kind, "id": entity_id,
                 "status": "removed", "name": name, "old_id": None, "changes": []}]

    assert deletions == [
        ("Delete funding/FY2027.yaml", removed("funding", "FY2027", "FY2027"), []),
        ("Delete objectives/digital-self-service.yaml",
         removed("objective", "digital-self-service",
                 "Move 70% of customer servicing to digital self-service"), []),
        ("Delete capabilities/fraud-management.yaml",
         removed("capability", "fraud-management", "Fraud Management"), []),
        ("Delete teams/team-claims.yaml", removed("team", "team-claims", "Claims Team"), []),
    ]


@pytest.fixture
def nested(tmp_path: Path) -> tuple[GitRepo, list[str]]:
    """Changes deep in the files: a scorecard added, then its levels changed; a product's
    stage, a team member's skills, a roadmap's quarters and the funding's allocations."""
    repo = reference_history(tmp_path / "repo")
    repo.edit("portfolio/portfolio.yaml", "rules:", "scorecard:\n  levels:\n"
              "    - name: bronze\n      checks: [owner-has-members, has-summary]\n"
              "    - name: silver\n      checks: [funded]\nrules:")
    shas = [repo.commit("Add a scorecard (#20)")]
    repo.edit("portfolio/portfolio.yaml", "checks: [funded]\n",
              "checks: [funded, value-estimated]\n"
              "    - name: gold\n      checks: [kpis-measured, has-roadmap]\n")
    shas.append(repo.commit("Gold, and silver needs value (#21)"))
    repo.edit(P + "fraud-scoring.yaml", "stage: build", "stage: live")
    repo.edit("portfolio/teams/team-claims.yaml", "skills: [ux]", "skills: [ux, testing]")
    repo.edit(P + "claims-portal.yaml", "      - Claim status notifications\n", "")
    repo.edit(P + "claims-portal.yaml", "      - Partner repair-shop booking\n",
              "      - Partner repair-shop booking\n"
              "  - quarter: 2027-Q3\n    themes: [Open claims API]\n")
    repo.edit("portfolio/funding/FY2027.yaml", "change: 650000", "change: 770000")
    repo.edit("portfolio/funding/FY2027.yaml", "  - product: fraud-scoring\n"
              "    run: 150000\n    change: 800000\n    source: cc-risk\n", "")
    shas.append(repo.commit("Fraud scoring goes live (#22)"))
    return repo, shas


def test_nested_changes_read_as_words_not_json(nested: tuple[GitRepo, list[str]]) -> None:
    repo, (scorecard, levels, live) = nested
    code, out = pac(repo, "changelog", "--since", "2026-01-05")
    assert code == 0, out
    url = "https://github.com/northwind/portfolio"
    assert out == f"""\
# Change log

## January 2026

### 2026-01-13 Fraud scoring goes live \\(\\#22\\) ([#22]({url}/pull/22), [`{live[:10]}`]({url}/commit/{live}))

By Ann Author.

- changed product:claims-portal: Claims Portal
    - roadmap\\[2027-Q1\\].themes: removed Claim status notifications
    - roadmap\\[2027-Q3\\]: added \\(themes Open claims API\\)
- changed product:fraud-scoring: Fraud Scoring Service
    - lifecycle.stage: build → live
- changed team:team-claims: Claims Team
    - members\\[Sofia Russo\\].skills: added testing
- changed funding:FY2027
    - allocations\\[claims-portal\\].change: 650,000 → 770,000
    - allocations\\[fraud-scoring\\]: removed \\(change 800,000; run 150,000; source cc-risk\\)

### 2026-01-10 Gold, and silver needs value \\(\\#21\\) ([#21]({url}/pull/21), [`{levels[:10]}`]({url}/commit/{levels}))

By Ann Author.

- changed portfolio:portfolio: Northwind Mutual
    - scorecard.levels\\[gold\\]: added \\(checks kpis-measured, has-roadmap\\)
    - scorecard.levels\\[silver\\].checks: added value-estimated

### 2026-01-07 Add a scorecard \\(\\#20\\) ([#20]({url}/pull/20), [`{scorecard[:10]}`]({url}/commit/{scorecard}))

By Ann Author.

- changed portfolio:portfolio: Northwind Mutual
    - scorecard.levels\\[bronze\\]: added \\(checks owner-has-members, has-summary\\)
    - scorecard.levels\\[silver\\]: added \\(checks funded\\)
"""  # noqa: E501


def test_nested_changes_in_json_are_leaves_and_records(nested: tuple[GitRepo, list[str]]
                                                       ) -> None:
    repo, _ = nested
    code, out = pac(repo, "changelog", "--format", "json", "--since", "2026-01-05")
    assert code == 0, out
    log = json.loads(out)
    assert log["version"] == 2
    assert [[(c["entity"], c["changes"]) for c in e["changes"]] for e in log["entries"]] == [
        [("product:claims-portal", [
            {"path": "roadmap[2027-Q1].themes", "kind": "set",
             "old": ["Claim status notifications"], "new": []},
            {"path": "roadmap[2027-Q3]", "kind": "added", "old": None,
             "new": {"themes": ["Open claims API"]}}]),
         ("product:fraud-scoring", [
             {"path": "lifecycle.stage", "kind": "value", "old": "build", "new": "live"}]),
         ("team:team-claims", [
             {"path": "members[Sofia Russo].skills", "kind": "set", "old": [],
              "new": ["testing"]}]),
         ("funding:FY2027", [
             {"path": "allocations[claims-portal].change", "kind": "value", "old": 650000,
              "new": 770000},
             {"path": "allocations[fraud-scoring]", "kind": "removed",
              "old": {"change": 800000, "run": 150000, "source": "cc-risk"}, "new": None}])],
        [("portfolio:portfolio", [
            {"path": "scorecard.levels[gold]", "kind": "added", "old": None,
             "new": {"checks": ["kpis-measured", "has-roadmap"]}},
            {"path": "scorecard.levels[silver].checks", "kind": "set", "old": [],
             "new": ["value-estimated"]}])],
        [("portfolio:portfolio", [
            {"path": "scorecard.levels[bronze]", "kind": "added", "old": None,
             "new": {"checks": ["owner-has-members", "has-summary"]}},
            {"path": "scorecard.levels[silver]", "kind": "added", "old": None,
             "new": {"checks": ["funded"]}}])],
    ]


def test_text_format_for_a_terminal(nested: tuple[GitRepo, list[str]]) -> None:
    repo, (scorecard, levels, live) = nested
    code, out = pac(repo, "changelog", "--format", "text", "--since", "2026-01-05")
    assert code == 0, out
    assert out == f"""\
January 2026
============

2026-01-13 Fraud scoring goes live (#22)
  By Ann Author, pull request #22, commit {live[:10]}.
  changed product:claims-portal: Claims Portal
    roadmap[2027-Q1].themes: removed Claim status notifications
    roadmap[2027-Q3]: added (themes Open claims API)
  changed product:fraud-scoring: Fraud Scoring Service
    lifecycle.stage: build → live
  changed team:team-claims: Claims Team
    members[Sofia Russo].skills: added testing
  changed funding:FY2027
    allocations[claims-portal].change: 650,000 → 770,000
    allocations[fraud-scoring]: removed (change 800,000; run 150,000; source cc-risk)

2026-01-10 Gold, and silver needs value (#21)
  By Ann Author, pull request #21, commit {levels[:10]}.
  changed portfolio:portfolio: Northwind Mutual
    scorecard.levels[gold]: added (checks kpis-measured, has-roadmap)
    scorecard.levels[silver].checks: added value-estimated

2026-01-07 Add a scorecard (#20)
  By Ann Author, pull request #20, commit {scorecard[:10]}.
  changed portfolio:portfolio: Northwind Mutual
    scorecard.levels[bronze]: added (checks owner-has-members, has-summary)
    scorecard.levels[silver]: added (checks funded)
"""


def _run_pac(*args: str, terminal: bool) -> str:
    """`python -m pac ARGS` with its output on a terminal (a pseudo-terminal), or a pipe."""
    leader, follower = pty.openpty() if terminal else (-1, subprocess.PIPE)
    done = subprocess.run([sys.executable, "-m", "pac", *args], stdout=follower,
                          stderr=subprocess.PIPE, cwd=REPO, timeout=60, check=True)
    if not terminal:
        return done.stdout.decode()
    os.close(follower)
    out = os.read(leader, 1 << 20).decode()
    os.close(leader)
    return out.replace("\r\n", "\n")


def test_text_on_a_terminal_markdown_when_redirected(nested: tuple[GitRepo, list[str]]) -> None:
    repo, _ = nested
    args = ("changelog", str(repo.path / "portfolio"), "--since", "2026-01-13")
    assert _run_pac(*args, terminal=True).startswith(
        "January 2026\n============\n\n2026-01-13 Fraud scoring goes live (#22)\n")
    assert _run_pac(*args, terminal=False).startswith(
        "# Change log\n\n## January 2026\n\n### 2026-01-13 Fraud scoring goes live \\(\\#22\\)")
    assert _run_pac(*args, "--format", "markdown", terminal=True).startswith("# Change log\n")
    assert _run_pac(*args, "--format", "text", terminal=False).startswith("January 2026\n")
