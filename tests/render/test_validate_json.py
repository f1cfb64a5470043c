"""The JSON report of `pac validate`: a versioned contract for other tools."""

from __future__ import annotations

import json

from conftest import REFERENCE
from support import run

from pac.findings import Finding, Result, Severity
from pac.render.validate_json import render_json

ENTITIES = {"products": 3, "teams": 2, "capabilities": 4, "objectives": 1, "funding": 1}


def test_the_contract_names_every_field() -> None:
    owner = Finding("unknown-reference", "portfolio/products/fraud-scoring.yaml",
                    "'team-risk' is not a team", "did you mean 'team-risk-data'?",
                    "product:fraud-scoring", ("owner",), line=9, column=8)
    kpi = Finding("kpi-off-target", "portfolio/products/claims-portal.yaml", "KPI off",
                  entity="product:claims-portal", loc=("kpis", 1, "actual"), line=36, column=13,
                  severity=Severity.INFO)
    text = render_json(Result(run(REFERENCE).portfolio, [owner, kpi], 12))
    assert json.loads(text) == {
        "version": 1,
        "summary": {"errors": 1, "warnings": 0, "infos": 1, "files": 12, "entities": ENTITIES},
        "findings": [
            {"rule": "unknown-reference", "severity": "error",
             "file": "portfolio/products/fraud-scoring.yaml", "line": 9, "column": 8,
             "path": "owner", "entity": "product:fraud-scoring",
             "message": "'team-risk' is not a team", "hint": "did you mean 'team-risk-data'?"},
            {"rule": "kpi-off-target", "severity": "info",
             "file": "portfolio/products/claims-portal.yaml", "line": 36, "column": 13,
             "path": "kpis[1].actual", "entity": "product:claims-portal",
             "message": "KPI off", "hint": ""},
        ],
    }
    assert text.startswith('{\n  "version": 1,\n  "summary": {\n    "errors": 1,')
    assert text.endswith("\n  ]\n}\n")


def test_a_clean_portfolio_has_an_empty_list() -> None:
    text = render_json(Result(run(REFERENCE).portfolio, [], 12))
    assert json.loads(text) == {
        "version": 1,
        "summary": {"errors": 0, "warnings": 0, "infos": 0, "files": 12, "entities": ENTITIES},
        "findings": [],
    }


def test_text_that_could_fool_a_reader_is_escaped() -> None:
    """Non-ASCII stays as it is; bidirectional controls and `##[` are escaped, and the
    value reads back unchanged."""
    message = "caf\u00e9 \u202eevil ##[group]"
    finding = Finding("name-too-long", "p.yaml", message, line=1, column=1)
    text = render_json(Result(run(REFERENCE).portfolio, [finding], 1))
    assert '"message": "caf\u00e9 \\u202eevil ##\\u005bgroup]"' in text
    assert json.loads(text)["findings"][0]["message"] == message
