"""What more than one command's output words alike: a value and a field's change in words
(the same in the terminal, in Markdown and on the site), an entity's change as a title and
as JSON, and a finding as JSON. Renderers share these, never each other's modules."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pac.changes.entities import EntityChange
from pac.changes.fields import FieldChange, Leaves, leaves
from pac.findings import Finding

if TYPE_CHECKING:
    from pac.changes.changelog import Unread


def value_text(value: Any) -> str:
    """A value as people read it: numbers with thousands separators, `true`, dates as
    YYYY-MM-DD, the items of a list after one another, nothing as `(none)`."""
    if value is None or value == []:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return _number(Decimal(value))
    if isinstance(value, list):
        return ", ".join(value_text(item) for item in value)
    if isinstance(value, dict):
        return record_text(leaves(value))
    return str(value)


def _number(value: Decimal) -> str:
    """Whole numbers without decimals (1,500,000), others with the decimals they were
    written with (1,234.50: an amount keeps its cents)."""
    if value == value.to_integral_value():
        return f"{value:,.0f}"
    return f"{value:,f}"


def record_text(contents: Leaves) -> str:
    """What a record holds, leaf by leaf: `run 150,000; source cc-risk`."""
    return "; ".join(f"{path} {value_text(value)}" for path, value in contents.items())


def field_words(change: FieldChange) -> str:
    """What happened to a field, in words: `build → live`, `added ml; removed ai`,
    `added (checks funded, has-roadmap)`."""
    if change.kind == "set":
        parts = [
            f"{verb} {value_text(values)}"
            for verb, values in (("added", change.new), ("removed", change.old))
            if values
        ]
        return "; ".join(parts)
    if change.kind in ("added", "removed"):
        contents = change.new if change.kind == "added" else change.old
        return f"{change.kind} ({record_text(contents)})" if contents else change.kind
    return f"{value_text(change.old)} → {value_text(change.new)}"


def field_line(change: FieldChange) -> str:
    """A field's path and what happened to it: `lifecycle.stage: build → live`."""
    return f"{change.path}: {field_words(change)}"


def note_text(note: Unread) -> str:
    """A file of a commit that could not be read, in words."""
    return f"{note.path} could not be read at this commit: {note.why}"


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
