"""An organisation's own fields, under `extensions:`, must match the schema it names."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from pac import yaml
from pac.findings import Finding, Severity
from pac.model import Funding, Settings
from pac.model.base import Entity
from pac.rules.extension_patterns import linear_validator, pattern_problem
from pac.rules.registry import Context, rule

# the models with an `extensions` field
_Extended = Entity | Funding | Settings


def extension_schema(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    for kind, schema_path in sorted(p.settings.extension_schemas.items()):
        schema, problem = _load_schema(ctx, schema_path)
        if problem:
            yield ctx.found_in(
                "portfolio",
                "portfolio",
                problem,
                "point extension_schemas at a JSON Schema file, relative to portfolio.yaml",
                ("extension_schemas", kind),
            )
            continue
        for entity_id, entity in _entities(ctx, kind):
            yield from _check(ctx, schema, entity, at=(kind, entity_id))


rule(
    "extension-schema",
    Severity.ERROR,
    "Fields under extensions: that do not match the organisation's JSON Schema.",
    extension_schema,
)


def _entities(ctx: Context, kind: str) -> Iterator[tuple[str, _Extended]]:
    p = ctx.portfolio
    if kind == "portfolio":
        yield "portfolio", p.settings
        return
    yield from sorted(p.of_kind(kind).items())


def _load_schema(ctx: Context, path: str) -> tuple[Any, str]:
    parts = path.replace("\\", "/").split("/")
    if path.startswith("/") or ".." in parts or ":" in parts[0]:
        return None, f"extension schema '{path}' must be a file inside the portfolio folder"
    file = ctx.read(path)
    if file is None:
        return None, f"extension schema '{path}' does not exist"
    if file.content is None:
        return None, f"extension schema '{path}' cannot be read: {file.unread}"
    try:
        text = file.content.decode("utf-8-sig")
        # numbers as exact as the values they check: 0.35 is a multiple of 0.01
        schema = (
            json.loads(text, parse_float=_Number)
            if path.endswith(".json")
            else _numbers(yaml.parse(text).data)
        )
    except (UnicodeDecodeError, ValueError) as e:
        return None, f"extension schema '{path}' cannot be read: {e}"
    except RecursionError:
        return None, f"extension schema '{path}' is nested deeper than {yaml.MAX_DEPTH} levels"
    if not isinstance(schema, dict):
        return None, f"extension schema '{path}' is not a JSON Schema object"
    if _deeper_than(schema, yaml.MAX_DEPTH):
        # as deep as the YAML pac reads: deeper, checking the schema would exhaust the stack
        return None, f"extension schema '{path}' is nested deeper than {yaml.MAX_DEPTH} levels"
    # only portfolios that declare extension schemas pay for the imports
    import jsonschema
    import referencing

    try:
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
    except jsonschema.SchemaError as e:
        return None, f"extension schema '{path}' is not a valid JSON Schema: {e.message}"
    problem = pattern_problem(schema)
    if problem:
        return None, f"extension schema '{path}': {problem}"
    exact = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        linear_validator(cls), type_checker=cls.TYPE_CHECKER.redefine("integer", _is_integer)
    )
    # an empty registry: a $ref to another file or a URL is not fetched (jsonschema's
    # default would read file:// and http(s):// references) but is a finding
    return exact(schema, format_checker=cls.FORMAT_CHECKER, registry=referencing.Registry()), ""


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether lists and mappings nest more than `limit` levels in `value`."""
    level: list[Any] = [value]
    for _ in range(limit):
        level = [
            item
            for v in level
            for item in (v.values() if isinstance(v, dict) else v if isinstance(v, list) else ())
        ]
    return any(isinstance(v, dict | list) for v in level)


class _Number(Decimal):
    """A decimal that jsonschema's messages show as it is written: 0.5, not Decimal('0.5')."""

    def __repr__(self) -> str:
        return str(self)


def _numbers(value: Any) -> Any:
    """The value with each of its decimals a _Number (YAML nests at most 64 levels)."""
    if isinstance(value, Decimal):
        return _Number(value)
    if isinstance(value, dict):
        return {key: _numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_numbers(item) for item in value]
    return value


def _is_integer(checker: Any, instance: Any) -> bool:
    """JSON Schema counts 2.0 as an integer: YAML's 2.0 is a Decimal."""
    if isinstance(instance, bool):
        return False
    if isinstance(instance, Decimal):
        return instance.is_finite() and instance == instance.to_integral_value()
    return isinstance(instance, int) or (isinstance(instance, float) and instance.is_integer())


def _check(
    ctx: Context, validator: Any, model: _Extended, *, at: tuple[str, str]
) -> Iterator[Finding]:
    """The findings on the entity `at` (kind, id) whose extensions miss the schema."""
    values = _numbers(model.extensions or {})
    try:
        errors = sorted(validator.iter_errors(values), key=lambda e: [str(p) for p in e.path])
    except Exception as e:  # a $ref pac cannot resolve (no network), an unknown format, ...
        yield ctx.found_in(
            *at,
            f"the extension schema cannot be applied: {e}",
            "keep the schema self-contained: no $ref to other files or URLs",
            ("extensions",),
            at_key=True,
        )
        return
    for error in errors:
        yield ctx.found_in(
            *at,
            f"extensions: {error.message}",
            "see the extension schema named in portfolio.yaml",
            ("extensions", *error.absolute_path),
        )
