"""Reports of a semantic diff: text for a terminal, Markdown for a pull request, JSON."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pac.diff import EntityChange, FieldChange, PeriodDelta, Totals
from pac.json_text import to_json
from pac.money import ZERO
from pac.plural import plural
from pac.report.json import finding_dict
from pac.terminal import one_line

if TYPE_CHECKING:
    from pac.compare import Comparison, LevelChange

VERSION = 1
COMMENT_LIMIT = 60_000  # GitHub refuses comments over 65,536 characters
MARKER = "<!-- pac-diff -->"
LISTED = 40  # headlines and removed entities listed in a comment before "and N more"


def _counts(c: Comparison) -> str:
    changes = c.changes
    return (
        f"{changes.count('added')} added, {changes.count('removed')} removed, "
        f"{changes.count('renamed')} renamed, {changes.count('changed')} changed; "
        f"{plural(len(c.introduced), 'finding')} introduced, {len(c.resolved)} resolved"
    )


def _value(value: Any) -> str:
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
    return f"{change.path}: {_value(change.old)} -> {_value(change.new)}"


def entity_title(e: EntityChange) -> str:
    title = f"{e.status} {e.ref}"
    if e.old_id:
        title += f" (was {e.old_id})"
    return f"{title}: {e.name}" if e.name and e.name != e.id else title


def render_diff_text(c: Comparison) -> str:
    lines = [f"Portfolio changes from {c.base} to {c.head}: {_counts(c)}."]
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


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")


def md(text: object) -> str:
    """Portfolio text as Markdown that shows it literally: no markup, no HTML, no
    @mentions (a zero-width space after each @), on one line."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(one_line(text), quote=False))
    return escaped.replace("@", "@\u200b")


def _money_cell(t: Totals | None, attribute: str) -> str:
    return "—" if t is None else f"{getattr(t, attribute):,.0f}"


def _delta(d: PeriodDelta) -> str:
    before = d.before.allocated if d.before else ZERO
    after = d.after.allocated if d.after else ZERO
    change = after - before
    percent = f" ({change / before * 100:+.0f}%)" if before else ""
    return f"{change:+,.0f}{percent}"


def render_diff_markdown(c: Comparison, *, limit: int = COMMENT_LIMIT) -> str:
    """A pull-request comment: headlines first, then details, cut to fit GitHub's limit."""
    head = [MARKER, "## What this pull request does to the portfolio", "", _counts(c) + "."]
    removed = [e for e in c.changes.entities if e.status == "removed"]
    if removed:
        names = ", ".join(md(e.ref) for e in removed[:LISTED])
        if len(removed) > LISTED:
            names += f" and {len(removed) - LISTED} more"
        head += [
            "",
            f"> [!WARNING]\n> This change **removes** "
            f"{plural(len(removed), 'entity', 'entities')}: {names}. "
            "History keeps them, but the catalogue will not.",
        ]
    if c.headlines:
        head += ["", *[f"- {md(h)}" for h in c.headlines[:LISTED]]]
        if len(c.headlines) > LISTED:
            head.append(f"- … and {len(c.headlines) - LISTED} more (run `pac diff`)")
    head += _funding_table(c) + _levels_section(c) + _findings_section(c)
    body = "\n".join(head)
    details, cut = _details(c, limit - len(body) - 400)
    text = body + "\n\n" + details
    if cut:
        text += (
            f"\n\n_{cut} more changed entities are not shown here: the comment has to stay "
            f"under {limit:,} characters. Run `pac diff` for all of them._"
        )
    if len(text) > limit:  # a last guard: never a comment GitHub would refuse
        text = text[: limit - 200].rsplit("\n", 1)[0] + "\n\n_The comment was cut here to stay "
        text += f"under {limit:,} characters. Run `pac diff` for the rest._"
    return text + "\n"


def _funding_table(c: Comparison) -> list[str]:
    if not c.changes.funding:
        return []
    lines = [
        "",
        "### Funding",
        "",
        "| Period | Envelope | Run | Change | Allocated | Δ allocated |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for d in c.changes.funding:
        cells = [
            f"{_money_cell(d.before, a)} → {_money_cell(d.after, a)}"
            for a in ("envelope", "run", "change", "allocated")
        ]
        lines.append(f"| {md(d.period)} | {' | '.join(cells)} | {_delta(d)} |")
    return lines


def _levels_section(c: Comparison) -> list[str]:
    if not c.levels:
        return []
    lines = ["", "### Scorecard", ""]
    if c.regressions:
        n = len(c.regressions)
        lines += [
            f"> [!CAUTION]\n> {n} {'product falls' if n == 1 else 'products fall'} "
            "to a lower scorecard level.",
            "",
        ]
    lines += ["| Product | Before | After | Fails |", "|---|---|---|---|"]
    for change in c.levels[:LISTED]:
        arrow = "↓" if change.fell else "↑"
        lines.append(
            f"| {md(change.name)} | {md(change.before or '—')} | {arrow} "
            f"{md(change.after or '—')} | {md(', '.join(change.missing))} |"
        )
    if len(c.levels) > LISTED:
        lines.append(f"\n… and {len(c.levels) - LISTED} more (run `pac diff`)")
    return lines


def _findings_section(c: Comparison) -> list[str]:
    lines = []
    for title, findings in (
        ("Findings introduced", c.introduced),
        ("Findings resolved", c.resolved),
    ):
        if findings:
            lines += ["", f"### {title}", ""]
            lines += [
                f"- **{f.severity}** `{f.rule}` {md(f.file)}:{f.line} {md(f.message)}"
                for f in findings[:50]
            ]
            if len(findings) > 50:
                lines.append(f"- … and {len(findings) - 50} more")
    return lines


def _details(c: Comparison, budget: int) -> tuple[str, int]:
    parts: list[str] = []
    used = 0
    entities = c.changes.entities
    for i, e in enumerate(entities):
        block = _entity_block(e)
        if used + len(block) > budget:
            return "\n\n".join(parts), len(entities) - i
        parts.append(block)
        used += len(block) + 2
    return "\n\n".join(parts), 0


def _entity_block(e: EntityChange) -> str:
    summary = f"{e.status} <code>{md(e.ref)}</code>"
    if e.old_id:
        summary += f" (was <code>{md(e.old_id)}</code>)"
    if e.name:
        summary += f": {md(e.name)}"
    if not e.changes:
        return f"<details><summary>{summary}</summary>\n\n_{e.status}_\n\n</details>"
    rows = ["| Field | Before | After |", "|---|---|---|"]
    for f in e.changes:
        if f.kind == "set":
            before = ", ".join(md(v) for v in f.old) or "—"
            after = ", ".join(md(v) for v in f.new) or "—"
            rows.append(f"| {md(f.path)} | removed: {before} | added: {after} |")
        else:
            rows.append(f"| {md(f.path)} | {md(_value(f.old))} | {md(_value(f.new))} |")
    return f"<details><summary>{summary}</summary>\n\n" + "\n".join(rows) + "\n\n</details>"


DIFF_REPORTERS: dict[str, Callable[[Comparison], str]] = {
    "text": render_diff_text,
    "markdown": render_diff_markdown,
    "json": render_diff_json,
}
