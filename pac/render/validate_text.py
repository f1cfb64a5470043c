"""Plain text: `file:line:col: severity rule-id message`, a hint, then a summary line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pac.findings import Severity
from pac.plural import plural
from pac.terminal import one_line

if TYPE_CHECKING:
    from pac.findings import Finding, Result

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def render_text(result: Result, *, colour: bool = False) -> str:
    lines = [line for f in result.findings for line in finding_lines(f, colour=colour)]
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def finding_lines(f: Finding, *, colour: bool = False) -> list[str]:
    """`file:line:col: severity rule message`, and its hint on a line of its own."""
    where = _paint(f"{one_line(f.file)}:{f.line}:{f.column}:", "1", colour)
    severity = _paint(str(f.severity), _COLOURS[f.severity], colour)
    lines = [f"{where} {severity} {f.rule} {one_line(f.message)}"]
    if f.hint:
        lines.append(f"    hint: {one_line(f.hint)}")
    return lines


_NOUNS = {
    "products": "product",
    "teams": "team",
    "capabilities": "capability",
    "objectives": "objective",
    "funding": "funding period",
}


def _entities(counts: dict[str, int]) -> str:
    words = []
    for folder, n in counts.items():
        noun = _NOUNS[folder]
        words.append(plural(n, noun, "capabilities" if noun == "capability" else ""))
    return ", ".join(words)


def summary_line(result: Result) -> str:
    counts = _entities(result.portfolio.entity_count())
    scope = f"{plural(result.files, 'file')} ({counts})"
    if not result.findings:
        return f"No problems found in {scope}."
    parts = [
        plural(result.count(Severity.ERROR), "error"),
        plural(result.count(Severity.WARNING), "warning"),
        plural(result.count(Severity.INFO), "info"),
    ]
    return f"{', '.join(parts)} in {scope}."
