"""The change log: the semantic diff applied to every step of the first-parent history
(read once by walk.py)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from pac.changes.walk import (
    SHALLOW_HINT,
    Entry,
    State,
    Unread,
    pull_request,
    walk_history,
)
from pac.errors import PacError
from pac.git import Commit, Repository

__all__ = [
    "SHALLOW_HINT",
    "Changelog",
    "ChangelogRecorder",
    "Entry",
    "Unread",
    "aliases_of",
    "build_changelog",
    "entries_touching",
    "pull_request",
    "repository_with",
]


@dataclass(frozen=True)
class Changelog:
    entries: list[Entry]  # newest first
    truncated: bool = False

    def for_entity(self, ref: str) -> list[Entry]:
        """The entries that touch one entity, following it across renames."""
        return entries_touching(self.entries, ref.partition(":")[0], aliases_of(self, ref))


def entries_touching(entries: list[Entry], kind: str, ids: set[str]) -> list[Entry]:
    """The entries that change an entity of `kind` under one of `ids` (its id and earlier
    ones), each keeping only those changes."""
    out = []
    for entry in entries:
        touched = tuple(
            c for c in entry.changes if c.kind == kind and (c.id in ids or c.old_id in ids)
        )
        if touched:
            out.append(replace(entry, changes=touched))
    return out


def aliases_of(log: Changelog, ref: str) -> set[str]:
    """An entity's id and every id it had before, as the renames in the log tell."""
    kind, _, entity_id = ref.partition(":")
    aliases = {entity_id}
    for entry in log.entries:  # newest first: a rename is seen after what it renamed to
        for change in entry.changes:
            if change.kind == kind and change.id in aliases and change.old_id:
                aliases.add(change.old_id)
    return aliases


@dataclass
class ChangelogRecorder:
    """Keeps the entries of the days asked for that change something."""

    since: str | None = None
    until: str | None = None
    entries: list[Entry] = field(default_factory=list)

    def before(self, commit: Commit, state: State) -> None:
        pass

    def after(self, entry: Entry, state: State) -> None:
        first = datetime.date.fromisoformat(self.since) if self.since else datetime.date.min
        last = datetime.date.fromisoformat(self.until) if self.until else datetime.date.max
        if first <= entry.date.date() <= last and (entry.changes or entry.notes):
            self.entries.append(entry)

    def changelog(self, truncated: bool) -> Changelog:
        return Changelog(list(reversed(self.entries)), truncated)


def build_changelog(
    repo: Repository,
    prefix: str,
    *,
    allow_shallow: bool = False,
    since: str | None = None,
    until: str | None = None,
    progress: Callable[[int], None] | None = None,
    rev: str = "HEAD",
) -> Changelog:
    """Every change to the portfolio under `prefix`, newest first."""
    recorder = ChangelogRecorder(since, until)
    truncated = walk_history(
        repo, prefix, [recorder], allow_shallow=allow_shallow, progress=progress, rev=rev
    )
    return recorder.changelog(truncated)


def repository_with(root: Path, rev: str) -> Repository | None:
    """The git repository at `root` when it has `rev`; None outside git or before the first
    commit, where there is no history to tell."""
    try:
        repo = Repository(root)
        repo.resolve(rev)
    except PacError:
        return None
    return repo
