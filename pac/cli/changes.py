"""Commands about change: diff (what a change does) and changelog (the history)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pac.cli.common import TODAY_OPTION, format_option, portfolio_argument, progress, source, today
from pac.load import version


@click.command()
@click.argument("base", required=False)
@click.argument("head", required=False)
@format_option(["text", "markdown", "json"], "text")
@click.option(
    "--fail-on-new-errors",
    is_flag=True,
    help="Exit 1 when the change introduces an error-level finding.",
)
@click.option(
    "--fail-on-regression",
    is_flag=True,
    help="Exit 1 when a product falls to a lower scorecard level.",
)
@TODAY_OPTION
@portfolio_argument
def diff(
    base: str | None,
    head: str | None,
    portfolio: Path,
    fmt: str,
    fail_on_new_errors: bool,
    fail_on_regression: bool,
    today: str | None,
) -> None:
    """Show what a change does to the portfolio: entities added, removed, renamed and
    changed, funding, the value at risk, scorecard levels that rise or fall, and findings
    introduced (among them roadmap promises deleted rather than marked done or dropped)
    and resolved.

    BASE defaults to the merge base with the default branch, HEAD to the working tree.
    Both are read from git objects; nothing is checked out.
    """
    from pac.changes.diff import compare
    from pac.git import Repository
    from pac.render.diff import DIFF_REPORTERS

    if base is None:
        repo = Repository(portfolio if portfolio.exists() else Path.cwd())
        base = repo.merge_base("HEAD", repo.default_branch())
    day = _day(today)
    old = version.from_revision(portfolio, base, required=False)
    new = source(portfolio, head)
    before, after = old.check(day), new.check(day)
    comparison = compare(
        before, after, base_label=old.label, head_label=new.label, today=day, read_head=new.text
    )
    click.echo(DIFF_REPORTERS[fmt](comparison), nl=False)
    failed = (fail_on_new_errors and comparison.errors_introduced) or (
        fail_on_regression and comparison.regressions
    )
    sys.exit(1 if failed else 0)


_day = today  # the commands' `today` parameter hides the function of that name


@click.command()
@format_option(
    ["text", "markdown", "json"],
    None,
    "Output format [default: text on a terminal, markdown when piped or redirected].",
)
@click.option("--since", metavar="YYYY-MM-DD", help="Only changes on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only changes up to this day.")
@click.option(
    "--entity",
    metavar="KIND:ID",
    help="Only one entity, such as product:claims-portal (its earlier ids included).",
)
@click.option(
    "--allow-shallow",
    is_flag=True,
    help="Accept the short history of a shallow clone; the log says it is truncated.",
)
@portfolio_argument
def changelog(
    portfolio: Path,
    fmt: str | None,
    since: str | None,
    until: str | None,
    entity: str | None,
    allow_shallow: bool,
) -> None:
    """The history of the portfolio: one entry per merged pull request (or per commit on a
    branch without merges), with who changed what, when, and through which pull request.

    On a terminal it is plain text; redirected (`pac changelog > CHANGELOG.md`) or piped,
    Markdown, unless --format says otherwise.
    """
    from pac.changes.changelog import build_changelog
    from pac.git import Repository
    from pac.render.changelog import CHANGELOG_REPORTERS

    for value in (since, until):
        if value is not None:
            _day(value)
    if entity is not None and ":" not in entity:
        raise click.BadParameter(
            "give KIND:ID, such as product:claims-portal", param_hint="--entity"
        )
    repo = Repository(portfolio if portfolio.exists() else Path.cwd())
    prefix = version.prefix_of(portfolio.resolve(), repo.root)
    total = repo.count_commits(prefix) if sys.stderr.isatty() else 0
    with progress(total, "Reading history") as advance:
        log = build_changelog(
            repo, prefix, allow_shallow=allow_shallow, since=since, until=until, progress=advance
        )
    if entity is not None:
        log = type(log)(log.for_entity(entity), log.truncated)
    repository = version.repository_url(portfolio)
    fmt = fmt or ("text" if sys.stdout.isatty() else "markdown")
    click.echo(CHANGELOG_REPORTERS[fmt](log, repository=repository), nl=False)


COMMANDS = [diff, changelog]
