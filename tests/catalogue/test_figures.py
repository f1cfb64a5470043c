"""The overview pages' figures: the capability heat map, health and the findings page."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import REFERENCE, TODAY
from support import run

from pac.catalogue.context import Catalogue, build_catalogue
from pac.catalogue.figures import (
    capability_heatmap,
    finding_counts,
    funding_level,
    health_figures,
    heat_level,
    severities,
    severity_rows,
)


def catalogue_of(folder: Path) -> Catalogue:
    result = run(folder)
    return build_catalogue(result.portfolio, result.findings, today=TODAY, prefix="portfolio/")


@pytest.mark.parametrize(("live", "level"), [(0, 0), (1, 1), (2, 2), (3, 2), (4, 4), (9, 4)])
def test_heat_level_tells_gaps_from_duplication(live: int, level: int) -> None:
    assert heat_level(live) == level


@pytest.mark.parametrize(("amount", "most", "level"), [
    ("0", "100", 0), ("-5", "100", 0), ("10", "0", 0),
    ("0.01", "100", 1), ("25", "100", 1), ("25.01", "100", 2), ("50", "100", 2),
    ("75", "100", 3), ("75.5", "100", 4), ("100", "100", 4),
    ("250", "100", 4),  # a parent's subtree may hold more than the best-funded leaf
])
def test_funding_level_is_by_quarters_of_the_best_funded_leaf(amount: str, most: str,
                                                              level: int) -> None:
    assert funding_level(Decimal(amount), Decimal(most)) == level


def test_the_heat_map_of_the_reference_portfolio() -> None:
    heat = capability_heatmap(catalogue_of(REFERENCE))
    assert [(rid, [cid for cid, _ in below]) for rid, _, below in heat.tree] == [
        ("claims-and-risk", ["claims-management", "fraud-management"]),
        ("customer-management", []),
    ]
    # a parent counts its subtree: claims-portal (live) serves claims-management
    assert heat.live == {"claims-and-risk": 1, "claims-management": 1,
                         "customer-management": 0, "fraud-management": 0}
    assert heat.heat == {"claims-and-risk": 1, "claims-management": 1,
                         "customer-management": 0, "fraud-management": 0}
    assert heat.funding == {"claims-and-risk": Decimal("2500000"),
                            "claims-management": Decimal("1550000"),
                            "customer-management": Decimal("400000"),
                            "fraud-management": Decimal("950000")}
    assert heat.funding_heat == {"claims-and-risk": 4, "claims-management": 4,
                                 "customer-management": 2, "fraud-management": 3}
    # infos (capability-gap, kpi-off-target) are not warnings; the end of support is
    assert heat.warnings == {"claims-and-risk": 1, "claims-management": 1,
                             "customer-management": 0, "fraud-management": 0}
    assert heat.risk == heat.warnings
    assert heat.period == "FY2027"


def test_without_the_current_periods_file_the_heat_map_has_no_funding(reference: Path) -> None:
    (reference / "funding" / "FY2027.yaml").unlink()
    heat = capability_heatmap(catalogue_of(reference))
    assert heat.period is None
    assert set(heat.funding.values()) == {Decimal(0)}
    assert set(heat.funding_heat.values()) == {0}


def test_a_cycle_of_parents_does_not_loop(reference: Path) -> None:
    # claims-and-risk <- claims-management <- claims-and-risk: the cycle is a finding, and
    # the heat map counts each capability of it once
    path = reference / "capabilities" / "claims-and-risk.yaml"
    path.write_text(path.read_text() + "parent: claims-management\n")
    heat = capability_heatmap(catalogue_of(reference))
    assert [rid for rid, _, _ in heat.tree] == ["customer-management"]
    assert heat.live["claims-management"] == 1
    assert heat.funding["claims-management"] == Decimal("2500000")


def test_a_warning_about_a_capability_counts_towards_its_parents(reference: Path) -> None:
    (reference / "products" / "fraud-scoring.yaml").write_text(
        (reference / "products" / "fraud-scoring.yaml").read_text().replace(
            "stage: build", "stage: live"))
    heat = capability_heatmap(catalogue_of(reference))
    assert heat.live == {"claims-and-risk": 2, "claims-management": 1,
                         "customer-management": 0, "fraud-management": 1}
    assert heat.heat["claims-and-risk"] == 2


def test_health_figures_of_the_reference_portfolio() -> None:
    health = health_figures(catalogue_of(REFERENCE))
    assert health.counts == {"gold": 0, "silver": 1, "bronze": 0, "none": 0}
    assert dict(health.by_level) == {"silver": ["claims-portal"]}
    assert health.level_order == ["gold", "silver", "bronze", "none"]
    assert health.team_levels == {"team-claims": {"silver": 1}}
    assert health.health_count == 6
    assert health.by_team == [("team-claims", {"error": 0, "warning": 1, "info": 2}),
                              ("team-risk-data", {"error": 0, "warning": 1, "info": 0})]
    rows = dict(health.by_rule)
    assert len(rows) == 20 and list(rows) == sorted(rows)  # every health rule, found or not
    assert {rule: row for rule, row in rows.items() if any(row.values())} == {
        "capability-gap": {"error": 0, "warning": 0, "info": 2},
        "kpi-off-target": {"error": 0, "warning": 0, "info": 2},
        "team-skill-gap": {"error": 0, "warning": 1, "info": 0},
        "technology-end-of-support": {"error": 0, "warning": 1, "info": 0},
    }


def test_the_findings_page_counts_by_rule_product_and_team() -> None:
    counts = finding_counts(catalogue_of(REFERENCE))
    assert counts.severities == {"error": 0, "warning": 2, "info": 4}
    assert [(rule, [f.entity for f in found]) for rule, found in counts.by_rule] == [
        ("capability-gap", ["capability:customer-management", "capability:fraud-management"]),
        ("kpi-off-target", ["product:claims-portal", "product:claims-portal"]),
        ("team-skill-gap", ["team:team-risk-data"]),
        ("technology-end-of-support", ["product:claims-portal"]),
    ]
    assert counts.by_product == [("claims-portal", {"error": 0, "warning": 1, "info": 2})]
    assert counts.by_team == [("team-claims", {"error": 0, "warning": 1, "info": 2}),
                              ("team-risk-data", {"error": 0, "warning": 1, "info": 0})]


def test_an_error_counts_in_every_figure(reference: Path) -> None:
    path = reference / "products" / "fraud-scoring.yaml"
    path.write_text(path.read_text().replace("owner: team-risk-data", "owner: team-risk"))
    cat = catalogue_of(reference)
    assert severities(cat) == {"error": 1, "warning": 2, "info": 4}
    counts = finding_counts(cat)
    assert counts.by_product == [("claims-portal", {"error": 0, "warning": 1, "info": 2}),
                                 ("fraud-scoring", {"error": 1, "warning": 0, "info": 0})]
    # the findings page counts it towards the owner it names (shown as not in the
    # portfolio, in name order by its id); the health page counts only the portfolio's teams
    assert counts.by_team == [("team-claims", {"error": 0, "warning": 1, "info": 2}),
                              ("team-risk-data", {"error": 0, "warning": 1, "info": 0}),
                              ("team-risk", {"error": 1, "warning": 0, "info": 0})]
    assert [team for team, _ in health_figures(cat).by_team] == ["team-claims",
                                                                 "team-risk-data"]


def test_severity_rows_are_in_the_order_given_with_every_severity() -> None:
    counts = {"b": Counter({"info": 2}), "a": Counter({"error": 1, "warning": 3})}
    assert severity_rows(counts, str) == [("a", {"error": 1, "warning": 3, "info": 0}),
                                          ("b", {"error": 0, "warning": 0, "info": 2})]
    names = {"a": "Zulu", "b": "Alpha"}
    assert [k for k, _ in severity_rows(counts, names.__getitem__)] == ["b", "a"]
