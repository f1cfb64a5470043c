"""Two validated versions of a portfolio -> what the change does, in headlines and detail."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pac.changes.entities import (
    Changes,
    EntityChange,
    PeriodDelta,
    Totals,
    diff_portfolio,
    snapshot,
)
from pac.changes.headlines import OTHER, Headline, headlines
from pac.changes.levels import LevelChange, level_changes, unscorable
from pac.changes.promises import ReadText, removed_promises
from pac.changes.risk import RiskChange, risk_change
from pac.findings import Finding, Result, Severity
from pac.model.portfolio import Portfolio
from pac.money import ZERO
from pac.rules import RULES
from pac.validate import apply_severities

KINDS = ("product", "team", "capability", "objective", "funding")


@dataclass(frozen=True)
class Comparison:
    """What a change does to the portfolio."""

    base: str
    head: str
    changes: Changes
    introduced: list[Finding]
    resolved: list[Finding]
    levels: list[LevelChange] = field(default_factory=list)
    # the version whose portfolio.yaml could not be read, so levels were not compared
    levels_skipped: str = ""
    # what a reader must see, which a comment never leaves out: errors introduced, level
    # falls, funding changes and renames
    key_headlines: list[Headline] = field(default_factory=list)
    other_headlines: list[Headline] = field(default_factory=list)
    # None when a version's health findings cannot be trusted (see changes/risk.py)
    value_at_risk: RiskChange | None = None

    @property
    def headlines(self) -> list[Headline]:
        """What a reviewer reads first, the key ones first."""
        return self.key_headlines + self.other_headlines

    @property
    def errors_introduced(self) -> int:
        return sum(1 for f in self.introduced if f.severity == Severity.ERROR)

    @property
    def regressions(self) -> list[LevelChange]:
        return [change for change in self.levels if change.fell]


def snapshots(portfolio: Portfolio, kind: str) -> dict[str, dict[str, Any]]:
    return {entity_id: snapshot(entity) for entity_id, entity in portfolio.of_kind(kind).items()}


def compare(
    base: Result,
    head: Result,
    *,
    base_label: str,
    head_label: str,
    today: datetime.date,
    read_head: ReadText = lambda _file: None,
) -> Comparison:
    """What the change from `base` to `head` does; `read_head` gives a head file's text,
    by the name findings give it, to place the findings only a diff makes (at line 1
    without it)."""
    changes = Changes()
    changes.entities = diff_portfolio(_everything(base.portfolio), _everything(head.portfolio))
    changes.funding = _funding(base.portfolio, head.portfolio)
    introduced, resolved = _findings(base.findings, head.findings)
    promises = _promises(base, head, changes.entities, today, read_head)
    introduced = sorted([*introduced, *promises], key=Finding.sort_key)
    skipped = unscorable(base, base_label) or unscorable(head, head_label)
    levels = [] if skipped else level_changes(base, head, changes.entities, today)
    comparison = Comparison(
        base_label,
        head_label,
        changes,
        introduced,
        resolved,
        levels,
        levels_skipped=skipped,
        value_at_risk=risk_change(base, head, changes.entities),
    )
    ranked = sorted(headlines(comparison, base.portfolio, head.portfolio), key=lambda h: h[0])
    comparison.key_headlines.extend(line for rank, line in ranked if rank < OTHER)
    comparison.other_headlines.extend(line for rank, line in ranked if rank == OTHER)
    return comparison


def _promises(
    base: Result,
    head: Result,
    entities: list[EntityChange],
    today: datetime.date,
    read_head: ReadText,
) -> list[Finding]:
    """The roadmap promises the change deletes, at the severity the head's portfolio.yaml
    gives them (none when it turns the rule off)."""
    unread = {f.file for f in head.findings if f.rule in RULES and RULES[f.rule].locked}
    found = removed_promises(
        base.portfolio, head.portfolio, entities, today=today, read_head=read_head, unread=unread
    )
    return apply_severities(found, head.portfolio)


def _totals(portfolio: Portfolio, period: str) -> Totals | None:
    funding = portfolio.funding.get(period)
    if funding is None:
        return None
    return Totals(
        funding.envelope,
        sum((a.run for a in funding.allocations), ZERO),
        sum((a.change for a in funding.allocations), ZERO),
    )


def _funding(base: Portfolio, head: Portfolio) -> list[PeriodDelta]:
    periods = sorted(set(base.funding) | set(head.funding))
    deltas = [PeriodDelta(p, _totals(base, p), _totals(head, p)) for p in periods]
    return [d for d in deltas if d.before != d.after]


def _finding_key(f: Finding) -> tuple[str, str, str, str, str]:
    """A finding's identity across versions: where it is in the data, not on which line."""
    return (f.rule, f.file, f.entity, f.path, f.message)


def _everything(portfolio: Portfolio) -> dict[str, dict[str, dict[str, Any]]]:
    """Every entity by kind, and the settings if portfolio.yaml was read."""
    out = {kind: snapshots(portfolio, kind) for kind in KINDS}
    read = ("portfolio", "portfolio") in portfolio.files
    out["portfolio"] = {"portfolio": snapshot(portfolio.settings)} if read else {}
    return out


def _findings(base: list[Finding], head: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    before = Counter(_finding_key(f) for f in base)
    after = Counter(_finding_key(f) for f in head)
    introduced = [f for f in head if after[_finding_key(f)] > before[_finding_key(f)]]
    resolved = [f for f in base if before[_finding_key(f)] > after[_finding_key(f)]]
    return introduced, resolved
