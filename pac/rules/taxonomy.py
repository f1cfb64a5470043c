"""Kinds, types, importance levels and skills come from the organisation's taxonomy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pac.findings import Finding, Loc, Severity
from pac.rules.registry import Context, rule
from pac.suggest import did_you_mean


def _check(
    value: str | None,
    allowed: list[str],
    what: str,
    setting: str,
    *,
    file: str,
    entity: str,
    loc: Loc,
) -> Iterator[Finding]:
    if value is None or value in allowed:
        return
    hint = did_you_mean(value, allowed) or (
        f"use one of {', '.join(allowed)}, or add '{value}' to taxonomy.{setting} in portfolio.yaml"
    )
    yield Finding("taxonomy", file, f"'{value}' is not one of the {what}", hint, entity, loc)


def _skills(
    values: Iterable[str], allowed: list[str], *, file: str, entity: str, loc: Loc
) -> Iterator[Finding]:
    for j, skill in enumerate(values):
        yield from _check(
            skill, allowed, "skills", "skills", file=file, entity=entity, loc=(*loc, j)
        )


@rule(
    "taxonomy",
    Severity.ERROR,
    "A kind, type, importance level or skill outside the portfolio's taxonomy.",
)
def taxonomy(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    t = p.settings.taxonomy
    for pid, product in p.products.items():
        where = {"file": p.file_of("product", pid), "entity": f"product:{pid}"}
        yield from _check(
            product.kind, t.product_kinds, "product kinds", "product_kinds", loc=("kind",), **where
        )
        for i, customer in enumerate(product.customers):
            yield from _check(
                customer.type,
                t.customer_types,
                "customer types",
                "customer_types",
                loc=("customers", i, "type"),
                **where,
            )
    for tid, team in p.teams.items():
        where = {"file": p.file_of("team", tid), "entity": f"team:{tid}"}
        yield from _check(
            team.type, t.team_types, "team types", "team_types", loc=("type",), **where
        )
        for i, member in enumerate(team.members):
            yield from _skills(member.skills, t.skills, loc=("members", i, "skills"), **where)
    for cid, capability in p.capabilities.items():
        yield from _check(
            capability.importance,
            t.importance_levels,
            "importance levels",
            "importance_levels",
            file=p.file_of("capability", cid),
            entity=f"capability:{cid}",
            loc=("importance",),
        )
    yield from _skills(
        p.settings.policies.required_skills,
        t.skills,
        file=p.settings_file,
        entity="portfolio",
        loc=("policies", "required_skills"),
    )
