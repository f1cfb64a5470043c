"""Trends, flow and promises kept, read from real git repositories whose commits are dated
so that every figure is known in advance."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
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


def test_lead_time_and_time_in_stage_from_dated_stage_changes(tmp_path: Path) -> None:
    repo = start(tmp_path, {
        "alpha": product("alpha", "ideation"),
        "beta": product("beta", "ideation", owner="team-b", kind="platform"),
    }, on="2026-01-05")  # fmt: skip
    stage(repo, "alpha", "ideation", "discovery", "2026-02-04")  # 30 days in ideation
    stage(repo, "alpha", "discovery", "live", "2026-03-06")  # 30 in discovery: 60 to live
    stage(repo, "beta", "ideation", "live", "2026-04-05")  # 90 days to live
    flow = trends(repo, "2026-06-30").flow
    assert (flow.lead_time.count, flow.lead_time.median, flow.lead_time.p85) == (2, 75.0, 90.0)
    assert flow.lead_time_by_team["team-a"].median == 60.0
    assert flow.lead_time_by_team["team-b"].median == 90.0
    assert flow.lead_time_by_kind["platform"].median == 90.0
    assert flow.time_in_stage["ideation"].count == 2
    assert flow.time_in_stage["ideation"].median == 60.0  # 30 and 90
    assert flow.time_in_stage["discovery"].median == 30.0
    assert "live" not in flow.time_in_stage  # both are still live: no stay has ended
    visits = flow.timelines["alpha"].visits
    assert [(v.stage, v.entered.isoformat(), v.source) for v in visits] == [
        ("ideation", "2026-01-05", "added"),
        ("discovery", "2026-02-04", "history"),
        ("live", "2026-03-06", "history"),
    ]


def test_since_is_the_fallback_for_a_product_older_than_the_history(tmp_path: Path) -> None:
    old = product("old", "sunset", extra="  since: 2025-12-01\n  retire_by: 2026-06-30\n")
    repo = start(tmp_path, {"old": old}, on="2026-01-10")
    stage(repo, "old", "sunset", "retired", "2026-03-01")  # 90 days after since
    flow = trends(repo, "2026-03-31").flow
    assert [(v.stage, v.source) for v in flow.timelines["old"].visits] == [
        ("sunset", "since"), ("retired", "history")]
    assert flow.sunset_to_retired.median == 90.0
    assert flow.lead_time.count == 0  # never seen before live


def test_a_rename_keeps_the_timeline(tmp_path: Path) -> None:
    repo = start(tmp_path, {"first": product("first", "ideation")}, on="2026-01-05")
    (repo.path / "portfolio/products/first.yaml").unlink()
    repo.write("portfolio/products/second.yaml",
               product("second", "live", extra="previous_ids: [first]\n"))
    repo.commit("Rename and launch", on="2026-01-25")
    flow = trends(repo, "2026-03-31").flow
    assert list(flow.timelines) == ["second"]
    assert flow.lead_time.median == 20.0


def roadmap(*quarters: tuple[str, list[str]]) -> str:
    lines = ["roadmap:"]
    for quarter, themes in quarters:
        lines += [f"  - quarter: {quarter}", "    themes:", *(f"      - {t}" for t in themes)]
    return "\n".join(lines) + "\n"


def test_promises_kept_in_a_quarter(tmp_path: Path) -> None:
    promised = roadmap(("2026-Q1", ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"]))
    repo = start(tmp_path, {"p": product("p", "live", extra=promised)}, on="2026-01-02")
    path = "portfolio/products/p.yaml"
    repo.edit(path, "- Alpha", "- {theme: Alpha, status: done}")
    repo.edit(path, "- Delta", "- {theme: Delta, status: dropped}")
    repo.edit(path, "- Foxtrot", "- {theme: Foxtrot, status: done}")
    repo.commit("Alpha done, Delta dropped, Foxtrot done", on="2026-02-10")
    repo.edit(path, "      - {theme: Foxtrot, status: done}\n", "")  # done, then tidied away
    repo.edit(path, "      - Charlie\n", "")  # never marked: removed silently
    repo.edit(path, "      - Bravo\n", "")
    repo.write(path, (repo.path / path).read_text() + "  - quarter: 2026-Q2\n    themes: [Bravo]\n")
    repo.commit("Tidy the roadmap, Bravo moves on", on="2026-03-20")
    found = trends(repo, "2026-04-30")
    q1 = next(q for q in found.promises if q.quarter == "2026-Q1")
    assert q1.over
    outcomes = {p.theme: p.outcome for p in q1.promises}
    assert outcomes == {"Alpha": "done", "Bravo": "carried", "Charlie": "removed",
                        "Delta": "dropped", "Echo": "open", "Foxtrot": "done"}
    assert q1.teams["team-a"].counts == {"done": 2, "carried": 1, "dropped": 1, "removed": 1,
                                         "open": 1}
    assert q1.portfolio.say_do == Decimal(2) / Decimal(6)
    q2 = next(q for q in found.promises if q.quarter == "2026-Q2")
    assert not q2.over and [p.theme for p in q2.promises] == ["Bravo"]


def test_a_theme_planned_at_the_start_and_deleted_before_the_end_is_removed(
    tmp_path: Path,
) -> None:
    repo = start(tmp_path, {"p": product("p", "live", extra=roadmap(("2026-Q2", ["Launch"])))},
                 on="2026-04-01")
    repo.edit("portfolio/products/p.yaml", roadmap(("2026-Q2", ["Launch"])), "")
    repo.commit("Drop the launch quietly", on="2026-05-15")
    q2 = trends(repo, "2026-07-31").promises[0]
    assert (q2.quarter, q2.over, q2.portfolio.counts["removed"]) == ("2026-Q2", True, 1)
    assert q2.portfolio.say_do == 0


def test_snapshots_at_each_period_end(tmp_path: Path) -> None:
    repo = start(tmp_path, {"a": product("a", "build")}, on="2026-01-15")
    stage(repo, "a", "build", "live", "2026-03-31")  # the quarter's last day counts in it
    repo.write("portfolio/products/b.yaml", product("b", "ideation"))
    repo.commit("Add b", on="2026-04-01")
    found = trends(repo, "2026-08-15")
    assert [(s.label, s.date.isoformat()) for s in found.snapshots] == [
        ("2026-Q1", "2026-03-31"), ("2026-Q2", "2026-06-30"), ("2026-Q3", "2026-08-15")]
    q1, q2, q3 = found.snapshots
    assert (q1.stages["live"], q1.stages["build"], q1.products) == (1, 0, 1)
    assert (q2.products, q2.stages["ideation"]) == (2, 1)
    assert q3.commit == q2.commit
    monthly = trends(repo, "2026-04-30", every="month")
    assert [s.label for s in monthly.snapshots] == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert [s.stages["live"] for s in monthly.snapshots] == [0, 0, 1, 1]
    later = trends(repo, "2026-08-15", start=datetime.date(2026, 4, 1))
    assert [s.label for s in later.snapshots] == ["2026-Q2", "2026-Q3"]


def test_value_at_risk_counts_a_product_once(tmp_path: Path) -> None:
    leaky = product("leaky", "live", extra=(
        "stakeholders:\n  - name: Ann\nlast_stakeholder_review: 2024-01-01\n"))  # stale; no value
    fine = product("fine", "build")
    allocations = ("  - product: leaky\n    run: 300000\n    change: 50000\n"
                   "  - product: fine\n    run: 100000\n")
    repo = start(tmp_path, {"leaky": leaky, "fine": fine}, on="2026-02-01",
                 allocations=allocations)
    risk = trends(repo, "2026-03-31").snapshots[-1].value_at_risk
    assert risk.total == Decimal(350000)
    assert set(risk.products) == {"leaky"}
    assert {"stale-stakeholder-review", "value-unknown"} <= set(risk.products["leaky"])
    assert risk.by_reason["stale-stakeholder-review"] == Decimal(350000)
    assert risk.by_reason["value-unknown"] == Decimal(350000)


def test_findings_levels_funding_and_coverage_of_a_snapshot(tmp_path: Path) -> None:
    repo = start(tmp_path, {"a": product("a", "live", extra="capabilities: [leaf]\n"),
                            "b": product("b", "build", owner="team-nobody")},
                 on="2026-01-15",
                 allocations="  - product: a\n    run: 200\n    change: 100\n")
    repo.write("portfolio/capabilities/root.yaml", "id: root\nname: Root\n")
    repo.write("portfolio/capabilities/leaf.yaml", "id: leaf\nname: Leaf\nparent: root\n")
    repo.write("portfolio/capabilities/other.yaml", "id: other\nname: Other\nparent: root\n")
    repo.commit("Capabilities", on="2026-01-16")
    s = trends(repo, "2026-03-31").snapshots[-1]
    assert s.coverage == (1, 2)
    assert s.findings["error"].get("unknown-reference") == 1  # team-nobody
    assert (s.funding.period, s.funding.run, s.funding.change) == ("FY2026", 200, 100)
    assert s.funding.by_stage["live"] == 300
    assert sum(s.levels.values()) == 1  # only live products are scored


def test_a_history_outside_the_dates_gives_no_points(tmp_path: Path) -> None:
    repo = start(tmp_path, {"a": product("a", "live")}, on="2026-05-01")
    found = trends(repo, "2026-12-31", start=datetime.date(2020, 1, 1))
    assert found.snapshots[0].label == "2026-Q2"  # nothing to count before the first commit


@pytest.mark.parametrize("every", ["quarter", "month"])
def test_every_point_has_every_stage(tmp_path: Path, every: str) -> None:
    repo = start(tmp_path, {"a": product("a", "live")}, on="2026-05-01")
    for s in trends(repo, "2026-07-01", every=every).snapshots:
        assert list(s.stages) == ["ideation", "discovery", "build", "live", "sunset", "retired"]
