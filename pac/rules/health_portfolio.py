"""Portfolio health across entities: teams, capabilities and objectives."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from pac.findings import Finding, Severity
from pac.plural import plural
from pac.rules.registry import Context, health_rule

WARNING, INFO = Severity.WARNING, Severity.INFO
DUPLICATION = 3  # more live products than this on one capability is duplication


def team_overloaded(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    limit = p.settings.policies.max_products_per_team
    for tid, count in ctx.portfolio.active_products_per_team().items():
        if tid in p.teams and count > limit:
            yield ctx.found_in(
                "team",
                tid,
                f"the team owns {plural(count, 'product')} that are not retired, more than {limit}",
                "move a product to another team, or split the team",
                ("id",),
            )


health_rule(
    "team-overloaded",
    WARNING,
    "A team owning more products than the policy allows.",
    team_overloaded,
)


def team_skill_gap(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    required = p.settings.policies.required_skills
    owned = ctx.portfolio.active_products_per_team()
    for tid, team in p.teams.items():
        if not owned.get(tid) or not team.members:
            continue
        present = {skill for member in team.members for skill in member.skills}
        missing = [skill for skill in required if skill not in present]
        if missing:
            yield ctx.found_in(
                "team",
                tid,
                f"no member of the team has {', '.join(missing)}",
                "add the skill to a member who has it, or bring someone in",
                ("members",),
                at_key=True,
            )


health_rule(
    "team-skill-gap",
    WARNING,
    "A team that owns products but lacks a required skill.",
    team_skill_gap,
)


def team_without_members(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    owned = ctx.portfolio.active_products_per_team()
    for tid, team in p.teams.items():
        if owned.get(tid) and not team.members:
            yield ctx.found_in(
                "team",
                tid,
                f"the team owns {plural(owned[tid], 'product')} but lists no member",
                "list the people who run its products under members:",
                ("id",),
            )


health_rule(
    "team-without-members",
    WARNING,
    "A team that owns products but lists nobody.",
    team_without_members,
)


def _live_per_leaf(ctx: Context) -> tuple[list[str], Counter[str]]:
    p = ctx.portfolio
    parents = {c.parent for c in p.capabilities.values() if c.parent}
    leaves = [cid for cid in p.capabilities if cid not in parents]
    live = Counter(
        cid
        for product in p.products.values()
        if product.lifecycle.stage == "live"
        for cid in set(product.capabilities)
    )
    return leaves, live


def capability_gap(ctx: Context) -> Iterator[Finding]:
    leaves, live = _live_per_leaf(ctx)
    for cid in leaves:
        if not live.get(cid):
            yield ctx.found_in(
                "capability",
                cid,
                "no live product serves this capability",
                "a gap the organisation accepts, or a product to plan",
                ("id",),
            )


health_rule(
    "capability-gap", INFO, "A leaf capability that no live product serves.", capability_gap
)


def capability_duplication(ctx: Context) -> Iterator[Finding]:
    leaves, live = _live_per_leaf(ctx)
    for cid in leaves:
        if live[cid] > DUPLICATION:
            yield ctx.found_in(
                "capability",
                cid,
                f"{live[cid]} live products serve this capability",
                "look for products to merge or retire",
                ("id",),
            )


health_rule(
    "capability-duplication",
    WARNING,
    "More than three live products on one capability.",
    capability_duplication,
)


def objective_unserved(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    served = {o for product in p.products.values() for o in product.objectives}
    for oid in p.objectives:
        if oid not in served:
            yield ctx.found_in(
                "objective",
                oid,
                "no product serves this objective",
                "link the products that work towards it (objectives: in their "
                "files), or retire the objective",
                ("id",),
            )


health_rule(
    "objective-unserved", WARNING, "An objective that no product serves.", objective_unserved
)
