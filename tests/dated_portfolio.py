"""Small portfolios committed on known days, for the tests of pac.history."""

from __future__ import annotations

import datetime
from pathlib import Path

from gitrepo import GitRepo

from pac.git import Repository
from pac.history.model import Trends
from pac.history.trends import build_trends

SETTINGS = """name: Trend Test
currency: GBP
current_period: FY2026
policies:
  stakeholder_review_days: 180
"""
FUNDING = """period: FY2026
start: 2026-01-01
end: 2026-12-31
envelope: 1000000
allocations:
{allocations}"""


def product(pid: str, stage: str, *, owner: str = "team-a", kind: str = "application",
            extra: str = "") -> str:
    return (f"id: {pid}\nname: {pid.title()}\nkind: {kind}\nowner: {owner}\n"
            f"lifecycle:\n  stage: {stage}\n{extra}")


def start(tmp_path: Path, products: dict[str, str], on: str, allocations: str = "  []\n"
          ) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.write("portfolio/portfolio.yaml", SETTINGS)
    for team in ("team-a", "team-b"):
        repo.write(f"portfolio/teams/{team}.yaml", f"id: {team}\nname: {team.title()}\n")
    for pid, text in products.items():
        repo.write(f"portfolio/products/{pid}.yaml", text)
    repo.write("portfolio/funding/FY2026.yaml", FUNDING.format(allocations=allocations))
    repo.commit("Start", on=on)
    return repo


def stage(repo: GitRepo, pid: str, old: str, new: str, on: str) -> None:
    repo.edit(f"portfolio/products/{pid}.yaml", f"stage: {old}", f"stage: {new}")
    repo.commit(f"{pid}: {new}", on=on)


def trends(repo: GitRepo, end: str, **options: object) -> Trends:
    return build_trends(
        Repository(repo.path), "portfolio/", end=datetime.date.fromisoformat(end), **options  # type: ignore[arg-type]
    )


def roadmap(*quarters: tuple[str, list[str]]) -> str:
    lines = ["roadmap:"]
    for quarter, themes in quarters:
        lines += [f"  - quarter: {quarter}", "    themes:", *(f"      - {t}" for t in themes)]
    return "\n".join(lines) + "\n"
