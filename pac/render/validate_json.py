"""The JSON report: a versioned contract for other tools."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pac.findings import Severity
from pac.json_text import to_json
from pac.render.shared import finding_dict

if TYPE_CHECKING:
    from pac.findings import Result

VERSION = 1


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
