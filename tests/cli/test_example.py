"""The example portfolio: realistic, complete, valid, with a few warnings on purpose."""

from __future__ import annotations

from collections import Counter

from conftest import EXAMPLE, TODAY
from support import run

from pac.findings import Severity
from pac.model import STAGES


def test_example_validates_without_error() -> None:
    result = run(EXAMPLE)
    assert [f for f in result.findings if f.severity == Severity.ERROR] == []
    assert result.count(Severity.WARNING) >= 1


def test_example_shows_every_health_rule_and_every_level() -> None:
    from pac.figures.scorecard import score
    from pac.rules import RULES

    result = run(EXAMPLE)
    fired = {f.rule for f in result.findings}
    assert sorted(r.id for r in RULES.values() if r.health and r.id not in fired) == []
    levels = {s.level for s in score(result.portfolio, result.findings, TODAY).values()}
    assert levels >= {"bronze", "silver", "gold"}


def test_example_shows_the_whole_format() -> None:
    p = run(EXAMPLE).portfolio
    assert 25 <= len(p.products) <= 40
    assert 8 <= len(p.teams) <= 12
    assert 15 <= len(p.capabilities) <= 25
    assert 3 <= len(p.objectives) <= 5
    assert len(p.funding) == 2
    assert set(Counter(prod.lifecycle.stage for prod in p.products.values())) == set(STAGES)
    assert {prod.kind for prod in p.products.values()} >= {
        "application", "platform", "service", "data", "infrastructure"}
    assert {t.type for t in p.teams.values()} == {
        "stream-aligned", "platform", "enabling", "complicated-subsystem"}
    tops = [c for c in p.capabilities.values() if c.parent is None]
    children = [c for c in p.capabilities.values() if c.parent is not None]
    assert tops and children
    assert all(p.capabilities[c.parent].parent is None for c in children if c.parent)


def test_committed_codeowners_match_the_example() -> None:
    from click.testing import CliRunner
    from conftest import REPO
    from support import inside

    from pac.cli import cli

    with inside(REPO):
        result = CliRunner().invoke(cli, ["codeowners", "--check"])
    assert result.exit_code == 0, result.output
    from conftest import TODAY

    from pac.load.files import SourceFile, read_directory, read_file
    from pac.validate import validate

    def read_repository(name: str) -> SourceFile | None:
        return read_file(REPO, name)

    result = validate(read_directory(EXAMPLE), today=TODAY, prefix="portfolio/",
                      read_repository=read_repository)
    assert read_repository(".github/CODEOWNERS")
    assert "codeowners-drift" not in {f.rule for f in result.findings}
