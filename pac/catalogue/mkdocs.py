"""The only module that calls MkDocs."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pac.catalogue.compiled import Compiled
from pac.errors import PacError


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _environment(source_date_epoch: int) -> Iterator[None]:
    """MkDocs and Material read these from the environment; restore them afterwards."""
    wanted = {"SOURCE_DATE_EPOCH": str(source_date_epoch), "NO_MKDOCS_2_WARNING": "1"}
    saved = {key: os.environ.get(key) for key in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


class Interrupted(Exception):
    """A dirty build stopped between two pages because `interrupted` said so."""


class _Interrupt:
    """A plugin of pac serve's own, added to the configuration MkDocs loaded (never written
    into mkdocs.yml): it stops a build before the next page when asked to."""

    def __init__(self, interrupted: Callable[[], bool]) -> None:
        self.interrupted = interrupted

    def on_pre_page(self, page: Any, **_: Any) -> Any:
        if self.interrupted():
            raise Interrupted
        return page


def build_site(
    project: Path,
    *,
    source_date_epoch: int,
    dirty: bool = False,
    interrupted: Callable[[], bool] | None = None,
) -> list[str]:
    """Build `project`/mkdocs.yml into `project`/site; return MkDocs' warnings.

    `dirty` (pac serve) converts only the pages whose Markdown is newer than their HTML and
    leaves the rest of the site as it is; the search index it writes then holds only the
    pages it converted. When `interrupted` says so before a page, the build stops there
    (Interrupted), having written nothing: MkDocs converts every page before it writes
    one."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        with _environment(source_date_epoch):
            config = load_config(str(project / "mkdocs.yml"))
            if dirty:
                _compile_once(config)
            if interrupted is not None:
                plugins: Any = config.plugins
                plugins["pac/interrupt"] = _Interrupt(interrupted)
            build(config, dirty=dirty)
    except MkDocsException as e:
        raise PacError(f"MkDocs could not build the site: {e}") from e
    finally:
        logger.removeHandler(collect)
    return [m for m in collect.messages if not (dirty and m.startswith(_DIRTY_WARNING))]


_DIRTY_WARNING = "A 'dirty' build is being performed"  # what pac serve asked for
_THEME_CODE = Compiled()


def _compile_once(config: Any) -> None:
    """Keep the theme's compiled templates from one dirty build to the next: compiling
    Material's is a third of a small build. MkDocs makes a new environment each time it asks
    the theme for one (Material's search plugin asks too), so each gets the cache."""
    theme = config.theme
    make = theme.get_env

    def get_env() -> Any:
        env = make()
        env.bytecode_cache = _THEME_CODE
        return env

    theme.get_env = get_env
