"""Funding periods must add up and fund only products that can use the money."""

from __future__ import annotations

from collections.abc import Iterator

from pac.figures.funding import current_funding, current_period_funding
from pac.findings import Finding, Severity
from pac.money import format_money
from pac.rules.registry import Context, health_rule, rule


def funding_over_envelope(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    currency = p.settings.currency
    for period, funding in p.funding.items():
        over = funding.allocated - funding.envelope
        if over > 0:
            yield ctx.found_in(
                "funding",
                period,
                f"allocations total {format_money(funding.allocated, currency)}, "
                f"{format_money(over, currency)} over the envelope of "
                f"{format_money(funding.envelope, currency)}",
                "reduce the allocations or raise the envelope",
                ("envelope",),
            )


rule(
    "funding-over-envelope",
    Severity.ERROR,
    "A period allocates more than its envelope.",
    funding_over_envelope,
)


def funding_duplicate_allocation(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    for period, funding in p.funding.items():
        first: dict[str, int] = {}
        for i, allocation in enumerate(funding.allocations):
            earlier = first.setdefault(allocation.product, i)
            if earlier != i:
                yield ctx.found_in(
                    "funding",
                    period,
                    f"'{allocation.product}' is already allocated in allocations[{earlier}]",
                    "merge the two allocations into one",
                    ("allocations", i, "product"),
                )


rule(
    "funding-duplicate-allocation",
    Severity.ERROR,
    "A product is allocated funding twice in one period.",
    funding_duplicate_allocation,
)


def retired_product_funded(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    current = current_period_funding(p)
    for period, funding in p.funding.items():
        for i, allocation in enumerate(funding.allocations):
            product = p.products.get(allocation.product)
            if product is None or product.lifecycle.stage != "retired" or not allocation.total:
                continue
            since = product.lifecycle.since
            if since is not None and funding.start < since:
                continue  # retired during or after this period: it may still have costs
            if since is None and (current is None or funding.start < current.start):
                continue
            when = f" since {since.isoformat()}" if since else ""
            yield ctx.found_in(
                "funding",
                period,
                f"'{allocation.product}' is retired{when} but funded in {period}",
                "remove the allocation, or correct the product's lifecycle stage",
                ("allocations", i),
            )


rule(
    "retired-product-funded",
    Severity.ERROR,
    "A retired product is funded in a period after its retirement.",
    retired_product_funded,
)


def eliminate_still_funded(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    funded = current_funding(p)
    if funded is None:
        return
    period = p.settings.current_period
    for pid, product in p.products.items():
        if product.disposition != "eliminate" or not funded.get(pid):
            continue
        # no amount in the message: it would break across lines on a phone's findings page
        yield ctx.found_in(
            "product",
            pid,
            f"'{product.name}' is to be eliminated but still funded in {period}",
            "retire it and remove its allocation, or change the disposition if the product "
            "is to stay",
            ("disposition",),
        )


health_rule(
    "eliminate-still-funded",
    Severity.WARNING,
    "A product whose disposition is eliminate has funding in the current period.",
    eliminate_still_funded,
)
