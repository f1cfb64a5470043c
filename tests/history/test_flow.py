"""Flow (pac.history.flow): lead time, time in stage and sunset to retired, from dated stage
changes in real git repositories; every figure known in advance."""

from __future__ import annotations

from pathlib import Path

from dated_portfolio import product, stage, start, trends

from pac.history.flow import durations
from pac.history.model import Durations


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


def test_durations_are_the_median_and_the_nearest_rank_85th_percentile() -> None:
    assert durations([40, 10, 30, 20]) == Durations(4, 25.0, 40.0)
    assert durations([7]) == Durations(1, 7.0, 7.0)
    assert durations([]) == Durations(0, None, None)
    assert durations(range(1, 21)).p85 == 17.0  # the 17th of 20
