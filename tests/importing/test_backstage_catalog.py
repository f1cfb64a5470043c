"""What makes a document a valid Backstage entity, and where a value is
(pac.importing.backstage_catalog)."""

from __future__ import annotations

import pytest

from pac.findings import Severity
from pac.importing.backstage_catalog import (
    Descriptor,
    entity_problem,
    found,
    where_in,
    written_ref,
)
from pac.importing.backstage_refs import Ref
from pac.importing.entities import Where

VALID = {"apiVersion": "backstage.io/v1alpha1", "kind": "Group", "metadata": {"name": "a"}}


@pytest.mark.parametrize(
    ("change", "problem", "path"),
    [
        ({}, "", ()),
        ({"apiVersion": "backstage.io/v1beta1"}, "", ()),
        (
            {"apiVersion": "v1"},
            "apiVersion 'v1' is not one of backstage.io/v1alpha1, backstage.io/v1beta1",
            ("apiVersion",),
        ),
        ({"kind": 3}, "kind must be text, such as Component or Group", ("kind",)),
        (
            {"metadata": "a"},
            "metadata is missing: every entity needs metadata.name",
            ("metadata",),
        ),
        (
            {"metadata": {"name": "a", "namespace": "Not_OK"}},
            "metadata.namespace 'Not_OK' is not a valid namespace: lower-case letters and "
            "digits, with - between them",
            ("metadata", "namespace"),
        ),
        ({"spec": ["a"]}, "spec must be a mapping", ("spec",)),
    ],
)
def test_what_makes_an_entity_invalid(change: dict[str, object], problem: str, path: tuple) -> None:
    assert entity_problem({**VALID, **change}) == (problem, path)


def test_an_invalid_entity_is_accounted_for_by_its_ref_as_written() -> None:
    assert written_ref({"kind": "Component", "metadata": {"name": "a b"}}) == "component:a b"
    data = {"kind": "User", "metadata": {"name": "x", "namespace": "dev"}}
    assert written_ref(data) == "user:dev/x"
    assert written_ref({"kind": "Group"}) == "group:None"


def test_a_descriptor_gives_empty_metadata_and_spec_when_they_are_not_mappings() -> None:
    descriptor = Descriptor(Ref("group", "default", "a"), {**VALID, "spec": None}, "f", 0, 1)
    assert (descriptor.kind, descriptor.metadata, descriptor.spec) == ("Group", {"name": "a"}, {})


def test_a_place_is_the_value_s_or_its_nearest_parent_s() -> None:
    places = {(): (1, 1, 1, 1), ("spec",): (5, 1, 6, 3), ("spec", "owner"): (6, 3, 6, 10)}
    assert where_in(places, "f.yaml", ("spec", "owner")) == Where(
        "f.yaml", 6, 10, "spec.owner", "line", "field"
    )
    assert where_in(places, "f.yaml", ("spec", "targets", 2)) == Where(
        "f.yaml", 6, 3, "spec.targets[2]", "line", "field"
    )
    assert where_in({}, "f.yaml", ()).describe() == "f.yaml"


def test_a_finding_has_the_severity_asked_for() -> None:
    where = Where("f.yaml", 3, 4, unit="line", label_kind="field")
    finding = found("import-backstage-value", where, "m", "h", Severity.INFO, entity="group:a")
    assert (finding.severity, finding.line, finding.column, finding.entity) == (
        Severity.INFO,
        3,
        4,
        "group:a",
    )
    assert found("import-backstage-file", where, "m").severity is Severity.ERROR
