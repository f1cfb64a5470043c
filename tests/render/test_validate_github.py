"""GitHub workflow commands: annotations on the pull request, then the full text report."""

from __future__ import annotations

from conftest import REFERENCE
from support import run

from pac.findings import Finding, Result, Severity
from pac.render.validate_github import annotation, escape_data, escape_property, render_github

SUMMARY_OF = "in 12 files (3 products, 2 teams, 4 capabilities, 1 objective, 1 funding period)."


def _finding(n: int, severity: Severity) -> Finding:
    return Finding("kpi-stale", f"portfolio/products/p{n:02}.yaml", f"KPI {n} is stale",
                   line=n, column=3, severity=severity)


def test_escapes() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_an_annotation_carries_place_title_message_and_hint() -> None:
    f = Finding("unknown-reference", "portfolio/products/a,b:c.yaml", "'team-x' is 100% wrong",
                "did you mean 'team-claims'?", line=9, column=8)
    assert annotation(f) == (
        "::error file=portfolio/products/a%2Cb%3Ac.yaml,line=9,col=8,title=unknown-reference::"
        "'team-x' is 100%25 wrong%0Adid you mean 'team-claims'?"
    )
    warning = Finding("team-skill-gap", "t.yaml", "no ux", line=7, column=1,
                      severity=Severity.WARNING)
    assert annotation(warning) == "::warning file=t.yaml,line=7,col=1,title=team-skill-gap::no ux"


def test_line_breaks_in_values_cannot_end_the_command() -> None:
    f = Finding("x-rule", "a\nb.yaml", "one\r\n::error::two", "three\nfour", line=1, column=1)
    assert annotation(f) == (
        "::error file=a b.yaml,line=1,col=1,title=x-rule::one ::error::two%0Athree four"
    )


def test_annotations_then_the_text_report() -> None:
    info = Finding("capability-gap", "c.yaml", "no live product", line=2, column=5,
                   severity=Severity.INFO)
    error = _finding(1, Severity.ERROR)
    out = render_github(Result(run(REFERENCE).portfolio, [error, info], 12))
    assert out == (
        "::error file=portfolio/products/p01.yaml,line=1,col=3,title=kpi-stale::KPI 1 is stale\n"
        "portfolio/products/p01.yaml:1:3: error kpi-stale KPI 1 is stale\n"
        "c.yaml:2:5: info capability-gap no live product\n"
        f"1 error, 0 warnings, 1 info {SUMMARY_OF}\n"
    )


def test_no_findings_is_the_summary_alone() -> None:
    assert render_github(Result(run(REFERENCE).portfolio, [], 12)) == (
        f"No problems found {SUMMARY_OF}\n"
    )


def test_at_most_ten_errors_and_ten_warnings_are_annotated() -> None:
    findings = [_finding(n, Severity.ERROR) for n in range(1, 12)]
    findings += [_finding(n, Severity.WARNING) for n in range(20, 33)]
    lines = render_github(Result(run(REFERENCE).portfolio, findings, 12)).splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert [e.split("::")[-1] for e in errors] == [f"KPI {n} is stale" for n in range(1, 11)]
    assert [w.split("::")[-1] for w in warnings] == [f"KPI {n} is stale" for n in range(20, 30)]
    assert lines[20] == ("::notice title=pac::4 more findings are not annotated; "
                         "the full list is in the log below")
    assert lines[21] == "portfolio/products/p01.yaml:1:3: error kpi-stale KPI 1 is stale"
    assert lines[-1] == f"11 errors, 13 warnings, 0 infos {SUMMARY_OF}"


def test_one_left_out_is_singular() -> None:
    findings = [_finding(n, Severity.WARNING) for n in range(1, 12)]
    lines = render_github(Result(run(REFERENCE).portfolio, findings, 12)).splitlines()
    assert lines[10] == ("::notice title=pac::1 more finding is not annotated; "
                         "the full list is in the log below")
    assert lines[11].startswith("portfolio/products/p01.yaml:1:3: warning")
