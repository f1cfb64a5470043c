"""pac.roundtrip_yaml: some fields changed, the rest of the file as it was written."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import yaml as pyyaml
from conftest import REFERENCE

from pac import yaml
from pac.importing.plan import field_order
from pac.roundtrip_yaml import RoundTripError, update_text

TEXT = (REFERENCE / "products" / "claims-portal.yaml").read_text()
ORDER = field_order("product")
STAGES = "# ideation | discovery | build | live | sunset | retired"


def test_nothing_to_change_changes_nothing() -> None:
    assert update_text(TEXT, {}, order=ORDER) == TEXT
    assert update_text(TEXT, {"lifecycle": {"stage": "live"}}, order=ORDER) == TEXT


def test_a_hand_written_comment_and_the_unmapped_fields_survive() -> None:
    text = update_text(TEXT, {"lifecycle": {"stage": "sunset"}, "summary": "New"}, order=ORDER)
    before, after = TEXT.splitlines(), text.splitlines()
    changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
    assert changed == [
        ("summary: Lets policyholders file, track and settle insurance claims online.",
         "summary: New"),
        (f"  stage: live                   {STAGES}", f"  stage: sunset                 {STAGES}"),
    ]


def test_new_keys_go_where_the_model_puts_them() -> None:
    text = "# hand-written\nid: x\nname: X\nlifecycle:\n  stage: live\nowner: team-a\n"
    new = update_text(text, {"summary": "S", "lifecycle": {"retire_by": datetime.date(2028, 1, 1)},
                             "tags": ["a", "b"]}, order=ORDER)
    assert new == (
        "# hand-written\nid: x\nname: X\nsummary: S\nlifecycle:\n  stage: live\n"
        "  retire_by: 2028-01-01\nowner: team-a\ntags: [a, b]\n")


@pytest.mark.parametrize("value", ["yes", "2027-01-31", "=cmd|' /C calc'!A0", "+1", "@ops",
                                   "-1", "null", "1_000", "a: b", " padded", "#x"])
def test_text_reads_back_as_text_in_yaml_1_1_and_1_2(value: str) -> None:
    text = update_text("id: x\nname: X\n", {"summary": value, "tags": [value]}, order=ORDER)
    assert yaml.parse(text).data["summary"] == value
    assert pyyaml.safe_load(text)["summary"] == value  # a YAML 1.1 reader
    assert pyyaml.safe_load(text)["tags"] == [value]


def test_numbers_stay_exact() -> None:
    text = update_text("id: x\n", {"value": {"annual_estimate": Decimal("1234567.10")},
                                   "capacity_fte": Decimal(3)}, order=ORDER)
    assert text == "id: x\nvalue:\n  annual_estimate: 1234567.1\ncapacity_fte: 3\n"
    assert yaml.parse(text).data["value"]["annual_estimate"] == Decimal("1234567.1")


def test_a_file_that_is_not_a_mapping() -> None:
    with pytest.raises(RoundTripError, match="it does not hold a mapping of fields"):
        update_text("- a\n- b\n", {"name": "x"}, order=ORDER)
    with pytest.raises(RoundTripError, match="it is not valid YAML"):
        update_text("a: [b\n", {"name": "x"}, order=ORDER)
