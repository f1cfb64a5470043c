"""Commands about the portfolio over time: trends."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import click

from pac.cli.common import format_option, portfolio_argument, progress, today
from pac.history.periods import EVERY
from pac.load import version


@click.command()
@click.option(
    "--from", "start", metavar="YYYY-MM-DD", help="The first day [default: the first commit]."
)
@click.option("--to", "end", metavar="YYYY-MM-DD", help="The last day [default: today].")
@click.option(
    "--every",
    type=click.Choice(EVERY),
    default="quarter",
    show_default=True,
    help="The period of each point of the series.",
)
@format_option(
    ["text", "markdown", "json"],
    None,
    "Output format [default: text on a terminal, markdown when piped or redirected].",
)
@click.option(
    "--allow-shallow",
    is_flag=True,
    help="Accept the short history of a shallow clone; the report says it is truncated.",
)
@portfolio_argument
def trends(
    portfolio: Path,
    start: str | None,
    end: str | None,
    every: str,
    fmt: str | None,
    allow_shallow: bool,
) -> None:
    """The portfolio over time, from its git history: at the end of each period, products
    by stage, scorecard levels, findings, funding, capability coverage and value at risk;
    the flow of products through their stages; and the roadmap promises each team kept.
    """
    from pac.git import Repository
    from pac.history.trends import build_trends
    from pac.render.trends import TRENDS_FORMATS

    first = today(start) if start else None
    now = datetime.date.today()
    last = today(end) if end else now
    if first is not None and first > last:
        raise click.BadParameter(f"--from {first} is after --to {last}", param_hint="--from")
    if last > now:
        raise click.BadParameter(
            f"--to {last} is after today: trends are read from what happened", param_hint="--to"
        )
    repo = Repository(portfolio if portfolio.exists() else Path.cwd())
    prefix = version.prefix_of(portfolio.resolve(), repo.root)
    total = repo.count_commits(prefix) if sys.stderr.isatty() else 0
    with progress(total, "Reading history") as advance:
        found = build_trends(
            repo, prefix, start=first, end=last, every=every, allow_shallow=allow_shallow,
            progress=advance,
        )  # fmt: skip
    fmt = fmt or ("text" if sys.stdout.isatty() else "markdown")
    click.echo(TRENDS_FORMATS[fmt](found), nl=False)


COMMANDS = [trends]
