"""The text report of `pac validate`: one line per finding, its hint, a summary line."""

from __future__ import annotations

from pac.findings import Finding, Result, Severity
from pac.model.portfolio import Portfolio
from pac.model.settings import Settings
from pac.render.validate_text import render_text, summary_line


def portfolio(**counts: int) -> Portfolio:
    """A portfolio that declares `counts[kind]` entities of each kind (none valid)."""
    known = {kind: {f"{kind}-{i}" for i in range(counts.get(kind, 0))}
             for kind in ("product", "team", "capability", "objective", "funding")}
    return Portfolio(Settings(name="Acme"), {}, {}, {}, {}, {}, {}, known)


OWNER = Finding("unknown-reference", "portfolio/products/a.yaml", "'team-x' is not a team",
                "did you mean 'team-claims'?", "product:a", ("owner",), line=9, column=8)
SKILLS = Finding("team-skill-gap", "portfolio/teams/t.yaml", "no member of the team has ux",
                 entity="team:t", loc=("members",), line=7, column=1,
                 severity=Severity.WARNING)


def test_each_finding_with_its_hint_then_the_summary() -> None:
    result = Result(portfolio(product=3, team=2, capability=4, objective=1, funding=1),
                    [OWNER, SKILLS], 12)
    assert render_text(result) == (
        "portfolio/products/a.yaml:9:8: error unknown-reference 'team-x' is not a team\n"
        "    hint: did you mean 'team-claims'?\n"
        "portfolio/teams/t.yaml:7:1: warning team-skill-gap no member of the team has ux\n"
        "1 error, 1 warning, 0 infos in 12 files (3 products, 2 teams, 4 capabilities, "
        "1 objective, 1 funding period).\n"
    )


def test_colour_paints_the_place_and_the_severity() -> None:
    info = Finding("capability-gap", "c.yaml", "no live product", line=2, column=5,
                   severity=Severity.INFO)
    result = Result(portfolio(capability=1), [OWNER, SKILLS, info], 3)
    lines = render_text(result, colour=True).splitlines()
    assert lines[0] == ("\033[1mportfolio/products/a.yaml:9:8:\033[0m \033[31merror\033[0m "
                        "unknown-reference 'team-x' is not a team")
    assert lines[1] == "    hint: did you mean 'team-claims'?"
    assert lines[2].startswith("\033[1mportfolio/teams/t.yaml:7:1:\033[0m \033[33mwarning\033[0m")
    assert lines[3] == (
        "\033[1mc.yaml:2:5:\033[0m \033[36minfo\033[0m capability-gap no live product")
    assert lines[4] == ("1 error, 1 warning, 1 info in 3 files (0 products, 0 teams, "
                        "1 capability, 0 objectives, 0 funding periods).")


def test_no_findings_says_so_with_what_was_read() -> None:
    result = Result(portfolio(product=1, team=1, funding=2), [], 1)
    assert render_text(result) == (
        "No problems found in 1 file (1 product, 1 team, 0 capabilities, 0 objectives, "
        "2 funding periods).\n"
    )
    assert summary_line(result) == render_text(result).rstrip("\n")


def test_values_from_the_portfolio_stay_on_their_line() -> None:
    """A file name, message or hint cannot break the line, move the cursor or start a
    workflow command of its own."""
    evil = Finding("name-too-long", "portfolio/products/x\ny.yaml", "bad\x1b[2Jname\r\n::error::x",
                   "fix\nit", line=1, column=1)
    assert render_text(Result(portfolio(), [evil], 1)).splitlines() == [
        "portfolio/products/x y.yaml:1:1: error name-too-long bad [2Jname ::error::x",
        "    hint: fix it",
        "1 error, 0 warnings, 0 infos in 1 file (0 products, 0 teams, 0 capabilities, "
        "0 objectives, 0 funding periods).",
    ]
