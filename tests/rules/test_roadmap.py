"""pac.rules.roadmap: the portfolio's priorities, at most three a quarter, and the live
products whose themes serve none of them, called directly on a portfolio written here."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from pac.findings import Finding
from pac.model import Objective, Product, Settings
from pac.model.portfolio import Portfolio
from pac.rules.registry import RULES, Context
from pac.rules.roadmap import priorities_overloaded, roadmap_off_priorities

TODAY = datetime.date(2026, 11, 22)  # in 2026-Q4
OBJECTIVES = ("grow", "save", "green")


def _product(pid: str, stage: str, objectives: list[str],
             roadmap: list[tuple[str, list[Any]]]) -> Product:
    return Product.model_validate({
        "id": pid, "name": pid.title(), "kind": "service", "lifecycle": {"stage": stage},
        "owner": "t", "objectives": objectives,
        "roadmap": [{"quarter": q, "themes": themes} for q, themes in roadmap]})


def _ctx(priorities: list[tuple[str, str, list[str]]], *products: Product) -> Context:
    settings = Settings.model_validate({"name": "Acme", "priorities": [
        {"quarter": q, "name": name, "objectives": objectives}
        for q, name, objectives in priorities]})
    files = {("product", p.id): f"products/{p.id}.yaml" for p in products}
    objectives = {o: Objective.model_validate({"id": o, "name": o.title()}) for o in OBJECTIVES}
    portfolio = Portfolio(settings, {p.id: p for p in products}, {}, {}, objectives, {},
                          files | {("portfolio", "portfolio"): "portfolio.yaml"},
                          {"objective": set(OBJECTIVES)})
    return Context(portfolio, TODAY)


def _where(findings: list[Finding]) -> list[tuple[str, tuple[str | int, ...], str]]:
    return [(f.entity, f.loc, f.message) for f in findings]


def test_the_rules_are_registered_with_their_severities() -> None:
    assert (RULES["priorities-overloaded"].severity, RULES["priorities-overloaded"].health) == (
        "warning", False)
    assert (RULES["roadmap-off-priorities"].severity,
            RULES["roadmap-off-priorities"].health) == ("info", True)


def test_more_than_three_priorities_in_a_quarter_is_found_at_the_first_beyond_three() -> None:
    ctx = _ctx([("2027-Q1", "A", []), ("2027-Q2", "B", []), ("2027-Q1", "C", []),
                ("2027-Q1", "D", []), ("2027-Q2", "E", []), ("2027-Q1", "F", []),
                ("2027-Q1", "G", []), ("2026-Q4", "H", [])])
    [finding] = priorities_overloaded(ctx)
    assert (finding.file, finding.entity, finding.loc) == (
        "portfolio.yaml", "portfolio", ("priorities", 5))
    assert finding.message == "2027-Q1 has 5 priorities, more than 3"
    assert finding.hint == (
        "keep three big things a quarter: move the rest to a later quarter or drop them")


def test_three_priorities_a_quarter_are_not_too_many() -> None:
    ctx = _ctx([("2027-Q1", "A", []), ("2027-Q1", "B", []), ("2027-Q1", "C", []),
                ("2027-Q2", "D", [])])
    assert list(priorities_overloaded(ctx)) == []


def test_each_overloaded_quarter_is_one_finding_in_quarter_order() -> None:
    four = [("A", []), ("B", []), ("C", []), ("D", [])]
    ctx = _ctx([("2027-Q2", n, o) for n, o in four] + [("2027-Q1", n, o) for n, o in four])
    assert [(f.loc, f.message) for f in priorities_overloaded(ctx)] == [
        (("priorities", 7), "2027-Q1 has 4 priorities, more than 3"),
        (("priorities", 3), "2027-Q2 has 4 priorities, more than 3"),
    ]


def test_a_live_product_whose_themes_serve_no_priority_is_found_at_the_quarter() -> None:
    shop = _product("shop", "live", ["grow"],
                    [("2026-Q4", ["Peak"]), ("2027-Q1", ["Wish lists", "Gift wrap"])])
    ctx = _ctx([("2027-Q1", "Save money", ["save"]), ("2027-Q1", "Go green", ["green", "save"]),
                ("2026-Q4", "Grow", ["grow"])], shop)
    [finding] = roadmap_off_priorities(ctx)
    assert (finding.file, finding.entity, finding.loc) == (
        "products/shop.yaml", "product:shop", ("roadmap", 1, "themes"))
    assert finding.message == (
        "no theme for 2027-Q1 serves the quarter's priorities ('Save money', 'Go green')")
    assert finding.hint == (
        "plan a theme that serves save or green; a theme that serves an objective its product "
        "does not list names it in objective:")


@pytest.mark.parametrize("themes", [
    ["Cut costs", {"theme": "Gift wrap", "objective": "save"}],  # one theme is enough
    [{"theme": "Gift wrap", "status": "done", "objective": "save"}],  # a promise kept serves
    [{"theme": "Gift wrap", "status": "in-progress", "objective": "green"}],
])
def test_one_theme_serving_a_priority_is_enough(themes: list[Any]) -> None:
    shop = _product("shop", "live", ["grow"], [("2027-Q1", themes)])
    assert list(roadmap_off_priorities(_ctx([("2027-Q1", "Save", ["save", "green"])], shop))) == []


def test_a_theme_serves_its_products_objectives_unless_it_names_its_own() -> None:
    shop = _product("shop", "live", ["grow", "save"], [("2027-Q1", ["Cut costs"])])
    assert list(roadmap_off_priorities(_ctx([("2027-Q1", "Save", ["save"])], shop))) == []
    own = _product("shop", "live", ["save"], [("2027-Q1", [{"theme": "x", "objective": "grow"}])])
    assert len(list(roadmap_off_priorities(_ctx([("2027-Q1", "Save", ["save"])], own)))) == 1


def test_a_dropped_theme_serves_nothing() -> None:
    shop = _product("shop", "live", ["grow"], [("2027-Q1", [
        "Wish lists", {"theme": "Cut costs", "status": "dropped", "objective": "save"}])])
    assert len(list(roadmap_off_priorities(_ctx([("2027-Q1", "Save", ["save"])], shop)))) == 1


@pytest.mark.parametrize(("product", "priorities"), [
    # not live: ideas and products in build or sunset are not held to the priorities
    (_product("p", "build", ["grow"], [("2027-Q1", ["x"])]), [("2027-Q1", "S", ["save"])]),
    (_product("p", "sunset", ["grow"], [("2027-Q1", ["x"])]), [("2027-Q1", "S", ["save"])]),
    # nothing planned for the quarter (live-product-without-roadmap's to say), or only dropped
    (_product("p", "live", ["grow"], [("2027-Q2", ["x"])]), [("2027-Q1", "S", ["save"])]),
    (_product("p", "live", ["grow"], [("2027-Q1", [{"theme": "x", "status": "dropped"}])]),
     [("2027-Q1", "S", ["save"])]),
    # a quarter past is not judged any more
    (_product("p", "live", ["grow"], [("2026-Q3", ["x"])]), [("2026-Q3", "S", ["save"])]),
    # no priority for the quarter, or priorities that name no objective (or an unknown one)
    (_product("p", "live", ["grow"], [("2027-Q1", ["x"])]), [("2027-Q2", "S", ["save"])]),
    (_product("p", "live", ["grow"], [("2027-Q1", ["x"])]), [("2027-Q1", "S", [])]),
    (_product("p", "live", ["grow"], [("2027-Q1", ["x"])]), [("2027-Q1", "S", ["sav"])]),
])
def test_no_finding(product: Product, priorities: list[tuple[str, str, list[str]]]) -> None:
    assert list(roadmap_off_priorities(_ctx(priorities, product))) == []


def test_the_current_quarter_and_each_later_one_is_judged_in_quarter_order() -> None:
    shop = _product("shop", "live", ["grow"],
                    [("2027-Q2", ["b"]), ("2026-Q4", ["a"]), ("2027-Q1", ["c"])])
    ctx = _ctx([("2027-Q2", "S", ["save"]), ("2026-Q4", "S", ["save"]),
                ("2027-Q1", "G", ["grow"])], shop)
    assert [(f.loc, f.message[:20]) for f in roadmap_off_priorities(ctx)] == [
        (("roadmap", 1, "themes"), "no theme for 2026-Q4"),
        (("roadmap", 0, "themes"), "no theme for 2027-Q2"),
    ]


def test_the_themes_of_every_entry_for_the_quarter_count_together() -> None:
    shop = _product("shop", "live", ["grow"], [
        ("2027-Q1", [{"theme": "x", "status": "dropped"}]),
        ("2027-Q1", [{"theme": "y", "objective": "save"}])])
    assert list(roadmap_off_priorities(_ctx([("2027-Q1", "S", ["save"])], shop))) == []
    shop = _product("shop", "live", ["grow"], [
        ("2027-Q1", [{"theme": "x", "status": "dropped"}]), ("2027-Q1", ["y"])])
    [finding] = roadmap_off_priorities(_ctx([("2027-Q1", "S", ["save"])], shop))
    assert finding.loc == ("roadmap", 0, "themes")  # the quarter's first entry
