"""Promises kept (pac.history.promises): themes at a quarter's first commit against their
status at its last, in real git repositories with dated commits."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from dated_portfolio import product, roadmap, start, trends

from pac.history.model import Promise
from pac.history.promises import tally


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


def test_tally_counts_each_outcome_per_team_and_for_the_portfolio() -> None:
    promises = (
        Promise("2026-Q1", "team-a", "p", "One", "done"),
        Promise("2026-Q1", "team-a", "p", "Two", "removed"),
        Promise("2026-Q1", "team-b", "q", "Three", "done"),
    )
    kept = tally("2026-Q1", True, promises)
    assert list(kept.teams) == ["team-a", "team-b"]
    assert kept.teams["team-a"].counts == {
        "done": 1, "carried": 0, "dropped": 0, "removed": 1, "open": 0}
    assert kept.teams["team-a"].say_do == Decimal("0.5")
    assert kept.portfolio.promised == 3
    assert tally("2026-Q2", False, ()).portfolio.say_do is None  # nothing promised


def test_an_outcome_is_read_from_the_quarter_it_was_promised_for(tmp_path: Path) -> None:
    """Done in an earlier quarter does not make the promise of this one kept; done this
    quarter is done even with the words still planned for the next."""
    path = "portfolio/products/p.yaml"
    plan = roadmap(("2025-Q4", ["{theme: Migrate, status: done}"]),
                   ("2026-Q1", ["Migrate", "Phase"]), ("2026-Q2", ["Phase"]))
    repo = start(tmp_path, {"p": product("p", "live", extra=plan)}, on="2026-01-02")
    repo.edit(path, "      - Migrate\n", "")  # deleted, never marked done for 2026-Q1
    repo.edit(path, "      - Phase\n  - quarter: 2026-Q2", "      - {theme: Phase, status: done}\n"
              "  - quarter: 2026-Q2")
    repo.commit("Tidy", on="2026-02-01")
    q1 = next(q for q in trends(repo, "2026-04-30").promises if q.quarter == "2026-Q1")
    assert {p.theme: p.outcome for p in q1.promises} == {"Migrate": "removed", "Phase": "done"}


def test_a_promise_deleted_by_the_quarters_first_commit_counts(tmp_path: Path) -> None:
    path = "portfolio/products/p.yaml"
    plan = roadmap(("2026-Q2", ["Alpha", "Beta"]))
    repo = start(tmp_path, {"p": product("p", "live", extra=plan)}, on="2026-03-20")
    repo.edit(path, "      - Alpha\n", "")
    repo.write("portfolio/products/q.yaml", product("q", "live", extra=roadmap(
        ("2026-Q2", ["Gamma"]))))  # planned by the first commit of the quarter: promised too
    repo.commit("Alpha goes quietly", on="2026-04-02")
    repo.edit(path, "      - Beta\n", "")
    repo.commit("Beta goes quietly", on="2026-04-03")
    q2 = next(q for q in trends(repo, "2026-07-31").promises if q.quarter == "2026-Q2")
    assert sorted((p.theme, p.outcome) for p in q2.promises) == [
        ("Alpha", "removed"), ("Beta", "removed"), ("Gamma", "open")]


def test_a_theme_is_matched_whatever_its_case_and_spacing(tmp_path: Path) -> None:
    path = "portfolio/products/p.yaml"
    repo = start(tmp_path, {"p": product("p", "live", extra=roadmap(
        ("2026-Q1", ["Fraud scoring v2"])))}, on="2026-01-02")
    repo.edit(path, "Fraud scoring v2", "{theme: fraud  Scoring V2, status: done}")
    repo.commit("Done", on="2026-03-01")
    q1 = trends(repo, "2026-03-31").promises[0]
    assert [(p.theme, p.outcome) for p in q1.promises] == [("Fraud scoring v2", "done")]
