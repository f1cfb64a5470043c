"""An import from start to end, for every import command: the reader's entities planned
against the portfolio, written (not on a dry run), and the portfolio validated as it is
afterwards (or as it would be). `import_table` is the reader half of `pac import table`."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from pathlib import Path

from pac.errors import PacError
from pac.findings import Finding, Result, Severity
from pac.importing.apply import apply_mapping
from pac.importing.entities import SETTINGS, Imported
from pac.importing.mapping import read_mapping
from pac.importing.plan import NEW, UPDATE, Plan, plan_import
from pac.importing.table import read_table
from pac.importing.write import write_plan
from pac.load import version
from pac.load.files import SourceFile
from pac.load.parse import from_loaded, load


@dataclass(frozen=True)
class Outcome:
    """What an import did (or, `dry_run`, would do) and the validation afterwards; `result`
    is None when no row was read (the mapping cannot be used: `import-bad-mapping`)."""

    source: str
    plan: Plan
    written: tuple[Path, ...]
    result: Result | None
    dry_run: bool
    prefix: str  # the portfolio folder as findings name it: portfolio/

    def fails(self) -> bool:
        errors = any(f.severity == Severity.ERROR for f in self.plan.findings)
        return errors or (self.result is not None and self.result.fails())


@dataclass(frozen=True)
class Reading:
    """What a reader gives the shared half: entities, its own findings, and how many
    entities it could not make at all (each with a finding)."""

    items: list[Imported]
    findings: list[Finding]
    unread: int = 0


def import_table(table: Path, mapping: Path, *, kind: str) -> Reading:
    """The entities of a CSV or XLSX file, read through a mapping file; findings for what
    cannot be mapped. Raises PacError when either file cannot be read at all."""
    try:
        text = mapping.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise PacError(f"cannot read the mapping {mapping}: {e}") from e
    rules, findings = read_mapping(text, file=str(mapping), kind=kind)
    if rules is None:
        return Reading([], findings)
    rows, found = read_table(table, shown=str(table), options=rules.options)
    items, more = apply_mapping(rules, rows)
    unread = len(found) + sum(1 for f in more if f.rule == "import-bad-id")
    return Reading(items, [*findings, *found, *more], unread)


def import_into(
    folder: Path,
    reading: Reading,
    *,
    source: str,
    today: datetime.date,
    update: bool = False,
    dry_run: bool = False,
) -> Outcome:
    """Plan the entities against the portfolio in `folder`, write them unless `dry_run`,
    and validate the portfolio as it then is. The folder needs a portfolio.yaml unless
    the reading brings one."""
    new = any(item.kind == SETTINGS for item in reading.items)
    files = version.from_working_tree(folder, new=new)
    known = from_loaded(load(files.files))
    plan = plan_import(
        reading.items,
        known=known,
        portfolio=folder,
        schemas=files.root / "schemas",
        update=update,
        findings=reading.findings,
        unread=reading.unread,
    )
    if any(f.rule == "import-bad-mapping" for f in reading.findings):
        return Outcome(source, plan, (), None, dry_run, files.prefix)
    if dry_run:
        return Outcome(source, plan, (), _as_planned(files, plan).check(today), True, files.prefix)
    written = write_plan(plan, portfolio=folder, root=files.root)
    result = version.from_working_tree(folder, new=new).check(today)
    return Outcome(source, plan, tuple(written), result, False, files.prefix)


def _as_planned(files: version.PortfolioVersion, plan: Plan) -> version.PortfolioVersion:
    """The portfolio's files as they would be after the plan, without writing them."""
    changed = {
        p.path: SourceFile(p.path, len(data), data)
        for p in plan.planned
        if p.action in (NEW, UPDATE)
        for data in [p.text.encode("utf-8")]
    }
    kept = [f for f in files.files if f.path not in changed]
    return dataclasses.replace(files, files=[*kept, *changed.values()])
