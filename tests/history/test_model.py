"""The data of the portfolio over time (pac.history.model): the figures it derives."""

from __future__ import annotations

from decimal import Decimal

from pac.history.model import OUTCOMES, FundingPoint, Kept


def test_say_do_is_done_over_promised_exactly() -> None:
    kept = Kept({"done": 1, "carried": 1, "dropped": 0, "removed": 1, "open": 0})
    assert kept.promised == 3
    assert kept.say_do == Decimal(1) / Decimal(3)
    assert Kept(dict.fromkeys(OUTCOMES, 0)).say_do is None


def test_funding_total_is_run_plus_change() -> None:
    point = FundingPoint("FY2026", {}, Decimal("0.1"), Decimal("0.2"))
    assert point.total == Decimal("0.3")  # exact: no binary float in between
