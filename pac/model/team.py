"""A team: a durable, cross-functional team that owns products."""

from __future__ import annotations

from pydantic import Field

from pac.model.base import Entity, Handle, Label, NonNegative, Strict, Text, Url


class Contact(Strict):
    """How to reach the team."""

    chat: Label | None = None
    """A chat channel."""
    email: str | None = Field(default=None, pattern=r"^[^\s@]+@[^\s@]+$", max_length=254)
    """An email address."""
    url: Url | None = None
    """A web page about the team."""


class Member(Strict):
    """A person in the team."""

    name: Text
    """Their name."""
    role: Label | None = None
    """Their role in the team."""
    skills: list[Text] = []
    """Skills from the portfolio's skills list."""


class Team(Entity):
    """A team that owns products (Team Topologies)."""

    type: Label | None = None
    """stream-aligned | platform | enabling | complicated-subsystem, or portfolio.yaml's types."""
    github: Handle | None = None
    """The team's handle on the git host, used for CODEOWNERS."""
    contact: Contact | None = None
    """How to reach the team."""
    capacity_fte: NonNegative | None = None
    """Capacity in full-time equivalents."""
    members: list[Member] = []
    """The people in the team."""
