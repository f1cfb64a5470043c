"""`pac build`: validate, render pages, assemble the MkDocs project, build, swap the output."""

from __future__ import annotations

import datetime
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pac.catalogue.context import build_catalogue
from pac.catalogue.mkdocs import build_site
from pac.catalogue.pages import Progress, render_pages
from pac.catalogue.project import mkdocs_config, read_site_config, write_project
from pac.errors import PacError
from pac.history import Changelog
from pac.source import SourceFile
from pac.validate import Result, validate


@dataclass(frozen=True)
class Built:
    """What a build did; `site` is None when validation stopped it."""

    validation: Result
    site: Path | None = None
    pages: int = 0
    warnings: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)


def generate_project(
    validation: Result,
    project: Path,
    *,
    site: Path | None,
    today: datetime.date,
    prefix: str,
    progress: Progress | None = None,
    changelog: Changelog | None = None,
) -> tuple[int, list[str]]:
    """Write the complete MkDocs project for a validated portfolio; (pages, hidden pages)."""
    catalogue = build_catalogue(
        validation.portfolio,
        validation.findings,
        today=today,
        prefix=prefix,
        changelog=changelog,
    )
    config = mkdocs_config(read_site_config(site), validation.portfolio.settings)
    pages = [(page.path, page.text) for page in render_pages(catalogue, progress=progress)]
    hidden = write_project(project, site=site, config=config, pages=pages)
    return len(pages), hidden


def build(
    files: list[SourceFile],
    *,
    out: Path,
    site: Path | None,
    today: datetime.date,
    source_date_epoch: int,
    prefix: str = "",
    read: Callable[[str], bytes | None] = lambda _path: None,
    read_repository: Callable[[str], bytes | None] = lambda _path: None,
    progress: Progress | None = None,
    project: Path | None = None,
    changelog: Changelog | None = None,
) -> Built:
    """Build the catalogue into `out`, replacing it only when the whole build succeeds."""
    validation = validate(
        files, today=today, prefix=prefix, read=read, read_repository=read_repository
    )
    if validation.fails():
        return Built(validation)
    out = out.resolve()
    for target in (out, project.resolve() if project else None):
        if target is not None:
            check_replaceable(target)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".pac-build-") as tmp:
        work = Path(tmp) / "project"
        count, hidden = generate_project(
            validation,
            work,
            site=site,
            today=today,
            prefix=prefix,
            progress=progress,
            changelog=changelog,
        )
        if project is not None:
            _replace(work, project.resolve(), copy=True)
        warnings = build_site(work, source_date_epoch=source_date_epoch)
        _replace(work / "site", out)
    return Built(validation, out, count, warnings, hidden)


MARKER = ".pac-output"  # marks a folder pac wrote, and so may replace


def check_replaceable(target: Path) -> None:
    """Refuse to replace a folder that pac did not write: it may hold someone's work."""
    if target.exists() and (
        not target.is_dir() or (any(target.iterdir()) and not (target / MARKER).is_file())
    ):
        raise PacError(
            f"{target} exists and pac did not build it: choose another folder or remove it yourself"
        )


def _replace(new: Path, target: Path, *, copy: bool = False) -> None:
    """Put `new` where `target` is, so that a reader never sees a half-written tree."""
    staging = target.with_name(f".{target.name}.new")
    old = target.with_name(f".{target.name}.old")
    for leftover in (staging, old):
        if leftover.exists():
            shutil.rmtree(leftover)
    if copy:
        shutil.copytree(new, staging, ignore=shutil.ignore_patterns("site"))
    else:
        new.rename(staging)
    if target.exists():
        target.rename(old)
    (staging / MARKER).write_text("written by pac build; replaced by the next build\n")
    staging.rename(target)
    if old.exists():
        shutil.rmtree(old)
