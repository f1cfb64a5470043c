"""The semantic diff of two portfolios' plain data (pac/changes/entities.py), example by
example: ids, renames, and the renames followed in dependencies and funding."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from pac.changes.entities import (
    Changes,
    EntityChange,
    FieldChange,
    Totals,
    diff_kind,
    diff_portfolio,
    follow_renames,
)

D = Decimal


def product(pid: str = "till", **fields: Any) -> dict[str, Any]:
    return {"id": pid, "name": pid.title(), **fields}


@pytest.mark.parametrize("field", ["capabilities", "objectives", "depends_on"])
def test_a_product_that_only_gains_an_id_in_a_list_is_changed(field: str) -> None:
    old = {"till": product(**{field: ["a"]})}
    new = {"till": product(**{field: ["a", "b"]})}
    assert diff_kind("product", old, new) == [
        EntityChange("product", "till", "changed", "Till",
                     changes=(FieldChange(field, [], ["b"], "set"),))
    ]


@pytest.mark.parametrize("field", ["capabilities", "objectives", "depends_on"])
def test_a_product_that_only_loses_an_id_in_a_list_is_changed(field: str) -> None:
    old = {"till": product(**{field: ["a", "b"]})}
    new = {"till": product(**{field: ["b"]})}
    assert diff_kind("product", old, new) == [
        EntityChange("product", "till", "changed", "Till",
                     changes=(FieldChange(field, ["a"], [], "set"),))
    ]


def test_added_removed_and_changed_entities_sorted_by_id() -> None:
    old = {"b": product("b"), "c": product("c", owner="t1"), "d": product("d")}
    new = {"a": product("a"), "c": product("c", owner="t2"), "d": product("d")}
    assert diff_kind("team", old, new) == [
        EntityChange("team", "a", "added", "A"),
        EntityChange("team", "b", "removed", "B"),
        EntityChange("team", "c", "changed", "C",
                     changes=(FieldChange("owner", "t1", "t2"),)),
    ]


def test_the_same_set_in_another_order_is_no_change() -> None:
    old = {"till": product(tags=["a", "b"])}
    new = {"till": product(tags=["b", "a"])}
    assert diff_kind("product", old, new) == []


@pytest.mark.parametrize(
    ("data", "name"),
    [({"id": "x", "name": "Ex"}, "Ex"), ({"period": "FY2027"}, "FY2027"),
     ({"id": "x"}, "x"), ({}, ""), ({"id": "x", "name": ""}, "x")],
)
def test_an_entity_is_named_by_its_name_else_period_else_id(data: dict[str, Any],
                                                             name: str) -> None:
    assert diff_kind("funding", {}, {"x": data}) == [EntityChange("funding", "x", "added", name)]
    assert diff_kind("funding", {"x": data}, {}) == [
        EntityChange("funding", "x", "removed", name)
    ]


def test_a_new_id_that_names_a_vanished_one_is_a_rename_with_its_changes() -> None:
    old = {"old": product("old", owner="t1", previous_ids=["older"])}
    new = {"new": product("new", name="New", owner="t2", previous_ids=["older", "old"])}
    assert diff_kind("product", old, new) == [
        EntityChange("product", "new", "renamed", "New", "old",
                     (FieldChange("name", "Old", "New"), FieldChange("owner", "t1", "t2"))),
    ]


def test_a_rename_takes_the_first_vanished_previous_id() -> None:
    old = {"a": product("a"), "b": product("b"), "keep": product("keep")}
    new = {"keep": product("keep"),
           "n": product("n", name="A", previous_ids=[7, "keep", "ghost", "a", "b"])}
    changes = diff_kind("team", old, new)
    assert [(c.status, c.id, c.old_id) for c in changes] == [
        ("removed", "b", None), ("renamed", "n", "a")]


def test_previous_ids_that_are_not_a_list_are_no_rename() -> None:
    old = {"a": product("a")}
    new = {"n": product("n", previous_ids="a")}
    assert [(c.status, c.id) for c in diff_kind("team", old, new)] == [
        ("removed", "a"), ("added", "n")]


def test_an_entity_that_keeps_its_id_is_no_rename_whatever_it_names() -> None:
    old = {"a": product("a"), "b": product("b")}
    new = {"a": product("a", previous_ids=["b"]), "b": product("b")}
    assert diff_kind("team", old, new) == [
        EntityChange("team", "a", "changed", "A",
                     changes=(FieldChange("previous_ids", [], ["b"], "set"),))
    ]


def test_a_rename_follows_the_dependencies_on_the_renamed_product() -> None:
    old = {"id-old": product("id-old"), "portal": product("portal", depends_on=["id-old", "x"])}
    new = {"id-new": product("id-new", name="Id-Old", previous_ids=["id-old"]),
           "portal": product("portal", depends_on=["id-new", "x"])}
    assert diff_kind("product", old, new) == [
        EntityChange("product", "id-new", "renamed", "Id-Old", "id-old"),
    ]


def test_only_products_follow_renamed_dependencies() -> None:
    old = {"a": product("a"), "p": product("p", depends_on=["a"])}
    new = {"b": product("b", name="A", previous_ids=["a"]), "p": product("p", depends_on=["b"])}
    changes = diff_kind("team", old, new)
    assert [(c.status, c.id, c.changes) for c in changes] == [
        ("renamed", "b", ()),
        ("changed", "p", (FieldChange("depends_on", ["a"], ["b"], "set"),)),
    ]


def test_odd_dependencies_are_left_as_they_are_across_a_rename() -> None:
    old = {"a": product("a"), "p": product("p", depends_on=["a", 5, {"id": "a"}]),
           "q": product("q", depends_on="a")}
    new = {"b": product("b", name="A", previous_ids=["a"]),
           "p": product("p", depends_on=["b", 5, {"id": "a"}]), "q": product("q", depends_on="a")}
    assert diff_kind("product", old, new) == [
        EntityChange("product", "b", "renamed", "A", "a"),
    ]


def test_a_rename_moves_the_funding_to_the_new_id() -> None:
    old = {
        "product": {"a": product("a")},
        "funding": {"FY": {"period": "FY", "allocations": [
            {"product": "a", "run": 1}, {"product": "z", "run": 2}, "odd"]}},
    }
    new = {
        "product": {"b": product("b", name="A", previous_ids=["a"])},
        "funding": {"FY": {"period": "FY", "allocations": [
            {"product": "b", "run": 1}, {"product": "z", "run": 3}, "odd"]}},
    }
    assert diff_portfolio(old, new) == [
        EntityChange("product", "b", "renamed", "A", "a"),
        EntityChange("funding", "FY", "changed", "FY",
                     changes=(FieldChange("allocations[1].run", 2, 3),)),
    ]
    old["funding"]["FY"]["allocations"].pop()
    new["funding"]["FY"]["allocations"].pop()
    assert diff_portfolio(old, new)[1:] == [
        EntityChange("funding", "FY", "changed", "FY",
                     changes=(FieldChange("allocations[z].run", 2, 3),)),
    ]


def test_follow_renames_leaves_data_without_allocations_alone() -> None:
    data = {"period": "FY", "allocations": "odd"}
    assert follow_renames(data, {"a": "b"}) is data
    funding = {"period": "FY", "allocations": [{"product": "a"}]}
    assert follow_renames(funding, {}) is funding
    assert follow_renames(funding, {"a": "b"}) == {"period": "FY",
                                                   "allocations": [{"product": "b"}]}


def test_diff_portfolio_diffs_the_kinds_given_products_first() -> None:
    old = {"objective": {"o": {"id": "o"}}, "team": {}}
    new = {"portfolio": {"portfolio": {"name": "P"}}, "product": {"p": {"id": "p"}},
           "capability": {"c": {"id": "c", "name": "C"}}}
    assert [(c.ref, c.status, c.name) for c in diff_portfolio(old, new)] == [
        ("product:p", "added", "p"),
        ("capability:c", "added", "C"),
        ("objective:o", "removed", "o"),
        ("portfolio:portfolio", "added", "P"),
    ]


@pytest.mark.parametrize("kind", ["team", "capability", "objective", "funding", "portfolio"])
def test_a_kind_only_the_old_version_has_is_diffed(kind: str) -> None:
    assert diff_portfolio({kind: {"x": {"id": "x"}}}, {}) == [
        EntityChange(kind, "x", "removed", "x")]
    assert diff_portfolio({}, {kind: {"x": {"id": "x"}}}) == [
        EntityChange(kind, "x", "added", "x")]


def test_totals_and_counts() -> None:
    assert Totals(D(10), D("1.5"), D("2.25")).allocated == D("3.75")
    changes = Changes([EntityChange("team", "a", "added", "A"),
                       EntityChange("team", "b", "added", "B"),
                       EntityChange("team", "c", "removed", "C")])
    assert (changes.count("added"), changes.count("removed"), changes.count("renamed")) == (
        2, 1, 0)
    assert EntityChange("team", "a", "added", "A").ref == "team:a"


def test_a_theme_marked_done_in_a_product_file_reads_as_its_status() -> None:
    from pac.changes.entities import snapshot
    from pac.model import Product
    from pac.render.shared import field_line

    def till(*themes: Any) -> dict[str, Any]:
        return snapshot(Product.model_validate({
            "id": "till", "name": "Till", "kind": "service", "lifecycle": {"stage": "live"},
            "owner": "t", "roadmap": [{"quarter": "2027-Q1", "themes": list(themes)}]}))

    # `status: planned` written out is the default: the snapshot leaves it out
    old = {"till": till({"theme": "Apple Pay", "status": "planned"}, "Contactless")}
    new = {"till": till({"theme": "Apple Pay", "status": "done"}, "Contactless")}
    [change] = diff_kind("product", old, new)
    assert [field_line(c) for c in change.changes] == [
        "roadmap[2027-Q1].themes[Apple Pay].status: planned → done"]
