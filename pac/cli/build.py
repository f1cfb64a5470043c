"""`pac build`: the catalogue site."""

from __future__ import annotations

import os
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
    from pac.load.version import PortfolioVersion


@click.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default="build/site",
    show_default=True,
    help="Where the site goes; replaced only when the build succeeds.",
)
@click.option(
    "--site",
    "site_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="The MkDocs project to customise the site with [default: site/ beside "
    "the portfolio, if there is one].",
)
@click.option(
    "--project",
    type=click.Path(path_type=Path),
    default=None,
    help="Also keep the generated MkDocs project here (for Zensical or review).",
)
@click.option(
    "--today",
    "day",
    metavar="YYYY-MM-DD",
    help="The date rules compare with [default: the date of the build].",
)
@click.option(
    "--at",
    "ref",
    metavar="REF",
    help="Build the catalogue as of a git branch, tag or "
    "commit, read from git without checking it out.",
)
@click.option(
    "--history/--no-history",
    default=True,
    show_default=True,
    help="Add the change log and each entity's history from git.",
)
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
    from pac.catalogue.build import build_date
    from pac.catalogue.project import site_project
    from pac.render.validate import render

    files = source(portfolio, ref)
    epoch, build_day = build_date(
        files.root, files.commit_time, source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH")
    )
    if site_dir is not None and not site_dir.is_dir():
        raise PacError(f"{site_dir} is not a directory: give the site's MkDocs project folder")
    log = _history(files, ref) if history else None
    entities = sum(1 for f in files.files if "/" in f.path)
    with site_project(site_dir, files.root, ref) as site, progress(entities) as advance:
        built = run(
            files.files,
            out=out,
            site=site,
            today=today(day) if day else build_day,
            source_date_epoch=epoch,
            prefix=files.prefix,
            read=files.read,
            read_repository=files.read_repository,
            progress=advance,
            project=project,
            changelog=log,
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


def _history(files: PortfolioVersion, ref: str | None) -> Changelog | None:
    """The change log for the site, when the portfolio is in git; a shallow clone gives a
    truncated one, with a warning that names the fix."""
    from pac.changes.changelog import SHALLOW_HINT, build_changelog, repository_with

    rev = ref or "HEAD"
    repo = repository_with(files.root, rev)
    if repo is None:
        return None
    if repo.is_shallow():
        click.echo(f"warning: {SHALLOW_HINT}", err=True)
    total = repo.count_commits(files.prefix, rev) if sys.stderr.isatty() else 0
    with progress(total, "Reading history") as advance:
        return build_changelog(repo, files.prefix, allow_shallow=True, progress=advance, rev=rev)


COMMANDS = [build]
