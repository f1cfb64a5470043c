"""Shared building blocks of the portfolio format."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

# Types carry no description of their own: a field's docstring describes it.
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]


def _exact(value: object) -> object:
    """YAML gives whole numbers as int and the others as Decimal: both become a Decimal,
    so that amounts add up exactly. Text and booleans are not numbers."""
    kind = type(value)
    if kind is Decimal:
        return value
    if kind is int:
        return Decimal(value)  # type: ignore[arg-type]
    if kind is float:  # .inf and .nan from YAML, or a model built in code
        return Decimal(repr(value))
    raise PydanticCustomError("float_type", "Input should be a valid number")


# An exact number. The schema says "number": pydantic's own Decimal schema accepts text too.
Number = Annotated[
    Decimal, BeforeValidator(_exact), Field(allow_inf_nan=False), WithJsonSchema({"type": "number"})
]
NonNegative = Annotated[Number, Field(ge=0), WithJsonSchema({"minimum": 0, "type": "number"})]
# at most a quadrillion: a bound a JSON Schema can state, where it cannot say "finite"
MONEY_LIMIT = 10**15
Money = Annotated[
    Number,
    Field(ge=0, le=MONEY_LIMIT),
    WithJsonSchema({"maximum": 1e15, "minimum": 0, "type": "number"}),
]
# Lengths bound what one field can do to a report, a log line or a pull-request comment.
NAME_LENGTH = 200  # a name, a label, a type: short one-line text
LINE_LENGTH = 500  # a one-line sentence: a summary, how an estimate was made
TEXT_LENGTH = 20_000  # a multi-line description
URL_LENGTH = 2_000
Url = Annotated[
    str,
    Field(pattern=r"^(https?://[^\s/]+\S*|mailto:[^\s@]+@[^\s@]+)$", max_length=URL_LENGTH),
]
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value: Any) -> Any:
    """An ISO 8601 calendar date, which YAML gives as text quoted or not, is a date, as the
    published schemas say (`format: date`) and as scripts write them
    (`since: "2024-01-01"`). Anything else, an impossible date among them, is left for
    strict validation to refuse."""
    if type(value) is str and _ISO_DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


Date = Annotated[datetime.date, BeforeValidator(_iso_date)]
Text = Annotated[str, Field(min_length=1, max_length=NAME_LENGTH)]  # required one-line text
Label = Annotated[str, Field(max_length=NAME_LENGTH)]
Sentence = Annotated[str, Field(max_length=LINE_LENGTH)]
Description = Annotated[str, Field(max_length=TEXT_LENGTH)]
Period = Annotated[str, Field(pattern=r"^[A-Za-z0-9]+([-_][A-Za-z0-9]+)*$", max_length=64)]
Handle = Annotated[
    str,
    Field(
        pattern=r"^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(/[A-Za-z0-9._-]+)?$",
        max_length=NAME_LENGTH,
    ),
]


class Strict(BaseModel):
    """Every model: no unknown keys, no silent coercion, field docstrings become descriptions."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        regex_engine="rust-regex",  # `$` ends the value, as in JSON Schema (not before a "\n")
    )


class Entity(Strict):
    """An entity with an id: the id is the file's name without `.yaml`."""

    id: Id
    """The entity's id; must equal the file name without `.yaml`."""
    name: Text
    """The name people know it by."""
    extensions: dict[str, Any] | None = None
    """Your organisation's own fields, checked against the JSON Schema that
    `extension_schemas` in portfolio.yaml names for this kind of entity."""


class Measure(Strict):
    """Something measured against a target: a product's KPI or an objective's key result."""

    name: Text
    """What is measured."""
    unit: Label | None = None
    """The unit, such as %, days or USD."""
    baseline: Number | None = None
    """Where it started."""
    target: Number | None = None
    """Where it should get to."""
    actual: Number | None = None
    """The latest measured value."""
    direction: Literal["higher", "lower"] = "higher"
    """higher | lower: which way is better."""
    as_of: Date | None = None
    """When `actual` was measured."""
