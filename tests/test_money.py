"""pac.money: amounts counted in the currency's minor unit, shares that add up, display."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pac.money import compact_money, equal_shares, format_money, minor_units, unit_of


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


@pytest.mark.parametrize(("amount", "currency", "text"), [
    ("0", "USD", "0 USD"), ("0.00", "USD", "0 USD"), ("1000.00", "USD", "1,000 USD"),
    ("1E+3", "USD", "1,000 USD"),  # an exponent in the data is still a plain number
    ("0.5", "USD", "0.50 USD"), ("0.005", "USD", "0.005 USD"),  # a share finer than a cent
    ("999.999", "USD", "999.999 USD"), ("1234.5", "JPY", "1,234.5 JPY"),
    ("0.1234", "KWD", "0.1234 KWD"), ("7.25", "CLF", "7.2500 CLF"),
    ("-1234.5", "USD", "-1,234.50 USD"), ("-1234567", "USD", "-1,234,567 USD"),
])
def test_format_money_keeps_every_digit_and_the_currency_minor_unit(
    amount: str, currency: str, text: str
) -> None:
    assert format_money(Decimal(amount), currency) == text


# compact_money at each size: just under, at and over where a suffix starts (999.5 rounds up
# to the next size, never to "1,000k"), halves rounded up as people do, and no exponent ever.
@pytest.mark.parametrize(("amount", "text"), [
    ("0", "0 GBP"), ("0.4", "0 GBP"), ("0.5", "1 GBP"), ("2.5", "3 GBP"),
    ("950", "950 GBP"), ("999", "999 GBP"), ("999.49", "999 GBP"),
    ("999.5", "1k GBP"), ("999.6", "1k GBP"), ("1000", "1k GBP"), ("1E+3", "1k GBP"),
    ("1125", "1.13k GBP"), ("1200", "1.2k GBP"), ("1500", "1.5k GBP"), ("9885", "9.89k GBP"),
    ("99949", "99.9k GBP"), ("99950", "100k GBP"), ("100000", "100k GBP"),
    ("999499", "999k GBP"), ("999499.99", "999k GBP"),
    ("999500", "1M GBP"), ("999600", "1M GBP"), ("1000000", "1M GBP"),
    ("1234567", "1.23M GBP"), ("12345678", "12.3M GBP"), ("123456789", "123M GBP"),
    ("999499999", "999M GBP"),
    ("999500000", "1bn GBP"), ("999600000", "1bn GBP"), ("1000000000", "1bn GBP"),
    ("1125000000", "1.13bn GBP"),
    ("999499999999", "999bn GBP"), ("999500000000", "1,000bn GBP"),
    ("999700000000", "1,000bn GBP"), ("1234500000000", "1,235bn GBP"),
    ("5e12", "5,000bn GBP"), ("1000000000000000", "1,000,000bn GBP"),
    # an amount with an exponent of its own (1e5 in YAML) is still written out
    ("1E+5", "100k GBP"), ("1.5E+5", "150k GBP"), ("2E+4", "20k GBP"), ("5E+8", "500M GBP"),
    ("1E+12", "1,000bn GBP"),
    ("-999", "-999 GBP"), ("-999.5", "-1k GBP"), ("-999499", "-999k GBP"),
    ("-999500", "-1M GBP"), ("-1234567", "-1.23M GBP"), ("-999700000000", "-1,000bn GBP"),
])
def test_compact_money_at_every_size_boundary(amount: str, text: str) -> None:
    assert compact_money(Decimal(amount), "GBP") == text
