"""The figures of the catalogue's overview pages (capability heat map, health, findings,
value at risk), computed from its context so that the pages only render them."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pac.catalogue.context import Catalogue, current_figures, name_order, team_of
from pac.figures.funding import PeriodFigures, is_live
from pac.figures.scorecard import level_counts, level_names
from pac.figures.value_at_risk import value_at_risk
from pac.findings import Finding
from pac.model import Capability
from pac.model.settings import NO_LEVEL
from pac.money import ZERO
from pac.rules import RULES

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
    key = name_order(cat.portfolio, "capability")
    roots = sorted(
        (
            (cid, c)
            for cid, c in capabilities.items()
            if c.parent is None or c.parent not in capabilities
        ),
        key=lambda item: key(item[0]),
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
    product_key = name_order(p, "product")
    for pids in by_level.values():
        pids.sort(key=product_key)
        team_levels[p.products[pid].owner][product_score.level or NO_LEVEL] += 1
    return Health(
        counts=level_counts(card, cat.scores),
        by_level=by_level,
        by_rule=severity_rows(by_rule, str),
        by_team=severity_rows(by_team, name_order(p, "team")),
        team_levels={tid: dict(c) for tid, c in team_levels.items()},
        level_order=[*reversed(level_names(card)), NO_LEVEL],
        health_count=len(health),
    )


def severity_rows(counts: dict[str, Counter[str]], key: Callable[[str], Any]) -> SeverityRows:
    """Each key, in the order `key` gives, with its count of errors, warnings and infos."""
    return [(k, severity_counts(counts[k])) for k in sorted(counts, key=key)]


def severity_counts(counts: Counter[str]) -> dict[str, int]:
    return {s: counts.get(s, 0) for s in ("error", "warning", "info")}


@dataclass(frozen=True)
class FindingCounts:
    """The findings page: every finding by rule, and counts by product and by team (a
    product's findings count towards its owner team too)."""

    severities: dict[str, int]
    by_rule: list[tuple[str, list[Finding]]]
    by_product: SeverityRows
    by_team: SeverityRows


def finding_counts(cat: Catalogue) -> FindingCounts:
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    by_product: dict[str, Counter[str]] = defaultdict(Counter)
    by_team: dict[str, Counter[str]] = defaultdict(Counter)
    for f in cat.findings:
        by_rule[f.rule].append(f)
        kind, _, entity_id = f.entity.partition(":")
        if kind == "product":
            by_product[entity_id][str(f.severity)] += 1
        team = team_of(cat, f.entity)
        if team:
            by_team[team][str(f.severity)] += 1
    return FindingCounts(
        severities=severities(cat),
        by_rule=sorted(by_rule.items()),
        by_product=severity_rows(by_product, name_order(cat.portfolio, "product")),
        by_team=severity_rows(by_team, name_order(cat.portfolio, "team")),
    )


def severities(cat: Catalogue) -> dict[str, int]:
    """Every finding, counted by severity."""
    return severity_counts(Counter(str(f.severity) for f in cat.findings))


RISK_LISTED = 20  # products at risk listed on a page; the rest are counted


@dataclass(frozen=True)
class RiskFigures:
    """The value at risk of one period, for the home and funding pages."""

    period: str
    total: Decimal
    percent: Decimal | None  # of the period's allocated funding; None when nothing is
    by_reason: list[tuple[str, Decimal, bool]]  # rule, funding, the findings page has it
    products: list[tuple[str, Decimal, tuple[str, ...]]]  # the largest: id, funding, reasons
    count: int  # products at risk
    more: int  # of them, those not listed
    more_total: Decimal  # their funding


def risk_figures(cat: Catalogue, figures: PeriodFigures) -> RiskFigures:
    """The period's funding on products with a value-leakage finding: each product once in
    the total and under each of its reasons; the reasons with funding, in a fixed order."""
    risk = value_at_risk(cat.portfolio, cat.findings, figures.period)
    allocated = figures.allocated.total
    anchored = {f.rule for f in cat.findings}  # the findings page has a section for each
    at_risk = [
        (pid, figures.by_product[pid].total, reasons) for pid, reasons in risk.products.items()
    ]
    rest = at_risk[RISK_LISTED:]
    return RiskFigures(
        period=figures.period,
        total=risk.total,
        percent=risk.total / allocated * 100 if allocated else None,
        by_reason=[
            (rule, amount, rule in anchored) for rule, amount in risk.by_reason.items() if amount
        ],
        products=at_risk[:RISK_LISTED],
        count=len(at_risk),
        more=len(rest),
        more_total=sum((amount for _pid, amount, _reasons in rest), ZERO),
    )
