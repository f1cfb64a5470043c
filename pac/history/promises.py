"""Promises kept: the themes each product's roadmap held for a quarter at the quarter's
first commit, and what had become of them by its last.

A theme is matched by its words (whatever their case and spacing, as `pac diff` matches
them) within its product, followed across renames. Promised are the themes the quarter held
as it began and after its first commit (a plan merged on the first day counts; a theme
deleted by it does too). By the quarter's end each is marked `done` or `dropped` in that
quarter (at any commit of the quarter, even if deleted later), planned again for a later
quarter (carried), deleted without ever being marked (removed), or none of these (open).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pac.changes.walk import Entry, State
from pac.figures.funding import next_quarter
from pac.figures.roadmap import theme_key
from pac.git import Commit
from pac.history.model import OUTCOMES, Kept, Promise, QuarterPromises
from pac.history.periods import period_end, period_label

TERMINAL = ("done", "dropped")
T = TypeVar("T")


@dataclass
class _Quarter:
    """The quarter being followed: what was promised, and the last status seen of each."""

    quarter: str
    promised: dict[tuple[str, str], tuple[str, str]]  # (product, key) -> (team, its text)
    marked: dict[tuple[str, str], str] = field(default_factory=dict)  # -> done | dropped


@dataclass
class PromiseRecorder:
    """Opens a quarter at its first commit, follows its promises, closes it at its last."""

    quarters: list[QuarterPromises] = field(default_factory=list)
    _open: _Quarter | None = None
    _opening: tuple[str, dict[tuple[str, str], tuple[str, str]]] | None = None
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
        if self._open is None:  # this commit is the quarter's first
            self._opening = (quarter, _promised(state, quarter))

    def after(self, entry: Entry, state: State) -> None:
        if self._opening is not None:
            quarter, before = self._opening
            self._open = _Quarter(quarter, {**before, **_promised(state, quarter)})
            self._opening = None
        current = self._open
        assert current is not None
        for change in entry.changes:
            if change.kind == "product" and change.status == "renamed" and change.old_id:
                _rename(current, change.old_id, change.id)
        for path in self._paths:
            found = state.get(path)
            if found is None or found[0] != "product":
                continue
            for text, quarter, status in _themes(found[2]):
                key = (found[1], theme_key(text))
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
            Promise(current.quarter, team, pid, text, _outcome(current, pid, key, products))
            for (pid, key), (team, text) in sorted(current.promised.items())
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


def _outcome(current: _Quarter, pid: str, key: str, products: dict[str, Any]) -> str:
    """What became of the theme `key` of product `pid` by the end of the quarter."""
    status, later = None, False
    for text, quarter, written in _themes(products.get(pid)):
        if theme_key(text) == key:
            if quarter == current.quarter:
                status = written
            later = later or quarter > current.quarter
    if status in TERMINAL:
        return str(status)
    if (pid, key) in current.marked:
        return current.marked[(pid, key)]
    if later:
        return "carried"
    return "open" if status is not None else "removed"


def _promised(state: State, quarter: str) -> dict[tuple[str, str], tuple[str, str]]:
    """(product, theme key) -> (the product's team, the theme's text), for the themes
    planned for `quarter`."""
    out = {}
    for kind, pid, data in state.values():
        if kind != "product":
            continue
        team = str(data.get("owner") or "")
        for text, planned, _status in _themes(data):
            if planned == quarter:
                out[(pid, theme_key(text))] = (team, text)
    return out


def _rename(current: _Quarter, old: str, new: str) -> None:
    current.promised = _renamed(current.promised, old, new)
    current.marked = _renamed(current.marked, old, new)


def _renamed(table: dict[tuple[str, str], T], old: str, new: str) -> dict[tuple[str, str], T]:
    """The table with the keys of product `old` under `new`."""
    return {(new if pid == old else pid, key): value for (pid, key), value in table.items()}


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
