"""The portfolio over time, as data: what `pac trends` reports and the Trends page draws.

Every figure here is read from the first-parent history of the portfolio folder: the
portfolio as it stood at each period boundary (`Snapshot`), the stage changes of each
product (`Flow`), and the roadmap themes at the start and the end of each quarter
(`QuarterPromises`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

OUTCOMES = ("done", "carried", "dropped", "removed", "open")
"""What became of a theme promised at a quarter's start, by the quarter's end:
done (marked done), carried (planned again for a later quarter), dropped (marked dropped),
removed (deleted without ever being marked done or dropped), open (still planned or in
progress when the quarter ended, or the quarter is not over)."""


@dataclass(frozen=True)
class FundingPoint:
    """The funding of the period that was current at a boundary (None: none was)."""

    period: str | None
    by_stage: dict[str, Decimal]  # lifecycle stage -> run + change, stages in order
    run: Decimal
    change: Decimal

    @property
    def total(self) -> Decimal:
        return self.run + self.change


@dataclass(frozen=True)
class ValueAtRisk:
    """Funding of the current period on products that carry a value-leakage finding; each
    product counts once in `total`, and once under each of its reasons."""

    period: str | None
    total: Decimal
    by_reason: dict[str, Decimal]  # rule id -> funding of the products it flags
    products: dict[str, tuple[str, ...]]  # product id -> its reasons (rule ids), sorted


@dataclass(frozen=True)
class Snapshot:
    """The portfolio as it stood at the end of one period of the series."""

    label: str  # the period: 2026-Q3 or 2026-07
    date: datetime.date  # its last day (or the series' end, for a period not over)
    commit: str | None  # the last commit on or before it; None before the first
    products: int
    stages: dict[str, int]  # every lifecycle stage, in lifecycle order
    levels: dict[str, int]  # each scorecard level, lowest first, then "none"
    findings: dict[str, dict[str, int]]  # severity -> rule id -> count
    funding: FundingPoint
    coverage: tuple[int, int]  # leaf capabilities served by a live product, of all leaves
    value_at_risk: ValueAtRisk


@dataclass(frozen=True)
class StageVisit:
    """A product entering a stage: from the commit that set it (`history`), or from its
    `since` date when it was already there before the history began (`since`), or from the
    commit that added it without a `since` (`added`)."""

    stage: str
    entered: datetime.date
    source: str  # history | since | added
    commit: str | None = None


@dataclass(frozen=True)
class Timeline:
    """One product's stages in the order it entered them."""

    product: str
    team: str
    kind: str
    visits: tuple[StageVisit, ...]


@dataclass(frozen=True)
class Durations:
    """Days, over `count` products or stays: the median and the 85th percentile."""

    count: int
    median: float | None
    p85: float | None


@dataclass(frozen=True)
class Flow:
    """How products move through their lifecycle, from the stage changes in history."""

    lead_time: Durations  # from the first stage before live to live
    lead_time_by_team: dict[str, Durations]
    lead_time_by_kind: dict[str, Durations]
    time_in_stage: dict[str, Durations]  # completed stays only, stages in order
    sunset_to_retired: Durations
    timelines: dict[str, Timeline]  # product id -> its timeline (products of the end state)


@dataclass(frozen=True)
class Promise:
    """A theme a product's team promised at a quarter's start, and what became of it."""

    quarter: str
    team: str
    product: str
    theme: str
    outcome: str  # one of OUTCOMES


@dataclass(frozen=True)
class Kept:
    """Promises counted by outcome; say/do is done over promised (None: none promised)."""

    counts: dict[str, int]  # every outcome of OUTCOMES, in that order

    @property
    def promised(self) -> int:
        return sum(self.counts.values())

    @property
    def say_do(self) -> Decimal | None:
        if not self.promised:
            return None
        return Decimal(self.counts["done"]) / Decimal(self.promised)


@dataclass(frozen=True)
class QuarterPromises:
    """One quarter's promises: per team (by name) and for the whole portfolio."""

    quarter: str
    over: bool  # the quarter ended within the history read
    teams: dict[str, Kept]
    portfolio: Kept
    promises: tuple[Promise, ...] = ()


@dataclass(frozen=True)
class Trends:
    """Everything `pac trends` reports."""

    every: str  # quarter | month
    start: datetime.date
    end: datetime.date
    currency: str
    snapshots: list[Snapshot]
    flow: Flow
    promises: list[QuarterPromises]
    truncated: bool = False  # a shallow clone: the history is cut short
