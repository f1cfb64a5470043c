"""What more than one command's output words alike: an entity's change as a title, a field
change as a line, both as JSON, and a finding as JSON. Renderers share these, never each
other's modules."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pac.changes.entities import EntityChange
from pac.changes.fields import FieldChange
from pac.findings import Finding
from pac.json_text import to_json


def value_text(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return f"{value:,.0f}"
    if isinstance(value, dict | list):
        return to_json(value, sort_keys=True)
    return str(value)


def field_line(change: FieldChange) -> str:
    if change.kind == "set":
        parts = [f"+{v}" for v in change.new] + [f"-{v}" for v in change.old]
        return f"{change.path}: {', '.join(parts)}"
    return f"{change.path}: {value_text(change.old)} -> {value_text(change.new)}"


def entity_title(e: EntityChange) -> str:
    title = f"{e.status} {e.ref}"
    if e.old_id:
        title += f" (was {e.old_id})"
    return f"{title}: {e.name}" if e.name and e.name != e.id else title


def entity_dict(e: EntityChange) -> dict[str, Any]:
    """One entity's change, as the JSON reports of diff and change log give it."""
    return {
        "entity": e.ref,
        "kind": e.kind,
        "id": e.id,
        "status": e.status,
        "name": e.name,
        "old_id": e.old_id,
        "changes": [
            {"path": f.path, "kind": f.kind, "old": f.old, "new": f.new} for f in e.changes
        ],
    }


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
