"""The capability tree and the product dependency graph must not loop."""

from __future__ import annotations

from collections.abc import Iterator

from pac.figures.graph import cycles
from pac.findings import Finding, Severity
from pac.rules.registry import Context, rule


def capability_cycle(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    edges = {cid: [c.parent] if c.parent else [] for cid, c in p.capabilities.items()}
    for cycle in cycles(edges):
        first = cycle[0]
        yield ctx.found_in(
            "capability",
            first,
            "capability parents form a loop: " + " -> ".join([*cycle, first]),
            "the capability map is a tree: make one of them a top-level capability "
            "by removing its parent",
            ("parent",),
        )


rule(
    "capability-cycle", Severity.ERROR, "Capabilities whose parents form a loop.", capability_cycle
)


def dependency_cycle(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    edges = {pid: list(prod.depends_on) for pid, prod in p.products.items()}
    for cycle in cycles(edges):
        first = cycle[0]
        target = cycle[1] if len(cycle) > 1 else first
        index = p.products[first].depends_on.index(target)
        yield ctx.found_in(
            "product",
            first,
            "products depend on each other in a loop: " + " -> ".join([*cycle, first]),
            "a loop means none of them can be changed or retired alone: "
            "break it by removing one dependency",
            ("depends_on", index),
        )


rule(
    "dependency-cycle",
    Severity.WARNING,
    "Products that depend on each other in a loop.",
    dependency_cycle,
)
