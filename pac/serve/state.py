"""What the builds tell the browsers, shared between the build loop and the server's threads.

Each change a browser should hear of is a new version: a build (with the site paths of the
pages it changed, or every page) or a build that could not run (the findings or the problem
that stopped it). A browser asks with the version its page was served at and hears whether
its page changed since, and what stops the build now.
"""

from __future__ import annotations

import threading
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KEPT = 200  # versions whose changed pages are remembered; an older page just reloads


@dataclass(frozen=True)
class Status:
    """The answer to one browser: what it needs to reload or show."""

    version: int
    reload: bool
    findings: list[dict[str, Any]] = field(default_factory=list)
    problem: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "reload": self.reload,
            "findings": self.findings,
            "problem": self.problem,
        }


class State:
    """The site being served and what changed in it, version by version."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.version = 0
        self.site: Path | None = None  # None until the first build succeeds
        self._log: list[tuple[int, frozenset[str] | None]] = []  # None: every page
        self._findings: list[dict[str, Any]] = []
        self._problem: str | None = None
        self.closed = False

    def built(self, site: Path, pages: Collection[str] | None) -> None:
        """A build wrote `site`: `pages` (site paths) changed, or every page (None)."""
        with self._changed:
            news = pages is None or pages or site != self.site or self._findings or self._problem
            self.site = site
            self._findings, self._problem = [], None
            if news:
                self._bump(None if pages is None else frozenset(pages))

    def failed(self, findings: list[dict[str, Any]], problem: str | None = None) -> None:
        """A build could not run: the findings or the problem that stopped it."""
        with self._changed:
            if (findings, problem) != (self._findings, self._problem):
                self._findings, self._problem = findings, problem
                self._bump(frozenset())

    def _bump(self, pages: frozenset[str] | None) -> None:
        self.version += 1
        self._log = [*self._log[-(KEPT - 1) :], (self.version, pages)]
        self._changed.notify_all()

    def status(self, since: int, page: str, *, wait: float = 0) -> Status:
        """What a browser that shows `page` as of version `since` must do, waiting up to
        `wait` seconds for something new when it is up to date."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != since or self.closed, wait)
            return Status(self.version, self._reloads(since, page), self._findings, self._problem)

    def _reloads(self, since: int, page: str) -> bool:
        if since == self.version:
            return False
        if since > self.version or not self._log or since < self._log[0][0] - 1:
            return True  # a page from before a restart, or older than the log
        return any(
            pages is None or page in pages for version, pages in self._log if version > since
        )

    def close(self) -> None:
        """Answer every waiting browser now: the server stops."""
        with self._changed:
            self.closed = True
            self._changed.notify_all()
