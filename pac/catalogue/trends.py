"""The Trends page's figures from the portfolio's history (a `Trends` of pac.history): its
charts drawn, its tables in order; and a product's stages as its page shows them."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from markupsafe import Markup

from pac.catalogue.charts import Series, area_chart, line_chart
from pac.catalogue.context import Catalogue, name_order
from pac.catalogue.scales import counts, money, percent
from pac.history.model import Durations, FundingPoint, Kept, QuarterPromises, Snapshot, Trends
from pac.model.settings import NO_LEVEL

# the stages' colours echo their badges'; an error is red, a warning amber, an info grey
STAGE_COLOURS = {"ideation": 1, "discovery": 4, "build": 6, "live": 3, "sunset": 2, "retired": 7}
SEVERITY_COLOURS = {"error": 8, "warning": 6, "info": 7}
SEVERITIES = ("error", "warning", "info")
TOP_RULES = 10
OUTCOME_LABELS = {
    "done": "Done",
    "carried": "Carried",
    "dropped": "Dropped",
    "removed": "Removed silently",
    "open": "Open",
}


@dataclass(frozen=True)
class RuleChange:
    """A rule's findings at the first and at the latest point of the series."""

    rule: str
    first: int
    latest: int


@dataclass(frozen=True)
class RiskReason:
    """A reason products leak value: their funding and how many there are."""

    rule: str
    amount: Decimal
    products: int


@dataclass(frozen=True)
class TrendsFigures:
    """The Trends page: None and nothing else without history."""

    trends: Trends | None
    charts: dict[str, Markup] = field(default_factory=dict)
    first: str = ""  # the first period of the series
    latest: str = ""  # the latest
    funded: bool = False  # a funding period was current at some point
    top_rules: list[RuleChange] = field(default_factory=list)
    risk_reasons: list[RiskReason] = field(default_factory=list)
    risk_period: str | None = None  # the funding period of the latest value at risk
    lead_by_team: list[tuple[str, Durations]] = field(default_factory=list)  # by team name
    lead_by_kind: list[tuple[str, Durations]] = field(default_factory=list)
    # each quarter, newest first, with its teams by name
    quarters: list[tuple[QuarterPromises, list[tuple[str, Kept]]]] = field(default_factory=list)


def trends_figures(cat: Catalogue) -> TrendsFigures:
    trends = cat.trends
    if trends is None:
        return TrendsFigures(None)
    snapshots = trends.snapshots
    team_key = name_order(cat.portfolio, "team")
    flow = trends.flow
    return TrendsFigures(
        trends=trends,
        charts=_charts(trends) if snapshots else {},
        first=snapshots[0].label if snapshots else "",
        latest=snapshots[-1].label if snapshots else "",
        funded=any(s.funding.period is not None for s in snapshots),
        top_rules=_top_rules(snapshots[0], snapshots[-1]) if snapshots else [],
        risk_reasons=_risk_reasons(snapshots[-1]) if snapshots else [],
        risk_period=snapshots[-1].value_at_risk.period if snapshots else None,
        lead_by_team=sorted(flow.lead_time_by_team.items(), key=lambda i: team_key(i[0])),
        lead_by_kind=sorted(flow.lead_time_by_kind.items()),
        quarters=[
            (q, sorted(q.teams.items(), key=lambda i: team_key(i[0])))
            for q in sorted(trends.promises, key=lambda q: q.quarter, reverse=True)
        ],
    )


def _charts(trends: Trends) -> dict[str, Markup]:
    """Each chart of the page, by its key in the template."""
    snapshots = trends.snapshots
    funding = [s.funding if s.funding.period is not None else None for s in snapshots]
    products, currency = counts("products"), money(trends.currency)
    area, line = area_chart, line_chart
    charts = {
        "stages": (area, "Products by stage", _stages(snapshots), products),
        "levels": (area, "Products by scorecard level", _levels(snapshots), products),
        "findings": (line, "Findings by severity", _severities(snapshots), counts("findings")),
        "funding": (area, "Funding by stage", _funding_by_stage(funding), currency),
        "split": (area, "Funding to run and to change", _run_change(funding), currency),
        "coverage": (
            line,
            "Capability coverage",
            _coverage(snapshots),
            percent("% of leaf capabilities"),
        ),
        "risk": (line, "Value at risk", _at_risk(snapshots), currency),
    }
    labels = [s.label for s in snapshots]
    return {
        key: draw(
            f"trends-{key}", title, labels, series, axis=axis, x_label=f"end of {trends.every}"
        )
        for key, (draw, title, series, axis) in charts.items()
    }


def _keys(mappings: Iterable[Mapping[str, object]]) -> list[str]:
    """Every key of the mappings, in the order first seen (stages in lifecycle order)."""
    return list(dict.fromkeys(key for mapping in mappings for key in mapping))


def _stages(snapshots: list[Snapshot]) -> list[Series]:
    return [
        Series(stage, [s.stages.get(stage, 0) for s in snapshots], STAGE_COLOURS.get(stage))
        for stage in _keys(s.stages for s in snapshots)
    ]


def _levels(snapshots: list[Snapshot]) -> list[Series]:
    """Each level, lowest first, then the products at none (grey)."""
    levels = _keys(s.levels for s in snapshots)
    levels = [*(lv for lv in levels if lv != NO_LEVEL), *(lv for lv in levels if lv == NO_LEVEL)]
    return [
        Series(
            "no level" if level == NO_LEVEL else level,
            [s.levels.get(level, 0) for s in snapshots],
            7 if level == NO_LEVEL else None,
        )
        for level in levels
    ]


def _severities(snapshots: list[Snapshot]) -> list[Series]:
    found = _keys(s.findings for s in snapshots)
    ordered = [*(s for s in SEVERITIES if s in found), *(s for s in found if s not in SEVERITIES)]
    return [
        Series(
            severity,
            [sum(s.findings.get(severity, {}).values()) for s in snapshots],
            SEVERITY_COLOURS.get(severity),
        )
        for severity in ordered
    ]


def _funding_by_stage(funding: list[FundingPoint | None]) -> list[Series]:
    return [
        Series(
            stage,
            [f.by_stage.get(stage, Decimal(0)) if f else None for f in funding],
            STAGE_COLOURS.get(stage),
        )
        for stage in _keys(f.by_stage for f in funding if f)
    ]


def _run_change(funding: list[FundingPoint | None]) -> list[Series]:
    return [
        Series("run", [f.run if f else None for f in funding], 1),
        Series("change", [f.change if f else None for f in funding], 3),
    ]


def _coverage(snapshots: list[Snapshot]) -> list[Series]:
    return [Series("leaf capabilities served", [_share(*s.coverage) for s in snapshots])]


def _share(part: int, whole: int) -> Decimal | None:
    """`part` of `whole` in per cent, to one decimal; None of nothing."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _at_risk(snapshots: list[Snapshot]) -> list[Series]:
    return [
        Series(
            "funding at risk",
            [
                s.value_at_risk.total if s.value_at_risk.period is not None else None
                for s in snapshots
            ],
        )
    ]


def _top_rules(first: Snapshot, latest: Snapshot) -> list[RuleChange]:
    """The rules with the most findings at the latest point, with their count at the first."""
    before, now = _by_rule(first), _by_rule(latest)
    rules = sorted(set(before) | set(now), key=lambda r: (-now.get(r, 0), -before.get(r, 0), r))
    return [RuleChange(r, before.get(r, 0), now.get(r, 0)) for r in rules[:TOP_RULES]]


def _by_rule(snapshot: Snapshot) -> dict[str, int]:
    counted: dict[str, int] = {}
    for rules in snapshot.findings.values():
        for rule, n in rules.items():
            counted[rule] = counted.get(rule, 0) + n
    return {rule: n for rule, n in counted.items() if n}


def _risk_reasons(latest: Snapshot) -> list[RiskReason]:
    risk = latest.value_at_risk
    products = {
        rule: sum(1 for reasons in risk.products.values() if rule in reasons)
        for rule in risk.by_reason
    }
    return sorted(
        (RiskReason(rule, amount, products[rule]) for rule, amount in risk.by_reason.items()),
        key=lambda r: (-r.amount, r.rule),
    )


def days(value: float | None) -> str:
    """A duration in whole days: `12 days`, `1 day`; `—` without one."""
    if value is None:
        return "—"
    whole = int(Decimal(value).quantize(Decimal(1), ROUND_HALF_UP))
    return f"{whole:,} day" if whole == 1 else f"{whole:,} days"


def say_do(ratio: Decimal | None) -> str:
    """A say/do ratio as a whole percentage: `75%`; `—` when nothing was promised."""
    if ratio is None:
        return "—"
    return f"{(ratio * 100).quantize(Decimal(1), ROUND_HALF_UP)}%"


@dataclass(frozen=True)
class Stay:
    """A product's stay in a stage: when it began, how it is known, and how many days it
    lasted (until today, for the stage it is in)."""

    stage: str
    entered: datetime.date
    source: str  # history | since | added
    days: int
    current: bool


def stage_stays(cat: Catalogue, product: str) -> list[Stay]:
    """The product's stages from the history, in order; none without history."""
    timeline = cat.trends.flow.timelines.get(product) if cat.trends else None
    if timeline is None:
        return []
    visits = timeline.visits
    ends = [v.entered for v in visits[1:]] + [cat.today]
    return [
        Stay(v.stage, v.entered, v.source, max(0, (end - v.entered).days), i == len(visits) - 1)
        for i, (v, end) in enumerate(zip(visits, ends, strict=True))
    ]
