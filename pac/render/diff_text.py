"""Reports of `pac diff`: text for a terminal and JSON (the pull-request comment is in
diff_comment.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pac.changes.entities import Totals
from pac.json_text import to_json
from pac.money import format_money
from pac.plural import plural
from pac.render.diff_headlines import headline_texts, why_levels_skipped
from pac.render.shared import entity_dict, entity_title, field_line, finding_dict
from pac.terminal import one_line

if TYPE_CHECKING:
    from pac.changes.diff import Comparison
    from pac.changes.levels import LevelChange
    from pac.changes.risk import RiskChange
    from pac.history.model import ValueAtRisk

# 3: value_at_risk; 2: a field change is one leaf, and a record of a list is added or
# removed whole (the README says what changed); 1 gave a changed mapping or list of records
# as one value
VERSION = 3


def counts(c: Comparison) -> str:
    changes = c.changes
    return (
        f"{changes.count('added')} added, {changes.count('removed')} removed, "
        f"{changes.count('renamed')} renamed, {changes.count('changed')} changed; "
        f"{plural(len(c.introduced), 'finding')} introduced, {len(c.resolved)} resolved"
    )


def render_diff_text(c: Comparison) -> str:
    lines = [f"Portfolio changes from {c.base} to {c.head}: {counts(c)}."]
    lines += [f"  * {one_line(h)}" for h in headline_texts(c.headlines)]
    for e in c.changes.entities:
        lines.append(one_line(entity_title(e)))
        lines += [f"    {one_line(field_line(f))}" for f in e.changes]
    for level in c.levels:
        lines.append(one_line(_level_line(level)))
    lines += _risk_lines(c.value_at_risk)
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


def _risk_lines(risk: RiskChange | None) -> list[str]:
    if risk is None or not risk.changed:
        return []

    def side(v: ValueAtRisk) -> str:
        return f"{v.period or '(no period)'} {format_money(v.total, risk.currency)}"

    lines = [one_line(f"value at risk: {side(risk.before)} -> {side(risk.after)}")]
    lines += [
        f"  newly at risk: product:{pid} ({', '.join(risk.after.products[pid])})"
        for pid, _name in risk.entered
    ]
    lines += [f"  no longer at risk: product:{pid}" for pid, _name in risk.left]
    return lines


def _risk_dict(v: ValueAtRisk) -> dict[str, Any]:
    return {
        "period": v.period,
        "total": v.total,
        "by_reason": [{"rule": rule, "total": amount} for rule, amount in v.by_reason.items()],
        "products": [
            {"product": pid, "reasons": list(reasons)} for pid, reasons in v.products.items()
        ],
    }


def _risk_document(risk: RiskChange | None) -> dict[str, Any] | None:
    if risk is None:
        return None
    return {
        "before": _risk_dict(risk.before),
        "after": _risk_dict(risk.after),
        "change": risk.change,
        "newly_at_risk": [pid for pid, _name in risk.entered],
        "no_longer_at_risk": [pid for pid, _name in risk.left],
    }


def _totals(t: Totals | None) -> dict[str, Decimal] | None:
    if t is None:
        return None
    return {"envelope": t.envelope, "run": t.run, "change": t.change, "allocated": t.allocated}


def diff_document(c: Comparison) -> dict[str, Any]:
    """The JSON contract, version 3."""
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
        "headlines": headline_texts(c.headlines),
        "entities": [entity_dict(e) for e in changes.entities],
        "funding": [
            {"period": d.period, "before": _totals(d.before), "after": _totals(d.after)}
            for d in changes.funding
        ],
        "findings": {
            "introduced": [finding_dict(f) for f in c.introduced],
            "resolved": [finding_dict(f) for f in c.resolved],
        },
        "levels_skipped": why_levels_skipped(c.levels_skipped) if c.levels_skipped else None,
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
        "value_at_risk": _risk_document(c.value_at_risk),
    }


def render_diff_json(c: Comparison) -> str:
    return to_json(diff_document(c), indent=2) + "\n"
