"""The catalogue's one way of writing a number that is not money (pac.catalogue.numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pac.catalogue.numbers import number


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1250000, "1,250,000"),
        (Decimal("1.25E+6"), "1,250,000"),  # never 1.25e+06
        (Decimal("97.40"), "97.4"),
        (Decimal("1234.5"), "1,234.5"),
        (Decimal("0.00001"), "0.00001"),
        (0, "0"),
        (-3, "-3"),
    ],
)
def test_numbers_are_written_in_full_with_separators(value: Decimal | int, text: str) -> None:
    assert number(value) == text
