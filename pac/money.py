"""How amounts of money are shown."""

from __future__ import annotations


def format_money(amount: float, currency: str) -> str:
    """`1234567.0, 'USD'` -> `1,234,567 USD`; cents only when there are any."""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{text} {currency}"


def compact_money(amount: float, currency: str) -> str:
    """`1234567.0, 'USD'` -> `1.2M USD`: for tiles and labels with little room."""
    for size, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if abs(amount) >= size * 0.9995:  # 999,600 is 1M, not 1e+03k
            value = amount / size
            text = f"{value:.3g}" if abs(value) < 999.5 else f"{value:,.0f}"
            return f"{text}{suffix} {currency}"
    return f"{amount:.0f} {currency}"
