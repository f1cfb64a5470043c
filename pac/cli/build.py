"""`pac build` and `pac serve`: the catalogue site, built once or kept built while you edit."""

from __future__ import annotations

import datetime
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pac.cli.common import colour, portfolio_argument, progress, source, today
from pac.errors import PacError
from pac.plural import plural
from pac.terminal import one_line

if TYPE_CHECKING:  # pac validate never imports git
    from pac.changes.changelog import Changelog
    from pac.history.model import Trends
    from pac.load.version import PortfolioVersion
    from pac.serve.session import Step

# the options pac build and pac serve share
_SITE = click.option(
    "--site",
    "site_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="The MkDocs project to customise the site with [default: site/ beside "
    "the portfolio, if there is one].",
)
_TODAY = click.option(
    "--today",
    "day",
    metavar="YYYY-MM-DD",
    help="The date rules compare with [default: the date of the build].",
)
_HISTORY = click.option(
    "--history/--no-history",
    default=True,
    show_default=True,
    help="Add the change log, the trends and each entity's history from git.",
)


@click.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default="build/site",
    show_default=True,
    help="Where the site goes; replaced only when the build succeeds.",
)
@_SITE
@click.option(
    "--project",
    type=click.Path(path_type=Path),
    default=None,
    help="Also keep the generated MkDocs project here (for Zensical or review).",
)
@_TODAY
@click.option(
    "--at",
    "ref",
    metavar="REF",
    help="Build the catalogue as of a git branch, tag or "
    "commit, read from git without checking it out.",
)
@_HISTORY
@portfolio_argument
def build(
    portfolio: Path,
    out: Path,
    site_dir: Path | None,
    project: Path | None,
    day: str | None,
    ref: str | None,
    history: bool,
) -> None:
    """Validate PORTFOLIO_DIR and build its catalogue site with MkDocs (Material).

    An error-level finding stops the build with the same report as 'pac validate'. The
    build is reproducible: dates come from SOURCE_DATE_EPOCH or the checked-out commit.
    """
    from pac.catalogue.build import build as run
    from pac.catalogue.project import site_project
    from pac.render.validate import render

    files = source(portfolio, ref)
    epoch, build_day = _date(files, site_dir)
    judged = today(day) if day else build_day
    log, trends = _history(files, ref, judged) if history else (None, None)
    entities = sum(1 for f in files.files if "/" in f.path)
    with site_project(site_dir, files.root, ref) as site, progress(entities) as advance:
        built = run(
            files.files,
            out=out,
            site=site,
            today=judged,
            source_date_epoch=epoch,
            prefix=files.prefix,
            read=files.read,
            read_repository=files.read_repository,
            progress=advance,
            project=project,
            changelog=log,
            trends=trends,
            root=files.root,
        )
    if built.site is None:
        click.echo(render(built.validation, "text", colour=colour("text")), nl=False)
        click.echo("The site was not built: fix the errors above first.", err=True)
        sys.exit(1)
    for path in built.hidden:
        click.echo(
            one_line(f"note: site/docs/{path} is hand-written, so pac did not generate it"),
            err=True,
        )
    for warning in built.warnings:
        click.echo(one_line(f"MkDocs: {warning}"), err=True)
    click.echo(one_line(f"Built {plural(built.pages, 'page')} into {built.site}."))


def _date(files: PortfolioVersion, site_dir: Path | None) -> tuple[int, datetime.date]:
    """The build's timestamp and date (see build_date), once --site is known to be a folder."""
    from pac.catalogue.build import build_date

    if site_dir is not None and not site_dir.is_dir():
        raise PacError(f"{site_dir} is not a directory: give the site's MkDocs project folder")
    return build_date(
        files.root, files.commit_time, source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH")
    )


def _history(
    files: PortfolioVersion, ref: str | None, day: datetime.date
) -> tuple[Changelog | None, Trends | None]:
    """The change log and the trends up to `day`, from one walk of the history, when the
    portfolio is in git; a shallow clone gives truncated ones, with a warning that names
    the fix."""
    from pac.changes.changelog import SHALLOW_HINT, ChangelogRecorder, repository_with
    from pac.history.trends import build_trends

    rev = ref or "HEAD"
    repo = repository_with(files.root, rev)
    if repo is None:
        return None, None
    if repo.is_shallow():
        click.echo(f"warning: {SHALLOW_HINT}", err=True)
    total = repo.count_commits(files.prefix, rev) if sys.stderr.isatty() else 0
    log = ChangelogRecorder()
    with progress(total, "Reading history") as advance:
        trends = build_trends(
            repo, files.prefix, end=day, allow_shallow=True, progress=advance, rev=rev, also=[log]
        )
    return log.changelog(trends.truncated), trends


@click.command()
@_SITE
@_TODAY
@_HISTORY
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="The port on 127.0.0.1 to serve on; 0 picks a free one.",
)
@portfolio_argument
def serve(
    portfolio: Path, site_dir: Path | None, day: str | None, history: bool, port: int
) -> None:
    """Build the catalogue, serve it on 127.0.0.1 and rebuild it as files are saved.

    A page open in a browser reloads when a save changes it. A save that makes the
    portfolio fail validation keeps the last good site and lays the findings over the page.
    The change log is read from git once, at the start. Stop with Ctrl-C.
    """
    from pac.serve.loop import serve as run
    from pac.serve.session import Options

    files = source(portfolio, None)
    epoch, build_day = _date(files, site_dir)
    judged = today(day) if day else build_day
    log, trends = _history(files, None, judged) if history else (None, None)
    options = Options(
        portfolio,
        site_dir if site_dir is not None else files.root / "site",
        judged,
        epoch,
        log,
        trends,
    )
    previous = signal.signal(signal.SIGTERM, _interrupt)  # `kill` cleans up as Ctrl-C does
    try:
        run(
            options,
            port=port,
            started=lambda url: click.echo(f"Serving the catalogue at {url} (Ctrl-C stops)"),
            report=_report,
        )
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _report(step: Step) -> None:
    """One line per build: what changed, what was rebuilt and how long it took."""
    from pac.render.serve import step_line

    click.echo(one_line(step_line(step)))
    for warning in step.warnings:
        click.echo(one_line(f"MkDocs: {warning}"), err=True)


COMMANDS = [build, serve]
