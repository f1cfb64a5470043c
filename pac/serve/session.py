"""The MkDocs project of a serve session, and rebuilding what a save changed.

The first build, and any change to the site folder or to the MkDocs configuration pac
derives (portfolio.yaml's name is the site's), writes a whole project into a folder of its
own and builds it as `pac build` does; the server moves to it once it is built. After that
a save is rebuilt in place, in two steps, each a dirty MkDocs build that converts only the
pages whose Markdown pac rewrote:

1. the pages of the entities whose files changed: what the person who saved looks at;
2. every other page whose text changed (the indexes, the pages that name the entity, the
   funding pages), found by rendering every page again and comparing it with what is on
   disk. It takes several seconds at 1,000 products, so a further save interrupts it: the
   next rebuild compares every page again, so nothing is missed.

A portfolio that does not validate, or a build that fails, leaves the last good site as it
was; the step says why.
"""

from __future__ import annotations

import datetime
import os
import shutil
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pac.catalogue.context import Catalogue, build_catalogue
from pac.catalogue.mkdocs import Interrupted as BuildInterrupted
from pac.catalogue.mkdocs import build_site
from pac.catalogue.pages import ENTITY_KINDS, render_entity_pages, render_pages
from pac.catalogue.project import mkdocs_config, read_site_config, site_folder, write_project
from pac.changes.changelog import Changelog
from pac.findings import Finding, Result, Severity
from pac.history.model import Trends
from pac.load.parse import ParseCache
from pac.load.version import PortfolioVersion, from_working_tree
from pac.serve.search import SearchIndex, merge, read_index, write_index

Interrupted = Callable[[], bool]


@dataclass(frozen=True)
class Options:
    """What a session builds, and how."""

    portfolio: Path
    site: Path | None  # the organisation's site folder; it may appear or go while serving
    today: datetime.date
    source_date_epoch: int
    changelog: Changelog | None = None
    trends: Trends | None = None


@dataclass(frozen=True)
class Step:
    """One build of the session, or why there was none."""

    changed: list[str]  # what was saved: repository paths, "site/" for the site folder
    site: Path | None = None  # the site built, None when nothing was built
    pages: list[str] | None = field(default_factory=list)  # site paths; None: every page
    seconds: float = 0.0
    findings: list[Finding] = field(default_factory=list)
    problem: str | None = None  # what stopped the build, other than findings
    warnings: list[str] = field(default_factory=list)  # MkDocs'
    rest: bool = False  # the second step of a rebuild: the pages that show the entities

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.ERROR]

    @property
    def stopped(self) -> bool:
        return bool(self.errors) or self.problem is not None


def site_path(page: str) -> str:
    """Where MkDocs writes a page of docs/ (pac's projects do not use directory URLs)."""
    return page.removesuffix(".md") + ".html"


class Session:
    """The project folder being served and what pac last wrote into it."""

    def __init__(self, options: Options, work: Path) -> None:
        self.options = options
        self.work = work  # a folder of the session's own, removed when it ends
        self.project: Path | None = None
        self.config: dict[str, Any] | None = None
        self.pages: dict[str, str] = {}  # docs path -> Markdown, of every generated page
        self.hidden: set[str] = set()  # generated pages a hand-written one replaces
        self.search: SearchIndex | None = None
        self.unbuilt: set[str] = set()  # pages changed or removed in docs/, not yet built
        self.contents: dict[str, bytes | None] = {}  # the portfolio's files at the last build
        self.cache = ParseCache()
        self.behind = True  # the site does not show the files as they are (yet)
        self.site_changed = False  # the site folder changed since the last whole build
        self._builds = 0

    def rebuild(
        self, *, changed: Collection[str] = (), site: bool = False, interrupted: Interrupted
    ) -> Iterator[Step]:
        """Rebuild after `changed` files of the portfolio (relative paths) and, `site`, of
        the site folder changed; the first call builds everything."""
        start = time.perf_counter()
        self.site_changed = self.site_changed or site  # until a build of the site succeeds
        files = from_working_tree(self.options.portfolio)
        saved = self._saved(files, changed)
        if not (saved or self.site_changed or self.behind):
            return  # saved as it was
        self.behind = True  # until the rebuild ends: an error may stop it anywhere
        shown = [*saved, *(["site/"] if self.site_changed else [])]
        result = files.check(self.options.today, cache=self.cache)
        if result.fails():
            yield Step(shown, seconds=time.perf_counter() - start, findings=result.findings)
            return
        cat = build_catalogue(
            result.portfolio,
            result.findings,
            today=self.options.today,
            prefix=files.prefix,
            changelog=self.options.changelog,
            trends=self.options.trends,
        )
        config = mkdocs_config(read_site_config(self._site()), result.portfolio.settings)
        contents = {f.path: f.content for f in files.files}
        if self.project is None or self.site_changed or config != self.config:
            step = self._whole(cat, config, shown, start)
            self.behind, self.site_changed, self.contents = False, False, contents
            yield step
        else:
            yield from self._parts(cat, result, shown, start, interrupted, contents)

    def _saved(self, files: PortfolioVersion, changed: Collection[str]) -> list[str]:
        """The changed paths (as the repository names them) whose bytes differ from the
        last build's, and any file pac reads beside the YAML (an extension schema)."""
        now = {f.path: f.content for f in files.files}
        return [
            files.prefix + path
            for path in sorted(changed)
            if path not in now
            or now[path] != self.contents.get(path)
            or not path.endswith((".yaml", ".yml"))
        ]

    def _site(self) -> Path | None:
        return site_folder(self.options.site)

    def _whole(
        self, cat: Catalogue, config: dict[str, Any], shown: list[str], start: float
    ) -> Step:
        """A new project folder, built whole; the previous one is kept until the next."""
        self._builds += 1
        project = self.work / f"build-{self._builds}"
        pages = [(page.path, page.text) for page in render_pages(cat)]
        hidden = write_project(project, site=self._site(), config=config, pages=pages)
        warnings = build_site(project, source_date_epoch=self.options.source_date_epoch)
        for old in self.work.glob("build-*"):
            if old not in (project, self.project):
                shutil.rmtree(old, ignore_errors=True)
        self.project, self.config, self.hidden = project, config, set(hidden)
        self.pages = {path: text for path, text in pages if path not in self.hidden}
        self.search = read_index(project / "site")
        self.unbuilt = set()
        seconds = time.perf_counter() - start
        return Step(shown, project / "site", None, seconds, cat.findings, warnings=warnings)

    def _parts(
        self,
        cat: Catalogue,
        result: Result,
        shown: list[str],
        start: float,
        interrupted: Interrupted,
        contents: dict[str, bytes | None],
    ) -> Iterator[Step]:
        """The saved entities' pages first, then every other page that changed."""
        files = set(shown)
        saved = [key for key, file in sorted(result.portfolio.files.items()) if file in files]
        own = [key for key in saved if key[0] in ENTITY_KINDS]
        texts = {page.path: page.text for page in render_entity_pages(cat, own)}
        first = self._step(shown, texts, start, cat.findings)
        self.contents = contents
        if own:
            yield first
            start = time.perf_counter()
        texts = {}
        for page in render_pages(cat):
            if interrupted():
                return
            texts[page.path] = page.text
        try:
            rest = self._step(shown, texts, start, cat.findings, every=interrupted, rest=bool(own))
        except BuildInterrupted:
            return  # the next rebuild compares every page again
        self.behind = False
        yield rest

    def _step(
        self,
        shown: list[str],
        texts: dict[str, str],
        start: float,
        findings: list[Finding],
        *,
        every: Interrupted | None = None,
        rest: bool = False,
    ) -> Step:
        """Write the pages whose text changed and build the project dirty. With `every`,
        `texts` holds every page (the others are removed) and the build stops when `every`
        says it is interrupted."""
        assert self.project is not None
        for path, text in texts.items():
            if path not in self.hidden and self.pages.get(path) != text:
                _write_newer(self._docs(path), text, than=self._html(path))
                self.pages[path] = text
                self.unbuilt.add(path)
        for path in [p for p in self.pages if p not in texts] if every else []:
            self._docs(path).unlink(missing_ok=True)
            self._html(path).unlink(missing_ok=True)
            del self.pages[path]
            self.unbuilt.add(path)
        pages, warnings = self._build(every) if self.unbuilt else ([], [])
        seconds = time.perf_counter() - start
        site = self.project / "site"
        return Step(shown, site, pages, seconds, findings, warnings=warnings, rest=rest)

    def _build(self, interrupted: Interrupted | None) -> tuple[list[str], list[str]]:
        """Build the pages not yet built; the site paths they are at, MkDocs' warnings."""
        assert self.project is not None
        try:
            warnings = build_site(
                self.project,
                source_date_epoch=self.options.source_date_epoch,
                dirty=True,
                interrupted=interrupted,
            )
        except BuildInterrupted:
            self._put_off()
            raise
        pages = sorted(site_path(path) for path in self.unbuilt)
        site = self.project / "site"
        part = read_index(site)
        if self.search is not None and part is not None:
            self.search = merge(self.search, part, pages=pages)
            write_index(site, self.search)
        self.unbuilt = set()
        return pages, warnings

    def _put_off(self) -> None:
        """After an interrupted build, leave its pages to the next rebuild's second step:
        their text is forgotten, so that it writes them again, and their Markdown is made
        no newer than their HTML, so that the first step does not convert them meanwhile
        (with text the next catalogue may change again). Removed pages stay to be taken
        out of the search index."""
        for path in [p for p in self.unbuilt if p in self.pages]:
            self.pages[path] = ""
            _make_older(self._docs(path), than=self._html(path))
        self.unbuilt = {p for p in self.unbuilt if p not in self.pages}

    def _docs(self, page: str) -> Path:
        assert self.project is not None
        return self.project / "docs" / page

    def _html(self, page: str) -> Path:
        assert self.project is not None
        return self.project / "site" / site_path(page)


def _write_newer(file: Path, text: str, *, than: Path) -> None:
    """Write a page so that MkDocs sees it as newer than its HTML, even when both fall in
    one tick of the file system's clock (MkDocs converts only a page newer than its HTML)."""
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    built = _mtime(than)
    if built is not None and file.stat().st_mtime_ns <= built:
        _set_mtime(file, built + TICK)


def _make_older(file: Path, *, than: Path) -> None:
    built = _mtime(than)
    if built is not None:
        _set_mtime(file, built - TICK)


TICK = 1_000_000  # nanoseconds: MkDocs compares float seconds, in which a millisecond shows


def _mtime(file: Path) -> int | None:
    try:
        return file.stat().st_mtime_ns
    except FileNotFoundError:
        return None


def _set_mtime(file: Path, ns: int) -> None:
    os.utime(file, ns=(ns, ns))
