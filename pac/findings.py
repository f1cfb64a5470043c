"""Findings: every problem pac reports is one of these values, never an exception; a
validation's Result is the resolved portfolio with all of them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pac.model.portfolio import Portfolio

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


@dataclass(frozen=True)
class Result:
    """The outcome of a validation run."""

    portfolio: Portfolio
    findings: list[Finding]
    files: int

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, *, strict: bool = False) -> bool:
        failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return any(f.severity in failing for f in self.findings)
