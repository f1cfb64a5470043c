"""The only module that calls MkDocs."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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


def build_site(project: Path, *, source_date_epoch: int) -> list[str]:
    """Build `project`/mkdocs.yml into `project`/site; return MkDocs' warnings."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        with _environment(source_date_epoch):
            config = load_config(str(project / "mkdocs.yml"))
            build(config)
    except MkDocsException as e:
        raise PacError(f"MkDocs could not build the site: {e}") from e
    finally:
        logger.removeHandler(collect)
    return collect.messages
