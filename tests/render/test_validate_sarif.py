"""SARIF 2.1.0 for GitHub code scanning."""

from __future__ import annotations

import json

from conftest import REFERENCE
from support import run

from pac import __version__
from pac.findings import Finding, Result, Severity
from pac.render.validate_sarif import render_sarif, uri
from pac.rules import RULES


def _sarif(findings: list[Finding]) -> dict:  # type: ignore[type-arg]
    return json.loads(render_sarif(Result(run(REFERENCE).portfolio, findings, 12)))


def test_uri_keeps_hash_and_percent_in_the_name() -> None:
    assert uri("portfolio/products/a b#1%.yaml") == "portfolio/products/a%20b%231%25.yaml"
    assert uri("portfolio/products/café.yaml") == "portfolio/products/caf%C3%A9.yaml"


def test_the_tool_lists_every_rule_in_id_order() -> None:
    document = _sarif([])
    assert document["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert document["version"] == "2.1.0"
    [run_] = document["runs"]
    driver = run_["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("pac", __version__)
    assert [r["id"] for r in driver["rules"]] == sorted(RULES)
    gap = next(r for r in driver["rules"] if r["id"] == "capability-gap")
    assert gap == {"id": "capability-gap", "name": "capability-gap",
                   "shortDescription": {"text": "A leaf capability that no live product serves."},
                   "defaultConfiguration": {"level": "note"}}
    cycle = next(r for r in driver["rules"] if r["id"] == "dependency-cycle")
    assert cycle["defaultConfiguration"] == {"level": "warning"}
    assert run_["results"] == []


def test_a_result_per_finding() -> None:
    owner = Finding("unknown-reference", "portfolio/products/a b.yaml", "'team-x' is not a team",
                    "did you mean 'team-claims'?", "product:a", ("owner",), line=9, column=8)
    gap = Finding("capability-gap", "portfolio/capabilities/c.yaml", "no live product",
                  entity="capability:c", loc=("id",), line=2, column=5, severity=Severity.INFO)
    results = _sarif([owner, gap])["runs"][0]["results"]
    rules = sorted(RULES)
    assert results == [
        {
            "ruleId": "unknown-reference",
            "ruleIndex": rules.index("unknown-reference"),
            "level": "error",
            "message": {"text": "'team-x' is not a team. Fix: did you mean 'team-claims'?"},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": "portfolio/products/a%20b.yaml",
                                     "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 9, "startColumn": 8}}}],
            "properties": {"path": "owner", "entity": "product:a"},
        },
        {
            "ruleId": "capability-gap",
            "ruleIndex": rules.index("capability-gap"),
            "level": "note",
            "message": {"text": "no live product"},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": "portfolio/capabilities/c.yaml",
                                     "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 2, "startColumn": 5}}}],
            "properties": {"path": "id", "entity": "capability:c"},
        },
    ]


def test_a_warning_is_a_warning() -> None:
    f = Finding("team-skill-gap", "t.yaml", "no ux", line=7, column=1, severity=Severity.WARNING)
    assert _sarif([f])["runs"][0]["results"][0]["level"] == "warning"
