"""The validation pipeline: files -> load -> rules -> severities -> locations."""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict
from collections.abc import Iterable

from pac import yaml
from pac.findings import Finding, Loc, Result, Severity
from pac.load.files import Reader, SourceFile
from pac.load.parse import ParseCache, from_loaded, load
from pac.memory import collector_paused
from pac.model.portfolio import Portfolio
from pac.rules import RULES, Context, run_checks


def validate(
    files: Iterable[SourceFile],
    *,
    today: datetime.date,
    prefix: str = "",
    read: Reader = lambda _path: None,
    read_repository: Reader = lambda _path: None,
    cache: ParseCache | None = None,
) -> Result:
    """Check a whole portfolio; every problem in every file is a finding. `read` reads a
    file of the portfolio folder (extension schemas), `read_repository` one of the
    repository (CODEOWNERS), by relative path; `cache` keeps the files' YAML for the next
    run."""
    with collector_paused():
        loaded = load(files, prefix=prefix, cache=cache)
        portfolio = from_loaded(loaded)
        ctx = Context(portfolio, today, prefix, read, read_repository)
        # health signals only on a portfolio whose files all read and match the format
        readable = not any(RULES[f.rule].locked for f in loaded.findings)
        checked = run_checks(ctx, health=readable)
        findings = apply_severities([*loaded.findings, *checked], portfolio)
        located = locate(findings, loaded.texts)
        return Result(portfolio, sorted(located, key=Finding.sort_key), loaded.file_count)


def apply_severities(findings: Iterable[Finding], portfolio: Portfolio) -> list[Finding]:
    """Give each finding its rule's severity, or the one portfolio.yaml sets; drop 'off'."""
    overrides = portfolio.settings.rules
    out = []
    for finding in findings:
        rule = RULES[finding.rule]
        level = None if rule.locked else overrides.get(rule.id)
        if level == "off":
            continue
        default = Severity.INFO if finding.milder else rule.severity
        severity = Severity(level) if level else default
        out.append(dataclasses.replace(finding, severity=severity))
    return out


def locate(findings: list[Finding], texts: dict[str, str]) -> list[Finding]:
    """Fill in line and column, reading again only the files that have findings."""
    wanted: dict[str, set[Loc]] = defaultdict(set)
    for f in findings:
        if not f.line:
            wanted[f.file].update(f.loc[:i] for i in range(len(f.loc) + 1))
    places = {file: yaml.locate(texts.get(file, ""), paths) for file, paths in wanted.items()}
    return [f if f.line else _placed(f, places[f.file]) for f in findings]


def _placed(finding: Finding, places: dict[yaml.Path, tuple[int, int, int, int]]) -> Finding:
    loc = finding.loc
    at_key = finding.at_key
    while loc and loc not in places:
        loc, at_key = loc[:-1], True  # point at the nearest parent that is there
    place = places.get(loc)
    if place is None:
        return dataclasses.replace(finding, line=1, column=1)
    line, column = (place[0], place[1]) if at_key and loc else (place[2], place[3])
    return dataclasses.replace(finding, line=line, column=column)
