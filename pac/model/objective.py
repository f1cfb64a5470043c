"""A business objective: an outcome that products serve."""

from __future__ import annotations

from pac.model.base import Entity, Measure, Period


class KeyResult(Measure):
    """A measurable result that shows the objective is met."""


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
