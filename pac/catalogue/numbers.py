"""How the catalogue writes a number that is not money: the one helper pages and charts share."""

from __future__ import annotations

from decimal import Decimal

_LARGE = Decimal("1e18")


def number(value: Decimal | int) -> str:
    """Whole numbers with thousands separators (1,250,000, never 1.25e+06); other numbers
    as written, without trailing zeros, with separators (97.4, 1,234.5, 0.00001)."""
    value = Decimal(value)
    if value == value.to_integral_value() and abs(value) < _LARGE:
        return f"{value:,.0f}"
    return f"{value.normalize():,}"
