"""SARIF 2.1.0, as GitHub code scanning reads it."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from pac import __version__
from pac.findings import Finding, Result, Severity
from pac.json_text import to_json
from pac.rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule(rule_id: str) -> dict[str, Any]:
    rule = RULES[rule_id]
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.summary},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
    }


def uri(path: str) -> str:
    """A relative path as a URI reference (RFC 3986): every byte but unreserved ones and
    `/` percent-encoded, so that `#` and `%` stay part of the file's name."""
    return quote(path, safe="/")


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    text = f.message + (f". Fix: {f.hint}" if f.hint else "")
    return {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": _LEVEL[f.severity],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri(f.file), "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": f.line, "startColumn": f.column},
                }
            }
        ],
        "properties": {"path": f.path, "entity": f.entity},
    }


def render_sarif(result: Result, *, colour: bool = False) -> str:
    rule_ids = sorted(RULES)
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "pac",
                        "version": __version__,
                        "rules": [_rule(r) for r in rule_ids],
                    }
                },
                "results": [_result(f, index) for f in result.findings],
            }
        ],
    }
    return to_json(document, indent=2) + "\n"
