"""What the catalogue's pages are made from: the portfolio, its findings and derived indexes."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pac.changes.changelog import Changelog, Entry, entries_touching
from pac.figures.funding import (
    PeriodFigures,
    Split,
    period_figures,
    periods_in_order,
    product_funding,
)
from pac.figures.scorecard import Score, score
from pac.findings import Finding
from pac.history.model import Trends
from pac.model.portfolio import Portfolio


@dataclass(frozen=True)
class Catalogue:
    """The portfolio plus every index a page needs, computed once."""

    portfolio: Portfolio
    findings: list[Finding]
    today: datetime.date
    edit_base: str  # "<repository>/edit/<branch>/", or "" without a repository
    prefix: str  # the portfolio folder inside the repository, such as "portfolio/"
    dependents: dict[str, list[str]] = field(default_factory=dict)
    owned: dict[str, list[str]] = field(default_factory=dict)
    by_capability: dict[str, list[str]] = field(default_factory=dict)
    by_objective: dict[str, list[str]] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    funding: dict[str, dict[str, Split]] = field(default_factory=dict)
    periods: list[PeriodFigures] = field(default_factory=list)
    findings_by_entity: dict[str, list[Finding]] = field(default_factory=dict)
    scores: dict[str, Score] = field(default_factory=dict)  # the products the scorecard scores
    changelog: Changelog | None = None  # None outside git, or when history is turned off
    trends: Trends | None = None  # likewise
    repository: str = ""
    new_base: str = ""  # "<repository>/new/<branch>/", or "" without a repository


def entity_history(cat: Catalogue, kind: str, entity_id: str, previous: list[str]) -> list[Entry]:
    """The change-log entries that touch an entity under its id or an earlier one."""
    if cat.changelog is None:
        return []
    return entries_touching(cat.changelog.entries, kind, {entity_id, *previous})


NameKey = Callable[[str], tuple[str, str]]


def name_order(portfolio: Portfolio, kind: str) -> NameKey:
    """A sort key that lists ids of one kind as people look for them: by name, ignoring
    case (then by id); an id the portfolio lacks sorts as its own name."""
    entities = portfolio.of_kind(kind)

    def key(entity_id: str) -> tuple[str, str]:
        name = getattr(entities.get(entity_id), "name", None) or entity_id
        return (str(name).casefold(), entity_id)

    return key


def in_name_order(portfolio: Portfolio, kind: str) -> list[tuple[str, Any]]:
    """Every entity of one kind as (id, entity), by name."""
    key = name_order(portfolio, kind)
    return sorted(portfolio.of_kind(kind).items(), key=lambda item: key(item[0]))


def _index(pairs: list[tuple[str, str]], key: NameKey) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for group, value in pairs:
        out[group].append(value)
    return {group: sorted(set(values), key=key) for group, values in out.items()}


def build_catalogue(
    portfolio: Portfolio,
    findings: list[Finding],
    *,
    today: datetime.date,
    prefix: str,
    changelog: Changelog | None = None,
    trends: Trends | None = None,
) -> Catalogue:
    products = portfolio.products
    settings = portfolio.settings
    repository = (settings.repository or "").rstrip("/")
    edit_base = f"{repository}/edit/{settings.default_branch}/" if repository else ""
    new_base = f"{repository}/new/{settings.default_branch}/" if repository else ""
    product_key = name_order(portfolio, "product")
    by_entity: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_entity[finding.entity].append(finding)
    return Catalogue(
        portfolio=portfolio,
        findings=findings,
        today=today,
        edit_base=edit_base,
        prefix=prefix,
        dependents=_index(
            [(d, pid) for pid, p in products.items() for d in p.depends_on], product_key
        ),
        owned=_index([(p.owner, pid) for pid, p in products.items()], product_key),
        by_capability=_index(
            [(c, pid) for pid, p in products.items() for c in p.capabilities], product_key
        ),
        by_objective=_index(
            [(o, pid) for pid, p in products.items() for o in p.objectives], product_key
        ),
        children=_index(
            [(c.parent, cid) for cid, c in portfolio.capabilities.items() if c.parent],
            name_order(portfolio, "capability"),
        ),
        funding=product_funding(portfolio),
        periods=[period_figures(portfolio, f) for f in periods_in_order(portfolio)],
        findings_by_entity=dict(by_entity),
        scores=score(portfolio, findings, today),
        changelog=changelog,
        trends=trends,
        repository=repository,
        new_base=new_base,
    )


def current_figures(cat: Catalogue) -> PeriodFigures | None:
    """The figures of the current period, if it has a funding file."""
    wanted = cat.portfolio.settings.current_period
    return next((f for f in cat.periods if f.period == wanted), None)


def team_of(cat: Catalogue, entity: str) -> str:
    """The team a finding counts towards: the team itself, or a product's owner."""
    kind, _, entity_id = entity.partition(":")
    if kind == "team":
        return entity_id
    product = cat.portfolio.products.get(entity_id) if kind == "product" else None
    return product.owner if product else ""
