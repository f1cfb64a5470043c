"""Every rule, registered by id. Importing this package registers them all."""

from __future__ import annotations

from collections.abc import Iterator

from pac.findings import Finding
from pac.rules import (  # noqa: F401  (imported to register their rules)
    amounts,
    changes,
    cycles,
    extensions,
    funding,
    health_dependencies,
    health_portfolio,
    health_products,
    loader,
    ownership,
    products,
    references,
    roadmap,
    settings,
    stages,
    taxonomy,
)
from pac.rules.registry import RULES, Context, Rule


def run_checks(ctx: Context, *, health: bool) -> Iterator[Finding]:
    """The findings of every rule that checks the loaded portfolio, in registry order;
    the portfolio-health rules only with `health`."""
    for rule in RULES.values():
        if rule.check is not None and (health or not rule.health):
            yield from rule.check(ctx)


__all__ = ["RULES", "Context", "Rule", "run_checks"]
