"""Findings: every problem pac reports is one of these values, never an exception."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

Loc = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: which rule, where (file, line, column, field path, entity), what and how to fix.

    `loc` is the field path as data; `at_key` says whether the finding points at the
    field's key (a missing or unknown field) rather than at its value. A finding is made
    without `line`/`column` and located once, after every check has run.
    """

    rule: str
    file: str
    message: str
    hint: str = ""
    entity: str = ""
    loc: Loc = ()
    at_key: bool = False
    milder: bool = False  # reported as info, not at the rule's severity, unless overridden
    line: int = 0
    column: int = 0
    severity: Severity = Severity.ERROR

    @property
    def path(self) -> str:
        return format_loc(self.loc)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.message)


def format_loc(loc: Loc) -> str:
    """`('kpis', 1, 'target')` -> `kpis[1].target`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out
