"""pac.history.trends: the portfolio at each period's end, read in one walk of a real git
repository whose commits are dated so that every point is known in advance."""

from __future__ import annotations

import datetime
from pathlib import Path

from dated_portfolio import product, stage, start, trends

from pac.changes.changelog import ChangelogRecorder, build_changelog
from pac.git import Repository
from pac.history.trends import build_trends


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


def test_a_history_outside_the_dates_gives_no_points(tmp_path: Path) -> None:
    repo = start(tmp_path, {"a": product("a", "live")}, on="2026-05-01")
    found = trends(repo, "2026-12-31", start=datetime.date(2020, 1, 1))
    assert found.snapshots[0].label == "2026-Q2"  # nothing to count before the first commit


def test_the_change_log_reads_the_same_walk(tmp_path: Path) -> None:
    """`also`: the site's change log is a recorder of the walk trends make, and gets what
    pac changelog gets."""
    repo = start(tmp_path, {"a": product("a", "build")}, on="2026-01-15")
    stage(repo, "a", "build", "live", "2026-02-01")
    recorder = ChangelogRecorder()
    build_trends(Repository(repo.path), "portfolio/", end=datetime.date(2026, 3, 31),
                 also=[recorder])
    alone = build_changelog(Repository(repo.path), "portfolio/")
    assert recorder.changelog(False) == alone
    assert [e.title for e in alone.entries] == ["a: live", "Start"]
