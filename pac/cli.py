"""The command line: click only. Each command parses options, calls the core, reports, exits."""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path

import click

from pac import __version__
from pac.errors import PacError

FORMATS = ["text", "json", "github", "sarif"]


def _today(value: str | None) -> datetime.date:
    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date: use YYYY-MM-DD") from None


def _repository_root(folder: Path) -> Path:
    """The git work tree holding `folder`, else the current directory if it holds it."""
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    cwd = Path.cwd().resolve()
    return cwd if folder.is_relative_to(cwd) else folder.parent


def _portfolio_dir(path: Path) -> Path:
    if not path.is_dir():
        raise PacError(f"{path} is not a directory: give the portfolio folder, such as portfolio/")
    if not any((path / name).is_file() for name in ("portfolio.yaml", "portfolio.yml")):
        raise PacError(
            f"{path} is not a portfolio: it has no portfolio.yaml. "
            "Create one with at least 'name: <your organisation>'."
        )
    return path


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pac")
def cli() -> None:
    """pac: portfolio-as-code. Validate an IT product portfolio kept as YAML in git."""


@cli.command()
@click.argument("portfolio", type=click.Path(path_type=Path), default="portfolio")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format [default: text, or github under GitHub Actions].",
)
@click.option("--strict", is_flag=True, help="Fail on warnings as well as errors.")
@click.option("--today", metavar="YYYY-MM-DD", help="The date rules compare with [default: today].")
def validate(portfolio: Path, fmt: str | None, strict: bool, today: str | None) -> None:
    """Check every file of PORTFOLIO (default: portfolio/) and report every problem.

    Exit status: 0 when there is no error, 1 when there is one (or a warning, with
    --strict), 2 when pac cannot run.
    """
    from pac.report import render
    from pac.source import read_directory
    from pac.validate import validate as run

    folder = _portfolio_dir(portfolio)
    root = _repository_root(folder)
    prefix = folder.resolve().relative_to(root).as_posix() + "/"
    prefix = "" if prefix == "./" else prefix
    result = run(
        read_directory(folder),
        today=_today(today),
        prefix=prefix,
        read=lambda name: _read_inside(folder, name),
    )
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    colour = fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    click.echo(render(result, fmt, colour=colour), nl=False)
    sys.exit(1 if result.fails(strict=strict) else 0)


def _read_inside(folder: Path, name: str) -> bytes | None:
    path = folder / name
    return path.read_bytes() if path.is_file() else None


@cli.command()
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
    from pac.schemas import stale_schemas, write_schemas

    if check:
        stale = stale_schemas(out)
        for name in stale:
            click.echo(f"{out / name} is out of date: run 'pac schema'", err=True)
        if stale:
            sys.exit(1)
        click.echo(f"The generated files in {out} are up to date.")
        return
    written = write_schemas(out)
    click.echo(
        f"Wrote {', '.join(written)} to {out}."
        if written
        else f"The generated files in {out} are up to date."
    )


@cli.command()
def rules() -> None:
    """List every rule with its default severity."""
    from pac.rules import RULES

    width = max(len(r) for r in RULES)
    for rule in sorted(RULES.values(), key=lambda r: r.id):
        lock = " (fixed)" if rule.locked else ""
        click.echo(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.summary}{lock}")


def main() -> None:
    cli(prog_name="pac")
