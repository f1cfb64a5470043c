"""Figures derived from the portfolio: funding totals and splits, KPI and support status.

Pure functions over the model, shared by the catalogue and (later) reports, so that the
numbers never disagree between them.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from pac.figures.roadmap import counted
from pac.model import Funding, KeyResult, Kpi, Product
from pac.model.portfolio import Portfolio
from pac.model.product import Technology
from pac.money import ZERO, equal_shares, unit_of

END_OF_SUPPORT_WARNING_DAYS = 180


@dataclass(frozen=True)
class Split:
    """Run and change funding of something in one period."""

    run: Decimal = ZERO
    change: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.run + self.change

    def __add__(self, other: Split) -> Split:
        return Split(self.run + other.run, self.change + other.change)


def spread(split: Split, targets: Sequence[str], unit: Decimal) -> Iterator[tuple[str, Split]]:
    """An equal share of `split` for each target: run and change each in shares of whole
    `unit`s (cents) that add up exactly, the leftover units to the targets listed first."""
    if not targets:
        return
    runs = equal_shares(split.run, len(targets), unit)
    changes = equal_shares(split.change, len(targets), unit)
    for target, run, change in zip(targets, runs, changes, strict=True):
        yield target, Split(run, change)


@dataclass(frozen=True)
class PeriodFigures:
    """One funding period in numbers."""

    period: str
    envelope: Decimal
    allocated: Split
    by_product: dict[str, Split]
    by_team: dict[str, Split]
    by_capability: dict[str, Split]  # a product on several capabilities splits equally

    @property
    def unallocated(self) -> Decimal:
        return self.envelope - self.allocated.total


def period_figures(portfolio: Portfolio, funding: Funding) -> PeriodFigures:
    by_product: dict[str, Split] = defaultdict(Split)
    for allocation in funding.allocations:
        by_product[allocation.product] += Split(allocation.run, allocation.change)
    by_team: dict[str, Split] = defaultdict(Split)
    by_capability: dict[str, Split] = defaultdict(Split)
    unit = unit_of(portfolio.settings.currency)
    for product_id, split in by_product.items():
        product = portfolio.products.get(product_id)
        if product is None:
            continue
        by_team[product.owner] += split
        for capability, share in spread(split, product.capabilities, unit):
            by_capability[capability] += share
    allocated = sum(by_product.values(), Split())
    return PeriodFigures(
        funding.period,
        funding.envelope,
        allocated,
        _sorted(by_product),
        _sorted(by_team),
        _sorted(by_capability),
    )


def _sorted(values: dict[str, Split]) -> dict[str, Split]:
    """Largest first, then by id, so that every listing has the same order."""
    return dict(sorted(values.items(), key=lambda kv: (-kv[1].total, kv[0])))


def periods_in_order(portfolio: Portfolio) -> list[Funding]:
    return sorted(portfolio.funding.values(), key=lambda f: (f.start, f.period))


def product_funding(portfolio: Portfolio) -> dict[str, dict[str, Split]]:
    """Product id -> period -> its funding, over every period."""
    out: dict[str, dict[str, Split]] = defaultdict(dict)
    for funding in periods_in_order(portfolio):
        for allocation in funding.allocations:
            previous = out[allocation.product].get(funding.period, Split())
            out[allocation.product][funding.period] = previous + Split(
                allocation.run, allocation.change
            )
    return out


def kpi_status(kpi: Kpi | KeyResult) -> str:
    """met | missed | no data, honouring which direction is better."""
    if kpi.actual is None or kpi.target is None:
        return "no data"
    if kpi.direction == "higher":
        return "met" if kpi.actual >= kpi.target else "missed"
    return "met" if kpi.actual <= kpi.target else "missed"


def key_result_status(result: KeyResult, period: Funding | None, today: datetime.date) -> str:
    """not started before its objective's period starts (when that period is a funding
    period pac knows), else met | missed | no data as for a KPI."""
    if period is not None and today < period.start:
        return "not started"
    return kpi_status(result)


def support_status(technology: Technology, today: datetime.date) -> str:
    """supported | ending soon | unsupported | unknown."""
    end = technology.end_of_support
    if end is None:
        return "unknown"
    if end < today:
        return "unsupported"
    if (end - today).days <= END_OF_SUPPORT_WARNING_DAYS:
        return "ending soon"
    return "supported"


def is_live(product: Product) -> bool:
    return product.lifecycle.stage == "live"


KPI_STALE_DAYS = 90


def kpi_fresh(kpi: Kpi, today: datetime.date) -> bool:
    """Measured, and no more than 90 days before today."""
    return (
        kpi.actual is not None
        and kpi.as_of is not None
        and (today - kpi.as_of).days <= (KPI_STALE_DAYS)
    )


def review_current(product: Product, today: datetime.date, days: int) -> bool:
    """The stakeholders were asked no more than `days` days before today."""
    last = product.last_stakeholder_review
    return last is not None and (today - last).days <= days


def current_period_funding(portfolio: Portfolio) -> Funding | None:
    """The funding of the current period; None without current_period or without its file."""
    period = portfolio.settings.current_period
    return None if period is None else portfolio.funding.get(period)


def current_funding(portfolio: Portfolio) -> dict[str, Decimal] | None:
    """Product id -> its total funding in the current period; None without that period."""
    current = current_period_funding(portfolio)
    if current is None:
        return None
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for allocation in current.allocations:
        totals[allocation.product] += allocation.total
    return dict(totals)


def quarter_of(day: datetime.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def next_quarter(quarter: str) -> str:
    year, q = int(quarter[:4]), int(quarter[-1])
    return f"{year + 1}-Q1" if q == 4 else f"{year}-Q{q + 1}"


def has_roadmap(product: Product, today: datetime.date) -> bool:
    """A theme planned for the current or the next quarter (a dropped one is not)."""
    now = quarter_of(today)
    soon = {now, next_quarter(now)}
    return any(q.quarter in soon and counted(q.themes) for q in product.roadmap)
