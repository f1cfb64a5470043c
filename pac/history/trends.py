"""`pac trends`: the portfolio at each period boundary, its flow and its promises kept,
from one walk of the first-parent history (the one the change log reads)."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from pac.changes.walk import Entry, Recorder, State, walk_history
from pac.git import Commit, Repository
from pac.history.flow import FlowRecorder
from pac.history.model import Snapshot, Trends
from pac.history.periods import period_label, periods
from pac.history.promises import PromiseRecorder
from pac.history.snapshot import snapshot
from pac.history.state import check_state
from pac.load.parse import ModelMemo


@dataclass
class SnapshotRecorder:
    """Takes the portfolio as it stood at the end of each period: the state before the
    first commit after the period's last day."""

    repo: Repository
    prefix: str
    every: str
    start: datetime.date | None
    end: datetime.date
    rev: str = "HEAD"
    snapshots: list[Snapshot] = field(default_factory=list)
    unread: dict[str, str] = field(default_factory=dict)  # path -> why it cannot be read now
    _periods: list[tuple[str, datetime.date]] | None = None
    _commit: str | None = None
    _memo: ModelMemo = field(default_factory=ModelMemo)

    _paths: tuple[str, ...] = ()

    def before(self, commit: Commit, state: State) -> None:
        self._paths = tuple(c.path for c in commit.changes)
        if self._periods is None:  # the first commit: the history starts here
            self.start = min(self.start or commit.date.date(), self.end)
            self._periods = list(periods(self.start, self.end, self.every))
        day = commit.date.date()
        while self._periods and day > self._periods[0][1]:
            self._take(*self._periods.pop(0), state)

    def after(self, entry: Entry, state: State) -> None:
        self._commit = entry.commit
        unread = {note.path: note.why for note in entry.notes}
        for path in self._paths:
            if path in unread:
                self.unread[path] = unread[path]
            else:
                self.unread.pop(path, None)

    def finish(self, state: State) -> None:
        for label, day in self._periods or []:
            self._take(label, day, state)
        self._periods = []

    def _take(self, label: str, day: datetime.date, state: State) -> None:
        commit = self._commit
        if commit is None:
            return  # before the portfolio's first commit there is nothing to count
        # the repository's other files (CODEOWNERS) as they were that day, whether or not the
        # commit that changed them touched the portfolio
        on_the_day = functools.cache(lambda: self.repo.commit_on(day, self.rev) or commit)
        portfolio, findings = check_state(
            state,
            prefix=self.prefix,
            today=day,
            memo=self._memo,
            read_repository=lambda path: self.repo.read_file(on_the_day(), path),
            unread=self.unread,
        )
        self.snapshots.append(snapshot(label, day, commit, portfolio, findings))


@dataclass
class TrendsRecorder:
    """Every recorder `pac trends` needs, told of each step in turn."""

    snapshots: SnapshotRecorder
    days: dict[str, datetime.datetime]  # commit -> when it counts as made (see settled_days)
    flow: FlowRecorder = field(default_factory=FlowRecorder)
    promises: PromiseRecorder = field(default_factory=PromiseRecorder)
    _state: State = field(default_factory=dict)
    _past_end: bool = False

    @property
    def parts(self) -> tuple[Recorder, ...]:
        return (self.snapshots, self.flow, self.promises)

    def before(self, commit: Commit, state: State) -> None:
        if self._past_end:
            return
        commit = replace(commit, date=self.days.get(commit.sha, commit.date))
        if commit.date.date() > self.snapshots.end:
            self.snapshots.before(commit, state)  # the periods up to the end, as they stood
            self._state = dict(state)  # what follows is after the end: not read
            self._past_end = True
            return
        for part in self.parts:
            part.before(commit, state)

    def after(self, entry: Entry, state: State) -> None:
        if self._past_end:
            return
        entry = replace(entry, date=self.days.get(entry.commit, entry.date))
        for part in self.parts:
            part.after(entry, state)
        self._state = state

    def trends(self, truncated: bool) -> Trends:
        """The figures, once the walk is over."""
        state, s = self._state, self.snapshots
        s.finish(state)
        self.promises.finish(state, s.end)
        start = s.start or (s.snapshots[0].date if s.snapshots else s.end)
        products = [pid for kind, pid, _ in state.values() if kind == "product"]
        quarters = (period_label(start, "quarter"), period_label(s.end, "quarter"))
        return Trends(
            every=s.every,
            start=start,
            end=s.end,
            currency=_currency(state),
            snapshots=s.snapshots,
            flow=self.flow.flow(products, start, s.end),
            promises=[q for q in self.promises.quarters if quarters[0] <= q.quarter <= quarters[1]],
            truncated=truncated,
        )


def build_trends(
    repo: Repository,
    prefix: str,
    *,
    end: datetime.date,
    start: datetime.date | None = None,
    every: str = "quarter",
    allow_shallow: bool = False,
    progress: Callable[[int], None] | None = None,
    rev: str = "HEAD",
    also: Sequence[Recorder] = (),
) -> Trends:
    """The trends of the portfolio under `prefix` from `start` (its first commit by
    default) to `end`; `also`: other recorders that read the same walk (the change log)."""
    snapshots = SnapshotRecorder(repo, prefix, every, start, end, rev)
    recorder = TrendsRecorder(snapshots, settled_days(repo.first_parent_dates(prefix, rev=rev)))
    truncated = walk_history(
        repo, prefix, [recorder, *also], allow_shallow=allow_shallow, progress=progress, rev=rev
    )
    return recorder.trends(truncated)


def settled_days(
    dates: Sequence[tuple[str, datetime.datetime]],
) -> dict[str, datetime.datetime]:
    """When each commit of the first-parent history (oldest first) counts as made: its date,
    or the date of a later commit when that is earlier (a clock that ran ahead), so that
    time never runs backwards along the branch and no duration is negative."""
    settled = {}
    earliest = datetime.datetime.max.replace(tzinfo=datetime.UTC)
    for sha, date in reversed(dates):
        earliest = min(earliest, date)
        settled[sha] = earliest
    return settled


def _currency(state: State) -> str:
    for kind, _id, data in state.values():
        if kind == "portfolio" and isinstance(data.get("currency"), str):
            return str(data["currency"])
    return "USD"
