"""Example-driven: every case folder overlays files on the reference portfolio.

`cases/invalid/<rule>/<case>/` must produce exactly the findings in its expected.txt
(`file:line:col: severity rule`), and the rule named by the folder among them;
`cases/valid/<case>/` must produce none. Adding a case means adding a folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CASES
from support import apply_case, expected_lines, run, short

from pac.rules import RULES

INVALID = sorted(p for p in (CASES / "invalid").glob("*/*") if p.is_dir())
VALID = sorted(p for p in (CASES / "valid").glob("*") if p.is_dir())


def _id(path: Path) -> str:
    return "/".join(path.parts[-2:])


@pytest.mark.parametrize("case", INVALID, ids=_id)
def test_invalid_case(case: Path, reference: Path) -> None:
    apply_case(case, reference)
    result = run(reference)
    found = sorted(short(f) for f in result.findings)
    assert found == expected_lines(case)
    assert case.parent.name in {f.rule for f in result.findings}
    for f in result.findings:
        assert f.message and f.line >= 1 and f.column >= 1


@pytest.mark.parametrize("case", VALID, ids=lambda p: p.name)
def test_valid_case(case: Path, reference: Path) -> None:
    apply_case(case, reference)
    assert [short(f) for f in run(reference).findings] == []


def test_reference_portfolio_has_no_finding(reference: Path) -> None:
    result = run(reference)
    assert result.findings == []
    assert result.portfolio.entity_count() == {
        "products": 3,
        "teams": 2,
        "capabilities": 4,
        "objectives": 1,
        "funding": 1,
    }


# rules about files outside the portfolio folder, tested with a repository of their own
REPOSITORY_RULES = {"codeowners-drift"}


def test_every_rule_has_an_invalid_case() -> None:
    covered = {case.parent.name for case in INVALID} | REPOSITORY_RULES
    assert sorted(set(RULES) - covered) == []
