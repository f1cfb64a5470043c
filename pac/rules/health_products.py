"""Portfolio health, product by product: the signals that value is leaking quietly."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pac.figures.funding import (
    END_OF_SUPPORT_WARNING_DAYS,
    KPI_STALE_DAYS,
    current_funding,
    has_roadmap,
    kpi_fresh,
    kpi_status,
    next_quarter,
    quarter_of,
    review_current,
)
from pac.findings import Finding, Severity
from pac.json_text import number_text
from pac.model import Product
from pac.plural import plural
from pac.rules.registry import Context, health_rule

WARNING, INFO = Severity.WARNING, Severity.INFO


def _products(ctx: Context, *stages: str) -> Iterator[tuple[str, Product]]:
    """(id, product) for the products in the given stages."""
    for pid, product in ctx.portfolio.products.items():
        if not stages or product.lifecycle.stage in stages:
            yield pid, product


def stale_stakeholder_review(ctx: Context) -> Iterator[Finding]:
    days = ctx.portfolio.settings.policies.stakeholder_review_days
    for pid, product in _products(ctx, "live"):
        last = product.last_stakeholder_review
        if review_current(product, ctx.today, days):
            continue
        if last is None:
            yield ctx.found_in(
                "product",
                pid,
                "no stakeholder review is recorded for this live product",
                "ask its stakeholders whether it still serves them, then set "
                "last_stakeholder_review: YYYY-MM-DD",
                ("lifecycle",),
                at_key=True,
            )
        else:
            yield ctx.found_in(
                "product",
                pid,
                f"the last stakeholder review was {plural((ctx.today - last).days, 'day')} "
                f"ago, more than {days}",
                "hold a review and update last_stakeholder_review",
                ("last_stakeholder_review",),
            )


health_rule(
    "stale-stakeholder-review",
    WARNING,
    "A live product whose stakeholders went unasked.",
    stale_stakeholder_review,
)


def overdue_retirement(ctx: Context) -> Iterator[Finding]:
    for pid, product in _products(ctx, "sunset"):
        retire_by = product.lifecycle.retire_by
        if retire_by is not None and retire_by < ctx.today:
            yield ctx.found_in(
                "product",
                pid,
                f"the product was to be retired by {retire_by}, "
                f"{plural((ctx.today - retire_by).days, 'day')} ago",
                "retire it (stage: retired) or agree a new retire_by date",
                ("lifecycle", "retire_by"),
            )


health_rule(
    "overdue-retirement",
    WARNING,
    "A product in sunset past its retirement date.",
    overdue_retirement,
)


def live_product_unfunded(ctx: Context) -> Iterator[Finding]:
    period = ctx.portfolio.settings.current_period
    funded = current_funding(ctx.portfolio)
    if funded is None:
        return
    for pid, _ in _products(ctx, "live"):
        if funded.get(pid, 0) <= 0:
            yield ctx.found_in(
                "product",
                pid,
                f"the product is live but has no funding in {period}",
                f"allocate run funding in funding/{period}.yaml, or move it to sunset",
                ("lifecycle", "stage"),
            )


health_rule(
    "live-product-unfunded",
    WARNING,
    "A live product with no funding in the current period.",
    live_product_unfunded,
)


def kpi_missing_target(ctx: Context) -> Iterator[Finding]:
    for pid, product in _products(ctx):
        for i, kpi in enumerate(product.kpis):
            if kpi.target is None:
                yield ctx.found_in(
                    "product",
                    pid,
                    f"KPI '{kpi.name}' has no target",
                    "add target: the value that means the product does its job",
                    ("kpis", i),
                )


health_rule("kpi-missing-target", WARNING, "A KPI with no target.", kpi_missing_target)


def kpi_stale(ctx: Context) -> Iterator[Finding]:
    for pid, product in _products(ctx, "live"):
        for i, kpi in enumerate(product.kpis):
            if kpi_fresh(kpi, ctx.today):
                continue
            if kpi.actual is None or kpi.as_of is None:
                yield ctx.found_in(
                    "product",
                    pid,
                    f"KPI '{kpi.name}' has never been measured",
                    "record actual: and as_of: YYYY-MM-DD",
                    ("kpis", i),
                )
            else:
                yield ctx.found_in(
                    "product",
                    pid,
                    f"KPI '{kpi.name}' was last measured on {kpi.as_of}, more than "
                    f"{KPI_STALE_DAYS} days ago",
                    "measure it again and update actual and as_of",
                    ("kpis", i, "as_of"),
                )


health_rule(
    "kpi-stale",
    WARNING,
    "A live product's KPI measured more than 90 days ago, or never.",
    kpi_stale,
)


def kpi_off_target(ctx: Context) -> Iterator[Finding]:
    for pid, product in _products(ctx):
        for i, kpi in enumerate(product.kpis):
            actual, target = kpi.actual, kpi.target
            if kpi_status(kpi) == "missed" and actual is not None and target is not None:
                better = "higher" if kpi.direction == "higher" else "lower"
                yield ctx.found_in(
                    "product",
                    pid,
                    f"KPI '{kpi.name}' is {number_text(actual)} against a target of "
                    f"{number_text(target)} ({better} is better)",
                    "say in the roadmap what will move it, or revisit the target",
                    ("kpis", i, "actual"),
                )


health_rule("kpi-off-target", INFO, "A KPI that misses its target.", kpi_off_target)


def technology_end_of_support(ctx: Context) -> Iterator[Finding]:
    for pid, product in _products(ctx, "build", "live", "sunset"):
        for i, tech in enumerate(product.technology):
            end = tech.end_of_support
            if end is None:
                continue
            name = f"{tech.name} {tech.version}".strip() if tech.version else tech.name
            days = (end - ctx.today).days
            if days < 0:
                yield ctx.found_in(
                    "product",
                    pid,
                    f"{name} went out of support on {end}",
                    "upgrade it, or record the risk and a date to fix it",
                    ("technology", i, "end_of_support"),
                )
            elif days <= END_OF_SUPPORT_WARNING_DAYS:
                when = f"in {plural(days, 'day')}" if days else "today"
                yield ctx.found_in(
                    "product",
                    pid,
                    f"{name} goes out of support on {end}, {when}",
                    "plan the upgrade in the roadmap",
                    ("technology", i, "end_of_support"),
                    milder=True,
                )


health_rule(
    "technology-end-of-support",
    WARNING,
    "Technology past its end of support (or, as info, within 180 days of it).",
    technology_end_of_support,
)


def value_below_target(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    target = p.settings.policies.value_ratio_target
    for pid, product, funding in _funded(ctx):
        value = product.value.annual_estimate if product.value else None
        if value is not None and value / funding < target:
            yield ctx.found_in(
                "product",
                pid,
                f"estimated value is {value / funding:.2f} times its funding in "
                f"{p.settings.current_period}, under the target of {number_text(target)}",
                "check the estimate, or whether the product still earns its keep",
                ("value", "annual_estimate"),
            )


health_rule(
    "value-below-target",
    INFO,
    "A product whose value estimate is low for its funding in the current period.",
    value_below_target,
)


def value_unknown(ctx: Context) -> Iterator[Finding]:
    for pid, product, _funding in _funded(ctx):
        if product.lifecycle.stage == "live" and (
            product.value is None or product.value.annual_estimate is None
        ):
            yield ctx.found_in(
                "product",
                pid,
                "the product is funded but its value is not estimated",
                "add value: annual_estimate and basis",
                ("lifecycle",),
                at_key=True,
            )


health_rule("value-unknown", INFO, "A funded live product without a value estimate.", value_unknown)


def _funded(ctx: Context) -> Iterator[tuple[str, Product, Decimal]]:
    totals = current_funding(ctx.portfolio)
    if totals is None:
        return
    for pid, product in _products(ctx):
        if totals.get(pid, 0) > 0:
            yield pid, product, totals[pid]


def live_product_without_roadmap(ctx: Context) -> Iterator[Finding]:
    now = quarter_of(ctx.today)
    for pid, product in _products(ctx, "build", "live"):
        if not has_roadmap(product, ctx.today):
            yield ctx.found_in(
                "product",
                pid,
                f"no roadmap theme for {now} or {next_quarter(now)}",
                "add the themes the team works on next to roadmap:",
                ("roadmap",) if product.roadmap else ("lifecycle",),
                at_key=True,
            )


health_rule(
    "live-product-without-roadmap",
    INFO,
    "A live or build product with no theme in the current or next quarter.",
    live_product_without_roadmap,
)
