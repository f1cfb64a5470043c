"""Rules about the portfolio's priorities and the roadmap themes that should serve them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from pac.figures.funding import is_live, quarter_of
from pac.figures.roadmap import counted, quarter_entries, theme_objectives
from pac.findings import Finding, Severity
from pac.model import Product
from pac.model.settings import Priority
from pac.plural import plural
from pac.rules.products import MAX_THEMES
from pac.rules.registry import Context, health_rule, rule

MAX_PRIORITIES = MAX_THEMES  # three big things a quarter, for a team and for the portfolio


def _by_quarter(priorities: list[Priority]) -> dict[str, list[tuple[int, Priority]]]:
    """(position, priority) of each priority, by quarter."""
    grouped: dict[str, list[tuple[int, Priority]]] = defaultdict(list)
    for i, priority in enumerate(priorities):
        grouped[priority.quarter].append((i, priority))
    return grouped


def priorities_overloaded(ctx: Context) -> Iterator[Finding]:
    for quarter, entries in sorted(_by_quarter(ctx.portfolio.settings.priorities).items()):
        if len(entries) > MAX_PRIORITIES:
            first_beyond = entries[MAX_PRIORITIES][0]
            yield ctx.found_in(
                "portfolio",
                "portfolio",
                f"{quarter} has {plural(len(entries), 'priority', 'priorities')}, "
                f"more than {MAX_PRIORITIES}",
                "keep three big things a quarter: move the rest to a later quarter or drop them",
                ("priorities", first_beyond),
            )


rule(
    "priorities-overloaded",
    Severity.WARNING,
    "More than three portfolio priorities for one quarter.",
    priorities_overloaded,
)


def roadmap_off_priorities(ctx: Context) -> Iterator[Finding]:
    now = quarter_of(ctx.today)
    for quarter, entries in sorted(_by_quarter(ctx.portfolio.settings.priorities).items()):
        # an objective that does not exist is unknown-reference's to report, not every product's
        wanted = [o for o in _objectives(entries) if o in ctx.portfolio.known["objective"]]
        if quarter < now or not wanted:
            continue
        names = ", ".join(f"'{p.name}'" for _, p in entries)
        for pid, product in ctx.portfolio.products.items():
            position = _off_priorities(product, quarter, set(wanted))
            if position is not None:
                yield ctx.found_in(
                    "product",
                    pid,
                    f"no theme for {quarter} serves the quarter's priorities ({names})",
                    f"plan a theme that serves {_either(wanted)}; a theme that serves an "
                    "objective its product does not list names it in objective:",
                    ("roadmap", position, "themes"),
                )


def _objectives(entries: list[tuple[int, Priority]]) -> list[str]:
    """The objectives the priorities advance, each once, in the order first named."""
    return list(dict.fromkeys(o for _, priority in entries for o in priority.objectives))


def _either(ids: list[str]) -> str:
    """`a`, `a or b`, `a, b or c`."""
    return " or ".join([", ".join(ids[:-1]), ids[-1]]) if len(ids) > 1 else ids[0]


def _off_priorities(product: Product, quarter: str, wanted: set[str]) -> int | None:
    """The position of the live product's first roadmap entry for the quarter when its
    themes there (those not dropped) serve none of the objectives wanted; else None."""
    entries = list(quarter_entries(product, quarter))
    themes = [theme for _, entry in entries for theme in counted(entry.themes)]
    if not is_live(product) or not themes:
        return None
    if any(wanted.intersection(theme_objectives(product, theme)) for theme in themes):
        return None
    return entries[0][0]


health_rule(
    "roadmap-off-priorities",
    Severity.INFO,
    "A live product whose themes for a quarter serve none of that quarter's priorities.",
    roadmap_off_priorities,
)
