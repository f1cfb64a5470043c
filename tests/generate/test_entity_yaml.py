"""pac.generate.entity_yaml: a new entity's file, plain where that is safe, quoted where a
YAML reader would take the text for something else."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import yaml as pyyaml
from hypothesis import given
from hypothesis import strategies as st

from pac import yaml
from pac.generate.entity_yaml import is_plain, render_entity_yaml, scalar

SCHEMAS = Path("/repo/schemas")
FOLDER = Path("/repo/portfolio/products")


def test_a_product_in_the_example_files_style() -> None:
    text = render_entity_yaml("product", "claims-portal", {
        "tags": ["tier-1", "eu, north"],
        "owner": "team-claims",
        "lifecycle": {"since": datetime.date(2022, 4, 1), "stage": "live"},
        "name": "Claims Portal",
        "summary": "=HYPERLINK(\"x\")",
        "value": {"annual_estimate": Decimal("3400000.50")},
        "kind": "application",
        "extensions": {"tier": 1, "pci": True},
    }, schemas=SCHEMAS, folder=FOLDER)
    assert text == (
        "# yaml-language-server: $schema=../../schemas/product.schema.json\n"
        "id: claims-portal\n"
        "name: Claims Portal\n"
        "extensions:\n"
        "  tier: 1\n"
        "  pci: true\n"
        'summary: "=HYPERLINK(\\"x\\")"\n'
        "kind: application\n"
        "lifecycle:\n"
        "  stage: live\n"
        "  since: 2022-04-01\n"
        "owner: team-claims\n"
        "value:\n"
        "  annual_estimate: 3400000.5\n"
        'tags: [tier-1, "eu, north"]\n'
    )


def test_records_one_per_line() -> None:
    text = render_entity_yaml("team", "team-a", {"name": "A", "members": [
        {"skills": ["ux"], "name": "Ana Lima"}, {"name": "Wei"}]}, schemas=SCHEMAS, folder=FOLDER)
    assert text.splitlines()[3:] == [
        "members:", "  - name: Ana Lima", "    skills: [ux]", "  - name: Wei"]


def test_what_is_written_plain() -> None:
    plain = ["Claims Portal", "tier-1", "Café au lait", "a/b (c) & d's 10%"]
    quoted = ["yes", "No", "ON", "y", "null", "~", "2027-01-31", "12", "1.5", "=x", "+1", "-1",
              "@ops", "#x", "a: b", "a #b", "x ", " x", "", "[a]", "a,b", "true", "'q'",
              "*alias", "&anchor", "!tag", "%x", "|", ">", "`x`", "a\nb"]
    assert [t for t in plain if not is_plain(t)] == []
    assert [t for t in quoted if is_plain(t)] == []
    assert scalar(Decimal("0.10")) == "0.1"
    assert scalar(False) == "false"


@given(st.text())
def test_any_text_reads_back_as_itself(text: str) -> None:
    document = f"v: {scalar(text)}\nw: [{scalar(text)}]\n"
    assert yaml.parse(document).data == {"v": text, "w": [text]}
    if is_plain(text):  # a YAML 1.1 reader (editors, other tools) agrees
        assert pyyaml.safe_load(document) == {"v": text, "w": [text]}
