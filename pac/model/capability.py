"""A business capability: what the organisation does, arranged as a tree."""

from __future__ import annotations

from pac.model.base import Description, Entity, Id, Label


class Capability(Entity):
    """A business capability."""

    description: Description | None = None
    """What the capability covers."""
    parent: Id | None = None
    """The id of the capability this one belongs to."""
    importance: Label | None = None
    """core | differentiating | commodity (or the levels set in portfolio.yaml)."""
