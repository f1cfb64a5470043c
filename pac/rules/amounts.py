"""Amounts of money are counted in their currency's minor unit."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from pac.findings import Finding, Loc, Severity
from pac.json_text import number_text
from pac.money import minor_units, unit_of
from pac.rules.registry import Context, rule


def amount_precision(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    currency = p.settings.currency
    unit = unit_of(currency)
    for kind, entity_id, loc, amount in _amounts(ctx):
        if amount % unit:
            yield ctx.found_in(
                kind,
                entity_id,
                f"{number_text(amount)} {currency}: {_decimals(currency)} (ISO 4217)",
                f"round it to {number_text(amount.quantize(unit, ROUND_HALF_UP))}",
                loc,
            )


rule(
    "amount-precision",
    Severity.ERROR,
    "An amount with more decimals than its currency has (ISO 4217 minor units).",
    amount_precision,
)


def _amounts(ctx: Context) -> Iterator[tuple[str, str, Loc, Decimal]]:
    """Every amount of money in the portfolio, with where it is."""
    p = ctx.portfolio
    for pid, product in sorted(p.products.items()):
        if product.value is not None and product.value.annual_estimate is not None:
            yield "product", pid, ("value", "annual_estimate"), product.value.annual_estimate
    for period, funding in sorted(p.funding.items()):
        yield "funding", period, ("envelope",), funding.envelope
        for i, allocation in enumerate(funding.allocations):
            yield "funding", period, ("allocations", i, "run"), allocation.run
            yield "funding", period, ("allocations", i, "change"), allocation.change


def _decimals(currency: str) -> str:
    places = minor_units(currency)
    if places == 0:
        return f"{currency} amounts are whole numbers"
    # always plural: no currency has a single decimal (ISO 4217 has none, nor has MINOR_UNITS)
    return f"{currency} amounts have at most {places} decimals"
