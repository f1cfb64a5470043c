"""pac/figures/funding.py called directly: funding splits that add up, quarters, period
figures."""

from __future__ import annotations

import datetime
from decimal import Decimal

from conftest import REFERENCE
from support import run

from pac.figures.funding import (
    Split,
    next_quarter,
    period_figures,
    periods_in_order,
    quarter_of,
    spread,
)


def test_spread_gives_equal_shares_that_add_up_exactly() -> None:
    shares = dict(spread(Split(Decimal("100.00"), Decimal("1")), ["a", "b", "c"], Decimal("0.01")))
    assert shares["a"] == Split(Decimal("33.34"), Decimal("0.34"))
    assert shares["c"] == Split(Decimal("33.33"), Decimal("0.33"))
    assert sum((s.total for s in shares.values()), Decimal(0)) == Decimal("101.00")
    assert list(spread(Split(Decimal(1)), [], Decimal("0.01"))) == []


def test_quarters() -> None:
    assert quarter_of(datetime.date(2026, 11, 22)) == "2026-Q4"
    assert next_quarter("2026-Q4") == "2027-Q1"
    assert next_quarter("2026-Q2") == "2026-Q3"


def test_period_figures_add_up_per_team_and_product() -> None:
    portfolio = run(REFERENCE).portfolio
    for funding in periods_in_order(portfolio):
        figures = period_figures(portfolio, funding)
        by_product = sum((s.total for s in figures.by_product.values()), Decimal(0))
        by_team = sum((s.total for s in figures.by_team.values()), Decimal(0))
        assert by_product == by_team == figures.allocated.total
        assert figures.unallocated == figures.envelope - figures.allocated.total
