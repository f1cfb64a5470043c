"""A serve session from start to end: listen, build, then rebuild after each burst of saves
until stopped. A build that cannot run is told to the browsers and the next save tries
again; nothing a file holds stops the server."""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from pac.errors import PacError
from pac.render.shared import finding_dict
from pac.serve.server import Server
from pac.serve.session import Interrupted, Options, Session, Step
from pac.serve.state import State
from pac.serve.watch import Watcher

PORTFOLIO, SITE = "portfolio", "site"
MKDOCS_OUTPUT = frozenset({"site"})  # MkDocs' output in a site folder: not copied, not watched


def serve(
    options: Options,
    *,
    port: int,
    started: Callable[[str], None],
    report: Callable[[Step], None],
    stop: threading.Event | None = None,
) -> None:
    """Serve the catalogue until `stop` is set (or the process is interrupted): `started`
    hears the URL once the server listens, `report` each build."""
    stop = stop or threading.Event()
    state = State()
    server = Server(state, port)
    try:
        with tempfile.TemporaryDirectory(prefix="pac-serve-") as work:
            server.start()
            started(server.url)
            session = Session(options, Path(work))
            watcher = Watcher(_watched(options))
            _rebuild(session, state, report, [], site=False, interrupted=lambda: False)
            while not stop.is_set():
                changes = watcher.take(stop)
                if not changes:
                    continue
                _rebuild(
                    session,
                    state,
                    report,
                    changes.paths.get(PORTFOLIO, []),
                    site=bool(changes.paths.get(SITE)),
                    interrupted=_every_pause(watcher),
                )
    finally:
        server.stop()


def _watched(options: Options) -> dict[str, tuple[Path, frozenset[str]]]:
    folders = {PORTFOLIO: (options.portfolio, frozenset[str]())}
    if options.site is not None:
        folders[SITE] = (options.site, MKDOCS_OUTPUT)
    return folders


def _every_pause(watcher: Watcher) -> Interrupted:
    """Whether a file changed since the rebuild began, listing the folders at most once a
    pause (the listing takes time too)."""
    last = time.monotonic()

    def interrupted() -> bool:
        nonlocal last
        if time.monotonic() - last < watcher.pause:
            return False
        last = time.monotonic()
        return watcher.check()

    return interrupted


def _rebuild(
    session: Session,
    state: State,
    report: Callable[[Step], None],
    changed: list[str],
    *,
    site: bool,
    interrupted: Interrupted,
) -> None:
    steps = session.rebuild(changed=changed, site=site, interrupted=interrupted)
    while step := _next(steps, [*changed, *(["site/"] if site else [])]):
        _publish(state, step)
        report(step)


def _next(steps: Iterator[Step], shown: list[str]) -> Step | None:
    """The rebuild's next step; a step that says why when an error stops it."""
    try:
        return next(steps, None)
    except PacError as e:
        return Step(shown, problem=e.message)
    except Exception as e:  # MkDocs, a theme or a Markdown extension failing its own way
        return Step(shown, problem=f"the build failed: {type(e).__name__}: {e}")


def _publish(state: State, step: Step) -> None:
    if step.stopped:
        state.failed([finding_dict(f) for f in step.errors], step.problem)
    elif step.site is not None:
        state.built(step.site, step.pages)
