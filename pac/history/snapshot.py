"""The figures of one state of the portfolio: what a point of each trend series holds."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from decimal import Decimal

from pac.figures.funding import current_period_funding, is_live, period_figures
from pac.figures.scorecard import level_counts, score
from pac.figures.value_at_risk import value_at_risk
from pac.findings import Finding
from pac.history.model import FundingPoint, Snapshot
from pac.model import STAGES
from pac.model.portfolio import Portfolio

ZERO = Decimal(0)


def snapshot(
    label: str,
    day: datetime.date,
    commit: str | None,
    portfolio: Portfolio,
    findings: list[Finding],
) -> Snapshot:
    """The portfolio as it stood at the end of `day`, judged on that day."""
    stages = Counter[str](p.lifecycle.stage for p in portfolio.products.values())
    card = portfolio.settings.scorecard
    return Snapshot(
        label=label,
        date=day,
        commit=commit,
        products=len(portfolio.products),
        stages={stage: stages.get(stage, 0) for stage in STAGES},
        levels=level_counts(card, score(portfolio, findings, day)),
        findings=findings_by_severity(findings),
        funding=funding_point(portfolio),
        coverage=coverage(portfolio),
        value_at_risk=value_at_risk(portfolio, findings),
    )


def findings_by_severity(findings: list[Finding]) -> dict[str, dict[str, int]]:
    """Severity (error, warning, info) -> rule id -> count, rules sorted."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for f in findings:
        counts[f.severity.value][f.rule] += 1
    return {
        severity: dict(sorted(counts[severity].items()))
        for severity in ("error", "warning", "info")
    }


def funding_point(portfolio: Portfolio) -> FundingPoint:
    """The current period's allocations (figures.funding's), by the stage of the product
    they fund."""
    funding = current_period_funding(portfolio)
    if funding is None:
        return FundingPoint(None, dict.fromkeys(STAGES, ZERO), ZERO, ZERO)
    figures = period_figures(portfolio, funding)
    by_stage = dict.fromkeys(STAGES, ZERO)
    for pid, split in figures.by_product.items():
        product = portfolio.products.get(pid)
        if product is not None:
            by_stage[product.lifecycle.stage] += split.total
    return FundingPoint(funding.period, by_stage, figures.allocated.run, figures.allocated.change)


def coverage(portfolio: Portfolio) -> tuple[int, int]:
    """(leaf capabilities served by a live product, all leaf capabilities)."""
    parents = {c.parent for c in portfolio.capabilities.values() if c.parent}
    leaves = {cid for cid in portfolio.capabilities if cid not in parents}
    served = {cid for p in portfolio.products.values() if is_live(p) for cid in p.capabilities}
    return len(leaves & served), len(leaves)
