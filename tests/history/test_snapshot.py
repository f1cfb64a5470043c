"""The figures of one point of a trend (pac.history.snapshot): stages, levels, findings,
funding, coverage and value at risk, in real git repositories with dated commits."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from dated_portfolio import product, start, trends

from pac.findings import Finding, Severity
from pac.history.snapshot import findings_by_severity


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


@pytest.mark.parametrize("every", ["quarter", "month"])
def test_every_point_has_every_stage(tmp_path: Path, every: str) -> None:
    repo = start(tmp_path, {"a": product("a", "live")}, on="2026-05-01")
    for s in trends(repo, "2026-07-01", every=every).snapshots:
        assert list(s.stages) == ["ideation", "discovery", "build", "live", "sunset", "retired"]


def test_findings_are_counted_by_severity_then_rule() -> None:
    found = [Finding("b-rule", "f", "m", severity=Severity.WARNING),
             Finding("a-rule", "f", "m", severity=Severity.WARNING),
             Finding("a-rule", "g", "m", severity=Severity.WARNING),
             Finding("c-rule", "f", "m", severity=Severity.ERROR)]
    assert findings_by_severity(found) == {
        "error": {"c-rule": 1}, "warning": {"a-rule": 2, "b-rule": 1}, "info": {}}
    assert list(findings_by_severity(found)["warning"]) == ["a-rule", "b-rule"]
