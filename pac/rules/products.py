"""Rules about one product at a time: lifecycle and roadmap."""

from __future__ import annotations

from collections.abc import Iterator

from pac.figures.roadmap import counted
from pac.findings import Finding, Severity
from pac.plural import plural
from pac.rules.registry import Context, rule

MAX_THEMES = 3


def sunset_without_retire_by(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    for pid, product in p.products.items():
        if product.lifecycle.stage == "sunset" and product.lifecycle.retire_by is None:
            yield ctx.found_in(
                "product",
                pid,
                "the product is in sunset but has no retirement date",
                "add lifecycle.retire_by: YYYY-MM-DD, the date by which it will be retired",
                ("lifecycle",),
                at_key=True,
            )


rule(
    "sunset-without-retire-by",
    Severity.WARNING,
    "A product in sunset has no retirement date.",
    sunset_without_retire_by,
)


def roadmap_overloaded(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    for pid, product in p.products.items():
        for i, quarter in enumerate(product.roadmap):
            themes = counted(quarter.themes)  # a dropped theme no longer takes the team's time
            if len(themes) > MAX_THEMES:
                yield ctx.found_in(
                    "product",
                    pid,
                    f"{quarter.quarter} has {plural(len(themes), 'theme')}, more than {MAX_THEMES}",
                    "focus on three big things a quarter: move the rest to a later quarter",
                    ("roadmap", i, "themes"),
                )


rule(
    "roadmap-overloaded",
    Severity.WARNING,
    "More than three themes (not counting those dropped) in one quarter of a roadmap.",
    roadmap_overloaded,
)
