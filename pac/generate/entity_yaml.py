"""An entity's new file as text, in the style of the example files: the schema line for
editors, the model's field order, nested fields indented, lists of ids as `[a, b]`, lists
of records one per line. Written the same way every time for the same data.

A value is written plain only where every YAML reader (1.1 and 1.2 alike) reads back the
same text; anything else (`yes`, `2027-01-31` as text, `=HYPERLINK(...)`, `+1`, `@team`,
a leading space) is double-quoted, so that the file holds exactly the text it was given.
"""

from __future__ import annotations

import datetime
import functools
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from pac.json_text import number_text, to_json
from pac.load.layout import ID_FIELD
from pac.load.schema_errors import model_at
from pac.model import FILE_MODELS
from pac.yaml import resolve_plain

INDENT = "  "
# words YAML 1.1 readers take for booleans or null, in any case
_SPECIAL = frozenset(["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"])
# a letter, then letters, digits and a few marks that mean nothing to YAML in a block or a
# flow list ([a, b]): no ': ', ' #', quotes, brackets, commas or a leading indicator
_PLAIN = re.compile(r"[^\W\d_][\w ./()&'+%-]*")


def quote(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `text`: JSON's escapes are
    YAML's, and pac's JSON writes every character YAML would fold or refuse as an escape."""
    return to_json(text)


def is_plain(text: str) -> bool:
    """Whether `text` can be written without quotes and read back as the same text."""
    if _PLAIN.fullmatch(text) is None or text.lower() in _SPECIAL or text[-1] == " ":
        return False
    return bool(resolve_plain(text) == text)


def scalar(value: Any) -> str:
    """One value as YAML: text plain or quoted, exact numbers, ISO dates, true/false."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return number_text(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    return text if is_plain(text) else quote(text)


@functools.cache  # the same for every file of an import's folder
def schema_line(kind: str, *, schemas: Path, folder: Path) -> str:
    """`# yaml-language-server: $schema=...`, relative to the file's folder."""
    schema = Path(os.path.relpath(schemas / f"{kind}.schema.json", folder)).as_posix()
    return f"# yaml-language-server: $schema={schema}"


def render_entity_yaml(
    kind: str, entity_id: str, fields: dict[str, Any], *, schemas: Path, folder: Path
) -> str:
    """The whole file of a new entity: schema line, its id (`id`, a funding period's
    `period`, none for portfolio.yaml), then `fields` in model order."""
    key = ID_FIELD.get(kind, "id")
    data = {key: entity_id, **fields} if key else dict(fields)
    lines = [schema_line(kind, schemas=schemas, folder=folder)]
    lines += _mapping(data, FILE_MODELS[kind], "")
    return "\n".join(lines) + "\n"


def _ordered(data: dict[str, Any], model: type[BaseModel] | None) -> list[str]:
    """The model's fields in its order, then any others (extensions, links) as given."""
    known = [name for name in (model.model_fields if model else ()) if name in data]
    return known + [key for key in data if key not in known]


def _mapping(data: dict[str, Any], model: type[BaseModel] | None, indent: str) -> list[str]:
    lines = []
    for key in _ordered(data, model):
        value = data[key]
        if value is None:
            continue
        name = key if is_plain(key) or key.isidentifier() else quote(key)
        lines += _field(name, value, _inner(model, key), indent)
    return lines


def _field(name: str, value: Any, model: type[BaseModel] | None, indent: str) -> list[str]:
    if isinstance(value, dict):
        return [f"{indent}{name}:", *_mapping(value, model, indent + INDENT)]
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        return [f"{indent}{name}:", *_records(value, model, indent + INDENT)]
    if isinstance(value, list):
        return [f"{indent}{name}: [{', '.join(scalar(item) for item in value)}]"]
    return [f"{indent}{name}: {scalar(value)}"]


def _records(items: list[Any], model: type[BaseModel] | None, indent: str) -> list[str]:
    lines = []
    for item in items:
        body = _mapping(item, model, indent + INDENT) if isinstance(item, dict) else []
        if body:
            lines += [f"{indent}- {body[0].lstrip()}", *body[1:]]
        else:
            lines.append(f"{indent}- " + ("{}" if isinstance(item, dict) else scalar(item)))
    return lines


@functools.cache
def _inner(model: type[BaseModel] | None, key: str) -> type[BaseModel] | None:
    """The model of a field's records or nested mapping, if it has one."""
    return model_at(model, (key,)) if model else None
