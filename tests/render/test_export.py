"""`pac export`: the resolved portfolio as one JSON document or four CSV tables."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from conftest import REFERENCE, TODAY
from support import run

from pac.figures.scorecard import score
from pac.render.export import export_document, export_json, export_tables


def _export(folder: Path) -> tuple[dict, dict[str, str]]:  # type: ignore[type-arg]
    result = run(folder)
    scores = score(result.portfolio, result.findings, TODAY)
    return export_document(result.portfolio, scores), export_tables(result.portfolio, scores)


def test_tables_of_the_reference_portfolio() -> None:
    _, tables = _export(REFERENCE)
    assert sorted(tables) == ["allocations.csv", "capabilities.csv", "products.csv", "teams.csv"]
    assert tables["products.csv"] == (
        "id,name,kind,stage,owner,owner_name,capabilities,objectives,disposition,annual_value,"
        "run_FY2027,change_FY2027,total_funding,level\n"
        "claims-portal,Claims Portal,application,live,team-claims,Claims Team,claims-management,"
        "digital-self-service,invest,3400000,900000,650000,1550000,silver\n"
        "customer-identity,Customer Identity,platform,sunset,team-risk-data,Risk Data Team,"
        "customer-management,,migrate,,400000,0,400000,\n"
        "fraud-scoring,Fraud Scoring Service,service,build,team-risk-data,Risk Data Team,"
        "fraud-management,digital-self-service,,,150000,800000,950000,\n"
    )
    # a handle starts with @, which a spreadsheet would run as a formula
    assert tables["teams.csv"] == (
        "id,name,type,github,members,products,capacity_fte\n"
        "team-claims,Claims Team,stream-aligned,'@northwind/claims,4,claims-portal,6.5\n"
        "team-risk-data,Risk Data Team,complicated-subsystem,'@northwind/risk-data,2,"
        "customer-identity;fraud-scoring,4\n"
    )
    assert tables["capabilities.csv"] == (
        "id,name,parent,importance,products,live_products\n"
        "claims-and-risk,Claims and Risk,,core,,0\n"
        "claims-management,Claims Management,claims-and-risk,differentiating,claims-portal,1\n"
        "customer-management,Customer Management,,commodity,customer-identity,0\n"
        "fraud-management,Fraud Management,claims-and-risk,differentiating,fraud-scoring,0\n"
    )
    assert tables["allocations.csv"] == (
        "period,product,run,change,total,source\n"
        "FY2027,claims-portal,900000,650000,1550000,cc-claims-ops\n"
        "FY2027,fraud-scoring,150000,800000,950000,cc-risk\n"
        "FY2027,customer-identity,400000,0,400000,cc-digital\n"
    )


def test_the_document_resolves_references_and_adds_figures() -> None:
    document, _ = _export(REFERENCE)
    assert document["version"] == 1
    assert document["portfolio"]["name"] == "Northwind Mutual"
    portal, identity, fraud = document["products"]
    assert {k: portal[k] for k in ("id", "owner_name", "funding", "total_funding",
                                   "scorecard")} == {
        "id": "claims-portal",
        "owner_name": "Claims Team",
        "funding": {"FY2027": {"run": Decimal(900000), "change": Decimal(650000),
                               "total": Decimal(1550000)}},
        "total_funding": Decimal(1550000),
        "scorecard": {"level": "silver", "next_level": "gold",
                      "missing": ["technology-supported", "no-warnings"]},
    }
    assert (identity["id"], identity["scorecard"], identity["total_funding"]) == (
        "customer-identity", None, Decimal(400000))
    assert fraud["owner_name"] == "Risk Data Team"
    assert [(t["id"], t["products"]) for t in document["teams"]] == [
        ("team-claims", ["claims-portal"]),
        ("team-risk-data", ["customer-identity", "fraud-scoring"]),
    ]
    assert [(c["id"], c["products"], c["live_products"]) for c in document["capabilities"]] == [
        ("claims-and-risk", [], 0),
        ("claims-management", ["claims-portal"], 1),
        ("customer-management", ["customer-identity"], 0),
        ("fraud-management", ["fraud-scoring"], 0),
    ]
    assert [(o["id"], o["products"]) for o in document["objectives"]] == [
        ("digital-self-service", ["claims-portal", "fraud-scoring"])]
    assert [(f["period"], f["envelope"]) for f in document["funding"]] == [
        ("FY2027", Decimal(4000000))]


def test_json_text_has_exact_numbers() -> None:
    result = run(REFERENCE)
    text = export_json(result.portfolio, score(result.portfolio, result.findings, TODAY))
    assert text.endswith("}\n")
    assert '      "capacity_fte": 6.5,\n' in text
    assert '      "total_funding": 1550000,\n' in text
    assert json.loads(text)["products"][0]["scorecard"]["level"] == "silver"


def test_formulas_are_text_and_a_scored_product_below_bronze_is_none(reference: Path) -> None:
    portal = reference / "products" / "claims-portal.yaml"
    text = portal.read_text()
    text = text.replace("name: Claims Portal", 'name: "=HYPERLINK(\\"http://x\\")"')
    text = text.replace("summary: Lets policyholders file, track and settle insurance claims "
                        "online.\n", "")
    portal.write_text(text)
    funding = reference / "funding" / "FY2027.yaml"
    funding.write_text(funding.read_text().replace("source: cc-risk", "source: +cc-risk")
                       .replace("run: 150000", "run: 150000.50"))
    _, tables = _export(reference)
    products = tables["products.csv"].splitlines()
    assert products[1] == (
        "claims-portal,\"'=HYPERLINK(\"\"http://x\"\")\",application,live,team-claims,Claims Team,"
        "claims-management,digital-self-service,invest,3400000,900000,650000,1550000,none")
    assert products[3].endswith(",150000.5,800000,950000.5,")
    assert tables["allocations.csv"].splitlines()[1:3] == [
        "FY2027,claims-portal,900000,650000,1550000,cc-claims-ops",
        "FY2027,fraud-scoring,150000.5,800000,950000.5,'+cc-risk",
    ]
