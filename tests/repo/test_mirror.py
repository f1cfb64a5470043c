"""Tests mirror the package: each core module has a test module of its own that calls it.

`pac/<stage>/<module>.py` is tested in `tests/<stage>/test_<module>.py` and a top-level
`pac/<module>.py` in `tests/test_<module>.py`. The click layer (`pac/cli/`) is tested through
the command line in `tests/cli/`, a rule module through its rules' case folders
(`tests/cases/invalid/<rule>/`, which tests/rules/test_cases.py runs), and a module that only
declares fields (no function) through the model's tests.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import CASES, REPO

from pac.rules import RULES

PAC = REPO / "pac"
TESTS = REPO / "tests"


def _core_modules() -> list[Path]:
    return sorted(
        path.relative_to(PAC)
        for path in PAC.rglob("*.py")
        if path.name not in {"__init__.py", "__main__.py"} and path.parent.name != "cli"
    )


# a rule whose case needs files beside the portfolio, which case folders cannot hold, or
# two versions of it (a rule only `pac diff` applies)
NOT_IN_CASES = {
    "codeowners-drift": "tests/test_validate.py, tests/cli/test_side_files.py",
    "roadmap-promise-removed": "tests/cli/test_diff_promises.py, tests/changes/test_promises.py",
}


def _tree(module: Path) -> ast.Module:
    return ast.parse((PAC / module).read_text(encoding="utf-8"))


def _registers_rules(module: Path) -> bool:
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in {"rule", "health_rule", "register"}
        for node in ast.walk(_tree(module))
    )


def _declares_only(module: Path) -> bool:
    return not any(isinstance(node, ast.FunctionDef) for node in ast.walk(_tree(module)))


@pytest.mark.parametrize("module", _core_modules(), ids=str)
def test_each_core_module_has_its_test_module(module: Path) -> None:
    if module.parts[0] == "rules" and _registers_rules(module):
        pytest.skip("its rules are tested by their case folders (next test)")
    if _declares_only(module):
        pytest.skip("it declares fields only: the model's tests cover it")
    test = TESTS / module.parent / f"test_{module.stem}.py"
    assert test.is_file(), f"pac/{module} has no {test.relative_to(REPO)}"
    assert f"pac.{'.'.join(module.with_suffix('').parts)}" in test.read_text(encoding="utf-8")


def test_each_rule_with_a_check_has_a_case_folder() -> None:
    missing = [
        rule_id
        for rule_id, rule in RULES.items()
        if rule_id not in NOT_IN_CASES
        and not any((CASES / "invalid" / rule_id).glob("*/expected.txt"))
    ]
    assert missing == []
