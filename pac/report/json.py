"""The JSON report: a versioned contract for other tools."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pac.findings import Finding, Severity
from pac.json_text import to_json

if TYPE_CHECKING:
    from pac.validate import Result

VERSION = 1


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": str(f.severity),
        "file": f.file,
        "line": f.line,
        "column": f.column,
        "path": f.path,
        "entity": f.entity,
        "message": f.message,
        "hint": f.hint,
    }


def render_json(result: Result, *, colour: bool = False) -> str:
    document = {
        "version": VERSION,
        "summary": {
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "infos": result.count(Severity.INFO),
            "files": result.files,
            "entities": result.portfolio.entity_count(),
        },
        "findings": [finding_dict(f) for f in result.findings],
    }
    return to_json(document, indent=2) + "\n"
