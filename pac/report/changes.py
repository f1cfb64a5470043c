"""Reports of a semantic diff: text for a terminal and JSON (the pull-request comment is
in comment.py), and the lines they and the change log share."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pac.diff import EntityChange, FieldChange, Totals
from pac.json_text import to_json
from pac.plural import plural
from pac.report.json import finding_dict
from pac.terminal import one_line

if TYPE_CHECKING:
    from pac.compare import Comparison, LevelChange

VERSION = 1


def counts(c: Comparison) -> str:
    changes = c.changes
    return (
        f"{changes.count('added')} added, {changes.count('removed')} removed, "
        f"{changes.count('renamed')} renamed, {changes.count('changed')} changed; "
        f"{plural(len(c.introduced), 'finding')} introduced, {len(c.resolved)} resolved"
    )


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


def render_diff_text(c: Comparison) -> str:
    lines = [f"Portfolio changes from {c.base} to {c.head}: {counts(c)}."]
    lines += [f"  * {one_line(h)}" for h in c.headlines]
    for e in c.changes.entities:
        lines.append(one_line(entity_title(e)))
        lines += [f"    {one_line(field_line(f))}" for f in e.changes]
    for level in c.levels:
        lines.append(one_line(_level_line(level)))
    for f in c.introduced:
        where = f"{one_line(f.file)}:{f.line}:{f.column}"
        lines.append(f"introduced: {where}: {f.severity} {f.rule} {one_line(f.message)}")
    for f in c.resolved:
        lines.append(f"resolved: {one_line(f.file)}: {f.severity} {f.rule} {one_line(f.message)}")
    return "\n".join(lines) + "\n"


def _level_line(change: LevelChange) -> str:
    direction = "down" if change.fell else "up"
    line = f"level {direction}: product:{change.product} {change.before or '(none)'} -> "
    line += change.after or "(none)"
    return line + (f" (fails {', '.join(change.missing)})" if change.missing else "")


def _totals(t: Totals | None) -> dict[str, Decimal] | None:
    if t is None:
        return None
    return {"envelope": t.envelope, "run": t.run, "change": t.change, "allocated": t.allocated}


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


def diff_document(c: Comparison) -> dict[str, Any]:
    """The JSON contract, version 1."""
    changes = c.changes
    return {
        "version": VERSION,
        "base": c.base,
        "head": c.head,
        "summary": {
            "added": changes.count("added"),
            "removed": changes.count("removed"),
            "renamed": changes.count("renamed"),
            "changed": changes.count("changed"),
            "findings_introduced": len(c.introduced),
            "findings_resolved": len(c.resolved),
            "errors_introduced": c.errors_introduced,
            "levels_down": len(c.regressions),
        },
        "headlines": c.headlines,
        "entities": [entity_dict(e) for e in changes.entities],
        "funding": [
            {"period": d.period, "before": _totals(d.before), "after": _totals(d.after)}
            for d in changes.funding
        ],
        "findings": {
            "introduced": [finding_dict(f) for f in c.introduced],
            "resolved": [finding_dict(f) for f in c.resolved],
        },
        "levels_skipped": c.levels_skipped or None,
        "levels": [
            {
                "product": change.product,
                "old_id": change.old_id or None,
                "before": change.before,
                "after": change.after,
                "direction": "down" if change.fell else "up",
                "missing": list(change.missing),
            }
            for change in c.levels
        ],
    }


def render_diff_json(c: Comparison) -> str:
    return to_json(diff_document(c), indent=2) + "\n"
