"""Findings as data: field paths, order, and a result's counts and verdict."""

from __future__ import annotations

from conftest import REFERENCE
from support import run

from pac.findings import Finding, Result, Severity, format_loc


def test_format_loc() -> None:
    assert format_loc(()) == ""
    assert format_loc(("owner",)) == "owner"
    assert format_loc(("kpis", 1, "target")) == "kpis[1].target"
    assert format_loc((0, "name")) == "[0].name"
    assert format_loc(("links", "repo.url")) == "links.repo.url"
    assert Finding("r", "f", "m", loc=("roadmap", 0, "themes", 2)).path == "roadmap[0].themes[2]"


def test_findings_sort_by_place_then_rule_then_message() -> None:
    findings = [
        Finding("b-rule", "b.yaml", "x", line=1, column=1),
        Finding("b-rule", "a.yaml", "y", line=10, column=1),
        Finding("b-rule", "a.yaml", "x", line=2, column=9),
        Finding("a-rule", "a.yaml", "z", line=2, column=9),
        Finding("a-rule", "a.yaml", "a", line=2, column=9),
        Finding("a-rule", "a.yaml", "z", line=2, column=3),
    ]
    assert [(f.file, f.line, f.column, f.rule, f.message)
            for f in sorted(findings, key=Finding.sort_key)] == [
        ("a.yaml", 2, 3, "a-rule", "z"),
        ("a.yaml", 2, 9, "a-rule", "a"),
        ("a.yaml", 2, 9, "a-rule", "z"),
        ("a.yaml", 2, 9, "b-rule", "x"),
        ("a.yaml", 10, 1, "b-rule", "y"),
        ("b.yaml", 1, 1, "b-rule", "x"),
    ]


def test_counts_and_whether_the_result_fails() -> None:
    portfolio = run(REFERENCE).portfolio
    warning = Finding("r", "f", "m", severity=Severity.WARNING)
    info = Finding("r", "f", "m", severity=Severity.INFO)
    error = Finding("r", "f", "m")
    mixed = Result(portfolio, [warning, info, warning, error], 12)
    assert [mixed.count(s) for s in Severity] == [1, 2, 1]
    assert (mixed.fails(), mixed.fails(strict=True)) == (True, True)
    warned = Result(portfolio, [info, warning], 12)
    assert (warned.fails(), warned.fails(strict=True)) == (False, True)
    informed = Result(portfolio, [info], 12)
    assert (informed.fails(), informed.fails(strict=True)) == (False, False)
    assert Result(portfolio, [], 12).fails(strict=True) is False
    assert [str(s) for s in Severity] == ["error", "warning", "info"]
