"""Value at risk: the funding of one period on products that carry a value-leakage finding.

A product counts once in the total, whatever the number of its findings, and once under
each of its reasons, so the reasons may add up to more than the total. The findings are a
validation's: a rule switched off in portfolio.yaml has none, so it flags nothing here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from pac.figures.funding import period_figures
from pac.findings import Finding
from pac.history.model import ValueAtRisk
from pac.model.portfolio import Portfolio
from pac.money import ZERO

LEAKAGE_RULES = (
    "stale-stakeholder-review",
    "overdue-retirement",
    "eliminate-still-funded",
    "value-below-target",
    "value-unknown",
    "technology-end-of-support",
)
"""The rules whose findings say that a product's funding may be buying little value."""


def value_at_risk(
    portfolio: Portfolio, findings: Iterable[Finding], period: str | None = None
) -> ValueAtRisk:
    """The value at risk in `period` (the current period by default). Products are listed
    largest funding first, then by id; `by_reason` has every rule of LEAKAGE_RULES, in that
    order, zero where it flags no funded product."""
    wanted = period or portfolio.settings.current_period
    funding = portfolio.funding.get(wanted) if wanted else None
    by_product = period_figures(portfolio, funding).by_product if funding else {}
    reasons = _reasons(findings)
    at_risk = {
        pid: tuple(sorted(reasons[pid]))
        for pid, split in by_product.items()
        if split.total and pid in reasons
    }
    by_reason = dict.fromkeys(LEAKAGE_RULES, ZERO)
    for pid, flagged in at_risk.items():
        for reason in flagged:
            by_reason[reason] += by_product[pid].total
    total = sum((by_product[pid].total for pid in at_risk), ZERO)
    return ValueAtRisk(wanted, total, by_reason, at_risk)


def _reasons(findings: Iterable[Finding]) -> dict[str, set[str]]:
    """Product id -> the leakage rules that flag it. A milder finding (technology that
    goes out of support soon, reported as info) is a warning ahead, not a leak yet."""
    out: dict[str, set[str]] = defaultdict(set)
    for f in findings:
        kind, _, entity_id = f.entity.partition(":")
        if kind == "product" and f.rule in LEAKAGE_RULES and not f.milder:
            out[entity_id].add(f.rule)
    return out
