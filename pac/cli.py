"""The command line: click only. Each command parses options, calls the core, reports, exits."""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


def _prefix(folder: Path, root: Path) -> str:
    """The portfolio folder as findings name it: relative to the repository, with a '/'."""
    prefix = folder.resolve().relative_to(root).as_posix() + "/"
    return "" if prefix == "./" else prefix


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
    prefix = _prefix(folder, _repository_root(folder))
    result = run(
        read_directory(folder),
        today=_today(today),
        prefix=prefix,
        read=lambda name: _read_inside(folder, name),
    )
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    click.echo(render(result, fmt, colour=_colour(fmt)), nl=False)
    sys.exit(1 if result.fails(strict=strict) else 0)


def _read_inside(folder: Path, name: str) -> bytes | None:
    path = folder / name
    return path.read_bytes() if path.is_file() else None


def _build_date(folder: Path) -> tuple[int, datetime.date]:
    """The build's timestamp: SOURCE_DATE_EPOCH, else the checked-out commit, else now."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is not None:
        try:
            epoch = int(value)
        except ValueError:
            raise PacError(f"SOURCE_DATE_EPOCH={value!r} is not a number of seconds") from None
    else:
        from pac.git import head_commit_time

        commit = head_commit_time(folder)
        epoch = commit if commit is not None else int(datetime.datetime.now().timestamp())
    return epoch, datetime.datetime.fromtimestamp(epoch, datetime.UTC).date()


@cli.command()
@click.argument("portfolio", type=click.Path(path_type=Path), default="portfolio")
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
    metavar="YYYY-MM-DD",
    help="The date rules compare with [default: the date of the build].",
)
def build(
    portfolio: Path, out: Path, site_dir: Path | None, project: Path | None, today: str | None
) -> None:
    """Validate PORTFOLIO and build its catalogue site with MkDocs (Material).

    An error-level finding stops the build with the same report as 'pac validate'. The
    build is reproducible: dates come from SOURCE_DATE_EPOCH or the checked-out commit.
    """
    from pac.catalogue.build import build as run
    from pac.report import render
    from pac.source import read_directory

    folder = _portfolio_dir(portfolio)
    root = _repository_root(folder)
    prefix = _prefix(folder, root)
    epoch, build_day = _build_date(folder)
    site = site_dir if site_dir is not None else root / "site"
    if site_dir is not None and not site_dir.is_dir():
        raise PacError(f"{site_dir} is not a directory: give the site's MkDocs project folder")
    files = read_directory(folder)
    entities = sum(1 for f in files if "/" in f.path)
    with _progress(entities) as advance:
        built = run(
            files,
            out=out,
            site=site if site.is_dir() else None,
            today=_today(today) if today else build_day,
            source_date_epoch=epoch,
            prefix=prefix,
            read=lambda name: _read_inside(folder, name),
            progress=advance,
            project=project,
        )
    if built.site is None:
        click.echo(render(built.validation, "text", colour=_colour("text")), nl=False)
        click.echo("The site was not built: fix the errors above first.", err=True)
        sys.exit(1)
    for path in built.hidden:
        click.echo(f"note: site/docs/{path} is hand-written, so pac did not generate it", err=True)
    for warning in built.warnings:
        click.echo(f"MkDocs: {warning}", err=True)
    click.echo(f"Built {built.pages} pages into {built.site}.")


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar on a terminal; silence elsewhere."""
    if not sys.stderr.isatty():
        yield lambda _done: None
        return
    with click.progressbar(length=total, label="Rendering pages", file=sys.stderr) as bar:
        state = {"done": 0}

        def advance(done: int) -> None:
            bar.update(done - state["done"])
            state["done"] = done

        yield advance


def _colour(fmt: str) -> bool:
    return fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ


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
