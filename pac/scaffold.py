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
    if not re.fullmatch(ID_PATTERN.strip("^$"), entity_id) or len(entity_id) > 64:
        return (
            "ids use lowercase letters, digits and single hyphens, at most 64 characters, "
            "such as 'claims-portal'"
        )
    return None


def target(portfolio: Path, kind: str, entity_id: str) -> Path:
    return portfolio / FOLDER_OF[kind] / f"{entity_id}.yaml"


def existing(portfolio: Path, kind: str, entity_id: str) -> Path | None:
    """A file that already holds this id, as .yaml or .yml."""
    for suffix in (".yaml", ".yml"):
        path = portfolio / FOLDER_OF[kind] / f"{entity_id}{suffix}"
        if path.exists():
            return path
    return None


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def quote(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `text`: JSON's escapes are
    YAML's, and every character YAML would fold or refuse is written as an escape."""
    body = json.dumps(text, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", body)


def render_entity(
    kind: str, entity_id: str, values: dict[str, str], *, schemas: Path, folder: Path
) -> str:
    """The file's text: every value quoted, so that YAML reads it as the text it is."""
    schema = Path(os.path.relpath(schemas / f"{kind}.schema.json", folder)).as_posix()
    lines = [
        f"# yaml-language-server: $schema={schema}",
        f"id: {entity_id}",
        f"name: {quote(values['name'])}",
    ]
    if kind == "product":
        lines += [
            f"kind: {quote(values['kind'])}",
            "lifecycle:",
            f"  stage: {quote(values['stage'])}",
            f"owner: {quote(values['owner'])}",
        ]
    if kind == "capability" and values.get("parent"):
        lines.append(f"parent: {quote(values['parent'])}")
    return "\n".join(lines) + "\n"
