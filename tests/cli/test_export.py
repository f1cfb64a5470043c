"""pac export: the resolved portfolio as JSON and as CSV tables a spreadsheet opens."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from pac.cli import cli


def test_json_resolves_references_and_adds_figures(reference: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(reference), "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["version"] == 1
    claims = next(p for p in document["products"] if p["id"] == "claims-portal")
    assert claims["owner_name"] == "Claims Team"
    assert claims["funding"] == {"FY2027": {"run": 900000.0, "change": 650000.0,
                                            "total": 1550000.0}}
    assert claims["total_funding"] == 1550000.0
    assert claims["lifecycle"] == {"stage": "live", "since": "2022-04-01"}
    assert claims["scorecard"] == {"level": "silver", "next_level": "gold",
                                   "missing": ["technology-supported", "no-warnings"]}
    fraud_scoring = next(p for p in document["products"] if p["id"] == "fraud-scoring")
    assert fraud_scoring["scorecard"] is None  # in build: only live products are scored
    risk = next(t for t in document["teams"] if t["id"] == "team-risk-data")
    assert risk["products"] == ["customer-identity", "fraud-scoring"]
    fraud = next(c for c in document["capabilities"] if c["id"] == "fraud-management")
    assert (fraud["products"], fraud["live_products"]) == (["fraud-scoring"], 0)


def test_csv_tables_open_in_a_spreadsheet(reference: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result = CliRunner().invoke(cli, ["export", str(reference), "--format", "csv", "--out",
                                      str(out), "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "allocations.csv", "capabilities.csv", "products.csv", "teams.csv"]
    assert (out / "allocations.csv").read_text().splitlines() == [
        "period,product,run,change,total,source",
        "FY2027,claims-portal,900000,650000,1550000,cc-claims-ops",
        "FY2027,fraud-scoring,150000,800000,950000,cc-risk",
        "FY2027,customer-identity,400000,0,400000,cc-digital",
    ]
    assert (out / "products.csv").read_text().splitlines() == [
        "id,name,kind,stage,owner,owner_name,capabilities,objectives,disposition,annual_value,"
        "run_FY2027,change_FY2027,total_funding,level",
        "claims-portal,Claims Portal,application,live,team-claims,Claims Team,claims-management,"
        "digital-self-service,invest,3400000,900000,650000,1550000,silver",
        "customer-identity,Customer Identity,platform,sunset,team-risk-data,Risk Data Team,"
        "customer-management,,migrate,,400000,0,400000,",
        "fraud-scoring,Fraud Scoring Service,service,build,team-risk-data,Risk Data Team,"
        "fraud-management,digital-self-service,,,150000,800000,950000,",
    ]
    assert (out / "capabilities.csv").read_text().splitlines() == [
        "id,name,parent,importance,products,live_products",
        "claims-and-risk,Claims and Risk,,core,,0",
        "claims-management,Claims Management,claims-and-risk,differentiating,claims-portal,1",
        "customer-management,Customer Management,,commodity,customer-identity,0",
        "fraud-management,Fraud Management,claims-and-risk,differentiating,fraud-scoring,0",
    ]


def test_csv_tells_no_level_from_not_scored(reference: Path, tmp_path: Path) -> None:
    products = reference / "products" / "claims-portal.yaml"
    products.write_text(products.read_text().replace("summary: Lets", "# summary: Lets"))
    out = tmp_path / "tables"
    result = CliRunner().invoke(cli, ["export", str(reference), "--format", "csv", "--out",
                                      str(out), "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    with (out / "products.csv").open() as handle:
        levels = {r["id"]: r["level"] for r in csv.DictReader(handle)}
    assert levels == {"claims-portal": "none", "customer-identity": "", "fraud-scoring": ""}
    with (out / "teams.csv").open() as handle:
        teams = {r["id"]: r for r in csv.DictReader(handle)}
    # a cell that starts with @, =, + or - would run as a formula in a spreadsheet
    assert teams["team-claims"]["github"] == "'@northwind/claims"
    assert teams["team-risk-data"]["products"] == "customer-identity;fraud-scoring"


def test_csv_needs_a_folder(reference: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(reference), "--format", "csv"])
    assert result.exit_code == 2
    assert "give a folder with --out" in result.output


def test_money_is_exact_in_json_and_plain_decimal_text_in_csv(
    reference: Path, tmp_path: Path
) -> None:
    (reference / "funding" / "FY2027.yaml").write_text(
        "period: FY2027\nstart: 2027-01-01\nend: 2027-12-31\nenvelope: 999999999999999.99\n"
        "allocations:\n"
        "  - product: customer-identity\n    run: 999999998899999.98\n"
        "  - product: claims-portal\n    run: 0.01\n    change: 1100000\n")
    result = CliRunner().invoke(cli, ["export", str(reference), "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    assert '"total_funding": 999999998899999.98,' in result.output
    assert '"envelope": 999999999999999.99,' in result.output
    out = tmp_path / "tables"
    result = CliRunner().invoke(cli, ["export", str(reference), "--format", "csv", "--out",
                                      str(out), "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    assert (out / "allocations.csv").read_text().splitlines()[1:] == [
        "FY2027,customer-identity,999999998899999.98,0,999999998899999.98,",
        "FY2027,claims-portal,0.01,1100000,1100000.01,",
    ]
    with (out / "products.csv").open() as handle:
        totals = {r["id"]: r["total_funding"] for r in csv.DictReader(handle)}
    assert totals == {"claims-portal": "1100000.01", "customer-identity": "999999998899999.98",
                      "fraud-scoring": "0"}
