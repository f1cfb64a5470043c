"""Amounts of money: exact Decimals, counted in the currency's minor unit, and how they are
shown."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

# ISO 4217 minor units, where they are not 2: the one place pac keeps them
MINOR_UNITS = {
    **dict.fromkeys(("BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG"), 0),
    **dict.fromkeys(("RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"), 0),
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
    "CLF": 4,
    "UYW": 4,
}
ZERO = Decimal(0)


def minor_units(currency: str) -> int:
    """The decimals an amount in `currency` may have: 2 unless ISO 4217 says otherwise."""
    return MINOR_UNITS.get(currency, 2)


def unit_of(currency: str) -> Decimal:
    """The smallest amount of `currency`: 0.01 USD, 1 JPY, 0.001 KWD."""
    return Decimal(1).scaleb(-minor_units(currency))


def equal_shares(amount: Decimal, parts: int, unit: Decimal) -> list[Decimal]:
    """`amount` in `parts` shares that add up to it exactly, each a whole number of `unit`
    (of the amount's own smallest digit, if finer): the units that do not divide evenly
    (the largest remainders, all equal here) go one each to the first shares."""
    step = min(unit, Decimal(1).scaleb(amount.as_tuple().exponent))  # type: ignore[arg-type]
    units = int(amount / step)
    share, left = divmod(units, parts)
    return [(share + (i < left)) * step for i in range(parts)]


def _has_fraction(amount: Decimal) -> bool:
    return amount != amount.to_integral_value()


def format_money(amount: Decimal, currency: str) -> str:
    """`1234567, 'USD'` -> `1,234,567 USD`; cents only when there are any."""
    places = 0
    if _has_fraction(amount):  # finer than the currency only in an amount pac reports
        places = max(minor_units(currency), -amount.as_tuple().exponent)  # type: ignore[operator]
    return f"{amount:,.{places}f} {currency}"


def compact_money(amount: Decimal, currency: str) -> str:
    """`1234567, 'USD'` -> `1.2M USD`: for tiles and labels with little room."""
    with localcontext(rounding=ROUND_HALF_UP):  # 9,895 is 9.9k, as people round
        for size, suffix in _SIZES:
            if abs(amount) >= size * Decimal("0.9995"):  # 999,600 is 1M, not 1e+03k
                value = amount / size
                text = f"{value:.3g}" if abs(value) < Decimal("999.5") else f"{value:,.0f}"
                return f"{_plain(text)}{suffix} {currency}"
        return f"{amount:.0f} {currency}"


_SIZES = ((Decimal("1e9"), "bn"), (Decimal("1e6"), "M"), (Decimal("1e3"), "k"))


def _plain(text: str) -> str:
    """Decimal's 3 significant digits keep trailing zeros (1.20), and an amount with an
    exponent of its own (1E+5, from `1e5`) keeps it (1e+2): a float's do neither."""
    if "e" in text:
        return f"{Decimal(text):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
