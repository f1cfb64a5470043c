"""Commands that check a portfolio and report on it: validate, report, scorecard, export,
rules."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pac.cli.common import (
    TODAY_OPTION,
    colour,
    format_option,
    portfolio_argument,
    sound,
    source,
    today,
)
from pac.plural import plural
from pac.terminal import one_line

if TYPE_CHECKING:  # pac validate never imports the figures
    from pac.figures.scorecard import Score
    from pac.model.portfolio import Portfolio

FORMATS = ["text", "json", "github", "sarif"]


@click.command()
@format_option(FORMATS, None, "Output format [default: text, or github under GitHub Actions].")
@click.option("--strict", is_flag=True, help="Fail on warnings as well as errors.")
@TODAY_OPTION
@click.option(
    "--at",
    "ref",
    metavar="REF",
    help="Validate the portfolio as of a git branch, tag or "
    "commit, read from git without checking it out.",
)
@portfolio_argument
def validate(
    portfolio: Path, fmt: str | None, strict: bool, today: str | None, ref: str | None
) -> None:
    """Check every file of PORTFOLIO_DIR (default: portfolio/) and report every problem.

    Exit status: 0 when there is no error, 1 when there is one (or a warning, with
    --strict), 2 when pac cannot run.
    """
    from pac.render.validate import render

    result = source(portfolio, ref).check(_day(today))
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    click.echo(render(result, fmt, colour=colour(fmt)), nl=False)
    sys.exit(1 if result.fails(strict=strict) else 0)


_day = today  # the commands' `today` parameter hides the function of that name


@click.command()
@click.option("--period", help="The funding period [default: current_period].")
@format_option(["text", "markdown", "json"], "text")
@click.option("--at", "ref", metavar="REF", help="As of a git branch, tag or commit.")
@TODAY_OPTION
@portfolio_argument
def report(
    portfolio: Path, period: str | None, fmt: str, ref: str | None, today: str | None
) -> None:
    """The portfolio's funding in numbers for one period: envelope, run and change, by team,
    capability, objective, lifecycle stage and disposition, the value at risk (funding on
    products with a value-leakage finding), and per product against the previous period,
    with value per unit of funding."""
    from pac.figures.report import build_report
    from pac.render.report import REPORT_FORMATS

    result = sound(source(portfolio, ref), "the figures would be wrong", day=today)
    figures = build_report(result.portfolio, period, findings=result.findings)
    click.echo(REPORT_FORMATS[fmt](figures), nl=False)


@click.command(name="export")
@format_option(["json", "csv", "backstage"], "json")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="json: a file [default: standard output]; csv: a folder for the four tables; "
    "backstage: a folder for the catalog files, replaced only when the export succeeds.",
)
@click.option(
    "--site-url",
    metavar="URL",
    default=None,
    help="backstage: the catalogue site's address, for each entity's page (pac.dev/page).",
)
@TODAY_OPTION
@portfolio_argument
def export(
    portfolio: Path, fmt: str, out: Path | None, site_url: str | None, today: str | None
) -> None:
    """The whole resolved portfolio as one JSON document, or as CSV tables (products, teams,
    capabilities, allocations) for a spreadsheet or BI tool, with each product's scorecard
    level; or as a Backstage software catalog (a Domain per capability, a System per
    product, a Group per team, a User per member)."""
    from pac.figures.scorecard import score
    from pac.load.version import repository_root
    from pac.output import check_file, check_folder, check_replaceable, write_file

    if fmt != "json" and out is None:
        raise click.UsageError(f"--format {fmt} writes several files: give a folder with --out")
    if site_url is not None and (fmt != "backstage" or not _web_address(site_url)):
        raise click.UsageError(
            "--site-url is the catalogue site's http:// or https:// address, for --format backstage"
        )
    if out is not None:  # before the work: a wrong path is told at once
        root = repository_root(portfolio)
        if fmt == "json":
            target = check_file(out, root=root)
        else:
            target = check_folder(out, create=fmt == "csv", root=root)
        if fmt == "backstage":
            check_replaceable(target)
    result = sound(source(portfolio, None), "the export would be incomplete", day=today)
    scores = score(result.portfolio, result.findings, _day(today))
    if fmt == "backstage":
        _export_backstage(result.portfolio, scores, target, site_url)
        return
    from pac.render.export import export_json, export_tables

    if fmt == "json":
        text = export_json(result.portfolio, scores)
        if out is None:
            click.echo(text, nl=False)
        else:
            write_file(target, text)
        return
    for name, table in export_tables(result.portfolio, scores).items():
        write_file(target / name, table)
    click.echo(
        one_line(f"Wrote products.csv, teams.csv, capabilities.csv and allocations.csv to {out}.")
    )


def _web_address(url: str) -> bool:
    return url.startswith(("http://", "https://")) and len(url) > len("https://")


def _export_backstage(
    portfolio: Portfolio, scores: dict[str, Score], out: Path, site_url: str | None
) -> None:
    from pac.output import write_folder
    from pac.render.export_backstage import export_backstage

    exported = export_backstage(portfolio, scores, site_url=site_url)
    write_folder(out, exported.files())
    for note in exported.notes:
        click.echo(one_line(f"note: {note.entity}: {note.message}"), err=True)
    click.echo(
        one_line(
            f"Wrote {plural(len(exported.entities), 'Backstage entity', 'Backstage entities')} "
            f"to {out}: register {out / 'catalog-info.yaml'}, which lists their files, in "
            "Backstage."
        )
    )


@click.command()
@format_option(["text", "json"], "text")
@TODAY_OPTION
@click.option("--checks", "list_checks", is_flag=True, help="List the checks levels can use.")
@portfolio_argument
def scorecard(portfolio: Path, fmt: str, today: str | None, list_checks: bool) -> None:
    """Each scored product's level on the scorecard in portfolio.yaml, and the checks it
    fails for the next level up."""
    from pac.figures.scorecard import score
    from pac.render.scorecard import SCORECARD_FORMATS, render_checks

    if list_checks:
        click.echo(render_checks(), nl=False)
        return
    result = sound(source(portfolio, None), "the levels would be wrong", day=today)
    scores = score(result.portfolio, result.findings, _day(today))
    click.echo(SCORECARD_FORMATS[fmt](result.portfolio, scores), nl=False)


@click.command()
def rules() -> None:
    """List every rule with its default severity."""
    from pac.rules import RULES

    width = max(len(r) for r in RULES)
    for rule in sorted(RULES.values(), key=lambda r: r.id):
        lock = " (fixed)" if rule.locked else ""
        click.echo(one_line(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.summary}{lock}"))


COMMANDS = [validate, report, export, scorecard, rules]
