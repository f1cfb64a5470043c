"""pac diff's roadmap-promise-removed: a theme promised for this quarter (2026-Q4 on
2026-11-22) or an earlier one, deleted instead of marked done or dropped, in real
repositories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepo import GitRepo, reference_history
from support import P, inside, pac

from pac.cli import cli

PORTAL = P + "claims-portal.yaml"
HINT = ("mark it `status: done` or `status: dropped` instead of deleting it, so the record "
        "of promises kept stays true")
PROMISED = """roadmap:
  - quarter: 2026-Q3
    themes:
      - Legacy claims export
      - {theme: Fraud alerts, status: done}
  - quarter: 2026-Q4
    themes:
      - {theme: Fraud flags on claims, status: in-progress}
      - Carried over
      - {theme: Dropped one, status: dropped}
"""
FUTURE = """  - quarter: 2027-Q1
    themes:
      - Photo-based damage assessment
      - Claim status notifications
"""


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """The reference portfolio with Claims Portal's promises for 2026-Q3 and 2026-Q4, on
    main; the pull request is on `proposal`."""
    repo = reference_history(tmp_path / "repo")
    repo.edit(PORTAL, "roadmap:\n", PROMISED)
    repo.commit("Promise")
    repo.git("checkout", "-q", "-b", "proposal")
    return repo


def _introduced(repo: GitRepo, *args: str) -> list[dict[str, object]]:
    repo.commit("Proposal")
    code, out = pac(repo, "diff", "main", "proposal", "--format", "json", *args)
    assert code == 0, out
    found = json.loads(out)["findings"]["introduced"]
    return [f for f in found if f["rule"] == "roadmap-promise-removed"]


def _line_of(repo: GitRepo, name: str, text: str) -> int:
    lines = (repo.path / name).read_text().splitlines()
    return lines.index(text) + 1


def test_deleted_promises_are_introduced_findings(repo: GitRepo) -> None:
    # the past and present quarters go; one open theme moves on, one future theme goes
    repo.edit(PORTAL, PROMISED, "roadmap:\n")
    repo.edit(PORTAL, "      - Claim status notifications\n", "")
    repo.edit(PORTAL, "      - Partner repair-shop booking\n",
              "      - Partner repair-shop booking\n      - carried   OVER\n")
    found = _introduced(repo)
    line = _line_of(repo, PORTAL, "roadmap:")
    assert [(f["file"], f["line"], f["column"], f["severity"], f["entity"], f["path"],
             f["message"], f["hint"]) for f in found] == [
        (PORTAL, line, 1, "warning", "product:claims-portal", "roadmap",
         f"'{theme}', promised for {quarter}, is no longer on the roadmap and was not "
         "marked done or dropped", HINT)
        for theme, quarter in (("Fraud flags on claims", "2026-Q4"),  # by message
                               ("Legacy claims export", "2026-Q3"))
    ]


def test_every_report_shows_them(repo: GitRepo) -> None:
    repo.edit(PORTAL, "      - Legacy claims export\n", "")
    repo.commit("Proposal")
    line = _line_of(repo, PORTAL, "roadmap:")
    code, text = pac(repo, "diff", "main", "proposal")
    assert code == 0, text
    assert (f"introduced: {PORTAL}:{line}:1: warning roadmap-promise-removed 'Legacy claims "
            "export', promised for 2026-Q3, is no longer on the roadmap and was not marked "
            "done or dropped\n") in text
    assert "  * 1 warning introduced\n" in text
    code, comment = pac(repo, "diff", "main", "proposal", "--format", "markdown")
    assert code == 0, comment
    assert (f"- **warning** `roadmap-promise-removed` {PORTAL}:{line} 'Legacy claims "
            "export', promised for 2026-Q3") in comment


def test_closed_carried_and_future_themes_are_not_promises_removed(repo: GitRepo) -> None:
    repo.edit(PORTAL, "      - {theme: Fraud alerts, status: done}\n", "")
    repo.edit(PORTAL, "      - {theme: Dropped one, status: dropped}\n", "")
    repo.edit(PORTAL, "      - {theme: Fraud flags on claims, status: in-progress}\n", "")
    repo.edit(PORTAL, "      - Legacy claims export\n",
              "      - {theme: Fraud flags on claims, status: planned}\n")  # moved back
    repo.edit(PORTAL, "      - Carried over\n", "      - New idea\n")
    repo.edit(PORTAL, FUTURE, FUTURE.replace("      - Claim status notifications\n",
                                             "      - {theme: Carried over}\n"))
    repo.edit(PORTAL, "      - Photo-based damage assessment\n", "")
    assert [f["message"] for f in _introduced(repo)] == [
        "'Legacy claims export', promised for 2026-Q3, is no longer on the roadmap and was "
        "not marked done or dropped"]


def test_a_renamed_product_is_followed_and_a_removed_one_is_not_flagged(
    repo: GitRepo,
) -> None:
    repo.git("checkout", "-q", "main")
    repo.edit(P + "fraud-scoring.yaml", "quarter: 2027-Q1", "quarter: 2026-Q4")
    repo.commit("Fraud scoring promises for this quarter")
    repo.git("checkout", "-q", "proposal")
    repo.git("rebase", "-q", "main")
    repo.git("mv", PORTAL, P + "claims-hub.yaml")
    hub = P + "claims-hub.yaml"
    repo.edit(hub, "id: claims-portal", "id: claims-hub\nprevious_ids: [claims-portal]")
    repo.edit(hub, "      - Carried over\n", "")
    repo.edit("portfolio/funding/FY2027.yaml", "product: claims-portal", "product: claims-hub")
    repo.git("rm", "-q", P + "fraud-scoring.yaml")
    repo.edit(P + "claims-hub.yaml", "customer-identity, fraud-scoring",
              "customer-identity")
    found = _introduced(repo)
    assert [(f["file"], f["entity"], f["message"]) for f in found] == [
        (hub, "product:claims-hub", "'Carried over', promised for 2026-Q4, is no longer on "
         "the roadmap and was not marked done or dropped")]


def test_a_roadmap_deleted_whole_points_at_the_first_line(repo: GitRepo) -> None:
    text = (repo.path / PORTAL).read_text()
    start, end = text.index("roadmap:\n"), text.index("technology:\n")
    (repo.path / PORTAL).write_text(text[:start] + text[end:])
    found = _introduced(repo)
    assert {(f["line"], f["column"]) for f in found} == {(1, 1)}
    assert len(found) == 3  # Legacy claims export, Fraud flags on claims, Carried over


def test_a_roadmap_that_does_not_read_is_not_a_promise_removed(repo: GitRepo) -> None:
    repo.edit(PORTAL, "      - Carried over\n", "      - Carried over\n      - 42\n")
    repo.edit(PORTAL, "  - quarter: 2026-Q3\n", "  - quarter: 2026-Q3\n    owner: nobody\n")
    repo.commit("Proposal")
    code, out = pac(repo, "diff", "main", "proposal")
    assert code == 0, out
    assert "error unknown-field" in out
    assert "roadmap-promise-removed" not in out


def test_portfolio_yaml_sets_its_severity(repo: GitRepo) -> None:
    repo.edit(PORTAL, "      - Carried over\n", "")
    repo.edit("portfolio/portfolio.yaml", "roadmap-overloaded: error",
              "roadmap-overloaded: error\n  roadmap-promise-removed: error")
    repo.commit("Proposal")
    code, out = pac(repo, "diff", "main", "proposal", "--fail-on-new-errors")
    assert code == 1, out
    assert "  * 1 error introduced\n" in out
    assert "error roadmap-promise-removed 'Carried over'" in out
    repo.edit("portfolio/portfolio.yaml", "roadmap-promise-removed: error",
              "roadmap-promise-removed: 'off'")
    assert _introduced(repo) == []
    # validation knows the rule, but never makes its findings
    code, out = pac(repo, "validate", "portfolio")
    assert code == 0, out
    assert "rule-override" not in out and "roadmap-promise-removed" not in out
    with inside(repo.path):
        listed = CliRunner().invoke(cli, ["rules"]).output
    assert "roadmap-promise-removed       warning  A change deletes a roadmap theme" in listed


def test_a_theme_done_in_one_quarter_and_promised_again_in_the_next_is_a_new_promise(
    repo: GitRepo,
) -> None:
    """Done in 2026-Q3 does not close the same words planned again for 2026-Q4."""
    repo.edit(PORTAL, "      - Carried over\n", "      - Fraud  ALERTS\n")  # case and spacing
    repo.commit("Fraud alerts again", on="2026-11-01")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--ff-only", "proposal")
    repo.git("checkout", "-q", "-b", "second")
    repo.edit(PORTAL, "      - Fraud  ALERTS\n", "")
    repo.edit(PORTAL, "      - {theme: Fraud alerts, status: done}\n", "")
    repo.commit("Tidy", on="2026-11-02")
    code, out = pac(repo, "diff", "main", "second", "--format", "json", "--today", "2026-11-22")
    assert code == 0, out
    found = [f for f in json.loads(out)["findings"]["introduced"]
             if f["rule"] == "roadmap-promise-removed"]
    assert [f["message"] for f in found] == [
        "'Fraud  ALERTS', promised for 2026-Q4, is no longer on the roadmap and was not "
        "marked done or dropped"]
