"""A portfolio with a script payload in every field that can hold text, found by walking
the models' JSON Schemas rather than listed by hand: a field added to a model later is
covered without anyone editing the tests.

The walk starts from the reference portfolio and, for every entity of every kind and for
portfolio.yaml, puts a payload into each string the schema leaves free (no enum, no
format, a pattern and a length that the payload or one of its variants fits), into each
list of such strings, into the keys of free mappings (link titles, extensions) and their
values, and adds the optional objects and list items that hold such fields. Strings
that no payload fits (ids, periods, dates, handles) keep their reference values: they
are skipped by construction.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from pac.model import MODELS, Settings

# Breaks out of a double-quoted attribute into handlers of its own; then out of any tag
# into an element and a script; then a Markdown link to a script.
ATTRIBUTE = "x\" autofocus tabindex=0 onfocus=alert('attr') y"
MARKUP = "\"><img src=x onerror=alert('img')><script>alert('script')</script>"
PAYLOAD = f"{ATTRIBUTE} {MARKUP} [a](javascript:alert('link'))"
# variants for fields with a pattern: no spaces, an email address, a web address
COMPACT = "\"><svg/onload=alert('svg')>"
VARIANTS = [PAYLOAD, MARKUP, ATTRIBUTE, COMPACT, f"{COMPACT}@x.example",
            f"https://x.example/{COMPACT}"]
LIST = [PAYLOAD, COMPACT]  # a list of free text gets two: filters then offer two options

_MISSING: Any = object()


class Walk:
    """Puts payloads into documents of one kind; `reached` lists the field paths."""

    def __init__(self, model: type[BaseModel], samples: dict[str, Any]) -> None:
        self.schema = model.model_json_schema()
        self.defs = self.schema.get("$defs", {})
        self.samples = samples  # a valid value for each pattern or format seen
        self.reached: set[str] = set()

    def document(self, data: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = self.value(self.schema, data, "")
        return result

    def value(self, schema: dict[str, Any], value: Any, path: str) -> Any:
        schema = self._resolve(schema)
        if "enum" in schema or "const" in schema:
            return value
        kind = schema.get("type")
        if kind == "string":
            return self._string(schema, value, path)
        if kind == "array":
            return self._array(schema, value, path)
        if kind == "object" and "properties" in schema:
            return self._object(schema, value, path)
        if kind == "object":
            return self._mapping(schema, value, path)
        if schema == {}:  # any value at all: text, and a list and a mapping of it
            self.reached.add(path)
            return [PAYLOAD, {PAYLOAD: COMPACT}]
        return value

    def _resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        return self._branches(schema)[0]

    def _branches(self, schema: dict[str, Any]) -> list[dict[str, Any]]:
        """What a value of the schema may be: an optional value, the branch that is not
        null; a value of either kind (a theme: a sentence or a mapping), each kind."""
        if "$ref" in schema:
            return self._branches(self.defs[schema["$ref"].rsplit("/", 1)[1]])
        if "anyOf" in schema:
            branches = [s for s in schema["anyOf"] if s.get("type") != "null"]
            return [b for branch in branches for b in self._branches(branch)]
        return [schema]

    def _string(self, schema: dict[str, Any], value: Any, path: str) -> Any:
        fits = fitting(schema)
        if not fits:
            return value
        self.reached.add(path)
        return fits[0]

    def _array(self, schema: dict[str, Any], value: Any, path: str) -> Any:
        kinds = self._branches(schema.get("items", {}))
        if len(kinds) > 1:  # items of either kind: the payloads in each
            given = value if isinstance(value, list) else []
            done = [self._array({"items": kind}, [v for v in given if _fits(kind, v)], path)
                    for kind in kinds]
            return [v for d in done if isinstance(d, list) for v in d] or value
        items = kinds[0]
        if items.get("type") == "string" and fitting(items):
            self.reached.add(path + "[]")
            return [v for v in LIST if v in fitting(items)]
        if "enum" in items:
            return value
        given = value if isinstance(value, list) and value else [_MISSING]
        done = [self.value(items, v, path + "[]") for v in given]
        done = [v for v in done if v is not _MISSING]
        return done if done else value

    def _object(self, schema: dict[str, Any], value: Any, path: str) -> Any:
        out = dict(value) if value is not _MISSING and value is not None else {}
        for name, field in schema["properties"].items():
            new = self.value(field, out.get(name, _MISSING), f"{path}.{name}".lstrip("."))
            if new is _MISSING and name in schema.get("required", []):
                new = self._sample(field)
            if new is _MISSING:
                if name in schema.get("required", []):
                    return _MISSING  # no valid value for a required field: leave it out
                continue
            out[name] = new
        return out

    def _sample(self, schema: dict[str, Any]) -> Any:
        schema = self._resolve(schema)
        if "enum" in schema:
            return schema["enum"][0]
        if schema.get("type") == "array":
            return [self._sample(schema.get("items", {}))]
        key = schema.get("pattern") or schema.get("format")
        return self.samples.get(key, _MISSING) if key else _MISSING

    def _mapping(self, schema: dict[str, Any], value: Any, path: str) -> Any:
        keys = self._resolve(schema.get("propertyNames", {}))
        values = schema.get("additionalProperties", True)
        values = {} if values is True else self._resolve(values)
        if keys.get("enum") or keys.get("pattern") or "enum" in values:
            # keyed by names pac knows (kinds, rules): the keys are not free text
            return value
        existing = list((value or {}).values()) if value is not _MISSING else []
        new = self.value(values, existing[0] if existing else _MISSING, path + ".<value>")
        if new is _MISSING:
            return value
        self.reached.add(path + ".<key>")
        return {PAYLOAD: new}


def _fits(schema: dict[str, Any], value: Any) -> bool:
    """Whether a value is of the schema's JSON type (a mapping for an object)."""
    kind = schema.get("type")
    return kind is None or isinstance(value, {"object": dict, "string": str}.get(kind, object))


def fitting(schema: dict[str, Any]) -> list[str]:
    """The payload variants a string field accepts."""
    if "format" in schema or "enum" in schema or "const" in schema:
        return []
    pattern = schema.get("pattern")
    most = schema.get("maxLength", len(PAYLOAD))
    return [v for v in VARIANTS
            if len(v) <= most and (pattern is None or re.search(pattern, v))]


def _samples(documents: list[tuple[type[BaseModel], Any]]) -> dict[str, Any]:
    """A reference value for each pattern and format: for a required field no payload
    fits, in an object the walk adds (a roadmap quarter, say)."""
    found: dict[str, Any] = {}

    def visit(schema: dict[str, Any], value: Any, walk: Walk) -> None:
        schema = walk._resolve(schema)
        key = schema.get("pattern") or schema.get("format")
        if key and value is not None:
            found.setdefault(key, value)
        if isinstance(value, dict) and "properties" in schema:
            for name, sub in schema["properties"].items():
                if name in value:
                    visit(sub, value[name], walk)
        if isinstance(value, list) and "items" in schema:
            for item in value:
                visit(schema["items"], item, walk)

    for model, data in documents:
        walk = Walk(model, {})
        visit(walk.schema, data, walk)
    return found


KIND_FOLDERS = {"product": "products", "team": "teams", "capability": "capabilities",
                "objective": "objectives", "funding": "funding"}


def write_hostile(target: Path) -> dict[str, set[str]]:
    """Put a payload in every free text field of the portfolio at `target`; the field
    paths reached, by kind ("portfolio" for portfolio.yaml)."""
    files = [(MODELS[kind], path) for kind, folder in KIND_FOLDERS.items()
             for path in sorted((target / folder).glob("*.yaml"))]
    files.append((Settings, target / "portfolio.yaml"))
    documents = [(model, yaml.safe_load(path.read_text())) for model, path in files]
    samples = _samples(documents)
    reached: dict[str, set[str]] = defaultdict(set)
    for (model, path), (_, data) in zip(files, documents, strict=True):
        walk = Walk(model, samples)
        path.write_text(yaml.safe_dump(walk.document(data), allow_unicode=True,
                                       sort_keys=False))
        kind = next((k for k, m in MODELS.items() if m is model), "portfolio")
        reached[kind] |= walk.reached
    return dict(reached)
