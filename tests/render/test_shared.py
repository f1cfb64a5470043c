"""Wording shared by the diff and the change log: values, field lines, titles, JSON."""

from __future__ import annotations

import datetime
from decimal import Decimal

from pac.changes.entities import EntityChange
from pac.changes.fields import FieldChange
from pac.findings import Finding, Severity
from pac.render.shared import (
    entity_dict,
    entity_title,
    field_line,
    field_words,
    finding_dict,
    value_text,
)


def test_value_text() -> None:
    assert value_text(None) == "(none)"
    assert value_text(Decimal("1500000")) == "1,500,000"
    assert value_text(Decimal("1500000.00")) == "1,500,000"
    assert value_text(Decimal("1E+2")) == "100"
    assert value_text(Decimal("12.5")) == "12.5"
    assert value_text(Decimal("1234.50")) == "1,234.50"
    assert value_text(Decimal("0.0000001")) == "0.0000001"
    assert value_text(Decimal("1E-7")) == "0.0000001"
    assert value_text(7) == "7"
    assert value_text(650000) == "650,000"
    assert value_text(True) == "true"
    assert value_text(False) == "false"
    assert value_text("live") == "live"
    assert value_text(datetime.date(2026, 8, 20)) == "2026-08-20"
    assert value_text(["b", "a", Decimal("2.50")]) == "b, a, 2.50"
    assert value_text([]) == "(none)"


def test_a_mapping_is_never_shown_as_json() -> None:
    # diff_values gives no mapping as a value; if one came, it would still read as words
    assert value_text({"type": "internal", "segment": "Claims", "n": Decimal("2.50")}) == (
        "n 2.50; segment Claims; type internal")


def test_field_line() -> None:
    assert field_line(FieldChange("tags", ["ml"], ["realtime", "tier-1"], "set")) == (
        "tags: added realtime, tier-1; removed ml")
    assert field_line(FieldChange("tags", [], ["ml"], "set")) == "tags: added ml"
    assert field_line(FieldChange("tags", ["ml"], [], "set")) == "tags: removed ml"
    assert field_line(FieldChange("envelope", Decimal(4000000), Decimal(4500000))) == (
        "envelope: 4,000,000 → 4,500,000")
    assert field_line(FieldChange("value.basis", None, "Cost avoided")) == (
        "value.basis: (none) → Cost avoided")
    assert field_line(FieldChange("lifecycle.stage", "build", "live")) == (
        "lifecycle.stage: build → live")


def test_a_record_added_or_removed_reads_as_what_it_holds() -> None:
    gold = FieldChange("scorecard.levels[gold]", None,
                       {"checks": ["kpis-measured", "has-roadmap"]}, "added")
    assert field_line(gold) == "scorecard.levels[gold]: added (checks kpis-measured, has-roadmap)"
    allocation = FieldChange("allocations[fraud-scoring]",
                             {"change": 800000, "run": 150000, "source": "cc-risk"}, None,
                             "removed")
    assert field_line(allocation) == (
        "allocations[fraud-scoring]: removed (change 800,000; run 150,000; source cc-risk)")
    assert field_line(FieldChange("kpis[Uptime]", None, {}, "added")) == "kpis[Uptime]: added"
    assert field_words(FieldChange("kpis[Uptime]", {}, None, "removed")) == "removed"


def test_entity_title() -> None:
    assert entity_title(EntityChange("product", "claims-portal", "changed", "Claims Portal")) == (
        "changed product:claims-portal: Claims Portal")
    assert entity_title(EntityChange("funding", "FY2027", "added", "FY2027")) == (
        "added funding:FY2027")
    assert entity_title(EntityChange("team", "t", "removed", "")) == "removed team:t"
    renamed = EntityChange("product", "fraud-detection", "renamed", "Fraud Detection",
                           "fraud-scoring")
    assert entity_title(renamed) == (
        "renamed product:fraud-detection (was fraud-scoring): Fraud Detection")


def test_entity_dict() -> None:
    change = EntityChange("product", "fraud-detection", "renamed", "Fraud Detection",
                          "fraud-scoring",
                          (FieldChange("tags", [], ["ml"], "set"),
                           FieldChange("name", "Fraud Scoring", "Fraud Detection")))
    assert entity_dict(change) == {
        "entity": "product:fraud-detection",
        "kind": "product",
        "id": "fraud-detection",
        "status": "renamed",
        "name": "Fraud Detection",
        "old_id": "fraud-scoring",
        "changes": [
            {"path": "tags", "kind": "set", "old": [], "new": ["ml"]},
            {"path": "name", "kind": "value", "old": "Fraud Scoring", "new": "Fraud Detection"},
        ],
    }


def test_finding_dict() -> None:
    f = Finding("kpi-stale", "portfolio/products/a.yaml", "KPI 'X' has never been measured",
                "record actual:", "product:a", ("kpis", 0), line=16, column=5,
                severity=Severity.WARNING)
    assert finding_dict(f) == {
        "rule": "kpi-stale", "severity": "warning", "file": "portfolio/products/a.yaml",
        "line": 16, "column": 5, "path": "kpis[0]", "entity": "product:a",
        "message": "KPI 'X' has never been measured", "hint": "record actual:",
    }
