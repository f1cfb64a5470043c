"""The models, field by field: generated from the models so that a new field is covered."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import regress
from hypothesis import find
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import pac.model  # noqa: F401  (imported so that every model is defined)
from pac.model.base import Strict

Wrap = Callable[[Any], Any]


def _models(cls: type[BaseModel] = Strict) -> Iterator[type[BaseModel]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _models(sub)


def _patterns(schema: dict[str, Any], wrap: Wrap) -> Iterator[tuple[str, Wrap]]:
    """Every pattern in a field's JSON schema, with how to place a string where it applies;
    nested models ($ref) are covered as models of their own."""
    if "pattern" in schema:
        yield schema["pattern"], wrap
    if isinstance(schema.get("items"), dict):
        yield from _patterns(schema["items"], lambda v: wrap([v]))
    if isinstance(schema.get("additionalProperties"), dict):
        yield from _patterns(schema["additionalProperties"], lambda v: wrap({"key": v}))
    for branch in schema.get("anyOf", []):
        yield from _patterns(branch, wrap)


def _pattern_fields() -> Iterator[tuple[str, type[BaseModel], str, str, Wrap]]:
    for model in sorted(set(_models()), key=lambda m: m.__qualname__):
        for name, schema in model.model_json_schema()["properties"].items():
            for pattern, wrap in _patterns(schema, lambda v: v):
                yield f"{model.__name__}.{name}", model, name, pattern, wrap


def _field_errors(model: type[BaseModel], name: str, value: Any) -> list[str]:
    """The model's own errors for this one field (the others are left out, so missing)."""
    try:
        model.model_validate({name: value})
    except ValidationError as e:
        return [err["msg"] for err in e.errors() if err["loc"][:1] == (name,)]
    return []


PATTERN_FIELDS = list(_pattern_fields())


def test_the_models_have_pattern_fields() -> None:
    names = {name for name, *_ in PATTERN_FIELDS}
    assert {"Product.id", "Quarter.quarter", "Team.github", "Product.links"} <= names


@pytest.mark.parametrize(
    ("model", "name", "pattern", "wrap"),
    [entry[1:] for entry in PATTERN_FIELDS],
    ids=[entry[0] for entry in PATTERN_FIELDS],
)
def test_every_pattern_matches_the_whole_value(
    model: type[BaseModel], name: str, pattern: str, wrap: Wrap
) -> None:
    valid = find(st.from_regex(pattern, fullmatch=True), lambda _: True)
    assert _field_errors(model, name, wrap(valid)) == []
    assert _field_errors(model, name, wrap(valid + "\n")) != []
    # the published JSON Schema says the same to an ECMA-262 engine
    assert regress.Regex(pattern).find(valid) is not None
    assert regress.Regex(pattern).find(valid + "\n") is None
