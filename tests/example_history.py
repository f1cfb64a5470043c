"""A history for a portfolio, built in the test (never in this repository's own history):
the portfolio committed as it is, then a product moving on a stage each quarter for two
years and a roadmap theme of that quarter marked done, on known days. The site tests build
from it, so that their Trends page holds figures read from git."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import EXAMPLE
from gitrepo import GitRepo

START = "2024-11-04"
STEPS = (  # (day, stage a product is in, the stage it moves to)
    ("2025-01-20", "ideation", "discovery"),
    ("2025-04-14", "discovery", "build"),
    ("2025-07-08", "build", "live"),
    ("2025-10-06", "live", "sunset"),
    ("2026-01-12", "ideation", "discovery"),
    ("2026-04-09", "discovery", "build"),
    ("2026-07-15", "build", "live"),
    ("2026-10-05", "live", "sunset"),
)
END = "2026-11-18"  # the day of SOURCE_DATE_EPOCH=1795000000, which the site tests build with


def example_history(path: Path) -> GitRepo:
    """The example portfolio with two years of dated history, ending before END."""
    return dated_history(EXAMPLE, path)


def dated_history(source: Path, path: Path) -> GitRepo:
    """The portfolio in `source` as `portfolio/` of a new repository at `path`, with
    STEPS."""
    repo = GitRepo(path)
    repo.copy(source, "portfolio")
    repo.commit("Start the portfolio", on=START)
    for day, was, now in STEPS:
        moved = _first_in(repo, was)
        # a product in sunset must say by when it retires
        then = f"stage: {now}" + ("\n  retire_by: 2027-12-31" if now == "sunset" else "")
        repo.edit(f"portfolio/products/{moved}.yaml", f"stage: {was}", then)
        _settle_a_theme(repo, day)
        repo.commit(f"{moved} moves to {now}", on=day)
    return repo


def _first_in(repo: GitRepo, stage: str) -> str:
    """The first product (by file name) in `stage`."""
    for file in sorted((repo.path / "portfolio" / "products").glob("*.yaml")):
        if re.search(rf"^  stage: {stage}\b", file.read_text(), re.MULTILINE):
            return file.stem
    raise AssertionError(f"the example has no product in {stage}")


def _settle_a_theme(repo: GitRepo, day: str) -> None:
    """Mark done the first plain theme planned for the quarter of `day`, so that promises
    are kept in the example's history."""
    quarter = f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"
    for file in sorted((repo.path / "portfolio" / "products").glob("*.yaml")):
        text = file.read_text()
        block = re.search(
            rf"  - quarter: {quarter}\n    themes:\n((?:      - .*\n)+)", text
        )
        # a theme written as a sentence, not a mapping (`- {theme: ...}` or `- theme: ...`)
        plain = block and re.search(r"^      - (?![{\w-]+:\s)([^{\n#][^\n#]*?)[ \t]*$",
                                    block.group(1), re.M)
        if block and plain:
            line = plain.group(0)
            done = f"      - {{theme: {json.dumps(plain.group(1))}, status: done}}"
            start = block.start(1)
            file.write_text(text[:start] + block.group(1).replace(line, done, 1)
                            + text[block.end(1):])
            return
