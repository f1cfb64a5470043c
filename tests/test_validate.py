"""The validation pipeline: files -> load -> rules -> severities -> lines and columns."""

from __future__ import annotations

import datetime
import gc

from pac.findings import Finding, Severity
from pac.load.files import SourceFile
from pac.model.portfolio import Portfolio
from pac.model.settings import Settings
from pac.validate import apply_severities, locate, validate

TODAY = datetime.date(2026, 11, 22)
SETTINGS = b"name: Acme\nrules:\n  capability-gap: off\n"
TEAM = b"id: team-a\nname: A\nmembers:\n  - name: Ann\n    skills: [engineering]\n"
PRODUCT = b"id: p\nname: P\nkind: service\nlifecycle:\n  stage: live\nowner: team-b\n"


def _file(path: str, content: bytes) -> SourceFile:
    return SourceFile(path, len(content), content)


def _lines(findings: list[Finding]) -> list[str]:
    return [f"{f.file}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}" for f in findings]


def test_every_problem_in_every_file_sorted_and_located() -> None:
    files = [_file("portfolio.yaml", SETTINGS), _file("teams/team-a.yaml", TEAM),
             _file("products/p.yaml", PRODUCT)]
    result = validate(files, today=TODAY, prefix="pf/")
    assert _lines(result.findings) == [
        "pf/products/p.yaml:4:1: info live-product-without-roadmap no roadmap theme for 2026-Q4 "
        "or 2027-Q1",
        "pf/products/p.yaml:4:1: warning stale-stakeholder-review no stakeholder review is "
        "recorded for this live product",
        "pf/products/p.yaml:6:8: error unknown-reference 'team-b' is not a team",
    ]
    assert result.findings[2].hint == "did you mean 'team-a'?"
    assert result.files == 3
    assert result.portfolio.entity_count() == {
        "products": 1, "teams": 1, "capabilities": 0, "objectives": 0, "funding": 0}
    assert gc.isenabled()


def test_health_signals_wait_until_every_file_reads() -> None:
    """A file that does not match the format hides the health findings, which would
    otherwise be judged on a portfolio with a hole in it."""
    broken = PRODUCT.replace(b"owner: team-b", b"owner: team-a\ncolour: red")
    files = [_file("portfolio.yaml", SETTINGS), _file("teams/team-a.yaml", TEAM),
             _file("products/p.yaml", broken)]
    assert _lines(validate(files, today=TODAY).findings) == [
        "products/p.yaml:7:1: error unknown-field unknown field 'colour'"]


def test_the_repository_reader_brings_codeowners() -> None:
    files = [_file("portfolio.yaml", b"name: Acme\ncodeowners:\n  default: ['@acme/all']\n")]
    committed = _file(".github/CODEOWNERS", b"* @acme/nobody\n")
    result = validate(files, today=TODAY, read_repository={".github/CODEOWNERS": committed}.get)
    code = ["/.ci/", "/.github/", "/constraints.txt", "/extensions/", "/pac/", "/portfolio.yaml",
            "/pyproject.toml", "/schemas/", "/site/"]
    assert _lines(result.findings) == [
        ".github/CODEOWNERS:1:1: warning codeowners-drift CODEOWNERS gives * to @acme/nobody "
        "where the portfolio gives it to @acme/all",
        *(f".github/CODEOWNERS:1:1: warning codeowners-drift CODEOWNERS has no line for {path}, "
          "which the portfolio gives to @acme/all" for path in code),
    ]


def _portfolio(rules: dict[str, str]) -> Portfolio:
    known: dict[str, set[str]] = {k: set() for k in ("product", "team", "capability",
                                                      "objective", "funding")}
    return Portfolio(Settings(name="Acme", rules=rules), {}, {}, {}, {}, {}, {}, known)  # type: ignore[arg-type]


def test_severities_from_the_rule_or_portfolio_yaml() -> None:
    findings = [
        Finding("capability-gap", "c.yaml", "gap"),
        Finding("team-skill-gap", "t.yaml", "no ux"),
        Finding("schema", "p.yaml", "bad"),
        Finding("kpi-stale", "p.yaml", "stale"),
        Finding("kpi-stale", "q.yaml", "stale", milder=True),
        Finding("dependency-cycle", "p.yaml", "loop", milder=True),
    ]
    rules = {"capability-gap": "off", "team-skill-gap": "error", "schema": "info",
             "dependency-cycle": "error"}
    placed = apply_severities(findings, _portfolio(rules))
    assert [(f.rule, f.file, f.severity) for f in placed] == [
        ("team-skill-gap", "t.yaml", Severity.ERROR),
        ("schema", "p.yaml", Severity.ERROR),  # locked: the file cannot be read reliably
        ("kpi-stale", "p.yaml", Severity.WARNING),
        ("kpi-stale", "q.yaml", Severity.INFO),  # milder: info unless portfolio.yaml says
        ("dependency-cycle", "p.yaml", Severity.ERROR),
    ]
    assert [f.severity for f in apply_severities(findings, _portfolio({}))] == [
        Severity.INFO, Severity.WARNING, Severity.ERROR, Severity.WARNING, Severity.INFO,
        Severity.INFO]


TEXT = "id: a\nname: A\nkpis:\n  - name: X\n    target: 5\n"


def test_locate_points_at_values_keys_and_the_nearest_parent() -> None:
    findings = [
        Finding("r", "f.yaml", "value", loc=("kpis", 0, "target")),
        Finding("r", "f.yaml", "key", loc=("kpis", 0, "target"), at_key=True),
        Finding("r", "f.yaml", "missing in an item", loc=("kpis", 0, "actual")),
        Finding("r", "f.yaml", "missing at the top", loc=("owner",)),
        Finding("r", "f.yaml", "the file", loc=()),
        Finding("r", "f.yaml", "placed already", loc=("name",), line=40, column=2),
        Finding("r", "g.yaml", "a file without text", loc=("x",)),
    ]
    assert [(f.message, f.line, f.column) for f in locate(findings, {"f.yaml": TEXT})] == [
        ("value", 5, 13),
        ("key", 5, 5),
        ("missing in an item", 4, 5),
        ("missing at the top", 1, 1),
        ("the file", 1, 1),
        ("placed already", 40, 2),
        ("a file without text", 1, 1),
    ]
