"""`pac build`: validate, render pages, assemble the MkDocs project, build, swap the output."""

from __future__ import annotations

import datetime
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from pac.catalogue.context import build_catalogue
from pac.catalogue.mkdocs import build_site
from pac.catalogue.pages import Progress, render_pages
from pac.catalogue.project import mkdocs_config, read_site_config, site_folder, write_project
from pac.changes.changelog import Changelog
from pac.errors import PacError
from pac.findings import Result
from pac.history.model import Trends
from pac.load.files import Reader, SourceFile
from pac.output import (
    cannot_write,
    check_folder,
    check_replaceable,
    replace_folder,
    work_folder,
)
from pac.validate import validate

PROJECT = "give --project a path you can write to"


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
    trends: Trends | None = None,
) -> tuple[int, list[str]]:
    """Write the complete MkDocs project for a validated portfolio; (pages, hidden pages)."""
    catalogue = build_catalogue(
        validation.portfolio,
        validation.findings,
        today=today,
        prefix=prefix,
        changelog=changelog,
        trends=trends,
    )
    site = site_folder(site)
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
    read: Reader = lambda _path: None,
    read_repository: Reader = lambda _path: None,
    progress: Progress | None = None,
    project: Path | None = None,
    changelog: Changelog | None = None,
    trends: Trends | None = None,
    root: Path | None = None,
) -> Built:
    """Build the catalogue into `out`, replacing it only when the whole build succeeds; no
    folder between the repository (`root`) and `out` or `project` may be a link."""
    validation = validate(
        files, today=today, prefix=prefix, read=read, read_repository=read_repository
    )
    if validation.fails():
        return Built(validation)
    out = check_folder(out, root=root)
    check_replaceable(out)
    if project is not None:
        project = check_folder(project, fix=PROJECT, root=root)
        check_replaceable(project)
    try:
        with work_folder(out) as tmp:
            work = tmp / "project"
            count, hidden = generate_project(
                validation,
                work,
                site=site,
                today=today,
                prefix=prefix,
                progress=progress,
                changelog=changelog,
                trends=trends,
            )
            if project is not None:
                _keep_project(work, project)
            warnings = build_site(work, source_date_epoch=source_date_epoch)
            replace_folder(work / "site", out, work=tmp)
    except OSError as e:  # a full disk, a folder made read-only meanwhile
        raise cannot_write(out, e) from e
    return Built(validation, out, count, warnings, hidden)


def _keep_project(work: Path, project: Path) -> None:
    """A copy of the generated MkDocs project (without the site) in `project`."""
    with work_folder(project, fix=PROJECT) as tmp:
        copy = tmp / "project"
        shutil.copytree(work, copy, ignore=shutil.ignore_patterns("site"))
        replace_folder(copy, project, work=tmp)


def build_date(
    folder: Path, commit_time: int | None, *, source_date_epoch: str | None
) -> tuple[int, datetime.date]:
    """The build's timestamp: SOURCE_DATE_EPOCH, else the commit built, else the checked-out
    commit, else now."""
    if source_date_epoch is not None:
        try:
            epoch = int(source_date_epoch)
        except ValueError:
            raise PacError(
                f"SOURCE_DATE_EPOCH={source_date_epoch!r} is not a number of seconds"
            ) from None
    elif commit_time is not None:
        epoch = commit_time
    else:
        from pac.git import head_commit_time  # only here: a build from git objects has its time

        commit = head_commit_time(folder)
        epoch = commit if commit is not None else int(datetime.datetime.now().timestamp())
    return epoch, datetime.datetime.fromtimestamp(epoch, datetime.UTC).date()
