"""Promises kept: the themes each product's roadmap held for a quarter at the quarter's
first commit, and what had become of them by its last.

A theme is matched by its text within its product (followed across renames): marked `done`
or `dropped` (at any commit of the quarter, even if deleted later), planned again for a later
quarter (carried), deleted without ever being marked (removed), or none of these (open).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pac.changes.walk import Entry, State
from pac.figures.funding import next_quarter
from pac.git import Commit
from pac.history.model import OUTCOMES, Kept, Promise, QuarterPromises
from pac.history.periods import period_end, period_label

TERMINAL = ("done", "dropped")


@dataclass
class _Quarter:
    """The quarter being followed: what was promised, and the last status seen of each."""

    quarter: str
    promised: dict[tuple[str, str], str]  # (product, theme) -> team
    marked: dict[tuple[str, str], str] = field(default_factory=dict)  # -> done | dropped


@dataclass
class PromiseRecorder:
    """Opens a quarter at its first commit, follows its promises, closes it at its last."""

    quarters: list[QuarterPromises] = field(default_factory=list)
    _open: _Quarter | None = None
    _paths: tuple[str, ...] = ()

    def before(self, commit: Commit, state: State) -> None:
        quarter = period_label(commit.date.date(), "quarter")
        self._paths = tuple(c.path for c in commit.changes)
        if self._open is not None and quarter > self._open.quarter:
            skipped = next_quarter(self._open.quarter)
            self._close(state, over=True)
            while skipped < quarter:  # quarters without a commit: as they began, they ended
                self._open = _Quarter(skipped, _promised(state, skipped))
                self._close(state, over=True)
                skipped = next_quarter(skipped)

    def after(self, entry: Entry, state: State) -> None:
        if self._open is None:
            quarter = period_label(entry.date.date(), "quarter")
            self._open = _Quarter(quarter, _promised(state, quarter))
            return
        current = self._open
        for change in entry.changes:
            if change.kind == "product" and change.status == "renamed" and change.old_id:
                _rename(current, change.old_id, change.id)
        for path in self._paths:
            found = state.get(path)
            if found is None or found[0] != "product":
                continue
            for theme, quarter, status in _themes(found[2]):
                key = (found[1], theme)
                if key in current.promised and quarter == current.quarter and status in TERMINAL:
                    current.marked[key] = status

    def finish(self, state: State, end: datetime.date) -> None:
        """The history ends at `end`: the quarters from the one open then to the one of
        `end` close as they stand; each is over only if it ended by `end`."""
        if self._open is None:
            return  # no commit at all
        quarter = self._open.quarter
        self._close(state, over=_ended(quarter, end))
        while (quarter := next_quarter(quarter)) <= period_label(end, "quarter"):
            self._open = _Quarter(quarter, _promised(state, quarter))
            self._close(state, over=_ended(quarter, end))

    def _close(self, state: State, *, over: bool) -> None:
        current = self._open
        assert current is not None
        self._open = None
        products = {pid: data for kind, pid, data in state.values() if kind == "product"}
        promises = tuple(
            Promise(current.quarter, team, pid, theme, _outcome(current, pid, theme, products))
            for (pid, theme), team in sorted(current.promised.items())
        )
        self.quarters.append(tally(current.quarter, over, promises))


def tally(quarter: str, over: bool, promises: tuple[Promise, ...]) -> QuarterPromises:
    by_team: dict[str, Counter[str]] = {}
    for p in promises:
        by_team.setdefault(p.team, Counter())[p.outcome] += 1
    return QuarterPromises(
        quarter,
        over,
        {team: _kept(counts) for team, counts in sorted(by_team.items())},
        _kept(Counter(p.outcome for p in promises)),
        promises,
    )


def _kept(counts: Counter[str]) -> Kept:
    return Kept({outcome: counts.get(outcome, 0) for outcome in OUTCOMES})


def _outcome(current: _Quarter, pid: str, theme: str, products: dict[str, Any]) -> str:
    seen = {text: (quarter, status) for text, quarter, status in _themes(products.get(pid))}
    if theme in seen:
        quarter, status = seen[theme]
        if status in TERMINAL:
            return status
        if quarter > current.quarter:
            return "carried"
    return current.marked.get((pid, theme), "open" if theme in seen else "removed")


def _promised(state: State, quarter: str) -> dict[tuple[str, str], str]:
    """(product, theme) -> the product's team, for the themes planned for `quarter`."""
    out = {}
    for kind, pid, data in state.values():
        if kind != "product":
            continue
        team = str(data.get("owner") or "")
        for theme, planned, _status in _themes(data):
            if planned == quarter:
                out[(pid, theme)] = team
    return out


def _rename(current: _Quarter, old: str, new: str) -> None:
    for table in (current.promised, current.marked):
        for pid, theme in [k for k in table if k[0] == old]:
            table[(new, theme)] = table.pop((pid, theme))


def _themes(data: Any) -> Iterator[tuple[str, str, str]]:
    """(theme text, quarter, status) of every theme of a product's roadmap, as written: a
    plain string is planned; anything that is not a theme is skipped."""
    roadmap = data.get("roadmap") if isinstance(data, dict) else None
    for entry in roadmap if isinstance(roadmap, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("quarter"), str):
            continue
        themes = entry.get("themes")
        for theme in themes if isinstance(themes, list) else []:
            if isinstance(theme, str):
                yield theme, entry["quarter"], "planned"
            elif isinstance(theme, dict) and isinstance(theme.get("theme"), str):
                status = theme.get("status")
                yield (
                    theme["theme"],
                    entry["quarter"],
                    status if isinstance(status, str) else "planned",
                )


def _ended(quarter: str, end: datetime.date) -> bool:
    first = datetime.date(int(quarter[:4]), (int(quarter[-1]) - 1) * 3 + 1, 1)
    return period_end(first, "quarter") <= end
