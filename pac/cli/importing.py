"""`pac import`: entities from other sources written as portfolio files. Each source is a
subcommand of its own (`table` and `backstage` here); they share the plan, write and report of
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
STAGES = ("ideation", "discovery", "build", "live", "sunset", "retired")  # pac.model.STAGES


@click.group(name="import")
def import_group() -> None:
    """Write portfolio files from another source: a CSV or XLSX table, a Backstage catalog."""


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


def _pairs(
    allowed: tuple[str, ...] = (),
) -> Callable[[click.Context, click.Parameter, str], dict[str, str]]:
    """A click callback: `a=b,c=d` as a mapping; each value one of `allowed` when given."""

    def parse(ctx: click.Context, param: click.Parameter, value: str) -> dict[str, str]:
        pairs: dict[str, str] = {}
        for pair in filter(None, (p.strip() for p in value.split(","))):
            key, equals, mapped = (part.strip() for part in pair.partition("="))
            if not equals or not key or not mapped:
                raise click.BadParameter(f"'{pair}' is not NAME=VALUE", ctx, param)
            if allowed and mapped not in allowed:
                raise click.BadParameter(
                    f"'{mapped}' is not one of {', '.join(allowed)}", ctx, param
                )
            pairs[key] = mapped
        return pairs

    return parse


@import_group.command(name="backstage")
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="PATH..."
)
@click.option(
    "--products-from",
    type=click.Choice(["system", "component"]),
    default="system",
    show_default=True,
    help="The Backstage kind that becomes a product: System (its Components, APIs and "
    "Resources its technology), or Component, for catalogs without Systems.",
)
@click.option(
    "--team-types",
    default="team",
    show_default=True,
    help="The Group types (spec.type) that become teams, comma-separated.",
)
@click.option(
    "--stage-map",
    default="",
    callback=_pairs(STAGES),
    metavar="LIFECYCLE=STAGE,...",
    help="spec.lifecycle values and their stage, added to (or replacing) the defaults "
    "experimental=discovery, production=live, deprecated=sunset.",
)
@click.option(
    "--default-stage",
    type=click.Choice(STAGES),
    default="live",
    show_default=True,
    help="The stage of a product whose lifecycle the stage map does not give.",
)
@click.option(
    "--kind-map",
    default="",
    callback=_pairs(),
    metavar="TYPE=KIND,...",
    help="spec.type values and their product kind, added to (or replacing) the defaults "
    "service=service, website=application, library=platform.",
)
@click.option(
    "--default-kind",
    default="application",
    show_default=True,
    help="The kind of a product whose spec.type the kind map does not give.",
)
@shared_options
def backstage(
    paths: tuple[Path, ...],
    products_from: str,
    team_types: str,
    stage_map: dict[str, str],
    default_stage: str,
    kind_map: dict[str, str],
    default_kind: str,
    **options: Any,
) -> None:
    """Write teams, capabilities and products from the Backstage catalog files under each
    PATH (a folder, or a catalog-info.yaml), following their Locations to local files.

    Groups of the team types become teams (their Users members), Domains capabilities,
    Systems (or Components) products; what is not imported is reported with the reason.
    An existing file is never overwritten unless --update is given. Afterwards the
    portfolio is validated. Exit status: 0, 1 when an entity was not imported or the
    portfolio has an error, 2 when pac cannot run.
    """
    from pac.importing.backstage import backstage_reading
    from pac.importing.backstage_mapping import KIND_MAP, STAGE_MAP, Options

    settings = Options(
        products_from=products_from,
        team_types=tuple(t.strip() for t in team_types.split(",") if t.strip()),
        stage_map={**STAGE_MAP, **stage_map},
        default_stage=default_stage,
        kind_map={**KIND_MAP, **kind_map},
        default_kind=default_kind,
    )
    reading = backstage_reading(list(paths), options=settings, into=options["into"])
    finish(" ".join(str(p) for p in paths), reading, **options)


COMMANDS = [import_group]
