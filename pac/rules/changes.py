"""Rules that only `pac diff` applies, comparing two versions of the portfolio: registered
here for their metadata (severity, `rules:` overrides, `pac rules`); pac/changes makes
their findings, and validation never runs them (they have no check)."""

from __future__ import annotations

from pac.findings import Severity
from pac.rules.registry import Rule, register

register(
    Rule(
        "roadmap-promise-removed",
        Severity.WARNING,
        "A change deletes a roadmap theme promised for this quarter or an earlier one "
        "instead of marking it done or dropped (pac diff only).",
    )
)
