"""The roadmap page's figures: the current and the next quarter across the portfolio, each
team's themes by product, the objectives they serve and the live products with nothing
planned, computed from the catalogue so that the page only renders them."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from pac.catalogue.context import Catalogue, name_order
from pac.figures.funding import is_live, next_quarter, quarter_of
from pac.figures.roadmap import DROPPED, as_theme, theme_objectives
from pac.model import Product
from pac.rules.products import MAX_THEMES


@dataclass(frozen=True)
class Theme:
    """One theme of a quarter, the ids of the objectives it serves (none once dropped) and
    where it stands: planned, in-progress, done or dropped."""

    text: str
    objectives: tuple[str, ...]
    status: str = "planned"

    @property
    def counts(self) -> bool:
        """Whether it still takes the team's time in its quarter: a dropped one does not."""
        return self.status != DROPPED


@dataclass(frozen=True)
class ProductPlan:
    """A product's themes in each quarter shown, dropped ones included; a quarter with none
    but dropped ones has nothing planned."""

    product: str
    owner: str
    live: bool
    themes: dict[str, list[Theme]]
    objectives: list[str]  # served by any of its themes, in first-seen order

    def planned(self, quarter: str) -> int:
        """How many of its themes count in the quarter."""
        return sum(1 for theme in self.themes[quarter] if theme.counts)


@dataclass(frozen=True)
class TeamPlan:
    """A team's products with something planned (or live with nothing planned), by name."""

    team: str
    products: list[ProductPlan]
    counts: dict[str, int]  # themes per quarter, all its products together
    overloaded: list[str]  # the quarters in which it plans more than three themes
    unplanned: int  # its live products with nothing planned in the current quarter


@dataclass(frozen=True)
class ObjectiveThemes:
    """How many themes serve an objective in each quarter, and from how many teams."""

    objective: str
    counts: dict[str, int]
    teams: int


@dataclass(frozen=True)
class PriorityThemes:
    """One of the portfolio's priorities for a quarter shown, and how many themes of that
    quarter serve one of its objectives."""

    quarter: str
    name: str
    objectives: list[str]
    themes: int


@dataclass(frozen=True)
class Roadmap:
    """The roadmap page: quarters are named as in the data (2027-Q1)."""

    quarters: list[str]  # the current quarter (of the build's date), then the next
    teams: list[TeamPlan]  # every team, sorted by name, then owners that are not teams
    overloaded: dict[str, list[str]]  # per quarter, the teams planning more than three
    unplanned: list[ProductPlan]  # live products with nothing planned in a quarter, by name
    idle: dict[str, list[str]]  # per quarter, the live products with nothing planned
    objectives: list[ObjectiveThemes]  # every objective, by name, then unknown ids
    priorities: list[PriorityThemes]  # those of the quarters shown, as portfolio.yaml lists them


def roadmap_figures(cat: Catalogue) -> Roadmap:
    quarters = roadmap_quarters(cat.today)
    teams = [team_plan(cat, tid, quarters) for tid in _teams_by_name(cat)]
    product_key = name_order(cat.portfolio, "product")
    unplanned = sorted(
        (
            plan
            for team in teams
            for plan in team.products
            if plan.live and not all(plan.planned(q) for q in quarters)
        ),
        key=lambda plan: product_key(plan.product),
    )
    return Roadmap(
        quarters=quarters,
        teams=teams,
        overloaded={q: [t.team for t in teams if q in t.overloaded] for q in quarters},
        unplanned=unplanned,
        idle={q: [plan.product for plan in unplanned if not plan.planned(q)] for q in quarters},
        objectives=_objective_themes(cat, teams, quarters),
        priorities=_priority_themes(cat, teams, quarters),
    )


def roadmap_quarters(today: datetime.date) -> list[str]:
    """The quarter of `today` and the next, named as in the data (2027-Q1)."""
    now = quarter_of(today)
    return [now, next_quarter(now)]


def quarter_themes(product: Product, quarter: str) -> list[Theme]:
    """The themes a product plans for a quarter, from every roadmap entry for it."""
    return [
        Theme(as_theme(theme).theme, theme_objectives(product, theme), as_theme(theme).status)
        for entry in product.roadmap
        if entry.quarter == quarter
        for theme in entry.themes
    ]


def product_plan(pid: str, product: Product, quarters: list[str]) -> ProductPlan:
    themes = {q: quarter_themes(product, q) for q in quarters}
    served = [o for q in quarters for theme in themes[q] for o in theme.objectives]
    return ProductPlan(pid, product.owner, is_live(product), themes, list(dict.fromkeys(served)))


def team_plan(cat: Catalogue, tid: str, quarters: list[str]) -> TeamPlan:
    products = cat.portfolio.products
    owned = cat.owned.get(tid, [])  # in name order
    plans = [product_plan(pid, products[pid], quarters) for pid in owned]
    shown = [plan for plan in plans if plan.live or any(plan.themes.values())]
    counts = {q: sum(plan.planned(q) for plan in shown) for q in quarters}
    return TeamPlan(
        team=tid,
        products=shown,
        counts=counts,
        overloaded=[q for q in quarters if counts[q] > MAX_THEMES],
        unplanned=sum(1 for plan in shown if plan.live and not plan.planned(quarters[0])),
    )


def _teams_by_name(cat: Catalogue) -> list[str]:
    """Every team by name; then owners that are not teams (an error), by id."""
    teams = cat.portfolio.teams
    known = sorted(teams, key=name_order(cat.portfolio, "team"))
    return known + sorted(tid for tid in cat.owned if tid not in teams)


def _objective_themes(
    cat: Catalogue, teams: list[TeamPlan], quarters: list[str]
) -> list[ObjectiveThemes]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    serving: dict[str, set[str]] = defaultdict(set)
    for team, quarter, theme in _themes(teams, quarters):
        for oid in theme.objectives:
            counts[oid][quarter] += 1
            serving[oid].add(team)
    known = cat.portfolio.objectives
    order = sorted(known, key=name_order(cat.portfolio, "objective")) + sorted(
        oid for oid in counts if oid not in known
    )
    return [
        ObjectiveThemes(oid, {q: counts[oid][q] for q in quarters}, len(serving[oid]))
        for oid in order
    ]


def _priority_themes(
    cat: Catalogue, teams: list[TeamPlan], quarters: list[str]
) -> list[PriorityThemes]:
    themes = [(quarter, set(theme.objectives)) for _, quarter, theme in _themes(teams, quarters)]
    return [
        PriorityThemes(
            p.quarter,
            p.name,
            list(p.objectives),
            sum(1 for q, served in themes if q == p.quarter and served & set(p.objectives)),
        )
        for p in cat.portfolio.settings.priorities
        if p.quarter in quarters
    ]


def _themes(teams: list[TeamPlan], quarters: list[str]) -> Iterator[tuple[str, str, Theme]]:
    """Each theme shown, with its team and quarter."""
    for team in teams:
        for plan in team.products:
            for quarter in quarters:
                for theme in plan.themes[quarter]:
                    yield team.team, quarter, theme
