"""A product: the unit a durable team owns, funds and runs end to end."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from pac.model.base import (
    Date,
    Description,
    Entity,
    Id,
    Label,
    Measure,
    Money,
    Sentence,
    Strict,
    Text,
    Url,
)

Stage = Literal["ideation", "discovery", "build", "live", "sunset", "retired"]
STAGES: tuple[str, ...] = Stage.__args__  # type: ignore[attr-defined]


class Lifecycle(Strict):
    """Where the product is in its life, from ideation to retirement."""

    stage: Stage
    """ideation | discovery | build | live | sunset | retired."""
    since: Date | None = None
    """The date it entered this stage."""
    retire_by: Date | None = None
    """The date by which a product in sunset will be retired."""

    @model_validator(mode="after")
    def _retire_after_since(self) -> Lifecycle:
        if self.since and self.retire_by and self.retire_by < self.since:
            raise ValueError(f"retire_by {self.retire_by} is before since {self.since}")
        return self


class Customer(Strict):
    """A group of people the product serves."""

    segment: Text
    """Who they are."""
    type: Label | None = None
    """external | internal (or the customer types set in portfolio.yaml)."""


class Value(Strict):
    """The value the product is expected to create each year."""

    annual_estimate: Money | None = None
    """Estimated annual value in the portfolio currency."""
    basis: Sentence | None = None
    """How the estimate was made."""


class Kpi(Measure):
    """A key performance indicator: a measure of the outcome the product exists for."""


ThemeStatus = Literal["planned", "in-progress", "done", "dropped"]
THEME_STATUSES: tuple[str, ...] = ThemeStatus.__args__  # type: ignore[attr-defined]
QUARTER_PATTERN = r"^[0-9]{4}-Q[1-4]$"


class Theme(Strict):
    """A theme the team promises for the quarter, with where it stands."""

    theme: Text
    """What the team will work on."""
    status: ThemeStatus = "planned"
    """planned | in-progress | done | dropped: mark a promise done or dropped rather than
    deleting it, so that the record of promises kept stays true."""
    objective: Id | None = None
    """The id of the business objective this theme serves (by default, the product's)."""


class Quarter(Strict):
    """The themes planned for one quarter."""

    quarter: str = Field(pattern=QUARTER_PATTERN)
    """The quarter, as YYYY-Qn."""
    themes: list[Text | Theme] = []
    """What the team will work on: a sentence, or a mapping of theme, status and objective;
    three at most keeps focus."""


class Technology(Strict):
    """A technology the product runs on."""

    name: Text
    """The technology."""
    version: Label | None = None
    """Its version; quote it ("3.10") so that YAML does not read it as a number."""
    end_of_support: Date | None = None
    """When its vendor or community stops supporting this version."""


class Stakeholder(Strict):
    """Someone whose view of the product counts."""

    name: Text
    """Their name."""
    role: Label | None = None
    """Their role."""


class Product(Entity):
    """A digital product, owned end to end by one team."""

    summary: Sentence | None = None
    """One sentence: what it does for whom."""
    description: Description | None = None
    """A longer description; Markdown lists, emphasis and links are allowed."""
    kind: Text
    """application | platform | service | data | infrastructure, or the kinds in portfolio.yaml."""
    lifecycle: Lifecycle
    """The stage of its life."""
    owner: Id
    """The id of the team that owns it."""
    product_manager: Label | None = None
    """The person accountable for the product."""
    customers: list[Customer] = []
    """Who it serves."""
    capabilities: list[Id] = []
    """Ids of the business capabilities it supports."""
    objectives: list[Id] = []
    """Ids of the business objectives it contributes to."""
    depends_on: list[Id] = []
    """Ids of products it needs in order to work."""
    value: Value | None = None
    """The value it is expected to create."""
    disposition: Literal["tolerate", "invest", "migrate", "eliminate"] | None = None
    """TIME: tolerate | invest | migrate | eliminate."""
    kpis: list[Kpi] = []
    """Key performance indicators."""
    roadmap: list[Quarter] = []
    """Themes by quarter."""
    technology: list[Technology] = []
    """Technologies it runs on."""
    stakeholders: list[Stakeholder] = []
    """People to consult."""
    last_stakeholder_review: Date | None = None
    """When the stakeholders were last asked whether it still serves them."""
    links: dict[Text, Url] = {}
    """Named links: repository, runbook, dashboard and so on."""
    tags: list[Text] = []
    """Free labels for filtering."""
    previous_ids: list[Id] = []
    """Earlier ids of this product, so that history follows a rename."""
