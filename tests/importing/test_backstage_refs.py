"""Backstage entity refs (pac.importing.backstage_refs): every form Backstage allows, the
ids they become, and the suggestion for one that names nothing."""

from __future__ import annotations

import pytest

from pac.importing.backstage_refs import (
    Ref,
    entity_ref,
    name_problem,
    namespace_problem,
    pac_id,
    parse_ref,
    suggestion,
)

TEAM_A = Ref("group", "default", "team-a")


@pytest.mark.parametrize(
    "text", ["team-a", "group:team-a", "group:default/team-a", "default/team-a", "Group:Team-A"]
)
def test_every_form_names_the_same_group(text: str) -> None:
    assert parse_ref(text, kind="group", namespace="default") == TEAM_A


def test_the_namespace_defaults_to_the_referring_entity_s_own() -> None:
    assert parse_ref("team-a", kind="group", namespace="alternative") == Ref(
        "group", "alternative", "team-a"
    )
    assert parse_ref("default/team-a", kind="group", namespace="alternative") == TEAM_A


def test_a_written_kind_wins_over_the_field_s() -> None:
    assert parse_ref("user:guest", kind="group", namespace="default") == Ref(
        "user", "default", "guest"
    )


@pytest.mark.parametrize("text", ["artists-db", "group:", ":x", "group:/x", "/x"])
def test_a_ref_without_a_kind_or_with_an_empty_part_names_nothing(text: str) -> None:
    assert parse_ref(text, kind=None, namespace="default") is None


def test_a_ref_reads_as_its_shortest_full_form() -> None:
    assert str(TEAM_A) == "group:team-a"
    assert str(entity_ref("Component", "alternative", "X")) == "component:alternative/x"


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        (Ref("group", "default", "team-a"), "team-a"),
        (Ref("user", "default", "breanna.davison"), "breanna-davison"),
        (Ref("component", "default", "my_service.v2"), "my-service-v2"),
        (Ref("component", "default", "a--b"), "a-b"),
        (Ref("component", "alternative", "different-namespace"), "alternative-different-namespace"),
        (Ref("component", "a" * 40, "b" * 40), "a" * 40 + "-" + "b" * 23),
    ],
)
def test_pac_ids_are_lower_case_with_single_hyphens(ref: Ref, expected: str) -> None:
    assert pac_id(ref) == expected


def test_an_id_cut_at_64_characters_does_not_end_with_a_hyphen() -> None:
    assert pac_id(Ref("component", "default", "a" * 63 + "." + "b")) == "a" * 63
    assert pac_id(Ref("component", "x" * 62, "y")) == "x" * 62 + "-y"


def test_names_and_namespaces_are_checked_as_backstage_checks_them() -> None:
    assert name_problem("team-a") is None
    assert name_problem("breanna.davison") is None
    assert "is not a valid Backstage name" in (name_problem("invalid component") or "")
    assert "is not a valid Backstage name" in (name_problem("a" * 64) or "")
    assert "missing" in (name_problem(None) or "")
    assert namespace_problem("alternative") is None
    assert "not a valid namespace" in (namespace_problem("Alt_1") or "")


def test_the_suggestion_names_the_same_name_of_another_kind_first() -> None:
    known = [TEAM_A, Ref("user", "default", "guest")]
    assert suggestion(Ref("user", "default", "team-a"), known) == "did you mean 'group:team-a'?"
    assert suggestion(Ref("group", "default", "team-b"), known) == "did you mean 'group:team-a'?"
    assert suggestion(Ref("group", "default", "platform"), known) == ""
    assert suggestion(Ref("group", "other", "team-a"), known) == "did you mean 'group:team-a'?"
