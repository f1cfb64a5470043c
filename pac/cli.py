"""The command line: click only. Each command parses options, calls the core, reports, exits."""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from pac import __version__
from pac.errors import PacError
from pac.load import version
from pac.plural import plural
from pac.terminal import one_line

FORMATS = ["text", "json", "github", "sarif"]
PORTFOLIO_OPTION = click.option(
    "--portfolio",
    type=click.Path(path_type=Path),
    default="portfolio",
    show_default=True,
    help="The portfolio folder.",
)

TODAY_OPTION = click.option(
    "--today",
    metavar="YYYY-MM-DD",
    help="The date rules and checks compare with [default: today].",
)


def _today(value: str | None) -> datetime.date:
    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date: use YYYY-MM-DD") from None


class _Commands(click.Group):
    """pac's commands; an argument that is not UTF-8 stops the run before any of them."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        for arg in args:
            try:
                arg.encode("utf-8")
            except UnicodeEncodeError:  # bytes Python could not decode, kept as surrogates
                raise PacError(
                    f"the argument '{_shown(arg)}' is not valid UTF-8: give names, ids and paths "
                    "as UTF-8 text"
                ) from None
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as e:  # click's messages quote arguments as given
            raise click.UsageError(one_line(e.format_message()), e.ctx) from None


def _shown(arg: str) -> str:
    """An argument as the bytes it was given, non-UTF-8 ones as \\x escapes."""
    try:
        return arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that no byte stands for
        return arg.encode("utf-8", "backslashreplace").decode("utf-8")


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
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
@TODAY_OPTION
@click.option(
    "--at",
    "ref",
    metavar="REF",
    help="Validate the portfolio as of a git branch, tag or "
    "commit, read from git without checking it out.",
)
def validate(
    portfolio: Path, fmt: str | None, strict: bool, today: str | None, ref: str | None
) -> None:
    """Check every file of PORTFOLIO (default: portfolio/) and report every problem.

    Exit status: 0 when there is no error, 1 when there is one (or a warning, with
    --strict), 2 when pac cannot run.
    """
    from pac.report.validate import render

    result = _source(portfolio, ref).check(_today(today))
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    click.echo(render(result, fmt, colour=_colour(fmt)), nl=False)
    sys.exit(1 if result.fails(strict=strict) else 0)


def _source(portfolio: Path, ref: str | None) -> version.PortfolioVersion:
    """The portfolio's files from the working tree, or from git as of REF."""
    return version.from_revision(portfolio, ref) if ref else version.from_working_tree(portfolio)


def _sound(
    source: version.PortfolioVersion,
    consequence: str,
    *,
    ignore: str = "",
    today: str | None = None,
) -> Any:
    """The validation of a portfolio a command builds on; with an error (other than the
    `ignore`d rule's), the report and exit 2: going on would give a wrong result."""
    from pac.report.validate import render

    result = source.check(_today(today))
    if any(f.severity == "error" and f.rule != ignore for f in result.findings):
        click.echo(render(result, "text", colour=_colour("text")), nl=False)
        raise PacError(f"fix the errors above first: {consequence}")
    return result


def _build_date(folder: Path, commit_time: int | None) -> tuple[int, datetime.date]:
    """The build's timestamp: SOURCE_DATE_EPOCH, else the commit built, else now."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is not None:
        try:
            epoch = int(value)
        except ValueError:
            raise PacError(f"SOURCE_DATE_EPOCH={value!r} is not a number of seconds") from None
    elif commit_time is not None:
        epoch = commit_time
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
def build(
    portfolio: Path,
    out: Path,
    site_dir: Path | None,
    project: Path | None,
    today: str | None,
    ref: str | None,
    history: bool,
) -> None:
    """Validate PORTFOLIO and build its catalogue site with MkDocs (Material).

    An error-level finding stops the build with the same report as 'pac validate'. The
    build is reproducible: dates come from SOURCE_DATE_EPOCH or the checked-out commit.
    """
    from pac.catalogue.build import build as run
    from pac.report.validate import render

    source = _source(portfolio, ref)
    epoch, build_day = _build_date(source.root, source.commit_time)
    if site_dir is not None and not site_dir.is_dir():
        raise PacError(f"{site_dir} is not a directory: give the site's MkDocs project folder")
    log = _history(source, ref) if history else None
    entities = sum(1 for f in source.files if "/" in f.path)
    with _site_folder(site_dir, source, ref) as site, _progress(entities) as advance:
        built = run(
            source.files,
            out=out,
            site=site,
            today=_today(today) if today else build_day,
            source_date_epoch=epoch,
            prefix=source.prefix,
            read=source.read,
            read_repository=source.read_repository,
            progress=advance,
            project=project,
            changelog=log,
            root=source.root,
        )
    if built.site is None:
        click.echo(render(built.validation, "text", colour=_colour("text")), nl=False)
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


@contextmanager
def _site_folder(
    given: Path | None, source: version.PortfolioVersion, ref: str | None
) -> Iterator[Path | None]:
    """The MkDocs project to customise the site with: the one given, else site/ as of the
    revision built (so that last quarter's catalogue looks as it did), else none."""
    if given is not None:
        yield given
    elif ref is None:
        default = source.root / "site"
        yield default if default.is_dir() else None
    else:
        from pac.git import Repository

        with tempfile.TemporaryDirectory(prefix="pac-site-") as tmp:
            found = Repository(source.root).export(ref, "site", Path(tmp) / "site")
            yield Path(tmp) / "site" if found else None


def _history(source: version.PortfolioVersion, ref: str | None) -> Any:
    """The change log for the site, when the portfolio is in git; a shallow clone gives a
    truncated one, with a warning that names the fix."""
    from pac.changes.changelog import SHALLOW_HINT, build_changelog
    from pac.git import Repository

    try:
        repo = Repository(source.root)
    except PacError:
        return None
    if repo.is_shallow():
        click.echo(f"warning: {SHALLOW_HINT}", err=True)
    try:
        repo.resolve(ref or "HEAD")
    except PacError:
        return None  # a repository with no commit yet
    total = repo.count_commits(source.prefix, ref or "HEAD") if sys.stderr.isatty() else 0
    with _progress(total, "Reading history") as advance:
        return build_changelog(
            repo, source.prefix, allow_shallow=True, progress=advance, rev=ref or "HEAD"
        )


@contextmanager
def _progress(total: int, label: str = "Rendering pages") -> Iterator[Callable[[int], None]]:
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


def _colour(fmt: str) -> bool:
    return fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ


@cli.command()
@click.argument("base", required=False)
@click.argument("head", required=False)
@PORTFOLIO_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
)
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
    changed, funding, scorecard levels that rise or fall, and findings introduced and
    resolved.

    BASE defaults to the merge base with the default branch, HEAD to the working tree.
    Both are read from git objects; nothing is checked out.
    """
    from pac.changes.diff import compare
    from pac.git import Repository
    from pac.report.diff import DIFF_REPORTERS

    if base is None:
        repo = Repository(portfolio if portfolio.exists() else Path.cwd())
        base = repo.merge_base("HEAD", repo.default_branch())
    day = _today(today)
    old = version.from_revision(portfolio, base, required=False)
    new = _source(portfolio, head)
    before, after = old.check(day), new.check(day)
    comparison = compare(before, after, base_label=old.label, head_label=new.label, today=day)
    click.echo(DIFF_REPORTERS[fmt](comparison), nl=False)
    failed = (fail_on_new_errors and comparison.errors_introduced) or (
        fail_on_regression and comparison.regressions
    )
    sys.exit(1 if failed else 0)


@cli.command()
@PORTFOLIO_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
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
def changelog(
    portfolio: Path,
    fmt: str,
    since: str | None,
    until: str | None,
    entity: str | None,
    allow_shallow: bool,
) -> None:
    """The history of the portfolio: one entry per merged pull request (or per commit on a
    branch without merges), with who changed what, when, and through which pull request."""
    from pac.changes.changelog import build_changelog
    from pac.git import Repository
    from pac.report.changelog import CHANGELOG_REPORTERS

    for value in (since, until):
        if value is not None:
            _today(value)
    if entity is not None and ":" not in entity:
        raise click.BadParameter(
            "give KIND:ID, such as product:claims-portal", param_hint="--entity"
        )
    repo = Repository(portfolio if portfolio.exists() else Path.cwd())
    prefix = version.prefix_of(portfolio.resolve(), repo.root)
    with _progress(_count_commits(repo, prefix), "Reading history") as advance:
        log = build_changelog(
            repo, prefix, allow_shallow=allow_shallow, since=since, until=until, progress=advance
        )
    if entity is not None:
        log = type(log)(log.for_entity(entity), log.truncated)
    repository = _repository_url(portfolio)
    click.echo(CHANGELOG_REPORTERS[fmt](log, repository=repository), nl=False)


def _count_commits(repo: Any, prefix: str) -> int:
    return int(repo.count_commits(prefix)) if sys.stderr.isatty() else 0


def _repository_url(portfolio: Path) -> str | None:
    """`repository` from portfolio.yaml, for links, if it can be read."""
    from pac import yaml
    from pac.load.files import read_file

    for name in version.SETTINGS:
        found = read_file(portfolio, name)
        if found is not None and found.content is not None:
            data = yaml.parse(found.content.decode("utf-8", "replace")).data
            value = data.get("repository") if isinstance(data, dict) else None
            return one_line(value) if isinstance(value, str) and value.startswith("http") else None
    return None


@cli.command()
@click.argument("portfolio", type=click.Path(path_type=Path), default="portfolio")
@click.option("--check", is_flag=True, help="Fail when the committed file differs.")
def codeowners(portfolio: Path, check: bool) -> None:
    """Write .github/CODEOWNERS from the portfolio: each product file owned by its owner
    team's handle, each team file by that team, funding/ by codeowners.funding, the rest
    by codeowners.default. Moving a product to another team moves who must approve it."""
    from pac.generate.codeowners import PATH, render_codeowners
    from pac.output import check_folder, write_file

    source = _source(portfolio, None)
    # the drift this command repairs does not stop it, whatever its severity
    result = _sound(source, "CODEOWNERS would be incomplete", ignore="codeowners-drift")
    text = render_codeowners(result.portfolio, source.prefix)
    target = source.root / PATH
    current = _current_codeowners(source)
    if check:
        if current != text:
            click.echo(f"{PATH} is out of date: run 'pac codeowners'", err=True)
            sys.exit(1)
        click.echo(f"{PATH} is up to date.")
        return
    if current == text:
        click.echo(f"{PATH} is up to date.")
        return
    fix = f"make {target.parent} a folder you can write to"
    folder = check_folder(target.parent, create=True, fix=fix, root=source.root)
    write_file(folder / target.name, text, fix=fix)  # a link there is replaced, not followed
    click.echo(f"Wrote {PATH}.")


def _current_codeowners(source: version.PortfolioVersion) -> str | None:
    """The CODEOWNERS of the working tree, read as pac reads every file; None when there is
    none, or when it cannot be read (a link, too large): then it is out of date."""
    from pac.generate.codeowners import PATH
    from pac.load.files import text_of

    current = source.read_repository(PATH)
    if current is None or current.content is None:
        return None
    return text_of(current.content)


@cli.command(name="new")
@click.argument("kind", type=click.Choice(["product", "team", "capability", "objective"]))
@click.argument("entity_id", metavar="ID")
@PORTFOLIO_OPTION
@click.option("--name", help="The name people know it by.")
@click.option("--kind", "product_kind", help="A product's kind, such as application.")
@click.option(
    "--stage",
    type=click.Choice(["ideation", "discovery", "build", "live", "sunset", "retired"]),
    help="A product's lifecycle stage.",
)
@click.option("--owner", help="The id of the team that owns the product.")
@click.option("--parent", help="A capability's parent capability.")
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
    from pac.output import check_folder, write_file

    source = _source(portfolio, None)
    problem = scaffold.check_id(entity_id)
    if problem:
        raise click.BadParameter(problem, param_hint="ID")
    path = scaffold.target(portfolio, kind, entity_id)
    present = scaffold.existing(portfolio, kind, entity_id)
    if present is not None:
        raise PacError(f"{present} already exists: pac new never overwrites a file")
    known = scaffold.read_portfolio(source.files)
    given = {"name": name, "kind": product_kind, "stage": stage, "owner": owner, "parent": parent}
    values = {key: value for key, value in given.items() if value}
    for field in scaffold.REQUIRED[kind]:
        if field not in values:
            if not sys.stdin.isatty():
                raise click.UsageError(f"{kind} needs --{field} (or run pac new on a terminal)")
            values[field] = _ask(field, scaffold.choices(field, known))
    for field in scaffold.fields(kind):
        problem = scaffold.check_value(field, values[field], known) if field in values else None
        if problem:
            raise PacError(problem)
    text = scaffold.render_entity(
        kind, entity_id, values, schemas=source.root / "schemas", folder=path.parent
    )
    folder = check_folder(path.parent, create=True, fix=scaffold.WRITE_FIX, root=source.root)
    write_file(folder / path.name, text, exclusive=True, fix=scaffold.WRITE_FIX)
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


@cli.command()
@click.argument("portfolio", type=click.Path(path_type=Path), default="portfolio")
@click.option("--period", help="The funding period [default: current_period].")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
)
@click.option("--at", "ref", metavar="REF", help="As of a git branch, tag or commit.")
def report(portfolio: Path, period: str | None, fmt: str, ref: str | None) -> None:
    """The portfolio's funding in numbers for one period: envelope, run and change, by team,
    capability, objective, lifecycle stage and disposition, and per product against the
    previous period, with value per unit of funding."""
    from pac.figures.report import build_report
    from pac.report.report import REPORT_FORMATS

    result = _sound(_source(portfolio, ref), "the figures would be wrong")
    click.echo(REPORT_FORMATS[fmt](build_report(result.portfolio, period)), nl=False)


@cli.command(name="export")
@click.argument("portfolio", type=click.Path(path_type=Path), default="portfolio")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="json: a file [default: standard output]; csv: a folder for the four tables.",
)
@TODAY_OPTION
def export(portfolio: Path, fmt: str, out: Path | None, today: str | None) -> None:
    """The whole resolved portfolio as one JSON document, or as CSV tables (products, teams,
    capabilities, allocations) for a spreadsheet or BI tool, with each product's scorecard
    level."""
    from pac.figures.scorecard import score
    from pac.json_text import to_json
    from pac.output import check_file, check_folder, write_file
    from pac.report.export import export_document, export_tables

    if fmt == "csv" and out is None:
        raise click.UsageError("--format csv writes four files: give a folder with --out")
    if out is not None:  # before the work: a wrong path is told at once
        root = version.repository_root(portfolio)
        target = (
            check_file(out, root=root)
            if fmt == "json"
            else check_folder(out, create=True, root=root)
        )
    result = _sound(_source(portfolio, None), "the export would be incomplete", today=today)
    scores = score(result.portfolio, result.findings, _today(today))
    if fmt == "json":
        document = export_document(result.portfolio, scores)
        text = to_json(document, indent=2) + "\n"
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
    from pac.generate.schema import stale_schemas, write_schemas
    from pac.output import check_folder

    if check:
        stale = stale_schemas(out)
        for name in stale:
            click.echo(one_line(f"{out / name} is out of date: run 'pac schema'"), err=True)
        if stale:
            sys.exit(1)
        click.echo(one_line(f"The generated files in {out} are up to date."))
        return
    written = write_schemas(
        check_folder(out, create=True, root=version.repository_root(Path.cwd()))
    )
    click.echo(
        one_line(
            f"Wrote {', '.join(written)} to {out}."
            if written
            else f"The generated files in {out} are up to date."
        )
    )


@cli.command()
@click.argument("portfolio", type=click.Path(path_type=Path), default="portfolio")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@TODAY_OPTION
@click.option("--checks", "list_checks", is_flag=True, help="List the checks levels can use.")
def scorecard(portfolio: Path, fmt: str, today: str | None, list_checks: bool) -> None:
    """Each scored product's level on the scorecard in portfolio.yaml, and the checks it
    fails for the next level up."""
    from pac.figures.scorecard import score
    from pac.report.scorecard import SCORECARD_FORMATS, render_checks

    if list_checks:
        click.echo(render_checks(), nl=False)
        return
    result = _sound(_source(portfolio, None), "the levels would be wrong", today=today)
    scores = score(result.portfolio, result.findings, _today(today))
    click.echo(SCORECARD_FORMATS[fmt](result.portfolio, scores), nl=False)


@cli.command()
def rules() -> None:
    """List every rule with its default severity."""
    from pac.rules import RULES

    width = max(len(r) for r in RULES)
    for rule in sorted(RULES.values(), key=lambda r: r.id):
        lock = " (fixed)" if rule.locked else ""
        click.echo(one_line(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.summary}{lock}"))


def main() -> None:
    cli(prog_name="pac")
