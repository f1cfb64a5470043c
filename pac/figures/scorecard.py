"""Scorecards: each product's maturity level, from named checks chosen in portfolio.yaml.

A product reaches a level when it passes every check of that level and of every level
before it (the model Port, Cortex and OpsLevel share). Only products in the scorecard's
stages are scored; the others have no level, so that moving a product to sunset or
retiring it is not a fall in level.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from pac.figures.funding import (
    current_funding,
    has_roadmap,
    kpi_fresh,
    kpi_status,
    review_current,
    support_status,
)
from pac.findings import Finding
from pac.model import Product
from pac.model.portfolio import Portfolio
from pac.model.settings import CHECK_NAMES, NO_LEVEL, Policies, Scorecard, Settings


@dataclass(frozen=True)
class Facts:
    """What the checks look at, computed once for the whole portfolio."""

    portfolio: Portfolio
    today: datetime.date
    policies: Policies  # the thresholds checks apply (a diff judges both sides by one set)
    funding: dict[str, Decimal]  # product id -> total funding in the current period
    severities: dict[str, set[str]]  # product id -> the severities of its findings

    def team_skills(self, team_id: str) -> set[str]:
        team = self.portfolio.teams.get(team_id)
        return {s for m in team.members for s in m.skills} if team else set()


Test = Callable[[Facts, str, Product], bool]


@dataclass(frozen=True)
class Check:
    """A named condition on a product, with what passing means and how to get there."""

    name: str
    means: str
    fix: str
    test: Test


def _owner_has_members(facts: Facts, _pid: str, product: Product) -> bool:
    team = facts.portfolio.teams.get(product.owner)
    return team is not None and bool(team.members)


def _value_on_target(facts: Facts, pid: str, product: Product) -> bool:
    funding = facts.funding.get(pid, 0)
    value = product.value.annual_estimate if product.value else None
    target = facts.policies.value_ratio_target
    return funding > 0 and value is not None and value / funding >= target


def _team_has_skills(facts: Facts, _pid: str, product: Product) -> bool:
    required = facts.policies.required_skills
    return set(required) <= facts.team_skills(product.owner)


# Plain functions rather than made by a function at import, which mutation testing cannot
# reach: no finding about the product at this severity or a worse one.
def _no_errors(facts: Facts, pid: str, _product: Product) -> bool:
    return "error" not in facts.severities.get(pid, set())


def _no_warnings(facts: Facts, pid: str, _product: Product) -> bool:
    return not facts.severities.get(pid, set()) & {"error", "warning"}


CHECKS: dict[str, Check] = {
    c.name: c
    for c in (
        Check(
            "owner-has-members",
            "its owner team lists its members",
            "list the owner team's people under members in its file",
            _owner_has_members,
        ),
        Check(
            "has-product-manager",
            "a product manager is named",
            "name the product manager in product_manager",
            lambda _f, _i, p: bool(p.product_manager),
        ),
        Check(
            "has-summary",
            "it has a one-sentence summary",
            "write a summary: what it does for whom",
            lambda _f, _i, p: bool(p.summary),
        ),
        Check(
            "has-customers",
            "its customers are named",
            "list who it serves under customers",
            lambda _f, _i, p: bool(p.customers),
        ),
        Check(
            "has-stakeholders",
            "its stakeholders are named",
            "list the people to consult under stakeholders",
            lambda _f, _i, p: bool(p.stakeholders),
        ),
        Check(
            "serves-capability",
            "it serves a business capability",
            "list the capabilities it supports under capabilities",
            lambda _f, _i, p: bool(p.capabilities),
        ),
        Check(
            "serves-objective",
            "it serves a business objective",
            "list the objectives it works towards under objectives",
            lambda _f, _i, p: bool(p.objectives),
        ),
        Check(
            "stakeholder-review-current",
            "its stakeholders were asked within the policy's stakeholder_review_days",
            "hold a stakeholder review and record its date in last_stakeholder_review",
            lambda f, _i, p: review_current(p, f.today, f.policies.stakeholder_review_days),
        ),
        Check(
            "has-kpis",
            "it has a KPI",
            "add the measures of its outcome under kpis",
            lambda _f, _i, p: bool(p.kpis),
        ),
        Check(
            "kpis-have-targets",
            "it has KPIs, each with a target",
            "give every KPI a target",
            lambda _f, _i, p: bool(p.kpis) and all(k.target is not None for k in p.kpis),
        ),
        Check(
            "kpis-measured",
            "it has KPIs, each measured within 90 days",
            "measure every KPI and update its actual and as_of",
            lambda f, _i, p: bool(p.kpis) and all(kpi_fresh(k, f.today) for k in p.kpis),
        ),
        Check(
            "kpis-on-target",
            "it has KPIs, each meeting its target",
            "move the KPIs that miss their target, or revisit the targets",
            lambda _f, _i, p: bool(p.kpis) and all(kpi_status(k) == "met" for k in p.kpis),
        ),
        Check(
            "funded",
            "it has funding in the current period",
            "allocate it funding in the funding file of the current period (current_period in "
            "portfolio.yaml names it)",
            lambda f, i, _p: f.funding.get(i, 0) > 0,
        ),
        Check(
            "value-estimated",
            "its annual value is estimated",
            "estimate its value in value.annual_estimate, with its basis",
            lambda _f, _i, p: p.value is not None and p.value.annual_estimate is not None,
        ),
        Check(
            "value-on-target",
            "its value per unit of funding meets the policy's value_ratio_target",
            "check the value estimate, or whether the product earns its keep",
            _value_on_target,
        ),
        Check(
            "has-roadmap",
            "it has a roadmap theme for this quarter or the next",
            "add the themes the team works on next under roadmap",
            lambda f, _i, p: has_roadmap(p, f.today),
        ),
        Check(
            "has-disposition",
            "its TIME disposition is decided",
            "decide its disposition: tolerate, invest, migrate or eliminate",
            lambda _f, _i, p: p.disposition is not None,
        ),
        Check(
            "technology-listed",
            "the technology it runs on is listed",
            "list it under technology",
            lambda _f, _i, p: bool(p.technology),
        ),
        Check(
            "technology-supported",
            "none of its technology is past its end of support",
            "upgrade what is out of support",
            lambda f, _i, p: all(support_status(t, f.today) != "unsupported" for t in p.technology),
        ),
        Check(
            "team-has-required-skills",
            "its owner team has every skill the policy's required_skills names",
            "add the missing skills to the owner team",
            _team_has_skills,
        ),
        Check("no-errors", "pac reports no error about it", "fix its errors", _no_errors),
        Check(
            "no-warnings",
            "pac reports no error or warning about it",
            "fix its errors and warnings",
            _no_warnings,
        ),
    )
}
assert tuple(CHECKS) == CHECK_NAMES, "the format's check names and the checks must agree"


@dataclass(frozen=True)
class Score:
    """A product's level, and what it misses to reach the next one."""

    level: str | None  # the highest level reached; None when not even the first
    rank: int  # 0 without a level, 1 for the first level, and so on
    next_level: str | None  # the first level not reached; None at the top
    missing: tuple[str, ...]  # the checks of next_level that the product fails
    passed: frozenset[str] = frozenset()  # every check of the scorecard that it passes


def facts(
    portfolio: Portfolio, findings: Iterable[Finding], today: datetime.date, policies: Policies
) -> Facts:
    severities: dict[str, set[str]] = defaultdict(set)
    for f in findings:
        kind, _, entity_id = f.entity.partition(":")
        if kind == "product":
            severities[entity_id].add(str(f.severity))
    funding = current_funding(portfolio) or {}
    return Facts(portfolio, today, policies, funding, dict(severities))


def score_product(card: Scorecard, facts: Facts, pid: str, product: Product) -> Score:
    passed = frozenset(c for c in _check_names(card) if CHECKS[c].test(facts, pid, product))
    reached: str | None = None
    for rank, level in enumerate(card.levels):
        missing = tuple(c for c in level.checks if c not in passed)
        if missing:
            return Score(reached, rank, level.name, missing, passed)
        reached = level.name
    return Score(reached, len(card.levels), None, (), passed)


def _check_names(card: Scorecard) -> tuple[str, ...]:
    """Every check the scorecard uses, once each, lowest level first."""
    return tuple(dict.fromkeys(c for level in card.levels for c in level.checks))


def score(
    portfolio: Portfolio,
    findings: Iterable[Finding],
    today: datetime.date,
    judge: Settings | None = None,
) -> dict[str, Score]:
    """Product id -> its score, for the products in the scorecard's stages. The scorecard
    and the policies come from `judge`, by default the portfolio's own settings."""
    judge = judge or portfolio.settings
    card = judge.scorecard
    known = facts(portfolio, findings, today, judge.policies)
    stages = set(card.stages)
    return {
        pid: score_product(card, known, pid, product)
        for pid, product in sorted(portfolio.products.items())
        if product.lifecycle.stage in stages
    }


def level_names(card: Scorecard) -> list[str]:
    return [level.name for level in card.levels]


def level_counts(card: Scorecard, scores: dict[str, Score]) -> dict[str, int]:
    """Scored products per level, highest first, then those with no level."""
    counts = Counter(s.level for s in scores.values())
    out = {level.name: counts.get(level.name, 0) for level in reversed(card.levels)}
    out[NO_LEVEL] = counts.get(None, 0)
    return out
