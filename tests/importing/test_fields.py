"""pac.importing.fields: what a mapping can fill, read from the models."""

from __future__ import annotations

from pac.importing.fields import ANY, DATE, LIST, NUMBER, TEXT, field_names, field_type


def test_field_types_come_from_the_model() -> None:
    assert field_type("product", "lifecycle.stage") == TEXT
    assert field_type("product", "lifecycle.since") == DATE
    assert field_type("product", "value.annual_estimate") == NUMBER
    assert field_type("product", "tags") == LIST
    assert field_type("product", "links.runbook") == TEXT
    assert field_type("product", "extensions.tier") == ANY
    assert field_type("team", "contact.email") == TEXT
    assert field_type("team", "capacity_fte") == NUMBER


def test_what_cannot_be_mapped() -> None:
    for path in ("id", "lifecycle", "kpis", "customers", "nme", "lifecycle.stage.x"):
        assert field_type("product", path) is None, path
    assert field_names("product", "lifecycle.stag") == ["stage", "since", "retire_by"]
    assert "lifecycle" in field_names("product", "lifecyle")
