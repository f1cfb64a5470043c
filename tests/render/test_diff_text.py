"""`pac diff` for a terminal and as JSON: two versions of the reference portfolio, compared."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import REFERENCE, TODAY
from support import run

from pac.changes.diff import Comparison, compare
from pac.render.diff_text import counts, diff_document, render_diff_json, render_diff_text

P = "products/"


def _compare(tmp_path: Path, edits: list[tuple[str, str, str]],
             moves: tuple[tuple[str, str], ...] = ()) -> Comparison:
    """The reference portfolio against a copy with files moved, then text replaced."""
    head = tmp_path / "head"
    shutil.copytree(REFERENCE, head)
    for old, new in moves:
        (head / old).rename(head / new)
    for name, old, new in edits:
        text = (head / name).read_text()
        assert old in text, (name, old)
        (head / name).write_text(text.replace(old, new))
    return compare(run(REFERENCE), run(head), base_label="main", head_label="proposal",
                   today=TODAY)


GROWTH = [
    (P + "fraud-scoring.yaml", "stage: build", "stage: live"),
    (P + "fraud-scoring.yaml", "tags: [ml]", "tags: [ml, realtime]"),
    ("funding/FY2027.yaml", "envelope: 4000000", "envelope: 4500000"),
]


def _with_objective(tmp_path: Path) -> Comparison:
    head = tmp_path / "head"
    shutil.copytree(REFERENCE, head)
    objective = "id: faster-claims\nname: Faster claims\n"
    (head / "objectives" / "faster-claims.yaml").write_text(objective)
    for name, old, new in GROWTH:
        (head / name).write_text((head / name).read_text().replace(old, new))
    return compare(run(REFERENCE), run(head), base_label="main", head_label="proposal",
                   today=TODAY)


def test_text_headlines_entities_and_findings(tmp_path: Path) -> None:
    assert render_diff_text(_with_objective(tmp_path)) == """\
Portfolio changes from main to proposal: 1 added, 0 removed, 0 renamed, 2 changed; 3 findings introduced, 1 resolved.
  * This change puts 950,000 USD more at risk (FY2027: 1,550,000 USD → 2,500,000 USD)
  * FY2027 envelope +500,000 USD (+12%)
  * Fraud Scoring Service moves from build to live
  * New objective: Faster claims
  * 2 warnings introduced
  * 1 info introduced
  * 1 info resolved
changed product:fraud-scoring: Fraud Scoring Service
    lifecycle.stage: build → live
    tags: added realtime
added objective:faster-claims: Faster claims
changed funding:FY2027
    envelope: 4,000,000 → 4,500,000
value at risk: FY2027 1,550,000 USD -> FY2027 2,500,000 USD
  newly at risk: product:fraud-scoring (value-unknown)
introduced: portfolio/objectives/faster-claims.yaml:1:5: warning objective-unserved no product serves this objective
introduced: portfolio/products/fraud-scoring.yaml:6:1: info value-unknown the product is funded but its value is not estimated
introduced: portfolio/products/fraud-scoring.yaml:16:5: warning kpi-stale KPI 'Fraud caught before payout' has never been measured
resolved: portfolio/capabilities/fraud-management.yaml: info capability-gap no live product serves this capability
"""  # noqa: E501


def test_json_contract(tmp_path: Path) -> None:
    document = json.loads(render_diff_json(_with_objective(tmp_path)))
    assert {k: document[k] for k in ("version", "base", "head", "summary", "levels_skipped",
                                     "levels")} == {
        "version": 3, "base": "main", "head": "proposal",
        "summary": {"added": 1, "removed": 0, "renamed": 0, "changed": 2,
                    "findings_introduced": 3, "findings_resolved": 1, "errors_introduced": 0,
                    "levels_down": 0},
        "levels_skipped": None, "levels": [],
    }
    assert document["headlines"] == [
        "This change puts 950,000 USD more at risk (FY2027: 1,550,000 USD → 2,500,000 USD)",
        "FY2027 envelope +500,000 USD (+12%)", "Fraud Scoring Service moves from build to live",
        "New objective: Faster claims", "2 warnings introduced", "1 info introduced",
        "1 info resolved"]
    assert document["entities"] == [
        {"entity": "product:fraud-scoring", "kind": "product", "id": "fraud-scoring",
         "status": "changed", "name": "Fraud Scoring Service", "old_id": None,
         "changes": [{"path": "lifecycle.stage", "kind": "value", "old": "build", "new": "live"},
                     {"path": "tags", "kind": "set", "old": [], "new": ["realtime"]}]},
        {"entity": "objective:faster-claims", "kind": "objective", "id": "faster-claims",
         "status": "added", "name": "Faster claims", "old_id": None, "changes": []},
        {"entity": "funding:FY2027", "kind": "funding", "id": "FY2027", "status": "changed",
         "name": "FY2027", "old_id": None,
         "changes": [{"path": "envelope", "kind": "value", "old": 4000000, "new": 4500000}]},
    ]
    assert document["funding"] == [{
        "period": "FY2027",
        "before": {"envelope": 4000000, "run": 1450000, "change": 1450000, "allocated": 2900000},
        "after": {"envelope": 4500000, "run": 1450000, "change": 1450000, "allocated": 2900000},
    }]
    introduced = document["findings"]["introduced"]
    assert [(f["rule"], f["severity"], f["file"], f["line"], f["column"], f["path"])
            for f in introduced] == [
        ("objective-unserved", "warning", "portfolio/objectives/faster-claims.yaml", 1, 5, "id"),
        ("value-unknown", "info", "portfolio/products/fraud-scoring.yaml", 6, 1, "lifecycle"),
        ("kpi-stale", "warning", "portfolio/products/fraud-scoring.yaml", 16, 5, "kpis[0]"),
    ]
    assert document["findings"]["resolved"] == [{
        "rule": "capability-gap", "severity": "info",
        "file": "portfolio/capabilities/fraud-management.yaml", "line": 2, "column": 5,
        "path": "id", "entity": "capability:fraud-management",
        "message": "no live product serves this capability",
        "hint": "a gap the organisation accepts, or a product to plan"}]


def test_a_rename_and_a_level_falling(tmp_path: Path) -> None:
    """A renamed product keeps its level history: it falls under its new id, and the
    JSON names the old one."""
    c = _compare(tmp_path, [
        (P + "claims-hub.yaml", "id: claims-portal",
         "id: claims-hub\nprevious_ids: [claims-portal]"),
        (P + "claims-hub.yaml", "last_stakeholder_review: 2026-08-20",
         "last_stakeholder_review: 2025-01-20"),
        ("funding/FY2027.yaml", "product: claims-portal", "product: claims-hub"),
    ], moves=((P + "claims-portal.yaml", P + "claims-hub.yaml"),))
    lines = render_diff_text(c).splitlines()
    assert lines[:4] == [
        "Portfolio changes from main to proposal: 0 added, 0 removed, 1 renamed, 0 changed; "
        "4 findings introduced, 3 resolved.",
        "  * Claims Portal falls from silver to bronze on the scorecard "
        "(fails stakeholder-review-current)",
        "  * Claims Portal: product renamed from claims-portal to claims-hub",
        "  * 2 warnings introduced",
    ]
    assert lines[7:10] == [
        "renamed product:claims-hub (was claims-portal): Claims Portal",
        "    last_stakeholder_review: 2026-08-20 → 2025-01-20",
        "level down: product:claims-hub silver -> bronze (fails stakeholder-review-current)",
    ]
    # a finding belongs to its file: in the renamed file it is new, in the old one resolved
    assert lines[13] == (
        "introduced: portfolio/products/claims-hub.yaml:58:26: warning stale-stakeholder-review "
        "the last stakeholder review was 671 days ago, more than 180")
    assert lines[-1] == (
        "resolved: portfolio/products/claims-portal.yaml: warning technology-end-of-support "
        "PostgreSQL 14 went out of support on 2026-11-12")
    document = diff_document(c)
    assert document["summary"]["renamed"] == 1
    assert document["summary"]["levels_down"] == 1
    assert document["levels"] == [{"product": "claims-hub", "old_id": "claims-portal",
                                   "before": "silver", "after": "bronze", "direction": "down",
                                   "missing": ["stakeholder-review-current"]}]


def test_a_level_rising_and_an_error_introduced(tmp_path: Path) -> None:
    c = _compare(tmp_path, [
        (P + "claims-portal.yaml", "end_of_support: 2026-11-12", "end_of_support: 2028-11-12"),
        (P + "fraud-scoring.yaml", "owner: team-risk-data", "owner: team-risk"),
    ])
    assert render_diff_text(c).splitlines() == [
        "Portfolio changes from main to proposal: 0 added, 0 removed, 0 renamed, 2 changed; "
        "1 finding introduced, 1 resolved.",
        "  * 1 error introduced",
        "  * This change takes 1,550,000 USD out of value at risk (FY2027: 1,550,000 USD → "
        "0 USD)",
        "  * Fraud Scoring Service moves from Risk Data Team to team-risk",
        "  * team-risk gains a product (1)",
        "  * Risk Data Team loses a product (1)",
        "  * Claims Portal rises from silver to gold on the scorecard",
        "  * 1 warning resolved",
        "changed product:claims-portal: Claims Portal",
        "    technology[PostgreSQL].end_of_support: 2026-11-12 → 2028-11-12",
        "changed product:fraud-scoring: Fraud Scoring Service",
        "    owner: team-risk-data → team-risk",
        "level up: product:claims-portal silver -> gold",
        "value at risk: FY2027 1,550,000 USD -> FY2027 0 USD",
        "  no longer at risk: product:claims-portal",
        "introduced: portfolio/products/fraud-scoring.yaml:9:8: error unknown-reference "
        "'team-risk' is not a team",
        "resolved: portfolio/products/claims-portal.yaml: warning technology-end-of-support "
        "PostgreSQL 14 went out of support on 2026-11-12",
    ]
    summary = diff_document(c)["summary"]
    assert (summary["errors_introduced"], summary["levels_down"]) == (1, 0)
    assert diff_document(c)["levels"][0]["direction"] == "up"
    assert diff_document(c)["levels"][0]["missing"] == []


def test_levels_not_compared_without_portfolio_yaml(tmp_path: Path) -> None:
    head = tmp_path / "head"
    shutil.copytree(REFERENCE, head)
    (head / "portfolio.yaml").unlink()
    c = compare(run(REFERENCE), run(head), base_label="main", head_label="HEAD", today=TODAY)
    assert counts(c) == ("0 added, 1 removed, 0 renamed, 0 changed; "
                         "0 findings introduced, 1 resolved")
    assert render_diff_text(c).splitlines()[:4] == [
        f"Portfolio changes from main to HEAD: {counts(c)}.",
        "  * Removed portfolio: Northwind Mutual",
        "  * Scorecard levels not compared: portfolio.yaml could not be read in HEAD",
        "  * 1 warning resolved",
    ]
    assert diff_document(c)["levels_skipped"] == "portfolio.yaml could not be read in HEAD"
    # nor the value at risk: without portfolio.yaml there is no current period
    assert diff_document(c)["value_at_risk"] is None
    assert "value at risk" not in render_diff_text(c)


def test_portfolio_text_stays_on_its_line(tmp_path: Path) -> None:
    c = _compare(tmp_path, [(P + "fraud-scoring.yaml", "name: Fraud Scoring Service",
                             'name: "Fraud\\nScoring\\e[2J"')])
    lines = render_diff_text(c).splitlines()
    assert "changed product:fraud-scoring: Fraud Scoring [2J" in lines
    assert "    name: Fraud Scoring Service → Fraud Scoring [2J" in lines
    assert diff_document(c)["entities"][0]["name"] == "Fraud\nScoring\x1b[2J"
