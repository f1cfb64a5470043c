"""Flow: when each product entered each stage, read from the stage changes in history, and
the durations that follow from it (lead time, time in stage, sunset to retired)."""

from __future__ import annotations

import datetime
import itertools
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pac.changes.walk import Entry, State
from pac.git import Commit
from pac.history.model import Durations, Flow, StageVisit, Timeline
from pac.model import STAGES

BEFORE_LIVE = ("ideation", "discovery", "build")
T = TypeVar("T")


@dataclass
class FlowRecorder:
    """Follows every product's stage through the history (and its renames)."""

    visits: dict[str, list[StageVisit]] = field(default_factory=dict)
    owner: dict[str, str] = field(default_factory=dict)
    kind: dict[str, str] = field(default_factory=dict)
    _paths: tuple[str, ...] = ()

    def before(self, commit: Commit, state: State) -> None:
        self._paths = tuple(c.path for c in commit.changes)

    def after(self, entry: Entry, state: State) -> None:
        for change in entry.changes:
            if change.kind == "product" and change.status == "renamed" and change.old_id:
                _move(self.visits, change.old_id, change.id)
                _move(self.owner, change.old_id, change.id)
                _move(self.kind, change.old_id, change.id)
        for path in self._paths:
            found = state.get(path)
            if found is not None and found[0] == "product":
                self._see(found[1], found[2], entry)

    def _see(self, pid: str, data: dict[str, Any], entry: Entry) -> None:
        lifecycle = data.get("lifecycle")
        stage = lifecycle.get("stage") if isinstance(lifecycle, dict) else None
        if stage not in STAGES:
            return  # a product that does not validate has no stage to follow
        assert isinstance(lifecycle, dict)
        self.owner[pid] = str(data.get("owner") or "")
        self.kind[pid] = str(data.get("kind") or "")
        visits = self.visits.setdefault(pid, [])
        if visits and visits[-1].stage == stage:
            return
        day = entry.date.date()
        since = as_date(lifecycle.get("since"))
        if not visits and since is not None and since < day:
            visits.append(StageVisit(stage, since, "since"))  # older than its history
        else:
            visits.append(StageVisit(stage, day, "history" if visits else "added", entry.commit))

    def flow(self, products: Iterable[str], start: datetime.date, end: datetime.date) -> Flow:
        """The durations of the stays that ended between `start` and `end`; the timelines
        of `products` (the portfolio at the end)."""
        lead: dict[str, int] = {}
        stays: dict[str, list[int]] = defaultdict(list)
        retiring: list[int] = []
        for pid, visits in self.visits.items():
            days = _between(visits, BEFORE_LIVE, ("live",), start, end)
            if days is not None:
                lead[pid] = days
            for a, b in itertools.pairwise(visits):
                if start <= b.entered <= end:
                    stays[a.stage].append((b.entered - a.entered).days)
            sunset = _between(visits, ("sunset",), ("retired",), start, end)
            if sunset is not None:
                retiring.append(sunset)
        return Flow(
            lead_time=durations(lead.values()),
            lead_time_by_team=_grouped(lead, self.owner),
            lead_time_by_kind=_grouped(lead, self.kind),
            time_in_stage={s: durations(stays[s]) for s in STAGES if s in stays},
            sunset_to_retired=durations(retiring),
            timelines={
                pid: Timeline(pid, self.owner[pid], self.kind[pid], tuple(self.visits[pid]))
                for pid in sorted(products)
                if pid in self.visits
            },
        )


def _move(table: dict[str, T], old: str, new: str) -> None:
    """What the table holds for `old`, now under `new` (a product renamed)."""
    if old in table:
        table[new] = table.pop(old)


def _between(
    visits: list[StageVisit],
    first: tuple[str, ...],
    then: tuple[str, ...],
    start: datetime.date,
    end: datetime.date,
) -> int | None:
    """Days from the first visit to a stage of `first` to the next visit to one of `then`,
    when that happened between `start` and `end`."""
    began = next((v for v in visits if v.stage in first), None)
    if began is None:
        return None
    later = visits[visits.index(began) + 1 :]
    reached = next((v for v in later if v.stage in then), None)
    if reached is None or not start <= reached.entered <= end:
        return None
    return (reached.entered - began.entered).days


def _grouped(days: Mapping[str, int], group: Mapping[str, str]) -> dict[str, Durations]:
    by: dict[str, list[int]] = defaultdict(list)
    for pid, value in days.items():
        by[group.get(pid, "")].append(value)
    return {key: durations(values) for key, values in sorted(by.items())}


def durations(values: Iterable[int]) -> Durations:
    """The median and the 85th percentile (nearest rank) of some numbers of days."""
    ordered = sorted(values)
    if not ordered:
        return Durations(0, None, None)
    rank = math.ceil(0.85 * len(ordered)) - 1
    return Durations(len(ordered), float(statistics.median(ordered)), float(ordered[rank]))


def as_date(value: Any) -> datetime.date | None:
    """A date from YAML: a date, or text in ISO form; anything else is no date."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None
