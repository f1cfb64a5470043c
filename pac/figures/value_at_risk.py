"""Value at risk: the current period's funding on products that leak value.

(Provisional: replaced by the full module of the value-at-risk work.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from pac.findings import Finding
from pac.history.model import ValueAtRisk
from pac.model.portfolio import Portfolio

LEAKAGE_RULES = (
    "stale-stakeholder-review",
    "overdue-retirement",
    "eliminate-still-funded",
    "value-below-target",
    "value-unknown",
    "technology-end-of-support",
)


def value_at_risk(
    portfolio: Portfolio, findings: Iterable[Finding], period: str | None = None
) -> ValueAtRisk:
    wanted = period or portfolio.settings.current_period
    funding = portfolio.funding.get(wanted) if wanted else None
    amounts: dict[str, Decimal] = defaultdict(Decimal)
    for allocation in funding.allocations if funding else []:
        amounts[allocation.product] += allocation.run + allocation.change
    reasons: dict[str, set[str]] = defaultdict(set)
    for f in findings:
        kind, _, pid = f.entity.partition(":")
        if f.rule in LEAKAGE_RULES and kind == "product" and amounts.get(pid):
            reasons[pid].add(f.rule)
    by_reason: dict[str, Decimal] = defaultdict(Decimal)
    for pid, rules in reasons.items():
        for rule in rules:
            by_reason[rule] += amounts[pid]
    return ValueAtRisk(
        wanted,
        sum((amounts[pid] for pid in reasons), Decimal(0)),
        {r: by_reason[r] for r in LEAKAGE_RULES if r in by_reason},
        {pid: tuple(sorted(rules)) for pid, rules in sorted(reasons.items())},
    )
