"""`pac validate`'s reporters by format name."""

from __future__ import annotations

import json

from conftest import REFERENCE
from support import run

from pac.findings import Finding, Result
from pac.render.validate import REPORTERS, render

OWNER = Finding("unknown-reference", "portfolio/products/a.yaml", "'team-x' is not a team",
                line=9, column=8)
SUMMARY = ("1 error, 0 warnings, 0 infos in 12 files (3 products, 2 teams, 4 capabilities, "
           "1 objective, 1 funding period).")


def test_every_format_has_a_reporter() -> None:
    assert sorted(REPORTERS) == ["github", "json", "sarif", "text"]


def test_render_picks_the_format() -> None:
    result = Result(run(REFERENCE).portfolio, [OWNER], 12)
    line = "portfolio/products/a.yaml:9:8: error unknown-reference 'team-x' is not a team"
    assert render(result, "text") == f"{line}\n{SUMMARY}\n"
    assert render(result, "text", colour=True).startswith(
        "\033[1mportfolio/products/a.yaml:9:8:\033[0m \033[31merror\033[0m")
    assert render(result, "github") == (
        "::error file=portfolio/products/a.yaml,line=9,col=8,title=unknown-reference::"
        f"'team-x' is not a team\n{line}\n{SUMMARY}\n")
    assert json.loads(render(result, "json"))["summary"]["errors"] == 1
    sarif = json.loads(render(result, "sarif"))
    assert sarif["runs"][0]["results"][0]["ruleId"] == "unknown-reference"
