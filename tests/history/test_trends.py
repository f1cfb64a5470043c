"""pac.history.trends: the portfolio at each period's end, read in one walk of a real git
repository whose commits are dated so that every point is known in advance."""

from __future__ import annotations

import datetime
from pathlib import Path

from dated_portfolio import product, roadmap, stage, start, trends

from pac.changes.changelog import ChangelogRecorder, build_changelog
from pac.git import Repository
from pac.history.trends import build_trends, settled_days


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


def test_nothing_after_the_end_is_read(tmp_path: Path) -> None:
    """Promises and timelines stop at --to as the points do."""
    repo = start(tmp_path, {"p": product("p", "build", extra=roadmap(("2026-Q1", ["Alpha"])))},
                 on="2026-01-10")
    repo.edit("portfolio/products/p.yaml", "- Alpha", "- {theme: Alpha, status: done}")
    stage(repo, "p", "build", "live", "2026-02-20")
    found = trends(repo, "2026-02-01")
    q1 = found.promises[0]
    assert (q1.quarter, q1.over, [p.outcome for p in q1.promises]) == ("2026-Q1", False, ["open"])
    assert [v.stage for v in found.flow.timelines["p"].visits] == ["build"]
    assert found.snapshots[-1].stages["live"] == 0


def test_a_clock_that_ran_ahead_does_not_run_time_backwards(tmp_path: Path) -> None:
    repo = start(tmp_path, {"a": product("a", "ideation")}, on="2026-01-10")
    stage(repo, "a", "ideation", "build", "2027-01-01")  # a committer's clock a year ahead
    repo.write("portfolio/products/b.yaml", product("b", "live"))
    repo.commit("Add b", on="2026-04-10")
    found = trends(repo, "2026-06-30")
    assert [(s.label, s.products) for s in found.snapshots] == [("2026-Q1", 1), ("2026-Q2", 2)]
    assert found.flow.time_in_stage["ideation"].median == 90.0  # to 2026-04-10, not negative


def test_settled_days_take_a_later_commits_earlier_date() -> None:
    d = [datetime.datetime(2026, m, 1, tzinfo=datetime.UTC) for m in (1, 9, 4, 5)]
    assert settled_days(list(zip("abcd", d, strict=True))) == {
        "a": d[0], "b": d[2], "c": d[2], "d": d[3]}


def test_side_files_are_read_as_they_were_on_the_day(tmp_path: Path) -> None:
    """A CODEOWNERS changed in a commit that does not touch the portfolio counts from then."""
    repo = start(tmp_path, {"a": product("a", "live")}, on="2026-01-10")
    repo.write(".github/CODEOWNERS", "* @someone\n")
    repo.commit("Owners by hand", on="2026-02-10")
    q1 = trends(repo, "2026-03-31").snapshots[-1]
    assert q1.findings["warning"].get("codeowners-drift") == 1


def test_a_file_that_does_not_read_is_a_finding_and_not_counted(tmp_path: Path) -> None:
    repo = start(tmp_path, {"a": product("a", "live")}, on="2026-01-10")
    repo.write("portfolio/products/a.yaml", "id: a\nname: [unclosed\n")
    repo.commit("Broken", on="2026-04-10")
    q1, q2 = trends(repo, "2026-06-30").snapshots
    assert (q1.products, q1.findings["error"]) == (1, {})
    assert (q2.products, q2.findings["error"]) == (0, {"yaml-syntax": 1})
