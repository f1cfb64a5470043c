"""A business objective: an outcome that products serve."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from pac.model.base import Date, Entity, Period, Strict, Text


class KeyResult(Strict):
    """A measurable result that shows the objective is met."""

    name: Text
    """What is measured."""
    unit: str | None = None
    """The unit."""
    baseline: float | None = Field(default=None, allow_inf_nan=False)
    """Where it started."""
    target: float | None = Field(default=None, allow_inf_nan=False)
    """Where it should get to."""
    actual: float | None = Field(default=None, allow_inf_nan=False)
    """Where it is now."""
    direction: Literal["higher", "lower"] = "higher"
    """higher | lower: which way is better."""
    as_of: Date | None = None
    """When `actual` was measured."""


class Objective(Entity):
    """A business outcome for a period."""

    description: str | None = None
    """Why it matters."""
    period: Period | None = None
    """The period it is set for, such as FY2027."""
    sponsor: str | None = None
    """The executive who sponsors it."""
    key_results: list[KeyResult] = []
    """How success is measured."""
