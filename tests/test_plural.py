"""Counts in what users read: 0 findings, 1 finding, 2 findings."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from conftest import TODAY
from support import run

from pac.catalogue.context import build_catalogue
from pac.catalogue.pages import render_pages
from pac.changes.diff import Comparison
from pac.changes.entities import Changes
from pac.findings import Finding, Severity
from pac.plural import plural
from pac.render.diff_text import render_diff_text

WORDS = {0: "findings", 1: "finding", 2: "findings"}


@pytest.mark.parametrize("n", [0, 1, 2])
def test_plural(n: int) -> None:
    assert plural(n, "finding") == f"{n} {WORDS[n]}"
    assert plural(n, "capability", "capabilities") == (
        "1 capability" if n == 1 else f"{n} capabilities"
    )


@pytest.mark.parametrize("n", [0, 1, 2])
def test_diff_counts_findings_introduced(n: int) -> None:
    finding = Finding("kpi-stale", "portfolio/products/a.yaml", "m", severity=Severity.WARNING)
    comparison = Comparison("main", "HEAD", Changes(), [finding] * n, [])
    first = render_diff_text(comparison).splitlines()[0]
    assert f"; {n} {WORDS[n]} introduced, 0 resolved" in first


@pytest.mark.parametrize(("days", "text"), [(1, "1 day ago"), (2, "2 days ago")])
def test_overdue_retirement_counts_days(reference: Path, days: int, text: str) -> None:
    product = reference / "products" / "customer-identity.yaml"
    retire_by = (TODAY - datetime.timedelta(days=days)).isoformat()
    product.write_text(product.read_text().replace("retire_by: 2027-06-30",
                                                   f"retire_by: {retire_by}"))
    [finding] = [f for f in run(reference).findings if f.rule == "overdue-retirement"]
    assert finding.message == f"the product was to be retired by {retire_by}, {text}"


def test_teams_without_members_count_their_products(reference: Path) -> None:
    for team in ("team-claims", "team-risk-data"):
        path = reference / "teams" / f"{team}.yaml"
        text = path.read_text()
        path.write_text(text[: text.index("members:")] + "members: []\n")
    messages = sorted(f.message for f in run(reference).findings
                      if f.rule == "team-without-members")
    assert messages == ["the team owns 1 product but lists no member",
                        "the team owns 2 products but lists no member"]


def test_home_page_counts_one_objective(reference: Path) -> None:
    result = run(reference)
    catalogue = build_catalogue(result.portfolio, result.findings, today=TODAY,
                                prefix="portfolio/")
    [home] = [page.text for page in render_pages(catalogue) if page.path == "index.md"]
    assert ("3 products owned by 2 teams, serving 4 business capabilities and 1 objective."
            in home)
