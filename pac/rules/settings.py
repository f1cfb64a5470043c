"""portfolio.yaml's severity overrides must name real rules that may be changed."""

from __future__ import annotations

from collections.abc import Iterator

from pac.findings import Finding, Severity
from pac.rules.registry import RULES, Context, rule
from pac.suggest import did_you_mean


def rule_override(ctx: Context) -> Iterator[Finding]:
    p = ctx.portfolio
    for rule_id in sorted(p.settings.rules):
        known = RULES.get(rule_id)
        if known is None:
            hint = did_you_mean(rule_id, RULES) or "run 'pac rules' to list the rules"
            yield ctx.found_in(
                "portfolio",
                "portfolio",
                f"there is no rule '{rule_id}'",
                hint,
                ("rules", rule_id),
                at_key=True,
            )
        elif known.locked:
            yield ctx.found_in(
                "portfolio",
                "portfolio",
                f"the severity of '{rule_id}' cannot be changed",
                "remove the line: pac cannot read the portfolio reliably without this rule",
                ("rules", rule_id),
                at_key=True,
            )


rule(
    "rule-override",
    Severity.ERROR,
    "portfolio.yaml overrides a rule that does not exist or cannot be changed.",
    rule_override,
)
