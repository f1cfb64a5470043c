"""The rule registry: a check's findings carry its rule's id, its entity's file and label."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import REFERENCE, TODAY
from support import run

from pac.findings import Finding, Severity
from pac.rules import registry
from pac.rules.registry import Context, Rule, health_rule, rule


@pytest.fixture
def ctx() -> Context:
    return Context(run(REFERENCE).portfolio, TODAY)


def test_found_in_fills_in_the_rule_the_file_and_the_entity(ctx: Context) -> None:
    finding = ctx.found_in("product", "claims-portal", "what", "fix it", ("kpis", 0))
    assert finding == Finding(
        "",
        "portfolio/products/claims-portal.yaml",
        "what",
        "fix it",
        "product:claims-portal",
        ("kpis", 0),
    )


def test_found_in_the_portfolio_is_portfolio_yaml(ctx: Context) -> None:
    finding = ctx.found_in("portfolio", "portfolio", "what", "fix it", ("rules",), at_key=True)
    assert (finding.file, finding.entity, finding.at_key) == (
        "portfolio/portfolio.yaml",
        "portfolio",
        True,
    )


def test_finding_keeps_the_file_and_the_place_it_is_given(ctx: Context) -> None:
    finding = ctx.finding(".github/CODEOWNERS", "what", "fix it", "portfolio", line=3, column=1)
    assert (finding.file, finding.entity, finding.line, finding.column) == (
        ".github/CODEOWNERS",
        "portfolio",
        3,
        1,
    )


def test_a_registered_check_sees_its_rule_id(ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "RULES", {})

    def example(ctx: Context) -> Iterator[Finding]:
        yield ctx.found_in("team", "team-claims", "what", "fix it", ("id",), milder=True)

    rule("example-rule", Severity.WARNING, "An example.", example)
    check = registry.RULES["example-rule"].check
    assert check is not None
    [found] = check(ctx)
    assert (found.rule, found.file, found.entity, found.milder) == (
        "example-rule",
        "portfolio/teams/team-claims.yaml",
        "team:team-claims",
        True,
    )
    with pytest.raises(ValueError, match="example-rule registered twice"):
        rule("example-rule", Severity.ERROR, "Again.", example)


def test_rules_keep_their_id_severity_and_summary_and_health_rules_say_so(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(registry, "RULES", {})

    def example(ctx: Context) -> Iterator[Finding]:
        yield ctx.found_in("team", "team-claims", "what", "fix it", ("id",))

    rule("example-rule", Severity.WARNING, "An example.", example)
    health_rule("example-signal", Severity.INFO, "A signal.", example)
    assert [
        Rule(r.id, r.severity, r.summary, None, r.locked, r.health)
        for r in registry.RULES.values()
    ] == [
        Rule("example-rule", Severity.WARNING, "An example."),
        Rule("example-signal", Severity.INFO, "A signal.", health=True),
    ]
    check = registry.RULES["example-signal"].check
    assert check is not None
    assert [(f.rule, f.message) for f in check(ctx)] == [("example-signal", "what")]
