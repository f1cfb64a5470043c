"""JSON Schemas generated from the models, for editors and other validators."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from pac.generate.format_doc import render_format
from pac.json_text import to_json
from pac.load.files import read_file, text_of
from pac.model import KINDS, Settings
from pac.output import write_file

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _models() -> dict[str, type[BaseModel]]:
    return {"portfolio": Settings, **{kind: model for kind, (_, model) in KINDS.items()}}


class _Generator(GenerateJsonSchema):
    """pydantic writes a Decimal default as text; the schema says number."""

    def encode_default(self, dft: Any) -> Any:
        if isinstance(dft, BaseModel):
            dft = dft.model_dump(mode="python")
        return super().encode_default(_numbers(dft))


def _numbers(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_numbers(v) for v in value]
    if not isinstance(value, Decimal):
        return value
    # only pac's own defaults reach here, 0 and 1.0: written as they are in the models
    return int(value) if value.as_tuple().exponent == 0 else float(value)


def render_schemas() -> dict[str, str]:
    """File name -> text of every generated file: a schema per kind, and format.md."""
    schemas = {
        kind: {"$schema": DRAFT, **model.model_json_schema(schema_generator=_Generator)}
        for kind, model in _models().items()
    }
    out = {
        f"{kind}.schema.json": to_json(schema, indent=2) + "\n" for kind, schema in schemas.items()
    }
    out["format.md"] = render_format(schemas)
    return out


def write_schemas(folder: Path) -> list[str]:
    """Write the schemas that differ from what is there into an existing folder; return
    their names."""
    changed = stale_schemas(folder)
    rendered = render_schemas()
    for name in changed:
        write_file(folder / name, rendered[name])
    return changed


def stale_schemas(folder: Path) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    stale = []
    for name, text in sorted(render_schemas().items()):
        found = read_file(folder, name)  # a link or a file too large to read is stale
        current = found.content if found is not None else None
        if current is None or text_of(current) != text:
            stale.append(name)
    return stale
