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


def test_a_list_of_mixed_things_is_compared_position_by_position() -> None:
    assert list(diff_values("x", ["a", {"b": 1}], ["a"])) == [
        FieldChange("x[1]", {"b": 1}, None, "removed")
    ]
    assert list(diff_values("x", [True], [None])) == [FieldChange("x[0]", True, None)]
    assert list(diff_values("x", [["a"], "b"], [["a", "c"]])) == [
        FieldChange("x[0]", [], ["c"], "set"),
        FieldChange("x[1]", "b", None),
    ]


def test_a_value_that_changes_shape_is_the_old_one_gone_and_the_new_one_come() -> None:
    assert list(diff_values("x", ["a"], "a")) == [
        FieldChange("x", ["a"], [], "set"), FieldChange("x", None, "a")
    ]
    assert list(diff_values("x", "a", {"b": 1, "c": [2]})) == [
        FieldChange("x", "a", None), FieldChange("x.b", None, 1),
        FieldChange("x.c", [], [2], "set"),
    ]
    assert list(diff_values("kpis", {"a": 1}, [{"name": "a"}])) == [
        FieldChange("kpis.a", 1, None), FieldChange("kpis[a]", None, {}, "added")
    ]


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
    new = {"kpis": [{"name": "b", "target": 3}, {"name": "c", "target": 4, "unit": "%"}]}
    assert list(diff_values("", old, new)) == [
        FieldChange("kpis[a]", {"target": 1}, None, "removed"),
        FieldChange("kpis[b].target", 2, 3),
        FieldChange("kpis[c]", None, {"target": 4, "unit": "%"}, "added"),
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
     ("roadmap", "quarter"), ("themes", "theme"), ("levels", "name")],
)
def test_each_list_of_records_has_its_key(field: str, key: str) -> None:
    old = {field: [{key: "k", "x": 1}]}
    new = {field: [{key: "k", "x": 2}]}
    assert list(diff_values("", old, new)) == [FieldChange(f"{field}[k].x", 1, 2)]


def test_the_first_and_last_record_are_matched_by_key() -> None:
    assert list(diff_values("", {}, {"kpis": [{"name": "a"}]})) == [
        FieldChange("kpis[a]", None, {}, "added")
    ]
    assert list(diff_values("", {"kpis": [{"name": "a"}]}, {})) == [
        FieldChange("kpis[a]", {}, None, "removed")
    ]


def test_a_mapping_that_comes_or_goes_is_described_leaf_by_leaf() -> None:
    scorecard = {"stages": ["live"], "levels": [
        {"name": "bronze", "checks": ["has-summary", "funded"]},
        {"name": "gold", "checks": ["kpis-measured"]}]}
    assert list(diff_values("", {"name": "P"}, {"name": "P", "scorecard": scorecard})) == [
        FieldChange("scorecard.levels[bronze]", None, {"checks": ["has-summary", "funded"]},
                    "added"),
        FieldChange("scorecard.levels[gold]", None, {"checks": ["kpis-measured"]}, "added"),
        FieldChange("scorecard.stages", [], ["live"], "set"),
    ]
    assert list(diff_values("contact", {"chat": "#a", "email": "a@x"}, None)) == [
        FieldChange("contact.chat", "#a", None), FieldChange("contact.email", "a@x", None)
    ]


def test_a_record_holds_its_leaves_sorted_without_its_key() -> None:
    member = {"name": "Ann", "skills": ["ux", "data"], "role": "Designer", "notes": None,
              "extra": {"tools": [], "desk": {"floor": 3}},
              "history": [{"team": "a"}, {"team": "b", "years": [2020, 2021]}],
              "kpis": [{"name": "k", "target": 1}]}
    assert list(diff_values("members", [], [member])) == [
        FieldChange("members[Ann]", None, {
            "extra.desk.floor": 3,
            "history[0].team": "a", "history[1].team": "b", "history[1].years": [2020, 2021],
            "kpis[k].name": "k", "kpis[k].target": 1,
            "role": "Designer", "skills": ["ux", "data"]}, "added")
    ]


def test_scorecard_levels_are_matched_by_name() -> None:
    old = {"levels": [{"name": "bronze", "checks": ["funded"]},
                      {"name": "silver", "checks": ["has-roadmap"]}]}
    new = {"levels": [{"name": "bronze", "checks": ["funded", "value-estimated"]},
                      {"name": "gold", "checks": ["kpis-measured", "has-roadmap"]}]}
    assert list(diff_values("scorecard", old, new)) == [
        FieldChange("scorecard.levels[bronze].checks", [], ["value-estimated"], "set"),
        FieldChange("scorecard.levels[gold]", None, {"checks": ["kpis-measured", "has-roadmap"]},
                    "added"),
        FieldChange("scorecard.levels[silver]", {"checks": ["has-roadmap"]}, None, "removed"),
    ]


def test_records_that_share_a_key_on_either_side_are_matched_by_position() -> None:
    one, two = {"name": "pg", "version": "14"}, {"name": "pg", "version": "16"}
    assert list(diff_values("", {"technology": [one]}, {"technology": [one, two]})) == [
        FieldChange("technology[1]", None, {"name": "pg", "version": "16"}, "added")
    ]
    assert list(diff_values("", {"technology": [one, two]}, {"technology": [two]})) == [
        FieldChange("technology[0].version", "14", "16"),
        FieldChange("technology[1]", {"name": "pg", "version": "16"}, None, "removed"),
    ]


def test_positions_are_in_order_from_zero() -> None:
    old = [{"x": i} for i in range(11)]
    new = [{"x": i + 1} for i in range(11)]
    assert [c.path for c in diff_values("links", old, new)] == [
        f"links[{i}].x" for i in range(11)]


def test_a_list_of_records_under_an_unknown_field_is_matched_by_position() -> None:
    old, new = [{"name": "a", "x": 1}], [{"name": "a", "x": 2}]
    assert list(diff_values("", {"links": old}, {"links": new})) == [
        FieldChange("links[0].x", 1, 2)
    ]


def test_a_key_list_holding_a_value_or_a_record_without_its_key_is_matched_by_position(
) -> None:
    assert list(diff_values("", {"kpis": [{"name": "a"}, 3]}, {"kpis": [{"name": "a"}]})) == [
        FieldChange("kpis[1]", 3, None)
    ]
    assert list(diff_values("kpis", [{"name": "a"}], [{"name": "a"}, {"unit": "%"}])) == [
        FieldChange("kpis[1]", None, {"unit": "%"}, "added")
    ]


def _themes(*themes: object) -> dict[str, object]:
    return {"roadmap": [{"quarter": "2027-Q1", "themes": list(themes)}]}


def test_a_theme_marked_done_reads_as_its_status_changing() -> None:
    # a snapshot leaves status: planned out (the default); a sentence is a planned theme
    old = _themes("Apple Pay", "Guest checkout")
    new = _themes({"theme": "Apple Pay", "status": "done"}, "Guest checkout")
    assert list(diff_values("", old, new)) == [
        FieldChange("roadmap[2027-Q1].themes[Apple Pay].status", "planned", "done")
    ]
    assert list(diff_values("", new, old)) == [
        FieldChange("roadmap[2027-Q1].themes[Apple Pay].status", "done", "planned")
    ]
    dropped = _themes({"theme": "Apple Pay", "status": "dropped"}, "Guest checkout")
    assert list(diff_values("", new, dropped)) == [
        FieldChange("roadmap[2027-Q1].themes[Apple Pay].status", "done", "dropped")
    ]


def test_themes_are_matched_by_their_sentence_whichever_way_they_are_written() -> None:
    old = _themes({"theme": "Apple Pay"}, "Wish lists", {"theme": "Gift wrap", "status": "done"})
    new = _themes("Apple Pay", {"theme": "Wish lists", "objective": "grow"},
                  {"theme": "Guest checkout", "status": "in-progress"})
    assert list(diff_values("", old, new)) == [
        FieldChange("roadmap[2027-Q1].themes[Gift wrap]", {"status": "done"}, None, "removed"),
        FieldChange("roadmap[2027-Q1].themes[Guest checkout]", None, {"status": "in-progress"},
                    "added"),
        FieldChange("roadmap[2027-Q1].themes[Wish lists].objective", None, "grow"),
    ]


def test_a_list_of_sentences_only_still_compares_as_a_set() -> None:
    assert list(diff_values("", _themes("a", "b"), _themes("b", "c"))) == [
        FieldChange("roadmap[2027-Q1].themes", ["a"], ["c"], "set")
    ]


def test_a_quarter_that_comes_holds_its_themes_by_their_sentence() -> None:
    assert list(diff_values("", {}, _themes("a", {"theme": "b", "status": "done"}))) == [
        FieldChange("roadmap[2027-Q1]", None, {"themes[a].theme": "a", "themes[b].status": "done",
                                                "themes[b].theme": "b"}, "added")
    ]


def test_two_themes_with_one_sentence_are_matched_by_position_with_their_defaults() -> None:
    old = _themes("a", {"theme": "a", "status": "done"})
    new = _themes({"theme": "a", "status": "in-progress"}, "a")
    assert list(diff_values("", old, new)) == [
        FieldChange("roadmap[2027-Q1].themes[0].status", "planned", "in-progress"),
        FieldChange("roadmap[2027-Q1].themes[1].status", "done", "planned"),
    ]


def test_only_themes_may_be_written_as_their_key() -> None:
    # a KPI written as its name is not one: the list is matched by position
    assert list(diff_values("", {"kpis": ["a", {"name": "b"}]}, {"kpis": [{"name": "b"}]})) == [
        FieldChange("kpis[0]", "a", None), FieldChange("kpis[0].name", None, "b"),
        FieldChange("kpis[1]", {"name": "b"}, None, "removed"),
    ]
