"""References between entities must point at something that exists."""

from __future__ import annotations

from collections.abc import Iterator

from pac.findings import Finding, Loc, Severity
from pac.model.product import Theme
from pac.rules.registry import Context, rule
from pac.suggest import did_you_mean

_WHAT = {
    "team": "a team",
    "capability": "a capability",
    "objective": "an objective",
    "product": "a product",
    "funding": "a funding period",
}


def _missing(
    ctx: Context, kind: str, ref: str, *, at: tuple[str, str], loc: Loc
) -> Iterator[Finding]:
    """A finding on the entity `at` (kind, id) when `ref` is not an id of `kind`."""
    known = ctx.portfolio.known[kind]
    if ref in known:
        return
    hint = did_you_mean(ref, known) or f"create {kind} '{ref}' or correct the id"
    yield ctx.found_in(*at, f"'{ref}' is not {_WHAT[kind]}", hint, loc)


def unknown_reference(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    for pid, product in p.products.items():
        at = ("product", pid)
        yield from _missing(ctx, "team", product.owner, at=at, loc=("owner",))
        for field, kind in (
            ("capabilities", "capability"),
            ("objectives", "objective"),
            ("depends_on", "product"),
        ):
            for i, ref in enumerate(getattr(product, field)):
                yield from _missing(ctx, kind, ref, at=at, loc=(field, i))
        yield from _theme_objectives(ctx, pid)
        yield from _previous_ids(ctx, pid)
    for cid, capability in p.capabilities.items():
        if capability.parent is not None:
            at = ("capability", cid)
            yield from _missing(ctx, "capability", capability.parent, at=at, loc=("parent",))
    for period, funding in p.funding.items():
        for i, allocation in enumerate(funding.allocations):
            yield from _missing(
                ctx,
                "product",
                allocation.product,
                at=("funding", period),
                loc=("allocations", i, "product"),
            )
    current = p.settings.current_period
    if current is not None and (p.known["funding"] or p.funding):
        at = ("portfolio", "portfolio")
        yield from _missing(ctx, "funding", current, at=at, loc=("current_period",))
    yield from _priority_objectives(ctx)


rule(
    "unknown-reference",
    Severity.ERROR,
    "A reference to a team, capability, objective, product or period that does not exist "
    "(a theme's or a priority's objective too).",
    unknown_reference,
)


def _previous_ids(ctx: Context, pid: str) -> Iterator[Finding]:
    product = ctx.portfolio.products[pid]
    for i, old in enumerate(product.previous_ids):
        if old in ctx.portfolio.known["product"]:
            yield ctx.found_in(
                "product",
                pid,
                f"previous id '{old}' is still the id of a product",
                f"a renamed product's old file must go; if '{old}' is another product, "
                "remove it from previous_ids",
                ("previous_ids", i),
            )


def _theme_objectives(ctx: Context, pid: str) -> Iterator[Finding]:
    """The objective a roadmap theme names as its own."""
    at = ("product", pid)
    for i, quarter in enumerate(ctx.portfolio.products[pid].roadmap):
        for j, theme in enumerate(quarter.themes):
            if isinstance(theme, Theme) and theme.objective is not None:
                loc = ("roadmap", i, "themes", j, "objective")
                yield from _missing(ctx, "objective", theme.objective, at=at, loc=loc)


def _priority_objectives(ctx: Context) -> Iterator[Finding]:
    """The objectives each of the portfolio's priorities advances."""
    at = ("portfolio", "portfolio")
    for i, priority in enumerate(ctx.portfolio.settings.priorities):
        for j, ref in enumerate(priority.objectives):
            loc = ("priorities", i, "objectives", j)
            yield from _missing(ctx, "objective", ref, at=at, loc=loc)
