"""portfolio.yaml: the organisation's settings, policies and taxonomy."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal, cast

from pydantic import Field, model_validator

from pac.model.base import Handle, Id, NonNegative, Period, Strict, Text, Url
from pac.model.product import QUARTER_PATTERN, Stage

Level = Literal["error", "warning", "info", "off"]
EntityKind = Literal["portfolio", "product", "team", "capability", "objective", "funding"]


class Codeowners(Strict):
    """Who must approve changes to files that no team owns."""

    default: list[Handle] = []
    """Owners of every file no other line covers."""
    funding: list[Handle] = []
    """Owners of the funding/ folder."""
    platform: list[Handle] = []
    """Owners of the files that are code rather than portfolio data, which a pull request
    could use to change the check itself: portfolio.yaml (rule severities), extensions/,
    site/ (its mkdocs.yml can run Python hooks), .github/ (the workflows), schemas/ and
    pac's own source. Without it, `default` owns them."""


PositiveDays = Annotated[int, Field(ge=1)]


class Policies(Strict):
    """Thresholds that the portfolio's rules apply."""

    stakeholder_review_days: int = Field(default=180, ge=1)
    """A live product's stakeholders must be consulted at least this often."""
    max_products_per_team: int = Field(default=4, ge=1)
    """More products than this and a team's cognitive load is too high."""
    required_skills: list[Text] = []
    """Skills every team that owns products should have among its members."""
    # the default is the number 1.0 in the published schema; validate_default makes it a Decimal
    value_ratio_target: NonNegative = Field(default=cast(Decimal, 1.0), validate_default=True)
    """Expected annual value per unit of funding."""
    stage_max_days: dict[Literal["ideation", "discovery", "build"], PositiveDays] = {
        "ideation": 90,
        "discovery": 180,
    }
    """How many days a product may stay in an early stage (counted from its `since`)
    before it is reported as stalled; this mapping replaces the default."""


CheckName = Literal[
    "owner-has-members",
    "has-product-manager",
    "has-summary",
    "has-customers",
    "has-stakeholders",
    "serves-capability",
    "serves-objective",
    "stakeholder-review-current",
    "has-kpis",
    "kpis-have-targets",
    "kpis-measured",
    "kpis-on-target",
    "funded",
    "value-estimated",
    "value-on-target",
    "has-roadmap",
    "has-disposition",
    "technology-listed",
    "technology-supported",
    "team-has-required-skills",
    "no-errors",
    "no-warnings",
]
CHECK_NAMES: tuple[str, ...] = CheckName.__args__  # type: ignore[attr-defined]


NO_LEVEL = "none"  # what reports and the site call a scored product below the first level


class ScorecardLevel(Strict):
    """One maturity level: a product reaches it by passing every check of it and of
    every level before it."""

    name: Text
    """The level's name, such as bronze, silver or gold."""
    checks: list[CheckName] = Field(min_length=1)
    """Names of the checks pac provides (`pac scorecard --checks` lists them)."""


DEFAULT_LEVELS = [
    ScorecardLevel(
        name="bronze",
        checks=["owner-has-members", "has-summary", "has-customers", "serves-capability"],
    ),
    ScorecardLevel(
        name="silver",
        checks=["stakeholder-review-current", "kpis-have-targets", "funded", "value-estimated"],
    ),
    ScorecardLevel(
        name="gold",
        checks=["kpis-measured", "has-roadmap", "technology-supported", "no-warnings"],
    ),
]


class Scorecard(Strict):
    """Maturity levels for products, lowest first."""

    stages: list[Stage] = Field(default=["live"], min_length=1)
    """The lifecycle stages whose products are scored; the others have no level."""
    levels: list[ScorecardLevel] = Field(default=DEFAULT_LEVELS, min_length=1)
    """The levels in order, lowest first (default: bronze, silver and gold)."""

    @model_validator(mode="after")
    def _unique_names(self) -> Scorecard:
        names = [level.name for level in self.levels]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            verb = "is" if len(twice) == 1 else "are each"
            raise ValueError(f"level names must differ: {', '.join(twice)} {verb} used twice")
        if NO_LEVEL in names:
            raise ValueError(
                f"'{NO_LEVEL}' stands for no level at all: give the level another name"
            )
        return self


class Taxonomy(Strict):
    """The organisation's own vocabularies; each list replaces the default."""

    product_kinds: list[Text] = ["application", "platform", "service", "data", "infrastructure"]
    """Allowed values of a product's `kind`."""
    customer_types: list[Text] = ["external", "internal"]
    """Allowed values of a customer's `type`."""
    team_types: list[Text] = ["stream-aligned", "platform", "enabling", "complicated-subsystem"]
    """Allowed values of a team's `type` (Team Topologies by default)."""
    importance_levels: list[Text] = ["core", "differentiating", "commodity"]
    """Allowed values of a capability's `importance`."""
    skills: list[Text] = [
        "product-management",
        "engineering",
        "testing",
        "operations",
        "ux",
        "data",
        "security",
        "architecture",
        "delivery",
        "business-analysis",
    ]
    """Skills team members may list."""


class Priority(Strict):
    """One of the portfolio's "three big things" for a quarter."""

    quarter: str = Field(pattern=QUARTER_PATTERN)
    """The quarter, as YYYY-Qn."""
    name: Text
    """The priority, in a few words."""
    objectives: list[Id] = []
    """Ids of the business objectives it advances."""


class Settings(Strict):
    """Organisation-wide settings (portfolio.yaml)."""

    name: Text
    """The organisation's name."""
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
    """The ISO 4217 code that every amount in the portfolio is in."""
    current_period: Period | None = None
    """The funding period that checks and reports treat as now."""
    repository: Url | None = None
    """The portfolio repository's web address, for edit and history links."""
    default_branch: Text = "main"
    """The repository's main branch, which edit links open."""
    codeowners: Codeowners = Codeowners()
    """Owners for CODEOWNERS lines that no team covers."""
    policies: Policies = Policies()
    """Thresholds for the portfolio's rules."""
    scorecard: Scorecard = Scorecard()
    """Maturity levels that each product is scored against."""
    rules: dict[str, Level] = {}
    """Per-rule severity overrides: error | warning | info | off."""
    priorities: list[Priority] = []
    """The portfolio's priorities, at most three a quarter; roadmap themes should serve
    them."""
    taxonomy: Taxonomy = Taxonomy()
    """The organisation's own lists of kinds, types, levels and skills."""
    extension_schemas: dict[EntityKind, Text] = {}
    """For each kind of entity, the JSON Schema file (relative to portfolio.yaml) that its
    `extensions` must match."""
    extensions: dict[str, Any] | None = None
    """Your organisation's own settings."""
