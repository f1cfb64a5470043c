"""pac serve's line per build."""

from __future__ import annotations

from pathlib import Path

from pac.findings import Finding, Severity
from pac.render.serve import findings, step_line
from pac.serve.session import Step

SITE = Path("/work/build-1/site")
WARNING = Finding("stale-review", "portfolio/products/a.yaml", "old", severity=Severity.WARNING)
INFO = Finding("no-kpi", "portfolio/products/b.yaml", "none", severity=Severity.INFO)
ERROR = Finding("unknown-reference", "portfolio/products/a.yaml", "'team-clams' is not a team",
                "did you mean 'team-claims'?", line=4, column=8)
SAVED = ["portfolio/products/a.yaml"]


def test_a_build_says_what_was_saved_what_was_rebuilt_how_long_and_what_was_found() -> None:
    assert step_line(Step([], SITE, None, 31.25, [WARNING, INFO])) == (
        "built the site in 31.2 s (2 findings: 1 warning, 1 info)")
    assert step_line(Step(["site/"], SITE, None, 30.0)) == (
        "site/ changed: built the site again in 30.0 s (no findings)")
    assert step_line(Step(SAVED, SITE, ["products/a.html"], 1.04, [WARNING])) == (
        "portfolio/products/a.yaml changed: rebuilt products/a.html in 1.0 s "
        "(1 finding: 1 warning)")
    assert step_line(Step(SAVED, SITE, ["index.html", "teams/t.html"], 7.5, [], rest=True)) == (
        "then 2 pages that show it in 7.5 s")
    assert step_line(Step(SAVED, SITE, [], 2.5, [], rest=True)) == (
        "no other page shows it (checked in 2.5 s)")
    assert step_line(Step([], SITE, [], 2.5, [INFO])) == (
        "no page changed (checked in 2.5 s; 1 finding: 1 info)")


def test_saved_files_beyond_three_are_counted() -> None:
    saved = [f"portfolio/products/{n}.yaml" for n in "abcde"]
    assert step_line(Step(saved, SITE, ["index.html"], 1.0)) == (
        "portfolio/products/a.yaml, portfolio/products/b.yaml, portfolio/products/c.yaml "
        "and 2 others changed: rebuilt index.html in 1.0 s (no findings)")


def test_a_build_that_could_not_run_says_why() -> None:
    assert step_line(Step(SAVED, findings=[ERROR, WARNING, ERROR])) == (
        "portfolio/products/a.yaml changed: not built: 2 errors, shown in the browser; "
        "the first: portfolio/products/a.yaml:4:8 unknown-reference: 'team-clams' is not "
        "a team")
    assert step_line(Step(["site/"], problem="MkDocs could not build the site: no theme")) == (
        "site/ changed: not built: MkDocs could not build the site: no theme")


def test_findings_are_counted_by_severity() -> None:
    assert findings([]) == "no findings"
    assert findings([INFO, ERROR, INFO]) == "3 findings: 1 error, 2 infos"
