"""The pull-request comment of `pac diff --format markdown`.

GitHub refuses a comment over 65,536 characters, and what the portfolio holds is anyone's
text. So every cell and list item is shortened, the sections come in the order a reviewer
needs them, and a section that does not fit ends at a whole line with one that says how
much it leaves out. The key headlines (errors introduced, level falls, funding changes,
renames) come first, so that they are always there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pac.changes.entities import EntityChange, PeriodDelta, Totals
from pac.changes.fields import FieldChange
from pac.money import ZERO
from pac.plural import plural
from pac.render.diff_headlines import headline_texts
from pac.render.diff_text import counts
from pac.render.markdown import cell
from pac.render.shared import field_words, value_text

if TYPE_CHECKING:
    from pac.changes.diff import Comparison
    from pac.findings import Finding

COMMENT_LIMIT = 60_000  # GitHub refuses comments over 65,536 characters
MARKER = "<!-- pac-diff -->"
LISTED = 40  # items of a section listed before "and N more", whatever the room
SHORT = 200  # characters of portfolio text shown in a cell or a headline
LONG = 500  # characters of a finding's message shown


@dataclass(frozen=True)
class Section:
    """Lines of the comment: `head` (a heading, a table's header) shown with the first
    item, then one item per line while they fit, then `more(n)` for the n left out."""

    head: list[str]
    items: list[str]
    more: Callable[[int], str]
    listed: int | None = LISTED


def _more(n: int) -> str:
    return f"- … and {n} more (run `pac diff`)"


def _more_rows(n: int) -> str:
    return f"\n… and {n} more (run `pac diff`)"


def render_diff_markdown(c: Comparison, *, limit: int = COMMENT_LIMIT) -> str:
    """A pull-request comment of at most `limit` characters: headlines first, then
    findings, funding, scorecard levels and each entity's changes, as many as fit."""
    header = [MARKER, "## What this pull request does to the portfolio", "", counts(c) + "."]
    details = Section(
        [],
        ["\n" + _entity_block(e) for e in c.changes.entities],
        lambda n: (
            f"\n_{n} more changed entities are not shown here: the comment has to stay "
            f"under {limit:,} characters. Run `pac diff` for all of them._"
        ),
        listed=None,
    )
    key, other = headline_texts(c.key_headlines), headline_texts(c.other_headlines)
    sections = [
        Section([""], [f"- {cell(h, SHORT)}" for h in key], _more, listed=None),
        *_removals(c),
        Section([""], [f"- {cell(h, SHORT)}" for h in other], _more),
        _findings("Findings introduced", c.introduced),
        _funding(c),
        _risk(c),
        _levels(c),
        _findings("Findings resolved", c.resolved),
        details,
    ]
    room = limit - 1 - len("\n".join(header))
    parts = header
    for section in sections:
        text = _fit(section, room - 1)
        if text is not None:
            parts.append(text)
            room -= len(text) + 1
    return "\n".join(parts) + "\n"


def _fit(s: Section, room: int) -> str | None:
    """The section in at most `room` characters, or None when not even what says it is
    left out fits."""
    shown: list[str] = []
    size = len("\n".join(s.head))
    for item in s.items[: s.listed]:
        left = len(s.items) - len(shown) - 1
        tail = 1 + len(s.more(left)) if left else 0
        if size + 1 + len(item) + tail > room:
            break
        shown.append(item)
        size += 1 + len(item)
    if not shown:
        more = s.more(len(s.items)) if s.items else ""
        return more if more and len(more) <= room else None
    left_out = len(s.items) - len(shown)
    return "\n".join([*s.head, *shown, *([s.more(left_out)] if left_out else [])])


def _removals(c: Comparison) -> list[Section]:
    removed = [e for e in c.changes.entities if e.status == "removed"]
    if not removed:
        return []
    names = ", ".join(cell(e.ref, SHORT) for e in removed[:LISTED])
    if len(removed) > LISTED:
        names += f" and {len(removed) - LISTED} more"
    what = plural(len(removed), "entity", "entities")
    warning = (
        f"> [!WARNING]\n> This change **removes** {what}: {names}. "
        "History keeps them, but the catalogue will not."
    )
    return [Section([""], [warning], lambda _n: f"- This change removes {what}.")]


def _findings(title: str, findings: list[Finding]) -> Section:
    items = [
        f"- **{f.severity}** `{f.rule}` {cell(f.file, SHORT)}:{f.line} {cell(f.message, LONG)}"
        for f in findings
    ]
    return Section(["", f"### {title}", ""], items, _more, listed=50)


def _money_cell(t: Totals | None, attribute: str) -> str:
    return "—" if t is None else f"{getattr(t, attribute):,.0f}"


def _delta(d: PeriodDelta) -> str:
    before = d.before.allocated if d.before else ZERO
    after = d.after.allocated if d.after else ZERO
    change = after - before
    percent = f" ({change / before * 100:+.0f}%)" if before else ""
    return f"{change:+,.0f}{percent}"


def _funding(c: Comparison) -> Section:
    head = [
        "",
        "### Funding",
        "",
        "| Period | Envelope | Run | Change | Allocated | Δ allocated |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    rows = []
    for d in c.changes.funding:
        cells = [
            f"{_money_cell(d.before, a)} → {_money_cell(d.after, a)}"
            for a in ("envelope", "run", "change", "allocated")
        ]
        rows.append(f"| {cell(d.period, SHORT)} | {' | '.join(cells)} | {_delta(d)} |")
    return Section(head, rows, _more_rows)


def _risk(c: Comparison) -> Section:
    """The value at risk by reason, before and after, and the products that enter or leave
    it; nothing when the change leaves it as it was."""
    risk = c.value_at_risk
    if risk is None or not risk.changed:
        return Section([], [], _more_rows)
    head = ["", "### Value at risk", ""]
    before_in, after_in = (cell(v.period or "—", SHORT) for v in (risk.before, risk.after))
    head += [f"| Reason | Before ({before_in}) | After ({after_in}) |", "|---|---:|---:|"]
    before, after = risk.before.by_reason, risk.after.by_reason
    rows = [
        f"| `{rule}` | {before.get(rule, ZERO):,.0f} | {after.get(rule, ZERO):,.0f} |"
        for rule in dict.fromkeys([*before, *after])
        if before.get(rule) or after.get(rule)
    ]
    rows.append(f"| **Total** | {risk.before.total:,.0f} | {risk.after.total:,.0f} |")
    for label, products in (("Newly at risk", risk.entered), ("No longer at risk", risk.left)):
        if products:
            names = ", ".join(cell(name, SHORT) for _pid, name in products[:LISTED])
            more = f" and {len(products) - LISTED} more" if len(products) > LISTED else ""
            rows.append(f"\n{label}: {names}{more}.")
    return Section(head, rows, _more_rows)


def _levels(c: Comparison) -> Section:
    head = ["", "### Scorecard", ""]
    if c.regressions:
        n = len(c.regressions)
        head += [
            f"> [!CAUTION]\n> {n} {'product falls' if n == 1 else 'products fall'} "
            "to a lower scorecard level.",
            "",
        ]
    head += ["| Product | Before | After | Fails |", "|---|---|---|---|"]
    rows = [
        f"| {cell(change.name, SHORT)} | {cell(change.before or '—', SHORT)} | "
        f"{'↓' if change.fell else '↑'} {cell(change.after or '—', SHORT)} | "
        f"{cell(', '.join(change.missing), SHORT)} |"
        for change in c.levels
    ]
    return Section(head, rows, _more_rows)


def _entity_block(e: EntityChange) -> str:
    summary = f"{e.status} <code>{cell(e.ref, SHORT)}</code>"
    if e.old_id:
        summary += f" (was <code>{cell(e.old_id, SHORT)}</code>)"
    if e.name:
        summary += f": {cell(e.name, SHORT)}"
    if not e.changes:
        return f"<details><summary>{summary}</summary>\n\n_{e.status}_\n\n</details>"
    rows = ["| Field | Before | After |", "|---|---|---|"]
    for f in e.changes[:LISTED]:
        before, after = _before_after(f)
        rows.append(f"| {cell(f.path, SHORT)} | {before} | {after} |")
    if len(e.changes) > LISTED:
        rows.append(f"| … | {len(e.changes) - LISTED} more fields | run `pac diff` |")
    return f"<details><summary>{summary}</summary>\n\n" + "\n".join(rows) + "\n\n</details>"


def _before_after(f: FieldChange) -> tuple[str, str]:
    """A field change's two cells, in the words of every other report."""
    if f.kind == "set":
        gone = cell(value_text(f.old), SHORT) if f.old else "—"
        came = cell(value_text(f.new), SHORT) if f.new else "—"
        return f"removed: {gone}", f"added: {came}"
    if f.kind == "added":
        return "—", cell(field_words(f), SHORT)
    if f.kind == "removed":
        return cell(field_words(f), SHORT), "—"
    return cell(value_text(f.old), SHORT), cell(value_text(f.new), SHORT)
