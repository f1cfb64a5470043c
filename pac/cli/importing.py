"""`pac import`: entities from other sources written as portfolio files. Each source is a
subcommand of its own (`table` here); they share the plan, write and report of
pac/importing/run.py, and so the options that follow the source."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pac.cli.common import TODAY_OPTION, colour, format_option, today

if TYPE_CHECKING:
    from pac.importing.run import Reading

KINDS = ["product", "team", "capability", "objective"]


@click.group(name="import")
def import_group() -> None:
    """Write portfolio files from another source: a CSV or XLSX table."""


def shared_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--into, --dry-run, --update, --format and --today, for every import subcommand."""
    options: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = [
        click.option(
            "--into",
            type=click.Path(path_type=Path),
            default="portfolio",
            show_default=True,
            help="The portfolio folder to write into.",
        ),
        click.option("--dry-run", is_flag=True, help="Write nothing: show what would be written."),
        click.option(
            "--update",
            is_flag=True,
            help="Change the mapped fields of files that exist, keeping the rest of them.",
        ),
        format_option(["text", "json"], "text"),
        TODAY_OPTION,
    ]
    for option in reversed(options):
        command = option(command)
    return command


def finish(source: str, reading: Reading, **options: Any) -> None:
    """Plan, write and validate what a reader gave; print the report and exit 0 or 1."""
    from pac.importing.run import import_into
    from pac.render.importing import IMPORT_FORMATS

    fmt = options.pop("fmt")
    outcome = import_into(
        options["into"],
        reading,
        source=source,
        today=today(options["today"]),
        update=options["update"],
        dry_run=options["dry_run"],
    )
    click.echo(IMPORT_FORMATS[fmt](outcome, colour=colour(fmt)), nl=False)
    sys.exit(1 if outcome.fails() else 0)


@import_group.command(name="table")
@click.argument("table", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--kind", type=click.Choice(KINDS), required=True, help="What each row is.")
@click.option(
    "--map",
    "mapping",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    required=True,
    help="The mapping file: which column fills which field.",
)
@shared_options
def table(table: Path, kind: str, mapping: Path, **options: Any) -> None:
    """Write one file per row of a CSV or XLSX TABLE, through a mapping file.

    A row that cannot be mapped is reported (row, column, value) and not written; an
    existing file is never overwritten unless --update is given. Afterwards the portfolio
    is validated. Exit status: 0, 1 when a row was not imported or the portfolio has an
    error, 2 when pac cannot run.
    """
    from pac.importing.run import import_table

    finish(str(table), import_table(table, mapping, kind=kind), **options)


COMMANDS = [import_group]
