"""The only module that imports ruamel.yaml: change some fields of an existing file and
keep everything else as it was written, comments, key order, quoting and fields included.

Values are written as generate/entity_yaml.py writes a new file: text plain only where
every YAML reader gets the same text back, else double-quoted; exact numbers; ISO dates;
lists of plain values as `[a, b]`. A new key goes where the model's field order puts it.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from pac.generate.entity_yaml import is_plain
from pac.json_text import number_text

FieldOrder = dict[str, Sequence[str]]  # a mapping's dotted path ('' for the top) -> its keys


class RoundTripError(ValueError):
    """The file cannot be read back for an update: why, in words."""


class _Representer(RoundTripRepresenter):
    """Decimals as the exact number they are, never through a float."""


def _decimal(representer: RoundTripRepresenter, value: Decimal) -> Any:
    text = number_text(value)
    tag = "int" if text.lstrip("-").isdigit() else "float"
    return representer.represent_scalar(f"tag:yaml.org,2002:{tag}", text)


_Representer.add_representer(Decimal, _decimal)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line that the file had on one line
    yaml.indent(mapping=2, sequence=4, offset=2)  # as the example files: "  - name: ..."
    return yaml


def update_text(text: str, fields: dict[str, Any], *, order: FieldOrder) -> str:
    """`text` with each leaf of `fields` set (nested mappings by key, lists whole); raises
    RoundTripError when the file is not a single YAML mapping."""
    yaml = _yaml()
    try:
        document = yaml.load(text)
    except YAMLError as e:
        raise RoundTripError(f"it is not valid YAML ({_first_line(e)})") from e
    if not isinstance(document, CommentedMap):
        raise RoundTripError("it does not hold a mapping of fields")
    _set_fields(document, fields, order, "")
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _set_fields(target: CommentedMap, fields: dict[str, Any], order: FieldOrder, path: str) -> None:
    for key, value in fields.items():
        here = f"{path}.{key}" if path else key
        current = target.get(key)
        if isinstance(value, dict) and isinstance(current, CommentedMap):
            _set_fields(current, value, order, here)
        elif key in target:
            target[key] = _node(value)  # the key keeps its place and its comment
        else:
            target.insert(_position(target, key, order.get(path, ())), key, _node(value))


def _position(target: CommentedMap, key: str, keys: Sequence[str]) -> int:
    """Where a new key goes: before the first key that the model puts after it."""
    if key not in keys:
        return len(target)
    later = set(keys[keys.index(key) + 1 :])
    return next((i for i, k in enumerate(target) if k in later), len(target))


def _node(value: Any) -> Any:
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _node(item)
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq(_node(item) for item in value)
        if not any(isinstance(item, dict | list) for item in value):
            sequence.fa.set_flow_style()
        return sequence
    if isinstance(value, str) and not is_plain(value):
        return DoubleQuotedScalarString(value)
    if isinstance(value, bool | int | Decimal | datetime.date | str):
        return value
    raise TypeError(f"cannot write a {type(value).__name__} into a portfolio file")
