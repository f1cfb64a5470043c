"""pac.importing.backstage_pac: the one decoder of the annotations pac's Backstage export
writes, on entities written out in full here."""

from __future__ import annotations

from decimal import Decimal

from pac.importing.backstage_pac import (
    decode_capability,
    decode_product,
    decode_team,
    pac_kind,
    pac_value,
)


def _entity(kind: str, annotations: dict[str, str], **extra: object) -> dict[str, object]:
    return {"apiVersion": "backstage.io/v1alpha1", "kind": kind,
            "metadata": {"name": "x", "annotations": annotations, **extra}}


def test_the_kind_and_values_come_from_pacs_own_annotations() -> None:
    team = _entity("Group", {"pac.dev/entity": "team", "pac.dev/id": "team-claims"})
    assert (pac_kind(team), pac_value(team, "id")) == ("team", "team-claims")
    assert pac_kind(_entity("Group", {"pac.dev/entity": "stranger"})) is None
    assert pac_kind({"kind": "Group", "metadata": {"annotations": ["not", "a", "map"]}}) is None
    assert pac_value(_entity("System", {}), "stage") is None


def test_a_team_reads_back_its_contact_fte_and_members() -> None:
    group = _entity("Group", {
        "pac.dev/entity": "team", "pac.dev/team-type": "platform",
        "pac.dev/github": "@org/claims", "pac.dev/capacity-fte": "6.5",
        "pac.dev/chat": "#claims",
        "pac.dev/members": '[{"name": "Ana", "skills": ["testing"]}]',
    }, title="Claims Team")
    group["spec"] = {"type": "team", "children": [], "profile": {"email": "c@example.com"}}
    decoded = decode_team(group)
    assert decoded.fields == {
        "name": "Claims Team", "type": "platform", "github": "@org/claims",
        "capacity_fte": Decimal("6.5"),
        "contact": {"chat": "#claims", "email": "c@example.com"},
        "members": [{"name": "Ana", "skills": ["testing"]}],
    }
    assert decoded.problems == []


def test_an_annotation_that_is_not_json_is_a_problem_and_left_out() -> None:
    group = _entity("Group", {"pac.dev/entity": "team", "pac.dev/members": "[{oops"},
                    title="T")
    decoded = decode_team(group)
    assert "members" not in decoded.fields
    assert [path for path, _ in decoded.problems] == [
        ("metadata", "annotations", "pac.dev/members")]


def test_a_capability_and_a_product_read_back_their_fields() -> None:
    domain = _entity("Domain", {"pac.dev/entity": "capability",
                                "pac.dev/importance": "core"},
                     title="Claims", description="Settling claims.")
    assert decode_capability(domain).fields == {
        "name": "Claims", "description": "Settling claims.", "importance": "core"}
    system = _entity("System", {"pac.dev/entity": "product", "pac.dev/stage": "live",
                                "pac.dev/stage-since": "2024-01-01",
                                "pac.dev/capabilities": "claims,fraud"},
                     title="Claims Portal", description="Claims online.")
    system["spec"] = {"owner": "group:default/team-claims", "type": "application"}
    fields = decode_product(system).fields
    assert (fields["name"], fields["summary"], fields["kind"]) == (
        "Claims Portal", "Claims online.", "application")
    assert fields["lifecycle"] == {"stage": "live", "since": "2024-01-01"}
    assert fields["capabilities"] == ["claims", "fraud"]
