"""The report of `pac import`: the findings (as `pac validate` words them), on a dry run
what would be written as a semantic diff, the counts, the validation afterwards by rule,
and what to do next. Text for a terminal, JSON for tools."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pac.findings import Severity
from pac.importing.plan import NEW, UNCHANGED, UPDATE, planned_change
from pac.json_text import to_json
from pac.plural import plural
from pac.render.shared import entity_dict, entity_title, field_line, finding_dict
from pac.render.validate_text import finding_lines, summary_line
from pac.terminal import one_line

if TYPE_CHECKING:
    from pac.findings import Result
    from pac.importing.run import Outcome

VERSION = 1
TOP_RULES = 5  # the validation's rules shown by name, most frequent first


def render_import_text(outcome: Outcome, *, colour: bool = False) -> str:
    lines = [line for f in outcome.plan.findings for line in finding_lines(f, colour=colour)]
    if outcome.dry_run:
        for p in outcome.plan.planned:
            if p.action != UNCHANGED:
                change = planned_change(p)
                lines.append(one_line(f"{entity_title(change)} ({p.path})"))
                lines += [f"    {one_line(field_line(f))}" for f in change.changes]
    lines.append(one_line(counts_line(outcome)))
    if outcome.result is not None:
        lines.append(one_line(f"Validation: {summary_line(outcome.result)}"))
        lines += [f"  {one_line(line)}" for line in _by_rule(outcome.result)]
    lines.append(one_line(f"Next: {next_step(outcome)}"))
    return "\n".join(lines) + "\n"


def counts_line(outcome: Outcome) -> str:
    plan = outcome.plan
    if outcome.result is None:
        return f"Nothing imported from {outcome.source}: the mapping cannot be used."
    verb = "Would write" if outcome.dry_run else "Wrote"
    files = plan.count(NEW) + plan.count(UPDATE)
    line = f"{verb} {plural(files, 'file')} from {outcome.source}: {plan.count(NEW)} new, "
    line += f"{plan.count(UPDATE)} updated, {plan.count(UNCHANGED)} unchanged"
    if plan.skipped:
        line += f"; {plural(plan.skipped, 'row')} not imported"
    return line + "."


def _by_rule(result: Result) -> list[str]:
    counted = Counter((f.severity, f.rule) for f in result.findings)
    order = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0][1]))
    return [f"{n} {severity} {rule}" for (severity, rule), n in order[:TOP_RULES]]


def next_step(outcome: Outcome) -> str:
    """What to do after this import, in one sentence."""
    errors = any(f.severity == Severity.ERROR for f in outcome.plan.findings)
    result = outcome.result
    if result is None:
        return "correct the mapping file as the findings above say, then run the import again."
    if errors:
        return (
            "correct the rows above in the source (or the mapping) and import again; rows "
            "already written are reported as existing unless you give --update."
        )
    if outcome.dry_run:
        return "nothing was written: run the same command without --dry-run to write the files."
    folder = outcome.prefix or "."
    if result.count(Severity.ERROR):
        return f"fix the errors that 'pac validate {folder}' lists, then commit the files."
    if result.count(Severity.WARNING):
        return (
            f"review and commit the files; the warnings are what a first import leaves to "
            f"fill in (KPIs, members, reviews): 'pac validate {folder}' lists each one."
        )
    return "review and commit the files."


def render_import_json(outcome: Outcome, *, colour: bool = False) -> str:
    plan = outcome.plan
    document: dict[str, Any] = {
        "version": VERSION,
        "source": outcome.source,
        "dry_run": outcome.dry_run,
        "summary": {
            "entities": plan.entities,
            "new": plan.count(NEW),
            "updated": plan.count(UPDATE),
            "unchanged": plan.count(UNCHANGED),
            "not_imported": plan.skipped,
            "errors": sum(1 for f in plan.findings if f.severity == Severity.ERROR),
        },
        "files": [
            {"path": outcome.prefix + p.path, "action": p.action, **entity_dict(planned_change(p))}
            for p in plan.planned
        ],
        "findings": [finding_dict(f) for f in plan.findings],
        "validation": _validation(outcome.result),
        "next": next_step(outcome),
    }
    return to_json(document, indent=2) + "\n"


def _validation(result: Result | None) -> dict[str, Any] | None:
    if result is None:
        return None
    return {
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
        "infos": result.count(Severity.INFO),
        "files": result.files,
        "rules": dict(sorted(Counter(f.rule for f in result.findings).items())),
    }


IMPORT_FORMATS: dict[str, Callable[..., str]] = {
    "text": render_import_text,
    "json": render_import_json,
}
