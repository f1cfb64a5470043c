"""The committed CODEOWNERS must say what the portfolio says about ownership."""

from __future__ import annotations

from collections.abc import Iterator

from pac.findings import Finding, Severity
from pac.generate.codeowners import PATH, find_drift
from pac.load.files import text_of
from pac.rules.registry import Context, rule


def codeowners_drift(ctx: Context) -> Iterator[Finding]:
    committed = ctx.read_repository(PATH)
    if committed is None:
        return  # the repository does not use CODEOWNERS: nothing can drift
    if committed.content is None:
        yield ctx.finding(
            PATH,
            f"{PATH} cannot be read: {committed.unread}",
            "run 'pac codeowners' to write it as a regular file and commit the result",
            "portfolio",
            line=1,
            column=1,
        )
        return
    for drift in find_drift(text_of(committed.content), ctx.portfolio, ctx.root):
        yield ctx.finding(
            PATH,
            drift.message,
            "run 'pac codeowners' and commit the result, so that the right team must approve "
            "changes to its files",
            "portfolio",
            line=drift.line,
            column=1,
        )


rule(
    "codeowners-drift",
    Severity.WARNING,
    "The committed .github/CODEOWNERS differs from the owners the portfolio names.",
    codeowners_drift,
)
