"""pac trends from the command line, on the example portfolio's history (built in the test)
and on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from example_history import END, STEPS, example_history
from gitrepo import GitRepo
from support import inside

from pac.cli import cli


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    return example_history(tmp_path_factory.mktemp("example") / "repo")


def pac(repo: GitRepo, *args: str) -> tuple[int, str]:
    with inside(repo.path):
        result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_the_example_history_shows_trends(example: GitRepo) -> None:
    code, out = pac(example, "trends", "--to", END, "--format", "json")
    assert code == 0, out
    doc = json.loads(out)
    assert doc["version"] == 1 and doc["every"] == "quarter"
    assert [s["period"] for s in doc["series"]] == [
        "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3",
        "2026-Q4"]  # fmt: skip
    first, last = doc["series"][0], doc["series"][-1]
    assert first["products"] == last["products"] > 30
    # two products left ideation, two went live and two live ones went to sunset
    assert last["stages"]["ideation"] == first["stages"]["ideation"] - 2
    assert last["stages"]["sunset"] == first["stages"]["sunset"] + 2
    assert last["stages"]["live"] == first["stages"]["live"]
    assert sum(last["findings"]["warning"].values()) > 0
    assert last["funding"]["total"] > 0 and last["coverage"]["leaves"] > 0
    moved = [t for t in doc["flow"]["timelines"] if len(t["stages"]) > 1]
    days = {v["entered"] for t in moved for v in t["stages"] if v["source"] == "history"}
    assert days == {day for day, _, _ in STEPS}
    # a product went from build (since its since date) to live within the dates
    assert doc["flow"]["lead_time"]["count"] >= 2
    promised = {q["quarter"]: q["portfolio"] for q in doc["promises"]}
    assert promised["2026-Q4"]["promised"] > 0 and promised["2026-Q4"]["done"] >= 1


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_text_and_markdown_name_every_section(example: GitRepo, fmt: str) -> None:
    code, out = pac(example, "trends", "--to", END, "--every", "month", "--format", fmt)
    assert code == 0, out
    for words in ("2024-11", "2026-11", "Lead time, ideation to live", "Say/do", "Value at risk"):
        assert words in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-13-01"], "'2026-13-01' is not a date"),
        (["--to", "soon"], "'soon' is not a date"),
        (["--from", "2027-01-01", "--to", "2026-01-01"], "--from 2027-01-01 is after --to"),
        (["--every", "week"], "'week' is not one of"),
        (["--to", "9999-12-31"], "--to 9999-12-31 is after today"),
    ],
)
def test_bad_options_are_errors_not_tracebacks(
    example: GitRepo, args: list[str], message: str
) -> None:
    code, out = pac(example, "trends", *args)
    assert code == 2 and message in out and "Traceback" not in out


def test_outside_git_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "portfolio").mkdir()
    (tmp_path / "portfolio" / "portfolio.yaml").write_text("name: X\n")
    with inside(tmp_path):
        result = CliRunner().invoke(cli, ["trends"])
    assert result.exit_code == 2 and "is not inside a git repository" in result.output
