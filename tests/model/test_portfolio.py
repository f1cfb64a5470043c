"""The resolved portfolio's own indexes, used by the rules, the diff, the export and the site."""

from __future__ import annotations

from pathlib import Path

from conftest import REFERENCE
from support import run

from pac.model.portfolio import FALLBACK_SETTINGS, Portfolio


def test_products_by_owner_and_active_products_per_team(reference: Path) -> None:
    portfolio = run(REFERENCE).portfolio
    assert portfolio.products_by_owner() == {
        "team-claims": ["claims-portal"],
        "team-risk-data": ["customer-identity", "fraud-scoring"],
    }
    assert portfolio.active_products_per_team() == {"team-claims": 1, "team-risk-data": 2}
    identity = reference / "products" / "customer-identity.yaml"
    identity.write_text(identity.read_text().replace("stage: sunset", "stage: retired")
                        .replace("  retire_by: 2027-06-30\n", ""))
    assert run(reference).portfolio.active_products_per_team() == {
        "team-claims": 1, "team-risk-data": 1}


def test_entity_count_includes_files_that_failed(reference: Path) -> None:
    (reference / "teams" / "team-broken.yaml").write_text("id: team-broken\nname: [\n")
    (reference / "products" / "half.yaml").write_text("id: half\nname: Half\n")
    portfolio = run(reference).portfolio
    assert portfolio.entity_count() == {
        "products": 4, "teams": 3, "capabilities": 4, "objectives": 1, "funding": 1}
    assert sorted(portfolio.products) == ["claims-portal", "customer-identity", "fraud-scoring"]
    assert "half" in portfolio.known["product"]


def test_of_kind_file_of_and_settings_file() -> None:
    portfolio = run(REFERENCE).portfolio
    assert sorted(portfolio.of_kind("capability")) == [
        "claims-and-risk", "claims-management", "customer-management", "fraud-management"]
    assert portfolio.of_kind("funding")["FY2027"].period == "FY2027"
    assert portfolio.file_of("team", "team-claims") == "portfolio/teams/team-claims.yaml"
    assert portfolio.settings_file == "portfolio/portfolio.yaml"
    empty = Portfolio(FALLBACK_SETTINGS, {}, {}, {}, {}, {}, {}, {})
    assert empty.settings_file == "portfolio.yaml"
    assert FALLBACK_SETTINGS.name == "(portfolio.yaml could not be read)"
