"""What a mapping can fill: a field of the entity's model by its dotted path
(`lifecycle.stage`, `links.repository`, `extensions.service_tier`), and the kind of value
it takes, read from the model itself. Lists of records (KPIs, members) are not mappable:
a row has one value per column."""

from __future__ import annotations

import datetime
import types
import typing
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from pac.model import MODELS

TEXT, NUMBER, DATE, BOOL, LIST, ANY = "text", "number", "date", "bool", "list", "any"
TYPES = (TEXT, NUMBER, DATE, BOOL, LIST)  # what `type:` may say for an `extensions.` field


def field_type(kind: str, path: str) -> str | None:
    """The kind of value at `path` in a `kind` entity; None when it cannot be mapped (no
    such field, or a mapping or list of records)."""
    current: Any = MODELS[kind]
    for part in path.split("."):
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            if info is None or part == "id":
                return None
            current = _unwrapped(info.annotation)
        elif typing.get_origin(current) is dict:
            current = _unwrapped(typing.get_args(current)[1])
        else:
            return None
    return _leaf(current)


def field_names(kind: str, path: str) -> list[str]:
    """The fields allowed next to the last part of `path`, for 'did you mean'."""
    current: Any = MODELS[kind]
    for part in path.split(".")[:-1]:
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(part)
        current = _unwrapped(info.annotation) if info else None
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [name for name in current.model_fields if name != "id"]
    return []


def _unwrapped(annotation: Any) -> Any:
    """Without Annotated and Optional."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else Any
        else:
            return annotation


def _leaf(annotation: Any) -> str | None:
    origin = typing.get_origin(annotation)
    if origin is list:
        item = _unwrapped(typing.get_args(annotation)[0])
        return LIST if _leaf(item) == TEXT else None
    if origin is typing.Literal or annotation is str:
        return TEXT
    if annotation in (Decimal, int, float):
        return NUMBER
    if annotation is datetime.date:
        return DATE
    if annotation is bool:
        return BOOL
    if annotation in (Any, object):
        return ANY
    return None
