"""`pac serve`'s line per build: what was saved, what was rebuilt, how long it took and
what validation found."""

from __future__ import annotations

from collections import Counter

from pac.findings import Finding, Severity
from pac.plural import plural
from pac.serve.session import Step

SHOWN = 3  # saved files named in a line; the rest are counted


def step_line(step: Step) -> str:
    """One line for one build (or for why there was none)."""
    took = f"{step.seconds:.1f} s"
    if step.rest:
        if not step.pages:
            return f"no other page shows it (checked in {took})"
        return f"then {_pages(step)} that show it in {took}"
    saved = f"{_saved(step.changed)} changed: " if step.changed else ""
    if step.problem is not None:
        return f"{saved}not built: {step.problem}"
    if step.errors:
        first = step.errors[0]
        return (
            f"{saved}not built: {plural(len(step.errors), 'error')}, shown in the browser; "
            f"the first: {first.file}:{first.line}:{first.column} {first.rule}: {first.message}"
        )
    if step.pages == []:
        return f"{saved}no page changed (checked in {took}; {findings(step.findings)})"
    if step.pages is None:
        done = "built the site again" if step.changed else "built the site"
    else:
        done = f"rebuilt {_pages(step)}"
    return f"{saved}{done} in {took} ({findings(step.findings)})"


def _saved(paths: list[str]) -> str:
    named = ", ".join(paths[:SHOWN])
    more = len(paths) - SHOWN
    return f"{named} and {plural(more, 'other')}" if more > 0 else named


def _pages(step: Step) -> str:
    pages = step.pages or []
    return pages[0] if len(pages) == 1 else plural(len(pages), "page")


def findings(found: list[Finding]) -> str:
    """How many findings of each severity: `46 findings: 40 warnings, 6 infos`."""
    if not found:
        return "no findings"
    counts = Counter(f.severity for f in found)
    parts = [plural(counts[s], str(s)) for s in Severity if counts[s]]
    return f"{plural(len(found), 'finding')}: {', '.join(parts)}"
