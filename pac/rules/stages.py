"""Rules about how long a product stays in an early stage of its life."""

from __future__ import annotations

from collections.abc import Iterator

from pac.findings import Finding, Severity
from pac.plural import plural
from pac.rules.registry import Context, health_rule


def stage_stalled(ctx: Context) -> Iterator[Finding]:
    policy = ctx.portfolio.settings.policies.stage_max_days
    limits = {str(name): days for name, days in policy.items()}
    for pid, product in ctx.portfolio.products.items():
        stage, since = product.lifecycle.stage, product.lifecycle.since
        limit = limits.get(stage)
        if limit is None or since is None:
            continue
        days = (ctx.today - since).days
        if days > limit:
            yield ctx.found_in(
                "product",
                pid,
                f"the product has been in {stage} for {plural(days, 'day')}, more than {limit}",
                "move it on, retire it, or raise policies.stage_max_days",
                ("lifecycle", "since"),
            )


health_rule(
    "stage-stalled",
    Severity.WARNING,
    "A product in ideation, discovery or build for longer than policies.stage_max_days.",
    stage_stalled,
)
