"""Extension schemas' patterns, matched in linear time (pac.linear_regex, RE2).

jsonschema matches `pattern`, `patternProperties` and the property names that
`additionalProperties` weeds out with Python's backtracking `re`: these keywords replace
them. `unevaluatedProperties` next to `patternProperties` would still use `re` inside
jsonschema, so such a schema is refused when it is loaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema import ValidationError, validators

from pac.linear_regex import PatternError, check_pattern, search


def linear_validator(cls: Any) -> Any:
    """The schema's validator class, its pattern keywords matched by RE2."""
    return validators.extend(  # type: ignore[no-untyped-call]
        cls,
        {
            "pattern": _pattern,
            "patternProperties": _pattern_properties,
            "additionalProperties": _additional_properties,
        },
    )


def pattern_problem(schema: Any) -> str:
    """Why pac cannot apply the schema's patterns in linear time, or '' when it can."""
    subschemas = list(_subschemas(schema))
    try:
        for sub in subschemas:
            for pattern in _patterns(sub):
                check_pattern(pattern)
    except PatternError as e:
        return str(e)
    if any("unevaluatedProperties" in s for s in subschemas) and any(
        "patternProperties" in s for s in subschemas
    ):
        return (
            "unevaluatedProperties next to patternProperties cannot be checked in linear "
            "time: use additionalProperties"
        )
    return ""


def _subschemas(schema: Any) -> Iterator[dict[str, Any]]:
    """Every object in the schema (a few are not schemas, which only makes the check wider)."""
    if isinstance(schema, list):
        for item in schema:
            yield from _subschemas(item)
    elif isinstance(schema, dict):
        yield schema
        for value in schema.values():
            yield from _subschemas(value)


def _patterns(schema: dict[str, Any]) -> list[str]:
    found = [schema["pattern"]] if isinstance(schema.get("pattern"), str) else []
    properties = schema.get("patternProperties")
    return found + (list(properties) if isinstance(properties, dict) else [])


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    if validator.is_type(instance, "string") and not search(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _pattern_properties(
    validator: Any, patterns: dict[str, Any], instance: Any, schema: Any
) -> Iterator[Any]:
    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in patterns.items():
        for key, value in instance.items():
            if search(pattern, key):
                yield from validator.descend(value, subschema, path=key, schema_path=pattern)


def _additional_properties(
    validator: Any, additional: Any, instance: Any, schema: Any
) -> Iterator[Any]:
    if not validator.is_type(instance, "object"):
        return
    properties = schema.get("properties", {})
    patterns = schema.get("patternProperties", {})
    extras = sorted(
        key
        for key in instance
        if key not in properties and not any(search(p, key) for p in patterns)
    )
    if validator.is_type(additional, "object"):
        for extra in extras:
            yield from validator.descend(instance[extra], additional, path=extra)
    elif not additional and extras:
        joined = ", ".join(repr(extra) for extra in extras)
        if patterns:
            verb = "does" if len(extras) == 1 else "do"
            listed = ", ".join(repr(p) for p in sorted(patterns))
            yield ValidationError(f"{joined} {verb} not match any of the regexes: {listed}")
        else:
            verb = "was" if len(extras) == 1 else "were"
            yield ValidationError(
                f"Additional properties are not allowed ({joined} {verb} unexpected)"
            )
