"""GitHub Actions workflow commands: annotations on the pull request, then the full text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pac.findings import Finding, Severity
from pac.plural import plural
from pac.render.validate_text import render_text
from pac.terminal import one_line

if TYPE_CHECKING:
    from pac.findings import Result

MAX_ANNOTATIONS = 10  # GitHub shows at most 10 errors and 10 warnings of a step
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    """One workflow command; each value is made one line first, so that no control
    character reaches the log, and only the line break pac puts before the hint is kept."""
    props = ",".join(
        [
            f"file={escape_property(one_line(f.file))}",
            f"line={f.line}",
            f"col={f.column}",
            f"title={escape_property(one_line(f.rule))}",
        ]
    )
    body = one_line(f.message) + (f"\n{one_line(f.hint)}" if f.hint else "")
    return f"::{_COMMAND[f.severity]} {props}::{escape_data(body)}"


def render_github(result: Result, *, colour: bool = False) -> str:
    lines: list[str] = []
    left_out = 0
    for severity in (Severity.ERROR, Severity.WARNING):
        of_kind = [f for f in result.findings if f.severity == severity]
        lines.extend(annotation(f) for f in of_kind[:MAX_ANNOTATIONS])
        left_out += max(0, len(of_kind) - MAX_ANNOTATIONS)
    if left_out:
        lines.append(
            f"::notice title=pac::{plural(left_out, 'more finding')} "
            f"{'is' if left_out == 1 else 'are'} not annotated; "
            "the full list is in the log below"
        )
    return "\n".join(lines) + ("\n" if lines else "") + render_text(result)
