"""The roadmap page's figures, on a portfolio written here so that every expected value is
known: a team over three themes, one at exactly three, a team with nothing, live products
with nothing planned now or next, an owner that is not a team and an unknown objective."""

from __future__ import annotations

import datetime

import pytest

from pac.catalogue.context import Catalogue, build_catalogue
from pac.catalogue.roadmap import (
    ObjectiveThemes,
    ProductPlan,
    Theme,
    quarter_themes,
    roadmap_figures,
    roadmap_quarters,
    team_plan,
    theme_objectives,
)
from pac.model import Objective, Product, Team
from pac.model.portfolio import FALLBACK_SETTINGS, Portfolio

TODAY = datetime.date(2026, 11, 22)  # 2026-Q4; the next quarter is 2027-Q1
NOW, NEXT = "2026-Q4", "2027-Q1"


def _product(pid: str, name: str, owner: str, stage: str, objectives: list[str],
             roadmap: list[tuple[str, list[str]]]) -> Product:
    return Product.model_validate({
        "id": pid, "name": name, "kind": "service", "lifecycle": {"stage": stage},
        "owner": owner, "objectives": objectives,
        "roadmap": [{"quarter": q, "themes": themes} for q, themes in roadmap]})


PRODUCTS = [
    # Alpha Squad (team-b): 4 themes now, over three; Legacy Billing has nothing planned
    _product("shop", "Web Shop", "team-b", "live", ["grow", "save"],
             [(NOW, ["Faster checkout", "Gift wrap"]), (NEXT, ["Wish lists"])]),
    _product("app", "Mobile App", "team-b", "build", ["grow"],
             [(NOW, ["Dark mode", "Offline basket"]), ("2027-Q2", ["Widgets"])]),
    _product("legacy", "Legacy Billing", "team-b", "live", ["save"], []),
    _product("idea", "An Idea", "team-b", "ideation", ["grow"], []),  # nothing, not live
    # Zeta Crew (team-a): exactly three themes next, in two entries for one quarter
    _product("hub", "Data Hub", "team-a", "live", ["save"],
             [("2026-Q3", ["Done already"]), (NOW, []), (NEXT, ["Lineage", "Contracts"]),
              (NEXT, ["Streaming"])]),
    _product("beta", "Beta Portal", "team-a", "sunset", [], [(NOW, ["Read-only mode"])]),
    # an owner that is not a team, and an objective that is not in the portfolio
    _product("orphan", "Orphan Tool", "team-gone", "live", ["lost"], [(NOW, ["Find a team"])]),
]
TEAMS = [("team-a", "Zeta Crew"), ("team-b", "Alpha Squad"), ("team-idle", "Middle Team")]


def catalogue(products: list[Product] = PRODUCTS, today: datetime.date = TODAY) -> Catalogue:
    teams = {tid: Team.model_validate({"id": tid, "name": name}) for tid, name in TEAMS}
    objectives = {oid: Objective.model_validate({"id": oid, "name": oid.title()})
                  for oid in ("grow", "save")}
    portfolio = Portfolio(FALLBACK_SETTINGS, {p.id: p for p in products}, teams, {},
                          objectives, {}, {}, {})
    return build_catalogue(portfolio, [], today=today, prefix="portfolio/")


def themes(plan: ProductPlan) -> dict[str, list[str]]:
    return {q: [t.text for t in found] for q, found in plan.themes.items()}


def test_teams_by_name_then_owners_that_are_not_teams() -> None:
    figures = roadmap_figures(catalogue())
    assert figures.quarters == [NOW, NEXT]
    assert [t.team for t in figures.teams] == ["team-b", "team-idle", "team-a", "team-gone"]


def test_each_team_counts_its_themes_and_is_flagged_over_three() -> None:
    teams = {t.team: t for t in roadmap_figures(catalogue()).teams}
    summary = {tid: (t.counts, t.overloaded, t.unplanned) for tid, t in teams.items()}
    assert summary == {
        "team-b": ({NOW: 4, NEXT: 1}, [NOW], 1),
        "team-idle": ({NOW: 0, NEXT: 0}, [], 0),
        "team-a": ({NOW: 1, NEXT: 3}, [], 1),  # three is not more than three
        "team-gone": ({NOW: 1, NEXT: 0}, [], 0),
    }
    assert roadmap_figures(catalogue()).overloaded == {NOW: ["team-b"], NEXT: []}


def test_a_team_shows_its_products_by_name_with_their_themes() -> None:
    teams = {t.team: t for t in roadmap_figures(catalogue()).teams}
    # the idea (ideation, nothing planned) is left out; Legacy Billing is live: it stays
    assert [(p.product, p.live, themes(p)) for p in teams["team-b"].products] == [
        ("legacy", True, {NOW: [], NEXT: []}),
        ("app", False, {NOW: ["Dark mode", "Offline basket"], NEXT: []}),
        ("shop", True, {NOW: ["Faster checkout", "Gift wrap"], NEXT: ["Wish lists"]}),
    ]
    assert [(p.product, themes(p)) for p in teams["team-a"].products] == [
        ("beta", {NOW: ["Read-only mode"], NEXT: []}),
        ("hub", {NOW: [], NEXT: ["Lineage", "Contracts", "Streaming"]}),
    ]
    assert teams["team-idle"].products == []
    assert [p.owner for p in teams["team-gone"].products] == ["team-gone"]


def test_each_theme_serves_its_products_objectives() -> None:
    shop = roadmap_figures(catalogue()).teams[0].products[2]
    assert shop.themes[NOW] == [Theme("Faster checkout", ("grow", "save")),
                                Theme("Gift wrap", ("grow", "save"))]
    assert shop.objectives == ["grow", "save"]
    legacy = roadmap_figures(catalogue()).teams[0].products[0]
    assert legacy.objectives == []  # no theme, so no objective served, whatever the product's


def test_the_objectives_count_the_themes_and_teams_serving_them() -> None:
    assert roadmap_figures(catalogue()).objectives == [
        ObjectiveThemes("grow", {NOW: 4, NEXT: 1}, 1),
        ObjectiveThemes("save", {NOW: 2, NEXT: 4}, 2),
        ObjectiveThemes("lost", {NOW: 1, NEXT: 0}, 1),  # not in the portfolio: last
    ]


def test_live_products_with_nothing_planned_now_or_next() -> None:
    figures = roadmap_figures(catalogue())
    assert [p.product for p in figures.unplanned] == ["hub", "legacy", "orphan"]
    assert figures.idle == {NOW: ["hub", "legacy"], NEXT: ["legacy", "orphan"]}


def test_at_the_turn_of_the_year_the_next_quarter_is_the_first() -> None:
    assert roadmap_quarters(datetime.date(2026, 12, 31)) == ["2026-Q4", "2027-Q1"]
    assert roadmap_quarters(datetime.date(2027, 1, 1)) == ["2027-Q1", "2027-Q2"]
    figures = roadmap_figures(catalogue(today=datetime.date(2027, 1, 1)))
    assert figures.quarters == ["2027-Q1", "2027-Q2"]
    assert {t.team: t.counts for t in figures.teams}["team-b"] == {"2027-Q1": 1, "2027-Q2": 1}


@pytest.mark.parametrize(("objectives", "expected"), [([], ()), (["b", "a"], ("b", "a"))])
def test_a_themes_objectives_are_its_products_until_themes_have_their_own(
    objectives: list[str], expected: tuple[str, ...],
) -> None:
    product = _product("p", "P", "t", "live", objectives, [(NOW, ["x"])])
    assert theme_objectives(product, "x") == expected
    assert quarter_themes(product, NOW) == [Theme("x", expected)]
    assert quarter_themes(product, NEXT) == []


def test_a_team_plan_on_its_own_is_the_one_the_page_shows() -> None:
    cat = catalogue()
    assert team_plan(cat, "team-a", [NOW, NEXT]) == roadmap_figures(cat).teams[2]
    assert team_plan(cat, "team-nobody", [NOW, NEXT]).products == []
