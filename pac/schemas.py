"""JSON Schemas generated from the models, for editors and other validators."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from pac.format_doc import render_format
from pac.model import KINDS, Settings
from pac.output import write_file

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _models() -> dict[str, type[BaseModel]]:
    return {"portfolio": Settings, **{kind: model for kind, (_, model) in KINDS.items()}}


def render_schemas() -> dict[str, str]:
    """File name -> text of every generated file: a schema per kind, and format.md."""
    schemas = {
        kind: {"$schema": DRAFT, **model.model_json_schema()} for kind, model in _models().items()
    }
    out = {
        f"{kind}.schema.json": json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        for kind, schema in schemas.items()
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
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale
