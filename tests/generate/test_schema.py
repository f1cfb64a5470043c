"""The JSON Schemas and the format reference, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path

from pac.generate.schema import render_schemas, stale_schemas, write_schemas

NAMES = ["capability.schema.json", "format.md", "funding.schema.json", "objective.schema.json",
         "portfolio.schema.json", "product.schema.json", "team.schema.json"]


def _nullable(schema: dict, description: str, title: str) -> dict:  # type: ignore[type-arg]
    return {"anyOf": [schema, {"type": "null"}], "default": None, "description": description,
            "title": title}


def test_a_schema_per_kind_and_the_format_reference() -> None:
    rendered = render_schemas()
    assert sorted(rendered) == NAMES
    assert rendered["format.md"].startswith("# The portfolio format\n")
    assert all(rendered[name].endswith("}\n") for name in NAMES if name.endswith(".json"))


def test_the_capability_schema() -> None:
    id_ = {"maxLength": 64, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "type": "string"}
    assert json.loads(render_schemas()["capability.schema.json"]) == {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "additionalProperties": False,
        "description": "A business capability.",
        "properties": {
            "id": {**id_, "description": "The entity's id; must equal the file name without "
                                         "`.yaml`.", "title": "Id"},
            "name": {"description": "The name people know it by.", "maxLength": 200,
                     "minLength": 1, "title": "Name", "type": "string"},
            "extensions": _nullable(
                {"additionalProperties": True, "type": "object"},
                "Your organisation's own fields, checked against the JSON Schema that\n"
                "`extension_schemas` in portfolio.yaml names for this kind of entity.",
                "Extensions"),
            "description": _nullable({"maxLength": 20000, "type": "string"},
                                     "What the capability covers.", "Description"),
            "parent": _nullable(id_, "The id of the capability this one belongs to.", "Parent"),
            "importance": _nullable(
                {"maxLength": 200, "type": "string"},
                "core | differentiating | commodity (or the levels set in portfolio.yaml).",
                "Importance"),
        },
        "required": ["id", "name"],
        "title": "Capability",
        "type": "object",
    }


def test_decimal_defaults_are_numbers() -> None:
    """pydantic would write the defaults of exact amounts as text ("0", "1.0")."""
    funding = render_schemas()["funding.schema.json"]
    allocation = json.loads(funding)["$defs"]["Allocation"]["properties"]
    assert allocation["run"]["default"] == 0 and allocation["change"]["default"] == 0
    assert '"default": 0,\n' in funding
    portfolio = render_schemas()["portfolio.schema.json"]
    policies = json.loads(portfolio)["$defs"]["Policies"]["properties"]
    assert policies["value_ratio_target"] == {
        "default": 1.0, "description": "Expected annual value per unit of funding.",
        "minimum": 0, "title": "Value Ratio Target", "type": "number"}
    assert '"default": 1.0,\n' in portfolio
    # a default that is a whole model is written with its numbers as numbers too
    assert json.loads(portfolio)["properties"]["policies"]["default"] == {
        "stakeholder_review_days": 180, "max_products_per_team": 4, "required_skills": [],
        "value_ratio_target": 1.0, "stage_max_days": {"ideation": 90, "discovery": 180}}


def test_stale_schemas_then_written(tmp_path: Path) -> None:
    assert stale_schemas(tmp_path) == NAMES
    assert write_schemas(tmp_path) == NAMES
    rendered = render_schemas()
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == rendered
    assert stale_schemas(tmp_path) == []
    assert write_schemas(tmp_path) == []
    (tmp_path / "team.schema.json").write_text("{}\n")
    (tmp_path / "format.md").unlink()
    (tmp_path / "format.md").symlink_to(tmp_path / "capability.schema.json")
    assert stale_schemas(tmp_path) == ["format.md", "team.schema.json"]
    assert write_schemas(tmp_path) == ["format.md", "team.schema.json"]
    assert (tmp_path / "team.schema.json").read_text() == rendered["team.schema.json"]
    assert not (tmp_path / "format.md").is_symlink()
    assert (tmp_path / "capability.schema.json").read_text() == rendered["capability.schema.json"]
