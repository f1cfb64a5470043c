"""Portfolio health along dependencies: a live product must not rest on one that is gone."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from pac.findings import Finding, Severity
from pac.model import Product
from pac.rules.registry import Context, health_rule


def _gone(product: Product, today: datetime.date) -> str | None:
    """Why a product can no longer be depended on: retired (a retirement dated after today
    is still to come), or in sunset past its retire_by."""
    lifecycle = product.lifecycle
    if lifecycle.stage == "retired":
        since = lifecycle.since
        if since is None:
            return "is retired"
        return f"was retired on {since}" if since <= today else None
    if lifecycle.stage == "sunset" and lifecycle.retire_by and lifecycle.retire_by < today:
        return f"was to be retired by {lifecycle.retire_by}"
    return None


def depends_on_retired(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    for pid, product in p.products.items():
        if product.lifecycle.stage != "live":
            continue
        for i, dependency in enumerate(product.depends_on):
            target = p.products.get(dependency)
            why = _gone(target, ctx.today) if target is not None else None
            if target is None or why is None:
                continue
            yield ctx.found_in(
                "product",
                pid,
                f"live product '{product.name}' depends on '{target.name}', which {why}",
                f"move '{product.name}' to what replaces '{target.name}' and remove "
                f"'{dependency}' from depends_on, or keep '{target.name}' running "
                "(stage: live)",
                ("depends_on", i),
            )


health_rule(
    "depends-on-retired",
    Severity.WARNING,
    "A live product that depends on a retired product, or on one in sunset past its retire_by.",
    depends_on_retired,
)
