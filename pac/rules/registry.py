"""The rule registry: every rule pac knows, its default severity and its check."""

from __future__ import annotations

import dataclasses
import datetime
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pac.findings import Finding, Loc, Severity
from pac.load.files import Reader
from pac.model.portfolio import Portfolio


@dataclass(frozen=True)
class Context:
    """What a check sees: the portfolio, the date that counts as today and the id of the
    rule it checks, which its findings carry."""

    portfolio: Portfolio
    today: datetime.date
    root: str = ""  # the portfolio directory, relative to the repository, with a trailing '/'
    read: Reader = lambda _path: None  # a file of the portfolio directory
    read_repository: Reader = lambda _path: None  # a file of the repository
    rule: str = ""  # set by the registry for each rule's check

    def finding(
        self,
        file: str,
        message: str,
        hint: str,
        entity: str,
        *,
        line: int,
        column: int,
    ) -> Finding:
        """A finding of this rule in any file, already located."""
        return Finding(self.rule, file, message, hint, entity, line=line, column=column)

    def found_in(
        self,
        kind: str,
        entity_id: str,
        message: str,
        hint: str,
        loc: Loc = (),
        *,
        at_key: bool = False,
        milder: bool = False,
    ) -> Finding:
        """A finding of this rule on one entity: in its file, labelled `kind:id`. The kind
        'portfolio' is portfolio.yaml, labelled 'portfolio'."""
        if kind == "portfolio":
            file, entity = self.portfolio.settings_file, "portfolio"
        else:
            file, entity = self.portfolio.file_of(kind, entity_id), f"{kind}:{entity_id}"
        return Finding(self.rule, file, message, hint, entity, loc, at_key, milder)


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
    rule_id: str, severity: Severity, summary: str, check: Check, *, health: bool = False
) -> None:
    """Register `check` as the check of a rule; it sees the rule's id in its context, so that
    its findings carry it. Each rule module calls this after the check's definition rather
    than decorating it: mutation testing (mutmut) leaves decorated functions alone."""

    @functools.wraps(check)
    def bound(ctx: Context) -> Iterable[Finding]:
        return check(dataclasses.replace(ctx, rule=rule_id))

    register(Rule(rule_id, severity, summary, bound, health=health))


def health_rule(rule_id: str, severity: Severity, summary: str, check: Check) -> None:
    """A portfolio-health rule: it runs once every file reads and matches the format, since
    a signal computed from half-read entities would mislead."""
    rule(rule_id, severity, summary, check, health=True)
