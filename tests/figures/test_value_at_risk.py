"""pac/figures/value_at_risk.py on a small portfolio whose figures are known in advance."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

from leaky import BY_REASON, PRODUCTS, TOTAL, write_leaky
from support import run

from pac.figures.value_at_risk import LEAKAGE_RULES, value_at_risk
from pac.findings import Finding
from pac.history.model import ValueAtRisk
from pac.money import ZERO

D = Decimal


def test_each_product_counts_once_and_under_each_of_its_reasons(tmp_path: Path) -> None:
    result = run(write_leaky(tmp_path / "portfolio"))
    risk = value_at_risk(result.portfolio, result.findings)
    assert risk == ValueAtRisk("FY2027", TOTAL, BY_REASON, PRODUCTS)
    assert list(risk.products) == ["stale", "tangled", "unknown"]  # largest funding first
    assert list(risk.by_reason) == list(LEAKAGE_RULES)
    assert sum(risk.by_reason.values()) > risk.total  # tangled has four reasons


def test_another_period_takes_its_own_funding(tmp_path: Path) -> None:
    result = run(write_leaky(tmp_path / "portfolio"))
    risk = value_at_risk(result.portfolio, result.findings, "FY2026")
    assert risk.period == "FY2026"
    assert risk.total == D("575000")  # tangled 400,000, stale 100,000, idle 75,000
    assert risk.by_reason["stale-stakeholder-review"] == D("175000")
    assert risk.by_reason["overdue-retirement"] == D("400000")
    assert risk.by_reason["value-unknown"] == ZERO
    assert list(risk.products) == ["tangled", "stale", "idle"]


def test_a_rule_switched_off_puts_nothing_at_risk(tmp_path: Path) -> None:
    folder = write_leaky(tmp_path / "portfolio")
    settings = folder / "portfolio.yaml"
    settings.write_text(settings.read_text() + "  stale-stakeholder-review: 'off'\n"
                        "  value-unknown: info\n")
    result = run(folder)
    risk = value_at_risk(result.portfolio, result.findings)
    assert risk.total == D("320000.50")  # stale is no longer at risk; unknown still is
    assert risk.by_reason["stale-stakeholder-review"] == ZERO
    assert risk.by_reason["value-unknown"] == D("120000")
    assert "stale" not in risk.products


def test_technology_going_out_of_support_soon_is_not_yet_a_leak(tmp_path: Path) -> None:
    result = run(write_leaky(tmp_path / "portfolio"))
    [soon] = [f for f in result.findings if f.entity == "product:soon"]
    assert (soon.rule, soon.severity) == ("technology-end-of-support", "info")
    assert "soon" not in value_at_risk(result.portfolio, result.findings).products
    overdue = dataclasses.replace(soon, milder=False, message="Java went out of support")
    risk = value_at_risk(result.portfolio, [*result.findings, overdue])
    assert risk.products["soon"] == ("technology-end-of-support",)
    assert risk.total == TOTAL + D("80000")


def test_only_product_findings_of_the_leakage_rules_count(tmp_path: Path) -> None:
    result = run(write_leaky(tmp_path / "portfolio"))
    others = [
        Finding("team-overloaded", "teams/team-a.yaml", "busy", entity="product:healthy"),
        Finding("stale-stakeholder-review", "x.yaml", "stale", entity="team:healthy"),
        Finding("stale-stakeholder-review", "x.yaml", "stale", entity="product:gone"),
    ]
    risk = value_at_risk(result.portfolio, others)
    assert (risk.total, risk.products) == (ZERO, {})


def test_no_period_no_value_at_risk(tmp_path: Path) -> None:
    result = run(write_leaky(tmp_path / "portfolio"))
    risk = value_at_risk(result.portfolio, result.findings, "FY2030")
    assert risk == ValueAtRisk("FY2030", ZERO, dict.fromkeys(LEAKAGE_RULES, ZERO), {})
    settings = tmp_path / "portfolio" / "portfolio.yaml"
    settings.write_text(settings.read_text().replace("current_period: FY2027\n", ""))
    result = run(tmp_path / "portfolio")
    risk = value_at_risk(result.portfolio, result.findings)
    assert (risk.period, risk.total, risk.products) == (None, ZERO, {})
