"""Shared building blocks of the portfolio format."""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

# Types carry no description of their own: a field's docstring describes it.
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]
# at most a quadrillion: a bound a JSON Schema can state, where it cannot say "finite"
Money = Annotated[float, Field(ge=0, le=1e15, allow_inf_nan=False)]
Url = Annotated[str, Field(pattern=r"^(https?://[^\s/]+\S*|mailto:[^\s@]+@[^\s@]+)$")]
Date = datetime.date
Text = Annotated[str, Field(min_length=1)]
Period = Annotated[str, Field(pattern=r"^[A-Za-z0-9]+([-_][A-Za-z0-9]+)*$", max_length=64)]
Handle = Annotated[
    str, Field(pattern=r"^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(/[A-Za-z0-9._-]+)?$")
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
    unit: str | None = None
    """The unit, such as %, days or USD."""
    baseline: float | None = Field(default=None, allow_inf_nan=False)
    """Where it started."""
    target: float | None = Field(default=None, allow_inf_nan=False)
    """Where it should get to."""
    actual: float | None = Field(default=None, allow_inf_nan=False)
    """The latest measured value."""
    direction: Literal["higher", "lower"] = "higher"
    """higher | lower: which way is better."""
    as_of: Date | None = None
    """When `actual` was measured."""
