"""Commands that write generated files: codeowners, new, schema."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pac.cli.common import portfolio_argument, sound, source
from pac.errors import PacError
from pac.terminal import one_line


@click.command()
@click.option("--check", is_flag=True, help="Fail when the committed file differs.")
@portfolio_argument
def codeowners(portfolio: Path, check: bool) -> None:
    """Write .github/CODEOWNERS from the portfolio: each product file owned by its owner
    team's handle, each team file by that team, funding/ by codeowners.funding, the rest
    by codeowners.default. Moving a product to another team moves who must approve it."""
    from pac.generate.codeowners import (
        PATH,
        current_codeowners,
        render_codeowners,
        write_codeowners,
    )

    files = source(portfolio, None)
    # the drift this command repairs does not stop it, whatever its severity
    result = sound(files, "CODEOWNERS would be incomplete", ignore="codeowners-drift")
    text = render_codeowners(result.portfolio, files.prefix)
    if current_codeowners(files.read_repository) == text:
        click.echo(f"{PATH} is up to date.")
    elif check:
        click.echo(f"{PATH} is out of date: run 'pac codeowners'", err=True)
        sys.exit(1)
    else:
        write_codeowners(files.root, text)
        click.echo(f"Wrote {PATH}.")


@click.command(name="new")
@click.argument("kind", type=click.Choice(["product", "team", "capability", "objective"]))
@click.argument("entity_id", metavar="ID")
@click.option("--name", help="The name people know it by.")
@click.option("--kind", "product_kind", help="A product's kind, such as application.")
@click.option(
    "--stage",
    type=click.Choice(["ideation", "discovery", "build", "live", "sunset", "retired"]),
    help="A product's lifecycle stage.",
)
@click.option("--owner", help="The id of the team that owns the product.")
@click.option("--parent", help="A capability's parent capability.")
@portfolio_argument
def new(
    kind: str,
    entity_id: str,
    portfolio: Path,
    name: str | None,
    product_kind: str | None,
    stage: str | None,
    owner: str | None,
    parent: str | None,
) -> None:
    """Write a minimal valid file for a new product, team, capability or objective.

    Required fields come from the options, or are asked for on a terminal. An existing file
    is never overwritten.
    """
    from pac.generate import new as scaffold

    files = source(portfolio, None)
    problem = scaffold.check_id(entity_id)
    if problem:
        raise click.BadParameter(problem, param_hint="ID")
    present = scaffold.existing(portfolio, kind, entity_id)
    if present is not None:
        raise PacError(f"{present} already exists: pac new never overwrites a file")
    known = scaffold.read_portfolio(files.files)
    given = {"name": name, "kind": product_kind, "stage": stage, "owner": owner, "parent": parent}
    values = {key: value for key, value in given.items() if value}
    for field in scaffold.REQUIRED[kind]:
        if field not in values:
            if not sys.stdin.isatty():
                raise click.UsageError(f"{kind} needs --{field} (or run pac new on a terminal)")
            values[field] = _ask(field, scaffold.choices(field, known))
    path = scaffold.write_entity(portfolio, kind, entity_id, values, known=known, root=files.root)
    click.echo(one_line(f"Wrote {path}. Run 'pac validate' to check it against the rest."))


def _ask(field: str, allowed: list[str] | None) -> str:
    """A value asked for on a terminal, among the allowed ones when there is a list."""
    answer: str = click.prompt(
        field.capitalize(),
        default="ideation" if field == "stage" else None,
        type=click.Choice([one_line(a) for a in allowed]) if allowed else None,
        show_choices=bool(allowed) and len(allowed or ()) <= 10,
    )
    return answer


@click.command()
@click.option("--check", is_flag=True, help="Fail when the committed schemas differ.")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default="schemas",
    show_default=True,
    help="The folder of the schema files.",
)
def schema(check: bool, out: Path) -> None:
    """Write the JSON Schemas and the format reference (format.md) from pac's models."""
    from pac.generate.schema import stale_schemas, write_schemas
    from pac.load.version import repository_root
    from pac.output import check_folder

    if check:
        stale = stale_schemas(out)
        for name in stale:
            click.echo(one_line(f"{out / name} is out of date: run 'pac schema'"), err=True)
        if stale:
            sys.exit(1)
        click.echo(one_line(f"The generated files in {out} are up to date."))
        return
    written = write_schemas(check_folder(out, create=True, root=repository_root(Path.cwd())))
    click.echo(
        one_line(
            f"Wrote {', '.join(written)} to {out}."
            if written
            else f"The generated files in {out} are up to date."
        )
    )


COMMANDS = [codeowners, new, schema]
