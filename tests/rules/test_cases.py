"""Example-driven: every case folder overlays files on the reference portfolio.

`cases/invalid/<rule>/<case>/` must produce exactly the findings in its expected.txt, and
the rule named by the folder among them; `cases/valid/<case>/` must produce none. Adding a
case means adding a folder. expected.txt holds the findings the case adds to the reference
portfolio's own, as `pac validate` prints them, in its order (by file, line and column):

    portfolio/funding/FY2027.yaml:5:11: error funding-over-envelope allocations total ...
        hint: reduce the allocations or raise the envelope

one `file:line:col: severity rule message` line per finding, then its hint indented by four
spaces; blank lines and lines starting with '#' are ignored. A changed message or hint fails
the case with a line-by-line diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CASES, REFERENCE
from support import apply_case, beyond_baseline, expected_lines, run

from pac.findings import Finding, Result
from pac.rules import RULES

INVALID = sorted(p for p in (CASES / "invalid").glob("*/*") if p.is_dir())
VALID = sorted(p for p in (CASES / "valid").glob("*") if p.is_dir())


def _id(path: Path) -> str:
    return "/".join(path.parts[-2:])


def printed(findings: list[Finding]) -> str:
    """The findings as `pac validate` prints them (without its summary line)."""
    lines = []
    for f in findings:
        lines.append(f"{f.file}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}")
        if f.hint:
            lines.append(f"    hint: {f.hint}")
    return "\n".join(lines)


def added(result: Result, baseline: list[Finding]) -> str:
    return printed(beyond_baseline(result.findings, baseline))


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    """What the unchanged reference portfolio already reports (health signals only)."""
    folder = tmp_path_factory.mktemp("baseline") / "portfolio"
    shutil.copytree(REFERENCE, folder)
    findings = run(folder).findings
    assert not [f for f in findings if f.severity == "error"]
    return findings


@pytest.mark.parametrize("case", INVALID, ids=_id)
def test_invalid_case(case: Path, reference: Path, baseline: list[Finding]) -> None:
    apply_case(case, reference)
    result = run(reference)
    assert added(result, baseline) == "\n".join(expected_lines(case))
    assert case.parent.name in {f.rule for f in beyond_baseline(result.findings, baseline)}
    for f in result.findings:
        assert f.message and f.line >= 1 and f.column >= 1


@pytest.mark.parametrize("case", VALID, ids=lambda p: p.name)
def test_valid_case(case: Path, reference: Path, baseline: list[Finding]) -> None:
    apply_case(case, reference)
    assert added(run(reference), baseline) == ""


def test_reference_portfolio_has_no_error_only_health_signals(reference: Path) -> None:
    result = run(reference)
    assert printed(result.findings).splitlines() == [
        "portfolio/capabilities/customer-management.yaml:2:5: info capability-gap "
        "no live product serves this capability",
        "    hint: a gap the organisation accepts, or a product to plan",
        "portfolio/capabilities/fraud-management.yaml:2:5: info capability-gap "
        "no live product serves this capability",
        "    hint: a gap the organisation accepts, or a product to plan",
        "portfolio/products/claims-portal.yaml:30:13: info kpi-off-target "
        "KPI 'Claims filed online' is 64 against a target of 70 (higher is better)",
        "    hint: say in the roadmap what will move it, or revisit the target",
        "portfolio/products/claims-portal.yaml:36:13: info kpi-off-target "
        "KPI 'Time to settle' is 12.5 against a target of 10 (lower is better)",
        "    hint: say in the roadmap what will move it, or revisit the target",
        "portfolio/products/claims-portal.yaml:53:21: warning technology-end-of-support "
        "PostgreSQL 14 went out of support on 2026-11-12",
        "    hint: upgrade it, or record the risk and a date to fix it",
        "portfolio/teams/team-risk-data.yaml:7:1: warning team-skill-gap "
        "no member of the team has ux",
        "    hint: add the skill to a member who has it, or bring someone in",
    ]
    assert result.portfolio.entity_count() == {
        "products": 3,
        "teams": 2,
        "capabilities": 4,
        "objectives": 1,
        "funding": 1,
    }


# rules about files outside the portfolio folder, tested with a repository of their own
REPOSITORY_RULES = {"codeowners-drift"}
# rules that only `pac diff` applies, comparing two versions (tests/cli/test_diff_promises.py)
DIFF_RULES = {"roadmap-promise-removed"}


def test_every_rule_has_an_invalid_case() -> None:
    covered = {case.parent.name for case in INVALID} | REPOSITORY_RULES | DIFF_RULES
    assert sorted(set(RULES) - covered) == []


def test_depends_on_retired_names_both_products_and_the_fix(reference: Path) -> None:
    apply_case(CASES / "invalid" / "overdue-retirement" / "past-retire-by", reference)
    [finding] = [f for f in run(reference).findings if f.rule == "depends-on-retired"]
    assert finding.message == (
        "live product 'Claims Portal' depends on 'Customer Identity', which was to be "
        "retired by 2026-06-30"
    )
    assert finding.hint == (
        "move 'Claims Portal' to what replaces 'Customer Identity' and remove "
        "'customer-identity' from depends_on, or keep 'Customer Identity' running (stage: live)"
    )
