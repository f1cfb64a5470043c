"""What a reviewer of a change reads first, as data, ranked; render/diff_headlines.py words it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from pac.changes.entities import EntityChange
from pac.changes.fields import FieldChange
from pac.changes.levels import LevelChange
from pac.model.portfolio import Portfolio
from pac.money import ZERO

if TYPE_CHECKING:
    from pac.changes.diff import Comparison


@dataclass(frozen=True)
class EntityHeadline:
    """An entity added, removed or renamed, or a product's stage or owner changed."""

    kind: str  # "added", "removed", "renamed", "stage" or "owner"
    entity_kind: str  # "product", "team", "capability", "objective" or "funding"
    name: str  # the entity's name (a funding period's is the period)
    old: str = ""  # renamed: the old id; stage: the old stage; owner: the old team's name
    new: str = ""


@dataclass(frozen=True)
class FundingHeadline:
    """A funding period's envelope, or a product's allocation in it, changed."""

    kind: str  # "envelope", "run", "change", "funded" (newly) or "unfunded" (no longer)
    period: str
    product: str  # the product's name; "" for the envelope
    old: Decimal  # funded: zero, and `new` is the whole allocation
    new: Decimal
    currency: str


@dataclass(frozen=True)
class TeamLoadHeadline:
    """A team's count of products that are not retired goes up or down."""

    team: str  # the team's name
    old: int
    new: int
    limit: int  # the policy's max_products_per_team


@dataclass(frozen=True)
class LevelsSkipped:
    """Scorecard levels were not compared: a version's portfolio.yaml could not be read."""

    version: str  # its label


@dataclass(frozen=True)
class RiskHeadline:
    """The value at risk rises or falls: the current period's funding on products with a
    value-leakage finding."""

    before_period: str | None
    after_period: str | None
    before: Decimal
    after: Decimal
    currency: str


@dataclass(frozen=True)
class FindingsHeadline:
    """How many findings of one severity a change introduces or resolves."""

    verb: str  # "introduced" or "resolved"
    severity: str
    count: int


# what happened, as data; pac/render/diff_headlines.py words it
Headline = (
    EntityHeadline
    | FundingHeadline
    | TeamLoadHeadline
    | LevelChange
    | LevelsSkipped
    | RiskHeadline
    | FindingsHeadline
)


# A headline's rank: the key ones, in this order, come before the others.
ERRORS, FALL, MONEY_OR_NAME, OTHER = range(4)
Ranked = tuple[int, Headline]


def headlines(comparison: Comparison, base: Portfolio, head: Portfolio) -> list[Ranked]:
    """What a reviewer reads first, each with its rank; the value at risk first of the
    money."""
    lines: list[Ranked] = _risk(comparison)
    for change in comparison.changes.entities:
        lines += _entity_headlines(change, base, head)
    lines += [(OTHER, line) for line in _team_load(comparison.changes.entities, base, head)]
    lines += [(FALL if change.fell else OTHER, change) for change in comparison.levels]
    if comparison.levels_skipped:
        lines.append((OTHER, LevelsSkipped(comparison.levels_skipped)))
    lines += _finding_headlines(comparison)
    return lines


def _risk(comparison: Comparison) -> list[Ranked]:
    risk = comparison.value_at_risk
    if risk is None or not risk.change:
        return []
    before, after = risk.before, risk.after
    line = RiskHeadline(before.period, after.period, before.total, after.total, risk.currency)
    return [(MONEY_OR_NAME, line)]


def _entity_headlines(change: EntityChange, base: Portfolio, head: Portfolio) -> list[Ranked]:
    rank = MONEY_OR_NAME if change.kind == "funding" else OTHER
    if change.status in ("added", "removed"):
        return [(rank, EntityHeadline(change.status, change.kind, change.name))]
    lines: list[Ranked] = []
    if change.old_id:  # only a rename has one
        renamed = EntityHeadline("renamed", change.kind, change.name, change.old_id, change.id)
        lines.append((MONEY_OR_NAME, renamed))
    for field_change in change.changes:
        if change.kind == "product" and field_change.path == "lifecycle.stage":
            stage = EntityHeadline(
                "stage", "product", change.name, field_change.old, field_change.new
            )
            lines.append((OTHER, stage))
        if change.kind == "product" and field_change.path == "owner":
            old, new = _team(base, field_change.old), _team(head, field_change.new)
            lines.append((OTHER, EntityHeadline("owner", "product", change.name, old, new)))
        if change.kind == "funding" and _by_product(base, change.id, head):
            line = _funding_headline(change.id, field_change, head)
            if line:
                lines.append((MONEY_OR_NAME, line))
    return lines


def _by_product(base: Portfolio, period: str, head: Portfolio) -> bool:
    """Whether the period's allocations were matched by product on both sides: where a
    product is allocated twice they are matched by position, `allocations[3]`."""
    for side in (base, head):
        funding = side.funding.get(period)
        products = [a.product for a in funding.allocations] if funding else []
        if len(set(products)) < len(products):
            return False
    return True


def _team(portfolio: Portfolio, team_id: str) -> str:
    team = portfolio.teams.get(team_id)
    return team.name if team else team_id


def _funding_headline(period: str, change: FieldChange, head: Portfolio) -> FundingHeadline | None:
    currency = head.settings.currency
    if not change.path.startswith("allocations["):
        if change.path == "envelope":
            return FundingHeadline("envelope", period, "", change.old, change.new, currency)
        return None
    product_id, _, rest = change.path[len("allocations[") :].partition("]")
    product = head.products.get(product_id)
    name = product.name if product else product_id
    if rest in (".run", ".change"):
        old, new = change.old or ZERO, change.new or ZERO
        return FundingHeadline(rest[1:], period, name, old, new, currency)
    if rest == "" and change.kind == "added":  # a zero is not in the snapshot
        total = change.new.get("run", ZERO) + change.new.get("change", ZERO)
        return FundingHeadline("funded", period, name, ZERO, total, currency)
    if rest == "" and change.kind == "removed":
        return FundingHeadline("unfunded", period, name, ZERO, ZERO, currency)
    return None


def _team_load(
    entities: list[EntityChange], base: Portfolio, head: Portfolio
) -> list[TeamLoadHeadline]:
    """Teams whose count of products that are not retired goes up or down."""
    touched = {e.id for e in entities if e.kind == "product"}
    if not touched:
        return []
    before, after = base.active_products_per_team(), head.active_products_per_team()
    limit = head.settings.policies.max_products_per_team
    lines = []
    for team in sorted(set(before) | set(after)):
        old, new = before.get(team, 0), after.get(team, 0)
        if old == new:
            continue
        name = head.teams[team].name if team in head.teams else team
        lines.append(TeamLoadHeadline(name, old, new, limit))
    return lines


def _finding_headlines(comparison: Comparison) -> list[Ranked]:
    lines: list[Ranked] = []
    for verb, findings in (
        ("introduced", comparison.introduced),
        ("resolved", comparison.resolved),
    ):
        counts = Counter(str(f.severity) for f in findings)
        for severity in ("error", "warning", "info"):
            n = counts[severity]
            if n:
                rank = ERRORS if (severity, verb) == ("error", "introduced") else OTHER
                lines.append((rank, FindingsHeadline(verb, severity, n)))
    return lines
