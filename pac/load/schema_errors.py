"""pydantic's validation errors, turned into findings a person can act on."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Collection
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError

from pac.findings import Finding, Loc, format_loc
from pac.suggest import did_you_mean

_PATTERN_HINTS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": (
        "ids use lowercase letters, digits and single hyphens, such as 'claims-portal'"
    ),
    "^[0-9]{4}-Q[1-4]$": "write the quarter as YYYY-Qn, such as 2027-Q1",
    "^[A-Z]{3}$": "use an ISO 4217 currency code, such as USD or EUR",
}
_NOT_NUMBER_HINT = (
    "write a plain number without quotes, separators (1_000, 1,000) or units, such as 1000 or 12.5"
)


def schema_findings(
    error: ValidationError,
    model: type[BaseModel],
    *,
    file: str,
    entity: str,
    unread: Collection[Loc] = (),
) -> list[Finding]:
    """One finding per pydantic error, with the field path and a fix; none for the values
    at or under an `unread` path (reported as unreadable already)."""
    findings = []
    for err in error.errors(include_url=False):
        loc: Loc = tuple(err["loc"])
        if any(loc[: len(path)] == path for path in unread):
            continue
        findings.append(_finding(err, loc, model, file=file, entity=entity))
    return findings


def _finding(err: Any, loc: Loc, model: type[BaseModel], *, file: str, entity: str) -> Finding:
    kind = err["type"]
    if kind == "extra_forbidden":
        name = str(loc[-1])
        allowed = fields_at(model, loc[:-1])
        hint = did_you_mean(name, allowed)
        if not hint:
            hint = "allowed here: " + ", ".join(allowed) if allowed else "remove it"
            if "extensions" in fields_at(model, ()):
                hint += "; your organisation's own fields go under extensions:"
        return Finding(
            "unknown-field", file, f"unknown field '{name}'", hint, entity, loc, at_key=True
        )
    if kind == "missing":
        name = str(loc[-1])
        where = format_loc(loc[:-1])
        message = f"missing required field '{name}'" + (f" in {where}" if where else "")
        description = field_description(model, loc).rstrip(".")
        hint = f"add {name}:" + (
            f" {description[:1].lower()}{description[1:]}" if description else ""
        )
        return Finding("schema", file, message, hint, entity, loc[:-1], at_key=True)
    if kind == "value_error":
        loc = _blamed_field(err, loc, model)
    message, hint = _describe(err, loc)
    return Finding("schema", file, message, hint, entity, loc)


def _blamed_field(err: Any, loc: Loc, model: type[BaseModel]) -> Loc:
    """Cross-field checks say 'end is before start': point at the field they name first."""
    first = err["msg"].removeprefix("Value error, ").split(" ", 1)[0]
    return (*loc, first) if first in fields_at(model, loc) else loc


def _describe(err: Any, loc: Loc) -> tuple[str, str]:
    kind, value = err["type"], err.get("input")
    field = format_loc(loc) or "the file"
    got = _show(value)
    if kind == "string_type":
        hint = (
            f"put the value in quotes, written exactly as you mean it: unquoted, YAML "
            f"reads it as {got}"
            if _is_scalar(value)
            else "write it as text"
        )
        return f"{field} must be text, not {got}", hint
    if kind in ("int_type", "float_type", "int_from_float"):
        what = "a whole number" if kind != "float_type" else "a number"
        return f"{field} must be {what}, not {got}", _NOT_NUMBER_HINT
    if kind == "date_type":
        return f"{field} must be a date, not {got}", _date_hint(value)
    if kind == "string_pattern_mismatch":
        pattern = err["ctx"]["pattern"]
        hint = _PATTERN_HINTS.get(pattern, _pattern_hint(pattern))
        return f"{field}: {got} is not in the expected form", hint
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", err["ctx"]["expected"])
        hint = did_you_mean(str(value), options) or "use one of: " + ", ".join(options)
        return f"{field}: {got} is not one of {', '.join(options)}", hint
    if kind in ("greater_than_equal", "greater_than"):
        return f"{field} must not be negative, got {got}", "amounts and counts are 0 or more"
    if kind == "less_than_equal":
        limit = err["ctx"]["le"]
        return f"{field} is larger than {limit:,.0f}, got {got}", "check the number of digits"
    if kind == "finite_number":
        return f"{field} must be a finite number, got {got}", _NOT_NUMBER_HINT
    if kind in ("list_type", "dict_type", "model_type", "model_attributes_type"):
        expected = "a list" if kind == "list_type" else "a mapping of field: value"
        return f"{field} must be {expected}, not {got}", _structure_hint(kind)
    if kind == "string_too_short":
        return f"{field} must not be empty", "write a value or remove the field"
    if kind == "string_too_long":
        return f"{field} is too long", f"use at most {err['ctx']['max_length']} characters"
    if kind == "value_error":
        return err["msg"].removeprefix("Value error, "), "correct the dates"
    return f"{field}: {err['msg']}", ""


def _date_hint(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return "there is no such day: check the month (01 to 12) and the day of the month"
    return "write the date as YYYY-MM-DD, such as 2027-03-31"


def _structure_hint(kind: str) -> str:
    if kind == "list_type":
        return "write one item per line, each starting with '- ', or [a, b]"
    return "indent the fields under this key"


def _pattern_hint(pattern: str) -> str:
    if "https?" in pattern:
        return "links must start with https://, http:// or mailto:"
    if pattern.startswith("^@"):
        return "write a handle as @user or @org/team, in quotes"
    if "@" in pattern:
        return "write an email address such as team@example.com"
    return f"it must match {pattern}"


def _is_scalar(value: Any) -> bool:
    return isinstance(value, int | float | Decimal | bool) or value is None


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    if value is True or value is False:
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float | Decimal):
        return f"the number {value}"
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _inner_model(annotation: Any) -> Any:
    """Unwrap Optional, list and dict down to the model they hold, if any."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else None
        elif origin in (list, dict):
            annotation = typing.get_args(annotation)[-1]
        else:
            return annotation


def model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model of the mapping (or of the records of the list) at `loc`, if it has one."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names allowed in the mapping at `loc`."""
    inner = model_at(model, loc)
    return list(inner.model_fields) if inner else []


def field_description(model: type[BaseModel], loc: Loc) -> str:
    inner = model_at(model, loc[:-1])
    if inner is None:
        return ""
    info = inner.model_fields.get(str(loc[-1]))
    return (info.description or "") if info else ""
