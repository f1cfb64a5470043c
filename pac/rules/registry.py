"""The rule registry: every rule pac knows, its default severity and its check."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pac.findings import Finding, Severity
from pac.load.files import Reader
from pac.model.portfolio import Portfolio


@dataclass(frozen=True)
class Context:
    """What a check sees: the portfolio and the date that counts as today."""

    portfolio: Portfolio
    today: datetime.date
    root: str = ""  # the portfolio directory, relative to the repository, with a trailing '/'
    read: Reader = lambda _path: None  # a file of the portfolio directory
    read_repository: Reader = lambda _path: None  # a file of the repository


# Checks may yield findings in any order: validation sorts them all by file and line.
Check = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule: `check` is None for rules that the loader applies while reading files.
    A `locked` rule keeps its severity: without it the portfolio cannot be read reliably."""

    id: str
    severity: Severity
    summary: str
    check: Check | None = None
    locked: bool = False
    health: bool = False  # a judgement on a sound portfolio: skipped while files are broken


RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.id in RULES:
        raise ValueError(f"rule {rule.id} registered twice")
    RULES[rule.id] = rule
    return rule


def rule(
    rule_id: str, severity: Severity, summary: str, *, health: bool = False
) -> Callable[[Check], Check]:
    """Register the decorated function as the check of a rule."""

    def decorate(check: Check) -> Check:
        register(Rule(rule_id, severity, summary, check, health=health))
        return check

    return decorate


def health_rule(rule_id: str, severity: Severity, summary: str) -> Callable[[Check], Check]:
    """A portfolio-health rule: it runs once every file reads and matches the format, since
    a signal computed from half-read entities would mislead."""
    return rule(rule_id, severity, summary, health=True)
