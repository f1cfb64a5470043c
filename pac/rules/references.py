"""References between entities must point at something that exists."""

from __future__ import annotations

from collections.abc import Iterator

from pac.findings import Finding, Loc, Severity
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
    ctx: Context, kind: str, ref: str, *, file: str, entity: str, loc: Loc
) -> Iterator[Finding]:
    known = ctx.portfolio.known[kind]
    if ref in known:
        return
    hint = did_you_mean(ref, known) or f"create {kind} '{ref}' or correct the id"
    yield Finding("unknown-reference", file, f"'{ref}' is not {_WHAT[kind]}", hint, entity, loc)


@rule(
    "unknown-reference",
    Severity.ERROR,
    "A reference to a team, capability, objective, product or period that does not exist.",
)
def unknown_reference(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    for pid, product in p.products.items():
        where = {"file": p.file_of("product", pid), "entity": f"product:{pid}"}
        yield from _missing(ctx, "team", product.owner, loc=("owner",), **where)
        for field, kind in (
            ("capabilities", "capability"),
            ("objectives", "objective"),
            ("depends_on", "product"),
        ):
            for i, ref in enumerate(getattr(product, field)):
                yield from _missing(ctx, kind, ref, loc=(field, i), **where)
        yield from _previous_ids(ctx, pid, **where)
    for cid, capability in p.capabilities.items():
        if capability.parent is not None:
            yield from _missing(
                ctx,
                "capability",
                capability.parent,
                loc=("parent",),
                file=p.file_of("capability", cid),
                entity=f"capability:{cid}",
            )
    for period, funding in p.funding.items():
        for i, allocation in enumerate(funding.allocations):
            yield from _missing(
                ctx,
                "product",
                allocation.product,
                loc=("allocations", i, "product"),
                file=p.file_of("funding", period),
                entity=f"funding:{period}",
            )
    current = p.settings.current_period
    if current is not None and (p.known["funding"] or p.funding):
        yield from _missing(
            ctx,
            "funding",
            current,
            loc=("current_period",),
            file=p.settings_file,
            entity="portfolio",
        )


def _previous_ids(ctx: Context, pid: str, *, file: str, entity: str) -> Iterator[Finding]:
    product = ctx.portfolio.products[pid]
    for i, old in enumerate(product.previous_ids):
        if old in ctx.portfolio.known["product"]:
            yield Finding(
                "unknown-reference",
                file,
                f"previous id '{old}' is still the id of a product",
                f"a renamed product's old file must go; if '{old}' is another product, "
                "remove it from previous_ids",
                entity,
                ("previous_ids", i),
            )
