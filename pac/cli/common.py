"""What the commands share: the portfolio argument, --today, colour, progress bars, and the
validation a command builds on."""

from __future__ import annotations

import datetime
import functools
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from pac.errors import PacError
from pac.findings import Result
from pac.load import version

TODAY_OPTION = click.option(
    "--today",
    metavar="YYYY-MM-DD",
    help="The date rules and checks compare with [default: today].",
)


def format_option(
    choices: list[str], default: str | None, help: str | None = None
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--format, one of `choices`, passed to the command as `fmt`; the default is shown in
    --help unless it is None (a command that picks the format itself says so in `help`)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=default is not None,
        help=help,
    )


def portfolio_argument(command: Callable[..., Any]) -> Callable[..., Any]:
    """PORTFOLIO_DIR, the last positional argument, default portfolio/; the older spelling
    --portfolio still works, hidden."""

    @functools.wraps(command)
    def run(*args: Any, portfolio: Path | None, portfolio_option: Path | None, **kw: Any) -> Any:
        if portfolio is not None and portfolio_option is not None:
            raise click.UsageError("give the portfolio folder once: PORTFOLIO_DIR or --portfolio")
        return command(*args, portfolio=portfolio or portfolio_option or Path("portfolio"), **kw)

    hidden = click.option(
        "--portfolio", "portfolio_option", type=click.Path(path_type=Path), hidden=True
    )
    given = click.argument(
        "portfolio", type=click.Path(path_type=Path), required=False, metavar="[PORTFOLIO_DIR]"
    )
    return given(hidden(run))


def today(value: str | None) -> datetime.date:
    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date: use YYYY-MM-DD") from None


def colour(fmt: str) -> bool:
    return fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def source(portfolio: Path, ref: str | None) -> version.PortfolioVersion:
    """The portfolio's files from the working tree, or from git as of REF."""
    return version.from_revision(portfolio, ref) if ref else version.from_working_tree(portfolio)


def sound(
    files: version.PortfolioVersion, consequence: str, *, ignore: str = "", day: str | None = None
) -> Result:
    """The validation of a portfolio a command builds on; with an error (other than the
    `ignore`d rule's), the report and exit 2: going on would give a wrong result."""
    from pac.render.validate import render

    result = files.check(today(day))
    if any(f.severity == "error" and f.rule != ignore for f in result.findings):
        click.echo(render(result, "text", colour=colour("text")), nl=False)
        raise PacError(f"fix the errors above first: {consequence}")
    return result


@contextmanager
def progress(total: int, label: str = "Rendering pages") -> Iterator[Callable[[int], None]]:
    """A progress bar on a terminal; silence elsewhere."""
    if not sys.stderr.isatty() or not total:
        yield lambda _done: None
        return
    bar: Any
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        state = {"done": 0}

        def advance(done: int) -> None:
            bar.update(done - state["done"])
            state["done"] = done

        yield advance
