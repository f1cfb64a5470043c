"""How amounts of money are shown."""

from __future__ import annotations


def format_money(amount: float, currency: str) -> str:
    """`1234567.0, 'USD'` -> `1,234,567 USD`; cents only when there are any."""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{text} {currency}"
