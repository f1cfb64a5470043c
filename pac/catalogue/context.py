"""What the catalogue's pages are made from: the portfolio, its findings and derived indexes."""

from __future__ import annotations

import datetime
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from pac.changes.changelog import Changelog, Entry, entries_touching
from pac.figures.funding import (
    PeriodFigures,
    Split,
    is_live,
    period_figures,
    periods_in_order,
    product_funding,
)
from pac.figures.scorecard import Score, level_counts, level_names, score
from pac.findings import Finding
from pac.model import Capability
from pac.model.portfolio import Portfolio
from pac.model.settings import NO_LEVEL
from pac.money import ZERO
from pac.rules import RULES


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
    repository: str = ""


def entity_history(cat: Catalogue, kind: str, entity_id: str, previous: list[str]) -> list[Entry]:
    """The change-log entries that touch an entity under its id or an earlier one."""
    if cat.changelog is None:
        return []
    return entries_touching(cat.changelog.entries, kind, {entity_id, *previous})


def _index(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for key, value in pairs:
        out[key].append(value)
    return {key: sorted(set(values)) for key, values in out.items()}


def build_catalogue(
    portfolio: Portfolio,
    findings: list[Finding],
    *,
    today: datetime.date,
    prefix: str,
    changelog: Changelog | None = None,
) -> Catalogue:
    products = portfolio.products
    settings = portfolio.settings
    repository = (settings.repository or "").rstrip("/")
    edit_base = f"{repository}/edit/{settings.default_branch}/" if repository else ""
    by_entity: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_entity[finding.entity].append(finding)
    return Catalogue(
        portfolio=portfolio,
        findings=findings,
        today=today,
        edit_base=edit_base,
        prefix=prefix,
        dependents=_index([(d, pid) for pid, p in products.items() for d in p.depends_on]),
        owned=portfolio.products_by_owner(),
        by_capability=_index([(c, pid) for pid, p in products.items() for c in p.capabilities]),
        by_objective=_index([(o, pid) for pid, p in products.items() for o in p.objectives]),
        children=_index([(c.parent, cid) for cid, c in portfolio.capabilities.items() if c.parent]),
        funding=product_funding(portfolio),
        periods=[period_figures(portfolio, f) for f in periods_in_order(portfolio)],
        findings_by_entity=dict(by_entity),
        scores=score(portfolio, findings, today),
        changelog=changelog,
        repository=repository,
    )


def current_figures(cat: Catalogue) -> PeriodFigures | None:
    """The figures of the current period, if it has a funding file."""
    wanted = cat.portfolio.settings.current_period
    return next((f for f in cat.periods if f.period == wanted), None)


CapabilityTree = list[tuple[str, Capability, list[tuple[str, Capability]]]]


@dataclass(frozen=True)
class HeatMap:
    """The capability map three ways: live products (coverage), funding in the current
    period, and warnings about the capability and the products serving it (health);
    a parent's figures include its whole subtree."""

    tree: CapabilityTree  # each root, sorted, with its descendants depth first
    live: dict[str, int]
    heat: dict[str, int]  # heat_level of `live`
    funding: dict[str, Decimal]
    funding_heat: dict[str, int]  # funding_level against the best-funded leaf
    warnings: dict[str, int]
    risk: dict[str, int]  # heat_level of `warnings`
    period: str | None  # the current period, None without its funding file


def capability_heatmap(cat: Catalogue) -> HeatMap:
    p = cat.portfolio
    current = current_figures(cat)
    direct = current.by_capability if current else {}
    live: dict[str, int] = {}
    funding: dict[str, Decimal] = {}
    warnings: dict[str, int] = {}
    for cid in p.capabilities:
        subtree = [cid, *_descendants(cat, cid)]
        serving = {pid for c in subtree for pid in cat.by_capability.get(c, [])}
        live[cid] = sum(1 for pid in serving if is_live(p.products[pid]))
        funding[cid] = sum((direct[c].total for c in subtree if c in direct), ZERO)
        warnings[cid] = sum(
            _warnings(cat, f"{kind}:{entity}")
            for kind, ids in (("capability", subtree), ("product", serving))
            for entity in ids
        )
    leaves = [cid for cid in p.capabilities if not cat.children.get(cid)]
    most = max((funding[cid] for cid in leaves), default=ZERO)
    return HeatMap(
        tree=_capability_tree(cat),
        live=live,
        heat={k: heat_level(n) for k, n in live.items()},
        funding=funding,
        funding_heat={k: funding_level(v, most) for k, v in funding.items()},
        warnings=warnings,
        risk={k: heat_level(n) for k, n in warnings.items()},
        period=current.period if current else None,
    )


def _capability_tree(cat: Catalogue) -> CapabilityTree:
    capabilities = cat.portfolio.capabilities
    roots = sorted(
        (cid, c)
        for cid, c in capabilities.items()
        if c.parent is None or c.parent not in capabilities
    )
    return [
        (rid, root, [(d, capabilities[d]) for d in _descendants(cat, rid)]) for rid, root in roots
    ]


def _warnings(cat: Catalogue, entity: str) -> int:
    """Errors and warnings about one entity."""
    findings = cat.findings_by_entity.get(entity, [])
    return sum(1 for f in findings if f.severity in ("error", "warning"))


def _descendants(cat: Catalogue, cid: str) -> list[str]:
    out: list[str] = []
    stack = list(reversed(cat.children.get(cid, [])))
    while stack:
        child = stack.pop()
        if child in out or child == cid:
            continue  # a cycle is reported by its rule; do not loop on it here
        out.append(child)
        stack.extend(reversed(cat.children.get(child, [])))
    return out


def heat_level(live_products: int) -> int:
    """0: a gap; 1: one product; 2: two or three; 4: four or more, likely duplication."""
    if live_products >= 4:
        return 4
    if live_products >= 2:
        return 2
    return live_products


def funding_level(amount: Decimal, most: Decimal) -> int:
    """0: no funding; 1 to 4: by quarters of the best-funded leaf capability's amount."""
    if amount <= 0 or most <= 0:
        return 0
    return min(4, max(1, math.ceil(amount / most * 4)))


SeverityRows = list[tuple[str, dict[str, int]]]  # (rule or team id, severity -> count)


@dataclass(frozen=True)
class Health:
    """Health findings by rule and by team, and the products by scorecard level."""

    counts: dict[str, int]  # scored products per level, highest first, then no level
    by_level: dict[str | None, list[str]]
    by_rule: SeverityRows  # every health rule, sorted
    by_team: SeverityRows  # every team, sorted
    team_levels: dict[str, dict[str, int]]
    level_order: list[str]  # lowest level first, then no level
    health_count: int


def health_figures(cat: Catalogue) -> Health:
    p = cat.portfolio
    health = [f for f in cat.findings if RULES[f.rule].health]
    by_rule: dict[str, Counter[str]] = {r.id: Counter() for r in RULES.values() if r.health}
    by_team: dict[str, Counter[str]] = {tid: Counter() for tid in p.teams}
    for f in health:
        by_rule[f.rule][str(f.severity)] += 1
        team = team_of(cat, f.entity)
        if team in by_team:
            by_team[team][str(f.severity)] += 1
    card = p.settings.scorecard
    by_level: dict[str | None, list[str]] = defaultdict(list)
    team_levels: dict[str, Counter[str]] = defaultdict(Counter)
    for pid, product_score in cat.scores.items():
        by_level[product_score.level].append(pid)
        team_levels[p.products[pid].owner][product_score.level or NO_LEVEL] += 1
    return Health(
        counts=level_counts(card, cat.scores),
        by_level=by_level,
        by_rule=severity_rows(by_rule),
        by_team=severity_rows(by_team),
        team_levels={tid: dict(c) for tid, c in team_levels.items()},
        level_order=[*reversed(level_names(card)), NO_LEVEL],
        health_count=len(health),
    )


def team_of(cat: Catalogue, entity: str) -> str:
    """The team a finding counts towards: the team itself, or a product's owner."""
    kind, _, entity_id = entity.partition(":")
    if kind == "team":
        return entity_id
    product = cat.portfolio.products.get(entity_id) if kind == "product" else None
    return product.owner if product else ""


def severity_rows(counts: dict[str, Counter[str]]) -> SeverityRows:
    """Each key, sorted, with its count of errors, warnings and infos."""
    return [(k, severity_counts(v)) for k, v in sorted(counts.items())]


def severity_counts(counts: Counter[str]) -> dict[str, int]:
    return {s: counts.get(s, 0) for s in ("error", "warning", "info")}
