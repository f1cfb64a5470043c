"""The roadmap page's figures, on a portfolio written here so that every expected value is
known: a team over three themes, one at exactly three, a team with nothing, live products
with nothing planned now or next, an owner that is not a team and an unknown objective."""

from __future__ import annotations

import datetime

import pytest

from pac.catalogue.context import Catalogue, build_catalogue
from pac.catalogue.roadmap import (
    ObjectiveThemes,
    PriorityThemes,
    ProductPlan,
    Theme,
    quarter_themes,
    roadmap_figures,
    roadmap_quarters,
    team_plan,
)
from pac.figures.roadmap import theme_objectives
from pac.model import Objective, Product, Settings, Team
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


def catalogue(products: list[Product] = PRODUCTS, today: datetime.date = TODAY,
              settings: Settings = FALLBACK_SETTINGS) -> Catalogue:
    teams = {tid: Team.model_validate({"id": tid, "name": name}) for tid, name in TEAMS}
    objectives = {oid: Objective.model_validate({"id": oid, "name": oid.title()})
                  for oid in ("grow", "save")}
    portfolio = Portfolio(settings, {p.id: p for p in products}, teams, {},
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


def test_a_theme_mapping_keeps_its_status_and_serves_its_own_objective() -> None:
    shop = Product.model_validate({
        "id": "shop", "name": "Web Shop", "kind": "service", "lifecycle": {"stage": "live"},
        "owner": "team-b", "objectives": ["grow"], "roadmap": [{"quarter": NOW, "themes": [
            "Faster checkout",
            {"theme": "Apple Pay", "status": "done", "objective": "save"},
            {"theme": "Gift wrap", "status": "dropped", "objective": "save"},
            {"theme": "Wish lists", "status": "in-progress"}]}]})
    assert quarter_themes(shop, NOW) == [
        Theme("Faster checkout", ("grow",)),
        Theme("Apple Pay", ("save",), "done"),
        Theme("Gift wrap", (), "dropped"),  # a dropped theme serves nothing
        Theme("Wish lists", ("grow",), "in-progress"),
    ]
    [team] = [t for t in roadmap_figures(catalogue([shop])).teams if t.team == "team-b"]
    assert team.counts == {NOW: 3, NEXT: 0}  # the dropped theme no longer counts
    assert team.products[0].objectives == ["grow", "save"]


def test_four_themes_one_dropped_do_not_overload_a_team() -> None:
    themes = ["a", "b", "c", {"theme": "d", "status": "dropped"}]
    shop = _product("shop", "Web Shop", "team-b", "live", ["grow"], [(NOW, themes)])
    figures = roadmap_figures(catalogue([shop]))
    assert figures.overloaded == {NOW: [], NEXT: []}
    assert {t.team: t.counts[NOW] for t in figures.teams}["team-b"] == 3


def test_a_quarter_of_dropped_themes_only_has_nothing_planned() -> None:
    dropped = [{"theme": "Gift wrap", "status": "dropped"}]
    shop = _product("shop", "Web Shop", "team-b", "live", ["grow"],
                    [(NOW, dropped), (NEXT, ["Wish lists"])])
    figures = roadmap_figures(catalogue([shop]))
    [plan] = figures.unplanned
    assert (plan.product, themes(plan), plan.planned(NOW), plan.planned(NEXT)) == (
        "shop", {NOW: ["Gift wrap"], NEXT: ["Wish lists"]}, 0, 1)
    assert figures.idle == {NOW: ["shop"], NEXT: []}
    assert [o.counts for o in figures.objectives if o.objective == "grow"] == [{NOW: 0, NEXT: 1}]


def test_each_priority_of_the_quarters_shown_counts_the_themes_serving_it() -> None:
    settings = Settings.model_validate({"name": "Acme", "priorities": [
        {"quarter": "2026-Q3", "name": "Past", "objectives": ["grow"]},  # not shown
        {"quarter": NEXT, "name": "Save", "objectives": ["save"]},
        {"quarter": NOW, "name": "Grow", "objectives": ["grow"]},
        {"quarter": NOW, "name": "Grow or save", "objectives": ["save", "grow"]},
        {"quarter": NOW, "name": "Words only"},
        {"quarter": "2027-Q2", "name": "Later", "objectives": ["grow"]},  # not shown
    ]})
    assert roadmap_figures(catalogue(settings=settings)).priorities == [
        PriorityThemes(NEXT, "Save", ["save"], 4),  # Wish lists and the Data Hub's three
        PriorityThemes(NOW, "Grow", ["grow"], 4),
        PriorityThemes(NOW, "Grow or save", ["save", "grow"], 4),  # each theme counted once
        PriorityThemes(NOW, "Words only", [], 0),
    ]
    assert roadmap_figures(catalogue()).priorities == []
