"""A business objective: an outcome that products serve."""

from __future__ import annotations

from pac.model.base import Description, Entity, Label, Measure, Period


class KeyResult(Measure):
    """A measurable result that shows the objective is met."""


class Objective(Entity):
    """A business outcome for a period."""

    description: Description | None = None
    """Why it matters."""
    period: Period | None = None
    """The period it is set for, such as FY2027."""
    sponsor: Label | None = None
    """The executive who sponsors it."""
    key_results: list[KeyResult] = []
    """How success is measured."""
