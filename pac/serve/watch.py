"""Noticing saved files: the folders are listed again and again, and a file whose kind,
size, modification time or inode (an editor's save by rename) differs has changed.

Polling needs no library and sees what pac reads the way pac reads it (pac/paths.py): links
are listed, never followed (the build reports them), and hidden files and folders, which
pac does not read, are left out, as are folders named `site` in the site folder (MkDocs'
own output, which pac does not copy into the site either). At a few thousand files a
listing takes about twenty milliseconds; the pause between listings grows with the time one
takes, so that watching never costs more than a tenth of a core.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

Snapshot = dict[str, tuple[int, int, int, int]]  # path -> (mode, size, mtime_ns, inode)

INTERVAL = 0.2  # seconds between listings, at least
QUIET = 0.1  # a burst of saves has ended when a listing this much later finds no more
LONGEST_BURST = 2.0  # seconds: a folder that never stops changing is built anyway
MAX_SHARE = 0.1  # of a core, at most, spent listing


def snapshot(folder: Path, *, skip: frozenset[str] = frozenset()) -> Snapshot:
    """What is in `folder` now, by relative path with '/' separators; `skip` names entries
    to leave out wherever they are (as a build leaves them out of the site). A missing
    folder is empty."""
    found: Snapshot = {}
    _list(os.fspath(folder), "", found, skip)
    return found


def _list(folder: str, prefix: str, found: Snapshot, skip: frozenset[str]) -> None:
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except OSError:
        return  # missing, or cannot be listed: nothing pac could read there either
    for entry in entries:
        if entry.name.startswith(".") or entry.name in skip:
            continue
        try:
            status = entry.stat(follow_symlinks=False)
            is_folder = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue  # removed while listing: the next listing tells
        if is_folder:
            _list(entry.path, f"{prefix}{entry.name}/", found, skip)
        else:
            found[prefix + entry.name] = (
                status.st_mode,
                status.st_size,
                status.st_mtime_ns,
                status.st_ino,
            )


def changed(before: Snapshot, after: Snapshot) -> list[str]:
    """The paths added, removed or changed between two snapshots, sorted."""
    return sorted(
        path for path in before.keys() | after.keys() if before.get(path) != after.get(path)
    )


@dataclass(frozen=True)
class Changes:
    """What changed in the watched folders: relative paths, by the folder's name."""

    paths: dict[str, list[str]]

    def __bool__(self) -> bool:
        return any(self.paths.values())


class Watcher:
    """The watched folders, by name, what they held at the last listing, and the changes
    not yet taken."""

    def __init__(self, folders: dict[str, tuple[Path, frozenset[str]]]) -> None:
        self.folders = folders  # name -> (folder, entries of it to skip)
        self.pause = INTERVAL
        self._seen = self._list()
        self._pending: dict[str, set[str]] = {}

    def _list(self) -> dict[str, Snapshot]:
        start = time.perf_counter()
        seen = {name: snapshot(path, skip=skip) for name, (path, skip) in self.folders.items()}
        self.pause = max(INTERVAL, (time.perf_counter() - start) / MAX_SHARE)
        return seen

    def check(self) -> bool:
        """List the folders now; whether anything changed since the changes were taken."""
        seen = self._list()
        fresh = False
        for name, now in seen.items():
            paths = changed(self._seen[name], now)
            if paths:
                self._pending.setdefault(name, set()).update(paths)
                fresh = True
        self._seen = seen
        return fresh or bool(self._pending)

    def take(self, stop: threading.Event) -> Changes:
        """The changes not yet taken, once their burst has ended (waiting for the first one
        if there is none); nothing when `stop` is set first."""
        while not self._pending:
            if stop.wait(self.pause):
                return Changes({})
            self.check()
        deadline = time.monotonic() + LONGEST_BURST
        while time.monotonic() < deadline and not stop.wait(QUIET):
            before = self._seen
            self.check()
            if self._seen == before:  # a listing with no change: the burst has ended
                break
        taken = Changes({name: sorted(paths) for name, paths in self._pending.items()})
        self._pending = {}
        return taken
