"""Two versions of an entity's fields compared (pac/changes/fields.py), example by example:
nested fields as paths, lists of ids as sets, records by their key."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pac.changes.fields import FieldChange, diff_values

D = Decimal


def test_a_first_and_a_last_id_in_a_list_compare_with_no_list() -> None:
    # a list left empty is not in the snapshot (it is the default)
    assert list(diff_values("", {}, {"tags": ["ml"]})) == [FieldChange("tags", [], ["ml"], "set")]
    assert list(diff_values("", {"tags": ["ml"]}, {})) == [FieldChange("tags", ["ml"], [], "set")]


def test_lists_of_ids_compare_as_sets() -> None:
    assert list(diff_values("", {"tags": ["a", "b"]}, {"tags": ["b", "a"]})) == []
    assert list(diff_values("", {"tags": ["a", "a"]}, {"tags": ["a"]})) == []
    assert list(diff_values("", {"tags": ["c", "a", "x"]}, {"tags": ["z", "b", "x"]})) == [
        FieldChange("tags", ["a", "c"], ["b", "z"], "set")
    ]


def test_numbers_in_a_list_are_a_set_sorted_as_text() -> None:
    assert list(diff_values("n", [10, 9, D("1.5"), 2], [2, 30, 4])) == [
        FieldChange("n", [D("1.5"), 10, 9], [30, 4], "set")
    ]
    assert list(diff_values("n", ["b", 3], [1, "a"])) == [
        FieldChange("n", [3, "b"], [1, "a"], "set")
    ]


def test_a_list_of_mixed_things_is_compared_whole() -> None:
    old, new = ["a", {"b": 1}], ["a"]
    assert list(diff_values("x", old, new)) == [FieldChange("x", old, new)]
    assert list(diff_values("x", [True], [None])) == [FieldChange("x", [True], [None])]


def test_a_list_replaced_by_a_value_is_a_value_change() -> None:
    assert list(diff_values("x", ["a"], "a")) == [FieldChange("x", ["a"], "a")]
    assert list(diff_values("x", "a", ["a"])) == [FieldChange("x", "a", ["a"])]


def test_nested_fields_are_joined_into_a_path() -> None:
    old = {"lifecycle": {"stage": "build", "since": "2026"}, "owner": "t1"}
    new = {"lifecycle": {"stage": "live", "since": "2026", "retire_by": "2030"}, "owner": "t2"}
    assert list(diff_values("", old, new)) == [
        FieldChange("lifecycle.retire_by", None, "2030"),
        FieldChange("lifecycle.stage", "build", "live"),
        FieldChange("owner", "t1", "t2"),
    ]


def test_records_are_matched_by_their_key() -> None:
    old = {"kpis": [{"name": "a", "target": 1}, {"name": "b", "target": 2}]}
    new = {"kpis": [{"name": "b", "target": 3}, {"name": "c", "target": 4}]}
    assert list(diff_values("", old, new)) == [
        FieldChange("kpis[a]", {"name": "a", "target": 1}, None),
        FieldChange("kpis[b].target", 2, 3),
        FieldChange("kpis[c]", None, {"name": "c", "target": 4}),
    ]


def test_records_deep_in_an_entity_are_matched_by_their_key() -> None:
    old = {"extensions": {"ops": {"kpis": [{"name": "a", "target": 1}]}}}
    new = {"extensions": {"ops": {"kpis": [{"name": "a", "target": 2}]}}}
    assert list(diff_values("", old, new)) == [
        FieldChange("extensions.ops.kpis[a].target", 1, 2)
    ]


@pytest.mark.parametrize(
    ("field", "key"),
    [("key_results", "name"), ("allocations", "product"), ("customers", "segment"),
     ("technology", "name"), ("stakeholders", "name"), ("members", "name"),
     ("roadmap", "quarter")],
)
def test_each_list_of_records_has_its_key(field: str, key: str) -> None:
    old = {field: [{key: "k", "x": 1}]}
    new = {field: [{key: "k", "x": 2}]}
    assert list(diff_values("", old, new)) == [FieldChange(f"{field}[k].x", 1, 2)]


def test_the_first_and_last_record_are_matched_by_key() -> None:
    assert list(diff_values("", {}, {"kpis": [{"name": "a"}]})) == [
        FieldChange("kpis[a]", None, {"name": "a"})
    ]
    assert list(diff_values("", {"kpis": [{"name": "a"}]}, {})) == [
        FieldChange("kpis[a]", {"name": "a"}, None)
    ]


def test_records_that_share_a_key_on_either_side_are_compared_whole() -> None:
    one, two = {"name": "pg", "version": "14"}, {"name": "pg", "version": "16"}
    assert list(diff_values("", {"technology": [one]}, {"technology": [one, two]})) == [
        FieldChange("technology", [one], [one, two])
    ]
    assert list(diff_values("", {"technology": [one, two]}, {"technology": [two]})) == [
        FieldChange("technology", [one, two], [two])
    ]


def test_a_list_of_records_under_an_unknown_field_is_compared_whole() -> None:
    old, new = [{"name": "a", "x": 1}], [{"name": "a", "x": 2}]
    assert list(diff_values("", {"links": old}, {"links": new})) == [
        FieldChange("links", old, new)
    ]


def test_a_key_list_holding_a_value_is_compared_whole() -> None:
    assert list(diff_values("", {"kpis": [{"name": "a"}, 3]}, {"kpis": [{"name": "a"}]})) == [
        FieldChange("kpis", [{"name": "a"}, 3], [{"name": "a"}])
    ]
