"""`pac new`: the smallest valid file for a new entity, with its schema line for editors."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from pac.model import FOLDER_OF
from pac.model.base import ID_PATTERN

REQUIRED = {
    "product": ("name", "kind", "stage", "owner"),
    "team": ("name",),
    "capability": ("name",),
    "objective": ("name",),
}


def check_id(entity_id: str) -> str | None:
    """Why an id is not valid, or None."""
    if not re.match(ID_PATTERN, entity_id) or len(entity_id) > 64:
        return (
            "ids use lowercase letters, digits and single hyphens, at most 64 characters, "
            "such as 'claims-portal'"
        )
    return None


def target(portfolio: Path, kind: str, entity_id: str) -> Path:
    return portfolio / FOLDER_OF[kind] / f"{entity_id}.yaml"


def render_entity(
    kind: str, entity_id: str, values: dict[str, str], *, schemas: Path, folder: Path
) -> str:
    """The file's text: every value quoted, so that YAML reads it as the text it is."""
    schema = Path(os.path.relpath(schemas / f"{kind}.schema.json", folder)).as_posix()
    lines = [
        f"# yaml-language-server: $schema={schema}",
        f"id: {entity_id}",
        f"name: {json.dumps(values['name'], ensure_ascii=False)}",
    ]
    if kind == "product":
        lines += [
            f"kind: {json.dumps(values['kind'])}",
            "lifecycle:",
            f"  stage: {json.dumps(values['stage'])}",
            f"owner: {json.dumps(values['owner'])}",
        ]
    if kind == "capability" and values.get("parent"):
        lines.append(f"parent: {json.dumps(values['parent'])}")
    return "\n".join(lines) + "\n"
