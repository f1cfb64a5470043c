"""The renderers of pac trends, on Trends values made by hand: what a reader sees, and text
from the portfolio that must stay text."""

from __future__ import annotations

import dataclasses
import datetime
import json
from decimal import Decimal

from pac.history.model import (
    Durations,
    Flow,
    FundingPoint,
    Promise,
    Snapshot,
    StageVisit,
    Timeline,
    Trends,
    ValueAtRisk,
)
from pac.history.promises import tally
from pac.render.trends import (
    render_trends_json,
    render_trends_markdown,
    render_trends_text,
    series_rows,
)

HOSTILE_TEAM = "team|x\n::error::owned\x1b[31m"
HOSTILE_THEME = "Ship <script>alert(1)</script> | *now*"


def trends() -> Trends:
    day = datetime.date(2026, 3, 31)
    snapshot = Snapshot(
        "2026-Q1", day, "a" * 40, 2,
        {"ideation": 1, "discovery": 0, "build": 0, "live": 1, "sunset": 0, "retired": 0},
        {"gold": 0, "silver": 1, "bronze": 0, "none": 0},
        {"error": {}, "warning": {"stale-stakeholder-review": 1}, "info": {}},
        FundingPoint("FY2026", {"live": Decimal("1000.5")}, Decimal("600.25"), Decimal("400.25")),
        (1, 4),
        ValueAtRisk("FY2026", Decimal("1000.5"), {"stale-stakeholder-review": Decimal("1000.5")},
                    {"p": ("stale-stakeholder-review",)}),
    )  # fmt: skip
    promises = (
        Promise("2026-Q1", HOSTILE_TEAM, "p", HOSTILE_THEME, "done"),
        Promise("2026-Q1", HOSTILE_TEAM, "p", "Other", "removed"),
    )
    visits = (StageVisit("ideation", datetime.date(2026, 1, 2), "added", "b" * 40),)
    return Trends(
        "quarter", datetime.date(2026, 1, 2), day, "GBP", [snapshot],
        Flow(Durations(2, 75.0, 90.0), {HOSTILE_TEAM: Durations(1, 60.0, 60.0)}, {},
             {"ideation": Durations(2, 60.0, 90.0)}, Durations(0, None, None),
             {"p": Timeline("p", HOSTILE_TEAM, "application", visits)}),
        [tally("2026-Q1", True, promises)],
    )  # fmt: skip


def test_json_is_exact_and_complete() -> None:
    doc = json.loads(render_trends_json(trends()), parse_float=Decimal)
    assert doc["version"] == 1 and doc["currency"] == "GBP"
    point = doc["series"][0]
    assert point["funding"]["run"] == Decimal("600.25")
    assert point["funding"]["total"] == Decimal("1000.5")
    assert point["coverage"] == {"served": 1, "leaves": 4, "share": Decimal("0.25")}
    assert point["value_at_risk"]["products"] == [
        {"product": "p", "reasons": ["stale-stakeholder-review"]}]
    q = doc["promises"][0]
    assert q["portfolio"]["promised"] == 2 and q["portfolio"]["say_do"] == Decimal("0.5")
    assert q["promises"][0]["theme"] == HOSTILE_THEME  # JSON keeps the text as it is
    assert doc["flow"]["lead_time"] == {"count": 2, "median_days": 75.0, "p85_days": 90.0}


def test_text_keeps_portfolio_text_on_its_line() -> None:
    out = render_trends_text(trends())
    assert "\x1b" not in out
    assert not any(line.startswith("::error::") for line in out.splitlines())
    assert "50%" in out and "75 d" in out and "1k GBP" in out


def test_markdown_escapes_portfolio_text() -> None:
    out = render_trends_markdown(trends())
    assert "<script>" not in out and "team|x" not in out
    assert "team\\|x" in out
    row = next(line for line in out.splitlines() if line.startswith("| 2026-Q1 | team"))
    assert row.count(" | ") == 8  # nine cells: the team's name did not add one


def test_every_level_any_point_had_is_a_column() -> None:
    """A scorecard that changes its levels keeps the counts of the old ones."""
    t = trends()
    first = t.snapshots[0]
    later = dataclasses.replace(first, label="2026-Q2", levels={"platinum": 1, "none": 1})
    t = dataclasses.replace(t, snapshots=[first, later])
    header, rows = series_rows(t)
    levels = header[header.index("retired") + 1 : header.index("Errors")]
    assert levels == ["gold", "silver", "bronze", "platinum", "none"]
    assert [row[8:13] for row in rows] == [["0", "1", "0", "0", "0"], ["0", "0", "0", "1", "1"]]
