"""A chart's y axis: round ticks from zero past the highest value."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pac.catalogue.scales import Axis, counts, money, nice_ticks, percent


@pytest.mark.parametrize(("high", "axis", "expected"), [
    (Decimal(15), counts("products"), ["0", "5", "10", "15"]),
    (Decimal(12), counts("products"), ["0", "5", "10", "15"]),
    (Decimal(3), counts("products"), ["0", "1", "2", "3"]),
    (Decimal(1), counts("products"), ["0", "1"]),
    (Decimal(0), counts("products"), ["0", "1"]),  # all zero: a scale all the same
    (Decimal(1234), money("GBP"), ["0", "500", "1000", "1500"]),
    (Decimal("0.3"), money("GBP"), ["0", "0.1", "0.2", "0.3"]),
    (Decimal(2_400_000), money("GBP"), ["0", "1000000", "2000000", "3000000"]),
    (Decimal(62), percent("% served"), ["0", "25", "50", "75", "100"]),
])
def test_ticks_are_round_numbers_from_zero_past_the_highest_value(
    high: Decimal, axis: Axis, expected: list[str]
) -> None:
    assert [str(t) for t in nice_ticks(Decimal(0), high, axis)] == expected


def test_a_value_below_zero_takes_the_axis_down_by_whole_steps() -> None:
    ticks = nice_ticks(Decimal(-3), Decimal(5), counts("change"))
    assert [str(t) for t in ticks] == ["-4", "-2", "0", "2", "4", "6"]
