"""Scorecards: every check by example, levels in order, and the ratchet on a real git history."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import REFERENCE, TODAY
from gitrepo import GitRepo, reference_history
from support import pac, run

from pac.figures.scorecard import (
    CHECKS,
    Facts,
    Score,
    facts,
    level_counts,
    level_names,
    score,
    score_product,
)
from pac.findings import Finding, Severity
from pac.load.files import read_directory
from pac.model.settings import CHECK_NAMES, Scorecard, ScorecardLevel
from pac.validate import validate

PORTAL = "products/claims-portal.yaml"
CUSTOMERS = """customers:
  - segment: Home and motor policyholders
    type: external              # external | internal
  - segment: Claims handlers
    type: internal
"""


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1))

# Each check, whether the reference's Claims Portal passes it, and an edit that flips it.
EXAMPLES: dict[str, tuple[bool, str, str, str]] = {
    "owner-has-members": (True, "teams/team-claims.yaml", "members:", "former_members:"),
    "has-product-manager": (True, PORTAL, "product_manager: Ana Lima\n", ""),
    "has-summary": (True, PORTAL, "summary: Lets", "# summary: Lets"),
    "has-customers": (True, PORTAL, CUSTOMERS, "customers: []\n"),
    "has-stakeholders": (True, PORTAL, "stakeholders:\n  - name: Marcus Brandt\n"
                         "    role: Head of Claims Operations\n", ""),
    "serves-capability": (True, PORTAL, "capabilities: [claims-management]", "capabilities: []"),
    "serves-objective": (True, PORTAL, "objectives: [digital-self-service]", "objectives: []"),
    "stakeholder-review-current": (True, PORTAL, "last_stakeholder_review: 2026-08-20",
                                   "last_stakeholder_review: 2026-04-20"),
    "has-kpis": (True, PORTAL, "kpis:", "former_kpis:"),
    "kpis-have-targets": (True, PORTAL, "    target: 10\n", ""),
    "kpis-measured": (True, PORTAL, "as_of: 2026-10-31", "as_of: 2026-07-31"),
    # both KPIs miss: the edit spans from the first KPI's actual to the second's
    "kpis-on-target": (False, PORTAL, "actual: 64\n    direction: higher  "
                       "         # higher | lower: which way is better\n    as_of: 2026-10-31\n"
                       "  - name: Time to settle\n    unit: days\n    target: 10\n    actual: 12.5",
                       "actual: 74\n    as_of: 2026-10-31\n  - name: Time to settle\n"
                       "    unit: days\n    target: 10\n    actual: 9.5"),
    "funded": (True, "funding/FY2027.yaml", "product: claims-portal", "product: fraud-scoring"),
    "value-estimated": (True, PORTAL, "  annual_estimate: 3400000\n", ""),
    "value-on-target": (True, PORTAL, "annual_estimate: 3400000", "annual_estimate: 340000"),
    "has-roadmap": (True, PORTAL, "quarter: 2027-Q1", "quarter: 2025-Q1"),
    "has-disposition": (True, PORTAL, "disposition: invest", "# disposition: invest"),
    "technology-listed": (True, PORTAL, "technology:", "former_technology:"),
    "technology-supported": (False, PORTAL, "end_of_support: 2026-11-12",
                             "end_of_support: 2027-11-12"),
    "team-has-required-skills": (True, "portfolio.yaml", "required_skills: [",
                                 "required_skills: [security, "),
    "no-errors": (True, PORTAL, "depends_on: [customer-identity",
                  "depends_on: [customer-identiti"),
    "no-warnings": (False, PORTAL, "end_of_support: 2026-11-12", "end_of_support: 2027-11-12"),
}


def test_every_check_has_an_example() -> None:
    assert set(EXAMPLES) == set(CHECKS) == set(CHECK_NAMES)


def _passes(folder: Path, check: str) -> bool:
    """Whether Claims Portal passes one check, scored with a one-level scorecard."""
    result = validate(read_directory(folder), today=TODAY)
    card = Scorecard(levels=[ScorecardLevel(name="only", checks=[check])])  # type: ignore[list-item]
    judge = result.portfolio.settings.model_copy(update={"scorecard": card})
    return score(result.portfolio, result.findings, TODAY, judge)["claims-portal"].level == "only"


@pytest.mark.parametrize("check", sorted(EXAMPLES))
def test_check_passes_and_fails_by_example(check: str, reference: Path) -> None:
    passes, file, old, new = EXAMPLES[check]
    folder = reference
    assert _passes(folder, check) is passes
    edit(folder / file, old, new)
    assert _passes(folder, check) is not passes


def _scores(folder: Path) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    result = validate(read_directory(folder), today=TODAY)
    return {k: (s.level, s.missing) for k, s in score(result.portfolio, result.findings,
                                                       TODAY).items()}


def test_default_scorecard_scores_live_products_only() -> None:
    # fraud-scoring is in build, customer-identity in sunset: no level
    assert _scores(REFERENCE) == {
        "claims-portal": ("silver", ("technology-supported", "no-warnings")),
    }


def test_a_product_stops_at_the_first_level_it_misses(reference: Path) -> None:
    # gold's checks now pass, but bronze's do not: the product has no level at all
    edit(reference / PORTAL, "end_of_support: 2026-11-12", "end_of_support: 2027-11-12")
    edit(reference / PORTAL, CUSTOMERS, "customers: []\n")
    assert _scores(reference) == {"claims-portal": (None, ("has-customers",))}


def test_custom_levels_and_stages_from_portfolio_yaml(reference: Path) -> None:
    folder = reference
    with (folder / "portfolio.yaml").open("a") as out:
        out.write("scorecard:\n  stages: [build, live, sunset]\n  levels:\n"
                  "    - name: listed\n      checks: [has-summary]\n"
                  "    - name: measured\n      checks: [kpis-have-targets, kpis-measured]\n")
    assert _scores(folder) == {
        "claims-portal": ("measured", ()),
        "customer-identity": ("listed", ("kpis-have-targets", "kpis-measured")),
        "fraud-scoring": ("listed", ("kpis-measured",)),
    }


@pytest.mark.parametrize(
    ("scorecard", "expected"),
    [
        ("scorecard:\n  levels:\n    - name: a\n      checks: [has-roadmapp]\n",
         "did you mean 'has-roadmap'"),
        ("scorecard:\n  levels:\n    - name: a\n      checks: [has-summary]\n"
         "    - name: a\n      checks: [funded]\n", "a is used twice"),
        ("scorecard:\n  levels: []\n", "scorecard.levels"),
        ("scorecard:\n  levels:\n    - name: none\n      checks: [has-summary]\n",
         "'none' stands for no level at all"),
        ("scorecard:\n  levels:\n    - name: a\n      checks: []\n", "scorecard.levels[0].checks"),
    ],
)
def test_a_bad_scorecard_is_a_finding_with_its_place(
    scorecard: str, expected: str, reference: Path
) -> None:
    folder = reference
    with (folder / "portfolio.yaml").open("a") as out:
        out.write(scorecard)
    result = validate(read_directory(folder), today=TODAY)
    errors = [f for f in result.findings if f.severity == "error"]
    assert errors, result.findings
    assert all(f.file == "portfolio.yaml" and f.line > 1 for f in errors)
    assert any(expected in f"{f.path} {f.message} {f.hint}" for f in errors), errors


VALUE_CARD = ("scorecard:\n  levels:\n    - name: valued\n"
              "      checks: [value-estimated, value-on-target]\n")


def test_a_value_without_funding_is_not_on_target(reference: Path) -> None:
    with (reference / "portfolio.yaml").open("a") as out:
        out.write(VALUE_CARD)
    assert _scores(reference) == {"claims-portal": ("valued", ())}
    # Claims Portal keeps its value estimate, but has no funding in the current period:
    # there is no ratio to meet, and no division by zero
    edit(reference / "funding/FY2027.yaml", "    run: 900000", "    run: 0")
    edit(reference / "funding/FY2027.yaml", "    change: 650000", "    change: 0")
    assert _scores(reference) == {"claims-portal": (None, ("value-on-target",))}
    (reference / "funding/FY2027.yaml").write_text(
        "period: FY2027\nstart: 2027-01-01\nend: 2027-12-31\nenvelope: 4000000\n"
        "allocations:\n  - product: fraud-scoring\n    run: 150000\n")
    assert _scores(reference) == {"claims-portal": (None, ("value-on-target",))}
    code, out = _cli(str(reference))
    assert code == 0, out
    assert out == ("1 product scored (live): 0 valued, 1 with no level.\n"
                   "claims-portal  -       to reach valued: value-on-target\n")


@pytest.mark.parametrize(("estimate", "level"), [("3100000", "valued"), ("3099999.99", None)])
def test_value_on_target_at_the_policy_ratio(estimate: str, level: str | None,
                                             reference: Path) -> None:
    # 1,550,000 of funding and a target of 2.0: a value of exactly twice the funding meets it
    with (reference / "portfolio.yaml").open("a") as out:
        out.write(VALUE_CARD)
    edit(reference / PORTAL, "annual_estimate: 3400000", f"annual_estimate: {estimate}")
    assert _scores(reference)["claims-portal"][0] == level


def test_a_token_funding_has_a_ratio_to_meet(reference: Path) -> None:
    # a single dollar of funding against a value of 3,400,000
    with (reference / "portfolio.yaml").open("a") as out:
        out.write(VALUE_CARD)
    edit(reference / "funding/FY2027.yaml", "    run: 900000", "    run: 1")
    edit(reference / "funding/FY2027.yaml", "    change: 650000", "    change: 0")
    assert _scores(reference) == {"claims-portal": ("valued", ())}


def _finding(entity: str, severity: Severity) -> Finding:
    return Finding("some-rule", "x.yaml", "a message", entity=entity, severity=severity)


def test_facts_gather_what_the_checks_look_at() -> None:
    portfolio = run(REFERENCE).portfolio
    known = facts(portfolio, [
        _finding("product:claims-portal", Severity.ERROR),
        _finding("product:claims-portal", Severity.INFO),
        _finding("team:fraud-scoring", Severity.WARNING),  # a team, not the product
        _finding("product:fraud-scoring", Severity.WARNING),
        _finding("", Severity.ERROR),
    ], TODAY, portfolio.settings.policies)
    assert known.severities == {"claims-portal": {"error", "info"}, "fraud-scoring": {"warning"}}
    assert known.funding == {"claims-portal": Decimal(1550000), "fraud-scoring": Decimal(950000),
                             "customer-identity": Decimal(400000)}
    assert (known.today, known.policies) == (TODAY, portfolio.settings.policies)
    assert known.team_skills("team-claims") == {
        "product-management", "engineering", "operations", "testing", "ux"}
    assert known.team_skills("team-risk-data") == {
        "product-management", "engineering", "testing", "operations"}
    assert known.team_skills("team-ghost") == set()


def test_facts_without_a_current_period(reference: Path) -> None:
    edit(reference / "portfolio.yaml", "current_period: FY2027", "current_period: FY2030")
    portfolio = run(reference).portfolio
    assert facts(portfolio, [], TODAY, portfolio.settings.policies).funding == {}


@pytest.mark.parametrize(("severities", "no_errors", "no_warnings"), [
    (set(), True, True), ({"info"}, True, True), ({"warning"}, True, False),
    ({"warning", "info"}, True, False), ({"error"}, False, False),
    ({"error", "warning"}, False, False),
])
def test_no_errors_and_no_warnings(
    severities: set[str], no_errors: bool, no_warnings: bool
) -> None:
    portfolio = run(REFERENCE).portfolio
    known = Facts(portfolio, TODAY, portfolio.settings.policies, {},
                  {"claims-portal": severities, "fraud-scoring": {"error"}})
    product = portfolio.products["claims-portal"]
    assert CHECKS["no-errors"].test(known, "claims-portal", product) is no_errors
    assert CHECKS["no-warnings"].test(known, "claims-portal", product) is no_warnings


def test_an_owner_that_is_not_a_team(reference: Path) -> None:
    # an error of its own (unknown-reference); the checks about the team fail, nothing breaks
    edit(reference / PORTAL, "owner: team-claims", "owner: team-claimz")
    assert _passes(reference, "owner-has-members") is False
    assert _passes(reference, "team-has-required-skills") is False


def test_required_skills_none_is_always_met(reference: Path) -> None:
    edit(reference / PORTAL, "owner: team-claims", "owner: team-claimz")
    edit(reference / "portfolio.yaml",
         "required_skills: [product-management, engineering, testing, operations, ux]",
         "required_skills: []")
    assert _passes(reference, "team-has-required-skills") is True


TWO_LEVELS = Scorecard(stages=["live", "build"], levels=[  # type: ignore[list-item]
    ScorecardLevel(name="listed", checks=["has-summary", "has-kpis"]),  # type: ignore[list-item]
    ScorecardLevel(name="planned", checks=["has-kpis", "has-roadmap", "funded"]),  # type: ignore[list-item]
])


def test_score_product_stops_at_the_first_level_it_misses() -> None:
    result = validate(read_directory(REFERENCE), today=TODAY)
    portfolio = result.portfolio
    known = facts(portfolio, result.findings, TODAY, portfolio.settings.policies)
    scored = {pid: score_product(TWO_LEVELS, known, pid, p)
              for pid, p in portfolio.products.items()}
    # each check once, in the scorecard's order; passed lists them all, missing only the next
    # level's
    assert scored == {
        "claims-portal": Score("planned", 2, None, (),
                               frozenset({"has-summary", "has-kpis", "has-roadmap", "funded"})),
        "fraud-scoring": Score("planned", 2, None, (),
                               frozenset({"has-summary", "has-kpis", "has-roadmap", "funded"})),
        "customer-identity": Score(None, 0, "listed", ("has-kpis",),
                                   frozenset({"has-summary", "funded"})),
    }


def test_score_with_a_judge_and_level_counts(reference: Path) -> None:
    result = validate(read_directory(reference), today=TODAY)
    judge = result.portfolio.settings.model_copy(update={"scorecard": TWO_LEVELS})
    scores = score(result.portfolio, result.findings, TODAY, judge)
    # customer-identity is in sunset: not in the scorecard's stages, not scored
    assert {pid: (s.level, s.rank) for pid, s in scores.items()} == {
        "claims-portal": ("planned", 2), "fraud-scoring": ("planned", 2)}
    assert list(level_counts(TWO_LEVELS, scores).items()) == [
        ("planned", 2), ("listed", 0), ("none", 0)]
    assert level_names(TWO_LEVELS) == ["listed", "planned"]
    # without a judge, the portfolio's own scorecard: live products only
    assert list(score(result.portfolio, result.findings, TODAY)) == ["claims-portal"]


def test_level_counts_count_the_products_with_no_level() -> None:
    scores = {"a": Score(None, 0, "listed", ("has-kpis",)),
              "b": Score(None, 0, "listed", ("has-summary",)),
              "c": Score("listed", 1, "planned", ("funded",))}
    assert list(level_counts(TWO_LEVELS, scores).items()) == [
        ("planned", 0), ("listed", 1), ("none", 2)]
    assert level_counts(TWO_LEVELS, {}) == {"planned": 0, "listed": 0, "none": 0}


# The ratchet, on a real history: main holds the portfolio, a pull request branches off.


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = reference_history(tmp_path / "repo")
    repo.git("checkout", "-q", "-b", "proposal")
    return repo


P = "portfolio/" + PORTAL


def test_a_pull_request_that_lowers_a_level_fails_the_ratchet(repo: GitRepo) -> None:
    repo.edit(P, "last_stakeholder_review: 2026-08-20", "last_stakeholder_review: 2025-08-20")
    repo.commit("Record the review we actually held")
    code, out = pac(repo, "diff")
    assert code == 0, out
    assert ("Claims Portal falls from silver to bronze on the scorecard "
            "(fails stakeholder-review-current)") in out
    assert ("level down: product:claims-portal silver -> bronze "
            "(fails stakeholder-review-current)") in out

    code, out = pac(repo, "diff", "--fail-on-regression")
    assert code == 1

    code, out = pac(repo, "diff", "--fail-on-regression", "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert document["summary"]["levels_down"] == 1
    assert document["levels"] == [{
        "product": "claims-portal", "old_id": None, "before": "silver", "after": "bronze",
        "direction": "down", "missing": ["stakeholder-review-current"],
    }]

    code, out = pac(repo, "diff", "--fail-on-regression", "--format", "markdown")
    assert "### Scorecard" in out
    assert "> [!CAUTION]\n> 1 product falls to a lower scorecard level." in out
    assert "| Claims Portal | silver | ↓ bronze | stakeholder-review-current |" in out

    # the team fixes it on the branch: the ratchet passes again
    repo.edit(P, "last_stakeholder_review: 2025-08-20", "last_stakeholder_review: 2026-11-02")
    repo.commit("Hold the review")
    code, out = pac(repo, "diff", "--fail-on-regression")
    assert code == 0, out
    assert "on the scorecard" not in out and "level down" not in out


def test_a_rise_is_reported_and_passes(repo: GitRepo) -> None:
    repo.edit(P, "end_of_support: 2026-11-12", "end_of_support: 2027-11-12")
    repo.commit("Upgrade PostgreSQL")
    code, out = pac(repo, "diff", "--fail-on-regression")
    assert code == 0, out
    assert "Claims Portal rises from silver to gold on the scorecard" in out
    assert "level up: product:claims-portal silver -> gold" in out


def test_leaving_the_scored_stages_is_not_a_fall(repo: GitRepo) -> None:
    repo.edit(P, "stage: live", "stage: sunset\n  retire_by: 2027-06-30")
    repo.commit("Sunset the portal")
    code, out = pac(repo, "diff", "--fail-on-regression")
    assert code == 0, out
    assert "Claims Portal moves from live to sunset" in out
    assert "on the scorecard" not in out and "level down" not in out


def test_a_renamed_product_is_followed(repo: GitRepo) -> None:
    repo.git("mv", P, "portfolio/products/claims.yaml")
    repo.edit("portfolio/products/claims.yaml", "id: claims-portal",
              "id: claims\nprevious_ids: [claims-portal]")
    repo.edit("portfolio/products/claims.yaml", CUSTOMERS, "")
    repo.edit("portfolio/funding/FY2027.yaml", "product: claims-portal", "product: claims")
    repo.commit("Rename the portal, and forget its customers")
    code, out = pac(repo, "diff", "--format", "json", "--fail-on-regression")
    assert code == 1, out
    assert json.loads(out)["levels"] == [{
        "product": "claims", "old_id": "claims-portal", "before": "silver", "after": None,
        "direction": "down", "missing": ["has-customers"],
    }]


def test_a_stricter_scorecard_is_not_a_fall(repo: GitRepo) -> None:
    # both sides are judged by the proposal's scorecard: raising the bar is not a regression
    with (repo.path / "portfolio/portfolio.yaml").open("a") as out:
        out.write("scorecard:\n  levels:\n    - name: bronze\n"
                  "      checks: [has-summary, kpis-on-target]\n")
    repo.commit("Raise the bar")
    code, out = pac(repo, "diff", "--fail-on-regression")
    assert code == 0, out
    # Claims Portal misses kpis-on-target on both sides: no level before, none after
    summary, *rest = out.splitlines()
    assert summary.endswith(" to the working tree: 0 added, 0 removed, 0 renamed, 1 changed; "
                            "0 findings introduced, 0 resolved.")
    assert rest == [
        "changed portfolio:portfolio: Northwind Mutual",
        "    scorecard.levels[bronze]: added (checks has-summary, kpis-on-target)",
    ]
    code, out = pac(repo, "diff", "--fail-on-regression", "--format", "json")
    assert code == 0, out
    document = json.loads(out)
    assert (document["levels"], document["summary"]["levels_down"]) == ([], 0)


# pac scorecard: the levels on the command line


def _cli(*args: str) -> tuple[int, str]:
    from click.testing import CliRunner

    from pac.cli import cli

    result = CliRunner().invoke(cli, ["scorecard", *args, "--today", "2026-11-22"])
    return result.exit_code, result.output


def test_scorecard_text_says_what_each_product_misses(reference: Path) -> None:
    edit(reference / PORTAL, "stage: live", "stage: build")
    edit(reference / "products/fraud-scoring.yaml", "stage: build", "stage: live")
    code, out = _cli(str(reference))
    assert code == 0, out
    assert out == (
        "1 product scored (live): 0 gold, 0 silver, 1 bronze, 0 with no level.\n"
        "fraud-scoring  bronze  to reach silver: value-estimated\n"
    )


def test_scorecard_json_contract() -> None:
    code, out = _cli(str(REFERENCE), "--format", "json")
    assert code == 0, out
    assert json.loads(out) == {
        "version": 1,
        "stages": ["live"],
        "levels": [
            {"name": "bronze", "checks": ["owner-has-members", "has-summary", "has-customers",
                                         "serves-capability"]},
            {"name": "silver", "checks": ["stakeholder-review-current", "kpis-have-targets",
                                         "funded", "value-estimated"]},
            {"name": "gold", "checks": ["kpis-measured", "has-roadmap", "technology-supported",
                                       "no-warnings"]},
        ],
        "counts": {"gold": 0, "silver": 1, "bronze": 0, "none": 0},
        "products": [{
            "product": "claims-portal", "name": "Claims Portal", "owner": "team-claims",
            "level": "silver", "next_level": "gold",
            "missing": ["technology-supported", "no-warnings"],
        }],
    }


def test_scorecard_lists_its_checks() -> None:
    code, out = _cli("--checks")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == list(CHECK_NAMES)


def test_scorecard_refuses_a_broken_portfolio(reference: Path) -> None:
    edit(reference / PORTAL, "owner: team-claims", "owner: team-claimz")
    code, out = _cli(str(reference))
    assert code == 2
    assert "unknown-reference" in out and "the levels would be wrong" in out


def test_the_example_spells_out_the_default_scorecard() -> None:
    # portfolio.yaml's comment says so; users copy it from there
    from conftest import EXAMPLE
    from support import run

    assert "scorecard:" in (EXAMPLE / "portfolio.yaml").read_text()
    assert run(EXAMPLE).portfolio.settings.scorecard == Scorecard()


def test_a_fall_over_two_levels_names_every_check_it_now_fails(repo: GitRepo) -> None:
    repo.edit(P, CUSTOMERS, "customers: []\n")
    repo.edit(P, "last_stakeholder_review: 2026-08-20", "last_stakeholder_review: 2025-08-20")
    repo.commit("Forget the customers and the review")
    code, out = pac(repo, "diff", "--fail-on-regression")
    assert code == 1, out
    assert ("level down: product:claims-portal silver -> (none) "
            "(fails has-customers, stakeholder-review-current)") in out


def test_a_stricter_policy_is_not_a_fall(repo: GitRepo) -> None:
    # the review of 2026-08-20 is 94 days old: stale under the new policy, on both sides
    repo.edit("portfolio/portfolio.yaml", "stakeholder_review_days: 180",
              "stakeholder_review_days: 60")
    repo.commit("Ask stakeholders every two months")
    code, out = pac(repo, "diff", "--fail-on-regression")
    assert code == 0, out
    # the review is now reported as stale, but Claims Portal stays at bronze on both sides
    summary, *rest = out.splitlines()
    assert summary.endswith(" to the working tree: 0 added, 0 removed, 0 renamed, 1 changed; "
                            "1 finding introduced, 0 resolved.")
    assert len(rest) == 4  # rest[2] is the policy's own line, the diff's tests pin it
    assert rest[:2] == ["  * 1 warning introduced", "changed portfolio:portfolio: Northwind Mutual"]
    assert rest[-1] == ("introduced: portfolio/products/claims-portal.yaml:57:26: warning "
                        "stale-stakeholder-review the last stakeholder review was 94 days ago, "
                        "more than 60")
    assert "level" not in out and "scorecard" not in out
    code, out = pac(repo, "diff", "--fail-on-regression", "--format", "json")
    assert code == 0, out
    document = json.loads(out)
    assert (document["levels"], document["summary"]["levels_down"]) == ([], 0)


def test_levels_are_not_compared_when_portfolio_yaml_is_broken(repo: GitRepo) -> None:
    with (repo.path / "portfolio/portfolio.yaml").open("a") as out:
        out.write("scorecard:\n  levels:\n    - name: a\n      checks: [has-customer]\n")
    repo.commit("A typo in the scorecard")
    code, out = pac(repo, "diff", "--fail-on-regression", "--format", "json")
    assert code == 0, out  # pac validate fails this change; the ratchet has nothing to judge
    document = json.loads(out)
    assert document["levels"] == []
    assert document["levels_skipped"] == "portfolio.yaml could not be read in the working tree"
    assert ("Scorecard levels not compared: portfolio.yaml could not be read in the working "
            "tree") in document["headlines"]
