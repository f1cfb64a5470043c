"""Kinds, types, importance levels and skills come from the organisation's taxonomy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pac.findings import Finding, Loc, Severity
from pac.rules.registry import Context, rule
from pac.suggest import did_you_mean


def _check(
    ctx: Context,
    value: str | None,
    allowed: list[str],
    what: str,
    setting: str,
    *,
    at: tuple[str, str],
    loc: Loc,
) -> Iterator[Finding]:
    """A finding on the entity `at` (kind, id) when `value` is not in the taxonomy."""
    if value is None or value in allowed:
        return
    hint = did_you_mean(value, allowed) or (
        f"use one of {', '.join(allowed)}, or add '{value}' to taxonomy.{setting} in portfolio.yaml"
    )
    yield ctx.found_in(*at, f"'{value}' is not one of the {what}", hint, loc)


def _skills(
    ctx: Context, values: Iterable[str], allowed: list[str], *, at: tuple[str, str], loc: Loc
) -> Iterator[Finding]:
    for j, skill in enumerate(values):
        yield from _check(ctx, skill, allowed, "skills", "skills", at=at, loc=(*loc, j))


def taxonomy(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    t = p.settings.taxonomy
    for pid, product in p.products.items():
        at = ("product", pid)
        yield from _check(
            ctx,
            product.kind,
            t.product_kinds,
            "product kinds",
            "product_kinds",
            at=at,
            loc=("kind",),
        )
        for i, customer in enumerate(product.customers):
            yield from _check(
                ctx,
                customer.type,
                t.customer_types,
                "customer types",
                "customer_types",
                at=at,
                loc=("customers", i, "type"),
            )
    for tid, team in p.teams.items():
        at = ("team", tid)
        yield from _check(
            ctx, team.type, t.team_types, "team types", "team_types", at=at, loc=("type",)
        )
        for i, member in enumerate(team.members):
            yield from _skills(ctx, member.skills, t.skills, at=at, loc=("members", i, "skills"))
    for cid, capability in p.capabilities.items():
        yield from _check(
            ctx,
            capability.importance,
            t.importance_levels,
            "importance levels",
            "importance_levels",
            at=("capability", cid),
            loc=("importance",),
        )
    yield from _skills(
        ctx,
        p.settings.policies.required_skills,
        t.skills,
        at=("portfolio", "portfolio"),
        loc=("policies", "required_skills"),
    )


rule(
    "taxonomy",
    Severity.ERROR,
    "A kind, type, importance level or skill outside the portfolio's taxonomy.",
    taxonomy,
)
