"""A `Trends` made by hand for a portfolio's own ids, for the site tests: pac.history computes
the real one from git, but a browser test needs a Trends page with every figure on it (three
years of quarters, a gap in the funding, timelines, promises) whatever the repository's own
history holds. Every figure is worked out from the quarter's place and the portfolio."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from support import run

from pac.figures.scorecard import level_names
from pac.history.model import (
    Durations,
    Flow,
    FundingPoint,
    Kept,
    QuarterPromises,
    Snapshot,
    StageVisit,
    Timeline,
    Trends,
    ValueAtRisk,
)
from pac.model import STAGES
from pac.model.portfolio import Portfolio
from pac.model.settings import NO_LEVEL

QUARTERS = 12
FINDINGS = {"error": "unknown-reference", "warning": "kpi-stale", "info": "kpi-missing-target"}
REASONS = ("stale-stakeholder-review", "kpi-off-target")


def sample_trends(folder: Path, *, end: datetime.date) -> Trends:
    """Twelve quarters up to `end`'s, of the portfolio in `folder`."""
    portfolio = run(folder).portfolio
    labels = _quarters(end, QUARTERS)
    snapshots = [_snapshot(portfolio, label, i) for i, label in enumerate(labels)]
    return Trends(every="quarter", start=snapshots[0].date - datetime.timedelta(days=90),
                  end=end, currency=portfolio.settings.currency, snapshots=snapshots,
                  flow=_flow(portfolio, end), promises=_promises(portfolio, labels[-4:]))


@contextmanager
def trends_in_builds(trends: Trends) -> Iterator[None]:
    """`pac build` and `pac serve` show this Trends, as they will the one pac.history reads
    from git once pac/cli/build.py's _trends computes it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("pac.cli.build._trends", lambda _files, _ref: trends)
        yield


def _quarters(end: datetime.date, count: int) -> list[str]:
    index = end.year * 4 + (end.month - 1) // 3
    return [f"{q // 4}-Q{q % 4 + 1}" for q in range(index - count + 1, index + 1)]


def _quarter_end(label: str) -> datetime.date:
    year, quarter = int(label[:4]), int(label[-1])
    first_of_next = datetime.date(year + quarter // 4, quarter % 4 * 3 + 1, 1)
    return first_of_next - datetime.timedelta(days=1)


def _snapshot(portfolio: Portfolio, label: str, i: int) -> Snapshot:
    """The portfolio growing towards what it is now: fewer products early on, more ideas."""
    now = Counter(p.lifecycle.stage for p in portfolio.products.values())
    behind = QUARTERS - 1 - i
    stages = {s: max(0, now[s] - behind // (2 + k)) for k, s in enumerate(STAGES)}
    stages["ideation"] += behind // 3
    products = sum(stages.values())
    levels = [*level_names(portfolio.settings.scorecard), NO_LEVEL]
    level_counts = {name: products // len(levels) for name in levels}
    level_counts[NO_LEVEL] += products - sum(level_counts.values())
    funded = i >= 2  # no funding period before the third quarter: a gap
    period = portfolio.settings.current_period if funded else None
    run_, change = Decimal(400_000 + 25_000 * i), Decimal(150_000 + 40_000 * (i % 5))
    by_stage = {s: (run_ + change) * stages[s] / max(1, products) for s in STAGES if stages[s]}
    at_risk = {REASONS[0]: Decimal(60_000 * (behind % 4)), REASONS[1]: Decimal(45_000 * i)}
    ids = sorted(portfolio.products)
    return Snapshot(
        label=label, date=_quarter_end(label), commit=f"{i:040x}", products=products,
        stages=stages, levels=level_counts,
        findings={severity: {rule: (3 * i + 7 * n) % (5 + n)}
                  for n, (severity, rule) in enumerate(FINDINGS.items())},
        funding=FundingPoint(period, {s: v.quantize(Decimal(1)) for s, v in by_stage.items()}
                             if funded else {}, run_ if funded else Decimal(0),
                             change if funded else Decimal(0)),
        coverage=(min(20, 8 + i), 20),
        value_at_risk=ValueAtRisk(
            period, sum(at_risk.values(), Decimal(0)) if funded else Decimal(0),
            at_risk if funded else {},
            {ids[0]: REASONS, ids[1]: REASONS[1:]} if funded and len(ids) > 1 else {}))


def _flow(portfolio: Portfolio, end: datetime.date) -> Flow:
    teams = sorted(portfolio.teams)
    kinds = sorted({p.kind for p in portfolio.products.values()})
    return Flow(
        lead_time=Durations(len(portfolio.products), 182.0, 410.5),
        lead_time_by_team={t: Durations(1 + n % 4, 90.0 + 15 * n, 140.0 + 30 * n)
                           for n, t in enumerate([*teams, "team-disbanded"])},
        lead_time_by_kind={k: Durations(2 + n, 120.0 + 20 * n, 300.0) for n, k in
                           enumerate(kinds)},
        time_in_stage={s: Durations(5 + n, 40.0 * (n + 1), 95.0 * (n + 1)) if n < 4
                       else Durations(0, None, None) for n, s in enumerate(STAGES[:-1])},
        sunset_to_retired=Durations(2, 210.0, 365.0),
        timelines={pid: _timeline(pid, p.owner, p.kind, p.lifecycle.stage, end)
                   for pid, p in portfolio.products.items()})


def _timeline(pid: str, team: str, kind: str, stage: str, end: datetime.date) -> Timeline:
    """Every stage up to the product's own, 70 days apart; the first from its `since`."""
    reached = STAGES[: STAGES.index(stage) + 1]
    start = end - datetime.timedelta(days=70 * len(reached) + len(pid))
    visits = tuple(
        StageVisit(s, start + datetime.timedelta(days=70 * n),
                   "since" if n == 0 else "history", None if n == 0 else f"{n:07x}")
        for n, s in enumerate(reached))
    return Timeline(pid, team, kind, visits)


def _promises(portfolio: Portfolio, quarters: list[str]) -> list[QuarterPromises]:
    out = []
    for q, quarter in enumerate(quarters):
        teams = {
            t: Kept({"done": (n + q) % 4, "carried": n % 2, "dropped": (n + q) % 3 // 2,
                     "removed": (n * q) % 2, "open": 0 if q < len(quarters) - 1 else 1})
            for n, t in enumerate(sorted(portfolio.teams))}
        total = {o: sum(k.counts[o] for k in teams.values()) for o in next(iter(teams.values()))
                 .counts} if teams else {}
        out.append(QuarterPromises(quarter, q < len(quarters) - 1, teams, Kept(total)))
    return out
