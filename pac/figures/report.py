"""Funding analytics: the portfolio in numbers for one period (`pac report`).

The same figures as the catalogue's funding pages (both come from `pac.figures`), grouped
the ways finance asks for them, and the period's value at risk.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from pac.errors import PacError
from pac.figures.funding import PeriodFigures, Split, period_figures, periods_in_order, spread
from pac.figures.value_at_risk import value_at_risk
from pac.findings import Finding
from pac.history.model import ValueAtRisk
from pac.model import Product
from pac.model.portfolio import Portfolio
from pac.money import unit_of


@dataclass(frozen=True)
class ProductLine:
    """One product's funding this period, against the previous period and its value."""

    product: str
    name: str
    now: Split
    before: Split | None
    value: Decimal | None  # the product's annual value estimate

    @property
    def change_amount(self) -> Decimal | None:
        return None if self.before is None else self.now.total - self.before.total

    @property
    def value_per_unit(self) -> Decimal | None:
        """The value over the funding, to Decimal's 28 significant digits."""
        if self.value is None or not self.now.total:
            return None
        return self.value / self.now.total


@dataclass(frozen=True)
class Report:
    period: str
    previous: str | None
    currency: str
    figures: PeriodFigures
    by_objective: dict[str, Split]
    by_stage: dict[str, Split]
    by_disposition: dict[str, Split]
    value_at_risk: ValueAtRisk
    products: list[ProductLine] = field(default_factory=list)

    @property
    def risk_share(self) -> Decimal | None:
        """Value at risk over the funding allocated, to Decimal's 28 significant digits."""
        allocated = self.figures.allocated.total
        return self.value_at_risk.total / allocated if allocated else None

    def at_risk(self) -> list[tuple[ProductLine, tuple[str, ...]]]:
        """The products at risk, largest funding first, each with its reasons."""
        lines = {line.product: line for line in self.products}
        return [(lines[pid], reasons) for pid, reasons in self.value_at_risk.products.items()]


def build_report(
    portfolio: Portfolio, period: str | None = None, *, findings: Iterable[Finding] = ()
) -> Report:
    """Figures for `period`, the current period by default; the value at risk is the
    period's funding on the products that `findings` (a validation's) flag."""
    wanted = period or portfolio.settings.current_period
    if wanted is None:
        raise PacError("no period given and no current_period in portfolio.yaml: use --period")
    ordered = periods_in_order(portfolio)
    names = [f.period for f in ordered]
    if wanted not in names:
        known = ", ".join(names) or "none"
        raise PacError(f"there is no funding period {wanted!r} (periods: {known})")
    index = names.index(wanted)
    figures = period_figures(portfolio, ordered[index])
    previous = period_figures(portfolio, ordered[index - 1]) if index else None
    return Report(
        period=wanted,
        previous=previous.period if previous else None,
        currency=portfolio.settings.currency,
        figures=figures,
        by_objective=_split_by(portfolio, figures, "objectives"),
        by_stage=_group(portfolio, figures, lambda p: p.lifecycle.stage),
        by_disposition=_group(portfolio, figures, lambda p: p.disposition or "none"),
        value_at_risk=value_at_risk(portfolio, findings, wanted),
        products=_product_lines(portfolio, figures, previous),
    )


def _split_by(portfolio: Portfolio, figures: PeriodFigures, attribute: str) -> dict[str, Split]:
    """A product serving several objectives counts an equal share towards each."""
    out: dict[str, Split] = defaultdict(Split)
    unit = unit_of(portfolio.settings.currency)
    for product_id, split in figures.by_product.items():
        product = portfolio.products.get(product_id)
        targets = list(getattr(product, attribute)) if product else []
        for target, share in spread(split, targets, unit):
            out[target] += share
        if not targets:
            out["(none)"] += split
    return dict(sorted(out.items(), key=lambda kv: (-kv[1].total, kv[0])))


def _group(
    portfolio: Portfolio, figures: PeriodFigures, key: Callable[[Product], str]
) -> dict[str, Split]:
    out: dict[str, Split] = defaultdict(Split)
    for product_id, split in figures.by_product.items():
        product = portfolio.products.get(product_id)
        out[key(product) if product else "(unknown product)"] += split
    return dict(sorted(out.items(), key=lambda kv: (-kv[1].total, kv[0])))


def _product_lines(
    portfolio: Portfolio, figures: PeriodFigures, previous: PeriodFigures | None
) -> list[ProductLine]:
    lines = []
    for product_id, split in figures.by_product.items():
        product = portfolio.products.get(product_id)
        value = product.value.annual_estimate if product and product.value else None
        before = previous.by_product.get(product_id) if previous else None
        lines.append(
            ProductLine(product_id, product.name if product else product_id, split, before, value)
        )
    return lines
