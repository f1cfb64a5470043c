"""The first-parent history of the portfolio folder, read once for every report on it.

One `git log --raw` lists what each commit changed; file contents come through one
persistent `git cat-file --batch`, and each blob is parsed once, however many commits
share it. Each step is diffed semantically (an `Entry`), and the portfolio's state after it
is handed to the recorders: the change log keeps the entries, trends sample the state.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pac import yaml
from pac.changes.entities import EntityChange, diff_portfolio
from pac.errors import PacError
from pac.git import Commit, Repository
from pac.load.files import MAX_FILE_BYTES, decode, too_large
from pac.load.layout import classify, is_read
from pac.memory import collector_paused
from pac.parallel import map_chunks

_PULL_REQUEST = (re.compile(r"^Merge pull request #(\d+)"), re.compile(r"\(#(\d+)\)\s*$"))
SHALLOW_HINT = (
    "this clone is shallow, so its history is cut short: fetch the whole history "
    "(actions/checkout with fetch-depth: 0, or git fetch --unshallow), or pass "
    "--allow-shallow to accept a truncated log"
)

State = Mapping[str, tuple[str, str, dict[str, Any]]]
"""The portfolio at one step: repository path -> (kind, id, data) of every readable file."""


@dataclass(frozen=True)
class Unread:
    """A portfolio file a commit brought that could not be read, and why."""

    path: str
    why: str


@dataclass(frozen=True)
class Entry:
    """One step of the history: a merged pull request, or a commit on a branch."""

    commit: str
    date: datetime.datetime
    author: str
    email: str
    title: str
    pull_request: int | None
    changes: tuple[EntityChange, ...]
    notes: tuple[Unread, ...] = ()


class Recorder(Protocol):
    """What reads the history: told of each commit before and after it is applied."""

    def before(self, commit: Commit, state: State) -> None: ...

    def after(self, entry: Entry, state: State) -> None: ...


def pull_request(message: str) -> int | None:
    """The pull request a merge or squash commit names, if any."""
    first = _title(message)
    for pattern in _PULL_REQUEST:
        match = pattern.search(first)
        if match:
            return int(match.group(1))
    return None


def _title(message: str) -> str:
    """The first line of a commit message: only a newline ends it (str.splitlines would
    also split at the record separators and other control characters)."""
    return message.partition("\n")[0]


def walk_history(
    repo: Repository,
    prefix: str,
    recorders: Sequence[Recorder],
    *,
    allow_shallow: bool = False,
    progress: Callable[[int], None] | None = None,
    rev: str = "HEAD",
) -> bool:
    """Walk the first-parent history of the portfolio under `prefix` once, oldest first,
    telling every recorder of every step; True when the history is cut short (shallow)."""
    truncated = repo.is_shallow()
    if truncated and not allow_shallow:
        raise PacError(SHALLOW_HINT)
    walker = _Walker(repo, prefix)
    done = 0
    with collector_paused():
        for window in _windows(repo.first_parent_log(prefix, rev=rev), WINDOW):
            walker.prefetch(window)
            for commit in window:
                for recorder in recorders:
                    recorder.before(commit, walker.current)
                entry = walker.step(commit)  # every step, so later diffs see what came before
                for recorder in recorders:
                    recorder.after(entry, walker.current)
                done += 1
                if progress:
                    progress(done)
    return truncated


WINDOW = 2000  # commits whose files are read from git (and parsed) in one batch


def _windows(commits: Iterator[Commit], size: int) -> Iterator[list[Commit]]:
    window: list[Commit] = []
    for commit in commits:
        window.append(commit)
        if len(window) == size:
            yield window
            window = []
    if window:
        yield window


class _Walker:
    """Keeps the last readable version of every file, so each step diffs only what moved."""

    def __init__(self, repo: Repository, prefix: str) -> None:
        self.repo = repo
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.current: dict[str, tuple[str, str, dict[str, Any]]] = {}  # path -> kind, id, data
        self.parsed: dict[str, tuple[str, str, dict[str, Any]] | str] = {}  # blob -> ... | error
        self.removed: dict[str, set[str]] = defaultdict(set)  # kind -> ids gone before now

    def prefetch(self, commits: list[Commit]) -> None:
        """Read every file these commits bring in one batch, and parse them (on every core
        when there are many) before walking them."""
        wanted: dict[str, tuple[str, str, str]] = {}  # key -> blob, kind, stem
        for commit in commits:
            for c in commit.changes:
                where = self._where(c.path)
                if c.new_blob and where and _key(c.new_blob, where) not in self.parsed:
                    wanted[_key(c.new_blob, where)] = (c.new_blob, *where)
        sizes = self.repo.object_sizes(sorted({blob for blob, _, _ in wanted.values()}))
        # a file over the limit is a note in the log, and is never read into memory
        large = {blob for blob, size in sizes.items() if size > MAX_FILE_BYTES}
        self.parsed.update(
            (key, too_large(sizes[blob])) for key, (blob, _, _) in wanted.items() if blob in large
        )
        contents = self.repo.read_blobs(sorted(set(sizes) - large))
        work = [
            (key, contents[blob], kind, stem)
            for key, (blob, kind, stem) in sorted(wanted.items())
            if blob in contents
        ]
        self.parsed.update(parse_entities(work))

    def _where(self, path: str) -> tuple[str, str] | None:
        """(kind, stem) of a repository path that pac reads as part of the portfolio."""
        relative = path[len(self.prefix) :]
        if not path.startswith(self.prefix) or not is_read(relative):
            return None
        return classify(relative)

    def step(self, commit: Commit) -> Entry:
        old: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        new: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        notes = []
        for change in commit.changes:
            where = self._where(change.path)
            if where is None:
                continue
            previous = self.current.get(change.path)
            if change.new_blob is None:
                self.current.pop(change.path, None)
            else:
                parsed = self._parse(change.new_blob, where)
                if isinstance(parsed, str):
                    notes.append(Unread(change.path, parsed))
                    continue
                self.current[change.path] = parsed
                new[parsed[0]][parsed[1]] = parsed[2]
            if previous is not None:
                old[previous[0]][previous[1]] = previous[2]
        changes = [self._across_commits(c, new) for c in diff_portfolio(old, new)]
        return Entry(
            commit.sha,
            commit.date,
            commit.author,
            commit.email,
            _title(commit.message),
            pull_request(commit.message),
            tuple(changes),
            tuple(notes),
        )

    def _across_commits(
        self, change: EntityChange, new: dict[str, dict[str, dict[str, Any]]]
    ) -> EntityChange:
        """A removal is remembered; an addition that names a removed id as previous is the
        second half of a rename made over several commits."""
        kind = change.kind
        if change.status == "removed":
            self.removed[kind].add(change.id)
        elif change.status == "added":
            previous = new[kind][change.id].get("previous_ids")
            earlier = [
                p
                for p in (previous if isinstance(previous, list) else [])
                if isinstance(p, str) and p in self.removed[kind]
            ]
            if earlier:
                return EntityChange(kind, change.id, "renamed", change.name, earlier[0])
        return change

    def _parse(self, blob: str, where: tuple[str, str]) -> tuple[str, str, dict[str, Any]] | str:
        # every file was read by prefetch(): one that was not is missing from the clone
        return self.parsed.get(_key(blob, where), "git does not have this version of it")


def _key(blob: str, where: tuple[str, str]) -> str:
    """A parse depends on the file's kind and name as well as its content."""
    return f"{blob} {where[0]} {where[1]}"


PARALLEL_FROM = 400  # files in a batch from which parsing on several cores pays off


def parse_entities(
    work: list[tuple[str, bytes, str, str]],
) -> list[tuple[str, tuple[str, str, dict[str, Any]] | str]]:
    """(key, parsed entity or error) for each (key, content, kind, stem), on every core
    when the batch is large."""
    return map_chunks(_parse_chunk, work, minimum=PARALLEL_FROM)


def _parse_chunk(
    work: Sequence[tuple[str, bytes, str, str]],
) -> list[tuple[str, tuple[str, str, dict[str, Any]] | str]]:
    return [(blob, _read_entity(content, kind, stem)) for blob, content, kind, stem in work]


def _read_entity(content: bytes, kind: str, stem: str) -> tuple[str, str, dict[str, Any]] | str:
    try:
        text = decode(content)
    except UnicodeDecodeError:
        return "it is not valid UTF-8"
    parsed = yaml.parse(text)
    if parsed.data is None or not isinstance(parsed.data, dict):
        problem = next((p for p in parsed.problems if p.rule == "yaml-syntax"), None)
        return (
            f"{problem.message} (line {problem.line})"
            if problem
            else "it is empty or not a mapping"
        )
    key = "period" if kind == "funding" else "id"
    declared = parsed.data.get(key)
    entity_id = declared if isinstance(declared, str) else stem
    if kind == "portfolio":
        entity_id = "portfolio"
    return kind, entity_id, parsed.data
