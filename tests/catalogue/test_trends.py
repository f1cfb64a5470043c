"""The Trends page and a product's stages, rendered from a `Trends` written here (pac.history
computes the real one from git): each figure where a reader looks for it, the page without
history saying how to get it, and hostile text from the history shown as text."""

from __future__ import annotations

import datetime
import html as html_module
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from conftest import REFERENCE, TODAY
from support import run

from pac.catalogue.context import build_catalogue
from pac.catalogue.pages import render_pages
from pac.catalogue.trends import days, say_do, stage_stays
from pac.history.model import (
    Durations,
    Flow,
    FundingPoint,
    Kept,
    QuarterPromises,
    Snapshot,
    StageVisit,
    Timeline,
    Trends,
    ValueAtRisk,
)

STAGES = ("ideation", "discovery", "build", "live", "sunset", "retired")
D = datetime.date
HOSTILE = "<script>alert(\"x\")</script> & 'y'"


def snapshot(label: str, day: datetime.date, stages: dict[str, int], *,
             period: str | None = "FY2027", run_: int = 0, change: int = 0,
             findings: dict[str, dict[str, int]] | None = None,
             coverage: tuple[int, int] = (2, 4), at_risk: dict[str, int] | None = None,
             products_at_risk: dict[str, tuple[str, ...]] | None = None) -> Snapshot:
    by_reason = {rule: Decimal(n) for rule, n in (at_risk or {}).items()}
    return Snapshot(
        label=label, date=day, commit="c0ffee" + label, products=sum(stages.values()),
        stages={s: stages.get(s, 0) for s in STAGES},
        levels={"Bronze": 1, "Silver": sum(stages.values()) - 1, "none": 0},
        findings=findings or {},
        funding=FundingPoint(period, {"build": Decimal(change), "live": Decimal(run_)},
                             Decimal(run_), Decimal(change)),
        coverage=coverage,
        value_at_risk=ValueAtRisk(period, sum(by_reason.values(), Decimal(0)), by_reason,
                                  products_at_risk or {}))


def trends(**changes: object) -> Trends:
    made = Trends(
        every="quarter", start=D(2026, 1, 1), end=D(2026, 11, 22), currency="USD",
        snapshots=[
            snapshot("2026-Q1", D(2026, 3, 31), {"build": 1, "live": 1}, period=None,
                     findings={"warning": {"stale-stakeholder-review": 3, "old-rule": 1}}),
            snapshot("2026-Q2", D(2026, 6, 30), {"build": 1, "live": 2}, run_=900_000,
                     change=300_000, findings={"warning": {"stale-stakeholder-review": 2,
                                                           "kpi-off-target": 1}},
                     coverage=(3, 4)),
            snapshot("2026-Q3", D(2026, 9, 30), {"build": 1, "live": 1, "sunset": 1},
                     run_=1_000_000, change=500_000,
                     findings={"error": {"unknown-reference": 1},
                               "warning": {"kpi-off-target": 4},
                               "info": {"live-product-without-roadmap": 2}},
                     at_risk={"kpi-off-target": 750_000, "stale-stakeholder-review": 250_000},
                     products_at_risk={"claims-portal": ("kpi-off-target",),
                                       "customer-identity": ("kpi-off-target",
                                                             "stale-stakeholder-review")}),
        ],
        flow=Flow(
            lead_time=Durations(4, 120.0, 301.4),
            lead_time_by_team={"team-risk-data": Durations(1, 95.0, 95.0),
                               "team-claims": Durations(3, 130.5, 310.0),
                               "team-gone": Durations(1, 1.0, 1.0)},
            lead_time_by_kind={"service": Durations(2, 60.0, 80.0),
                               "application": Durations(2, 140.0, 200.0)},
            time_in_stage={"ideation": Durations(3, 30.0, 45.0),
                           "discovery": Durations(0, None, None)},
            sunset_to_retired=Durations(0, None, None),
            timelines={"fraud-scoring": Timeline("fraud-scoring", "team-risk-data", "service", (
                StageVisit("ideation", D(2025, 10, 1), "since"),
                StageVisit("discovery", D(2025, 12, 15), "history", "abc123"),
                StageVisit("build", D(2026, 2, 1), "history", "def456")))}),
        promises=[
            QuarterPromises("2026-Q3", True, {
                "team-risk-data": Kept({"done": 2, "carried": 1, "dropped": 0, "removed": 1,
                                        "open": 0}),
                "team-claims": Kept({"done": 1, "carried": 0, "dropped": 1, "removed": 0,
                                     "open": 0})},
                Kept({"done": 3, "carried": 1, "dropped": 1, "removed": 1, "open": 0})),
            QuarterPromises("2026-Q4", False, {
                "team-claims": Kept({"done": 0, "carried": 0, "dropped": 0, "removed": 0,
                                     "open": 2})},
                Kept({"done": 0, "carried": 0, "dropped": 0, "removed": 0, "open": 2})),
        ])
    return Trends(**{**made.__dict__, **changes})  # type: ignore[arg-type]


def pages(made: Trends | None) -> dict[str, str]:
    result = run(REFERENCE)
    cat = build_catalogue(result.portfolio, result.findings, today=TODAY, prefix="portfolio/",
                          trends=made)
    return {page.path: page.text for page in render_pages(cat)}


def text(html: str) -> str:
    """What a reader sees: the tags gone, the spaces collapsed."""
    return html_module.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip())


def section(page: str, heading_id: str) -> str:
    """From a heading to the next heading of the same or a higher level."""
    start = re.search(rf'<h([23]) id="{re.escape(heading_id)}">', page)
    assert start, heading_id
    level = int(start.group(1))
    end = re.compile(rf"<h[2-{level}][ >]").search(page, start.end())
    return page[start.start():end.start() if end else len(page)]


def rows(page: str, table_id: str) -> list[str]:
    found = re.search(rf'<table id="{re.escape(table_id)}">(.*?)</table>', page, re.S)
    assert found, table_id
    return [text(row) for row in re.findall(r"<tr.*?</tr>", found.group(1), re.S)]


def figure(html: str) -> ET.Element:
    found = re.search(r'<div class="pac-figure">.*?</details>\n</div>', html, re.S)
    assert found
    return ET.fromstring(found.group())


def test_trends_follow_the_roadmap_in_the_navigation_and_the_page_order() -> None:
    made = pages(trends())
    order = list(made)
    assert order.index("trends.md") == order.index("roadmap.md") + 1
    assert made["trends.md"].startswith('---\ntitle: "Trends"\n')


def test_without_history_the_page_says_so_and_how_to_get_it() -> None:
    page = text(pages(None)["trends.md"])
    assert "The trends are not available: the site was built outside a git repository, or " \
           "with --no-history ." in page
    assert "git fetch --unshallow" in page and "fetch-depth: 0" in page
    assert "pac-figure" not in pages(None)["trends.md"]


def test_a_history_without_a_snapshot_says_when_the_trends_begin() -> None:
    page = text(pages(trends(snapshots=[], promises=[]))["trends.md"])
    assert "The history holds no portfolio between 2026-01-01 and 2026-11-22" in page


def test_the_summary_names_the_span_and_a_shallow_history_is_flagged() -> None:
    page = pages(trends(truncated=True))["trends.md"]
    assert "How the portfolio changed from 2026-Q1 to 2026-Q3. Each point is the portfolio " \
           "as it stood at the end of a quarter" in text(page)
    assert "This history comes from a shallow clone and stops early." in page


def test_products_by_stage_and_level_are_stacked_charts_of_the_counts() -> None:
    page = pages(trends())["trends.md"]
    stages = figure(section(page, "stages"))
    svg = stages.find("{http://www.w3.org/2000/svg}svg")
    assert svg is not None and svg.findtext("{http://www.w3.org/2000/svg}title") == \
        "Products by stage"
    assert svg.findtext("{http://www.w3.org/2000/svg}desc") == (
        "Products by stage, 2026-Q1 to 2026-Q3. At 2026-Q3: ideation 0, discovery 0, build 1, "
        "live 1, sunset 1, retired 0; in all 3.")
    assert ["".join(li.itertext()) for li in stages.findall("ul/li")][3:5] == [
        "live: 1", "sunset: 1"]
    # live is green, as its badge is
    classes = {g.get("data-series"): g[0].get("class")
               for g in svg.iter("{http://www.w3.org/2000/svg}g") if g.get("data-series")}
    assert classes["live"] == "pac-area pac-series-3"
    levels = figure(section(page, "scorecard"))
    assert [th.text for th in levels.findall("details/table/thead/tr/th")] == [
        "end of quarter", "Bronze", "Silver", "no level", "In all"]


def test_findings_by_severity_and_the_checks_with_the_most() -> None:
    page = pages(trends())["trends.md"]
    chart = figure(section(page, "findings"))
    assert ["".join(r.itertext()) for r in chart.findall("details/table/tbody/tr")] == [
        "2026-Q1040", "2026-Q2030", "2026-Q3142"]
    assert [th.text for th in chart.findall("details/table/thead/tr/th")][1:] == [
        "error", "warning", "info"]
    assert rows(page, "pac-trends-rules") == [
        "Check What it looks for 2026-Q1 2026-Q3 Change",
        "kpi-off-target A KPI that misses its target. 0 4 +4",
        "live-product-without-roadmap A live or build product with no theme in the current or "
        "next quarter. 0 2 +2",
        "unknown-reference A reference to a team, capability, objective, product or period "
        "that does not exist (a theme's or a priority's objective too). 0 1 +1",
        "stale-stakeholder-review A live product whose stakeholders went unasked. 3 0 -3",
        "old-rule a check pac no longer makes 1 0 -1"]


def test_funding_is_money_with_a_gap_where_no_period_was_current() -> None:
    page = pages(trends())["trends.md"]
    funding = section(page, "funding")
    by_stage, split = re.findall(r'<div class="pac-figure">.*?</details>\n</div>', funding, re.S)
    table = [["".join(c.itertext()) for c in row]
             for row in ET.fromstring(split).findall("details/table/tbody/tr")]
    assert table == [["2026-Q1", "—", "—", "—"],
                     ["2026-Q2", "900,000\u00a0USD", "300,000\u00a0USD", "1,200,000\u00a0USD"],
                     ["2026-Q3", "1,000,000\u00a0USD", "500,000\u00a0USD",
                      "1,500,000\u00a0USD"]]
    assert "Funding by stage, 2026-Q1 to 2026-Q3. At 2026-Q3: build 500,000\u00a0USD, live " \
           "1,000,000\u00a0USD; in all 1,500,000\u00a0USD." in by_stage


def test_a_history_without_funding_says_so() -> None:
    made = trends()
    unfunded = [Snapshot(**{**s.__dict__, "funding": FundingPoint(None, {}, Decimal(0),
                                                                   Decimal(0))})
                for s in made.snapshots]
    page = text(section(pages(trends(snapshots=unfunded))["trends.md"], "funding"))
    assert page == "Funding No funding period was current at any point of the history."


def test_coverage_is_the_share_of_leaf_capabilities_served() -> None:
    chart = figure(section(pages(trends())["trends.md"], "coverage"))
    assert ["".join(r.itertext()) for r in chart.findall("details/table/tbody/tr")] == [
        "2026-Q150%", "2026-Q275%", "2026-Q350%"]


def test_value_at_risk_over_time_and_by_sign_at_the_latest_point() -> None:
    page = pages(trends())["trends.md"]
    risk = section(page, "value-at-risk")
    chart = figure(risk)
    assert ["".join(li.itertext()) for li in chart.findall("ul/li")] == [
        "funding at risk: 1,000,000\u00a0USD"]
    assert "At the end of 2026-Q3, by sign (a product with two signs counts under each), in " \
           "the funding of FY2027:" in text(risk)
    found = rows(page, "pac-trends-risk")
    assert found[1].startswith("kpi-off-target ") and found[1].endswith(" 750,000 USD 2")
    assert found[2].startswith("stale-stakeholder-review ") and found[2].endswith(
        " 250,000 USD 1")


def test_flow_lead_times_overall_by_team_and_by_kind() -> None:
    page = pages(trends())["trends.md"]
    assert rows(page, "pac-trends-lead-time") == [
        "Products Median 85th percentile Counted", "All products 120 days 301 days 4"]
    # by team name; a team the portfolio no longer has is named as the history has it
    assert rows(page, "pac-trends-lead-team")[1:] == [
        "Claims Team 131 days 310 days 3", "Risk Data Team 95 days 95 days 1",
        "team-gone 1 day 1 day 1"]
    lead = section(page, "lead-time")
    assert '<a href="teams/team-claims.html">Claims Team</a>' in lead
    assert '<span class="pac-missing" title="not in the portfolio">team-gone</span>' in lead
    assert rows(page, "pac-trends-lead-kind")[1:] == [
        "application 140 days 200 days 2", "service 60 days 80 days 2"]
    assert rows(page, "pac-trends-stages")[1:] == ["ideation 30 days 45 days 3",
                                                   "discovery — — 0"]
    assert rows(page, "pac-trends-sunset")[1:] == ["Retired products — — 0"]


def test_promises_kept_per_quarter_newest_first_with_the_portfolio_row() -> None:
    page = pages(trends())["trends.md"]
    promises = section(page, "promises")
    assert [m for m in re.findall(r'<h3 id="promises-([^"]+)"', promises)] == [
        "2026-Q4", "2026-Q3"]
    assert "2026-Q4 (not over yet)" in text(promises)
    assert rows(page, "pac-promises-2026-Q3") == [
        "Team Promised Done Carried Dropped Removed silently Open Say/do",
        "Claims Team 2 1 0 1 0 0 50%", "Risk Data Team 4 2 1 0 1 0 50%",
        "Portfolio 6 3 1 1 1 0 50%"]
    assert rows(page, "pac-promises-2026-Q4")[-1] == "Portfolio 2 0 0 0 0 2 0%"


def test_each_figure_is_explained_in_a_plain_sentence() -> None:
    page = pages(trends())["trends.md"]
    for heading in ("stages", "scorecard", "findings", "funding", "coverage", "value-at-risk",
                    "lead-time", "time-in-stage", "sunset-to-retired", "promises"):
        first = re.search(r"</h[23]>\s*<p>([^<]+)", section(page, heading))
        assert first and first.group(1).endswith((".", ":")), heading


def test_text_from_the_history_stays_text() -> None:
    made = trends()
    hostile = Flow(**{**made.flow.__dict__,
                      "lead_time_by_team": {HOSTILE: Durations(1, 2.0, 3.0)},
                      "lead_time_by_kind": {HOSTILE: Durations(1, 2.0, 3.0)}})
    last = made.snapshots[-1]
    snapshots = [*made.snapshots[:-1], Snapshot(**{
        **last.__dict__, "findings": {"warning": {HOSTILE: 2}},
        "levels": {HOSTILE: 3}})]
    page = pages(trends(flow=hostile, snapshots=snapshots, promises=[
        QuarterPromises(HOSTILE, True, {HOSTILE: Kept({"done": 1})}, Kept({"done": 1}))]))[
            "trends.md"]
    assert "<script" not in page
    assert page.count("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;y&#39;") >= 6


@pytest.mark.parametrize(("value", "written"), [
    (None, "—"), (0.0, "0 days"), (1.0, "1 day"), (1.4, "1 day"), (2.5, "3 days"),
    (1234.0, "1,234 days")])
def test_days_are_whole(value: float | None, written: str) -> None:
    assert days(value) == written


@pytest.mark.parametrize(("ratio", "written"), [
    (None, "—"), (Decimal(0), "0%"), (Decimal(1), "100%"), (Decimal(2) / Decimal(3), "67%")])
def test_say_do_is_a_whole_percentage(ratio: Decimal | None, written: str) -> None:
    assert say_do(ratio) == written


def test_a_product_page_shows_each_stage_entered_and_how_long_it_lasted() -> None:
    made = pages(trends())
    page = made["products/fraud-scoring.md"]
    stages = section(page, "stages")
    assert rows_of_list(stages) == [
        "ideation 2025-10-01 75 days (from its since date: it was in this stage before the "
        "history began)",
        "discovery 2025-12-15 48 days",
        "build 2026-02-01 294 days so far"]
    assert '<time datetime="2025-12-15">2025-12-15</time>' in stages
    # a product without a timeline has no such section; without history neither has any
    assert 'id="stages"' not in made["products/claims-portal.md"]
    assert 'id="stages"' not in pages(None)["products/fraud-scoring.md"]


def rows_of_list(html: str) -> list[str]:
    return [text(item) for item in re.findall(r"<li.*?</li>", html, re.S)]


def test_the_days_of_the_stage_a_product_is_in_run_to_today() -> None:
    result = run(REFERENCE)
    cat = build_catalogue(result.portfolio, result.findings, today=D(2026, 2, 11),
                          prefix="portfolio/", trends=trends())
    assert [(s.stage, s.days, s.current) for s in stage_stays(cat, "fraud-scoring")] == [
        ("ideation", 75, False), ("discovery", 48, False), ("build", 10, True)]
    assert stage_stays(cat, "claims-portal") == []
