"""pac.money: amounts counted in the currency's minor unit, shares that add up, display."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pac.money import equal_shares, format_money, minor_units, unit_of


@pytest.mark.parametrize(("amount", "parts", "unit", "shares"), [
    ("100", 3, "0.01", ["33.34", "33.33", "33.33"]),
    ("0.10", 3, "0.01", ["0.04", "0.03", "0.03"]),
    ("1000000", 7, "0.01", ["142857.15", "142857.15", "142857.14", "142857.14",
                            "142857.14", "142857.14", "142857.14"]),
    ("1000", 3, "1", ["334", "333", "333"]),
    ("0.005", 2, "0.01", ["0.003", "0.002"]),  # finer than the unit: its own last digit
    ("0", 2, "0.01", ["0", "0"]),
])
def test_equal_shares_add_up_to_the_whole(
    amount: str, parts: int, unit: str, shares: list[str]
) -> None:
    got = equal_shares(Decimal(amount), parts, Decimal(unit))
    assert got == [Decimal(s) for s in shares]
    assert sum(got) == Decimal(amount)


def test_minor_units_follow_iso_4217() -> None:
    assert [minor_units(c) for c in ("USD", "EUR", "JPY", "KRW", "KWD", "BHD")] == \
        [2, 2, 0, 0, 3, 3]
    assert [unit_of(c) for c in ("GBP", "ISK", "OMR")] == \
        [Decimal("0.01"), Decimal(1), Decimal("0.001")]


@pytest.mark.parametrize(("amount", "currency", "text"), [
    ("1234567", "USD", "1,234,567 USD"), ("1234567.00", "USD", "1,234,567 USD"),
    ("300000.3", "USD", "300,000.30 USD"), ("999999999999999.99", "EUR",
                                             "999,999,999,999,999.99 EUR"),
    ("12.5", "KWD", "12.500 KWD"), ("1200", "JPY", "1,200 JPY"),
])
def test_amounts_show_cents_only_when_there_are_any(amount: str, currency: str, text: str) -> None:
    assert format_money(Decimal(amount), currency) == text
