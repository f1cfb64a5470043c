"""A history for the example portfolio, built in the test (never in this repository's own
history): the example committed as it is, then products moving through their stages and
roadmap themes marked done, dropped or deleted, on known days."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import EXAMPLE
from gitrepo import GitRepo

START = "2026-09-15"
STEPS = (  # (day, stage a product is in, the stage it moves to)
    ("2026-10-05", "ideation", "discovery"),
    ("2026-11-20", "discovery", "build"),
    ("2027-01-12", "build", "live"),
    ("2027-02-03", "live", "sunset"),
)
END = "2027-03-31"


def example_history(path: Path) -> GitRepo:
    """The example portfolio with a few months of dated history, ending by END."""
    repo = GitRepo(path)
    repo.copy(EXAMPLE, "portfolio")
    repo.commit("Start the portfolio", on=START)
    for day, was, now in STEPS:
        moved = _first_in(repo, was)
        repo.edit(f"portfolio/products/{moved}.yaml", f"stage: {was}", f"stage: {now}")
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
        plain = block and re.search(r"^      - ([^{\n#][^\n#]*?)\s*$", block.group(1), re.M)
        if block and plain:
            line = plain.group(0)
            done = f"      - {{theme: \"{plain.group(1)}\", status: done}}"
            start = block.start(1)
            file.write_text(text[:start] + block.group(1).replace(line, done, 1)
                            + text[block.end(1):])
            return
