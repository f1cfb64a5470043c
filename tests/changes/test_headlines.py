"""What a reviewer reads first, as data (pac/changes/headlines.py), from the comparison of
the reference portfolio with an edited copy; the last tests check the words as well."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from conftest import REFERENCE, TODAY
from support import run

from pac.changes.diff import Comparison, compare
from pac.changes.headlines import (
    EntityHeadline,
    FindingsHeadline,
    FundingHeadline,
    RiskHeadline,
    TeamLoadHeadline,
)
from pac.render.diff_headlines import headline_texts

D = Decimal
FUNDING = """period: FY2027
start: 2027-01-01
end: 2027-12-31
envelope: 4000000
allocations:
{allocations}"""
ALLOCATIONS = {
    "claims-portal": "  - product: claims-portal\n    run: 900000\n    change: 650000\n",
    "fraud-scoring": "  - product: fraud-scoring\n    run: 150000\n    change: 800000\n",
    "customer-identity": "  - product: customer-identity\n    run: 400000\n",
}


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text()
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1))


def funding(folder: Path, **allocations: str) -> None:
    """FY2027 with the reference's allocations, some of them replaced (or dropped: "")."""
    chosen = {**ALLOCATIONS, **{k.replace("_", "-"): v for k, v in allocations.items()}}
    text = FUNDING.format(allocations="".join(chosen.values()))
    (folder / "funding" / "FY2027.yaml").write_text(text)


def compared(base: Path, head: Path) -> Comparison:
    return compare(run(base), run(head), base_label="main", head_label="the working tree",
                   today=TODAY)


def test_a_change_from_nothing_is_new_money(reference: Path) -> None:
    funding(reference, customer_identity="  - product: customer-identity\n    run: 400000\n"
            "    change: 125000.50\n")
    edit(reference, "portfolio.yaml", "currency: USD", "currency: EUR")
    c = compared(REFERENCE, reference)
    assert c.key_headlines == [
        FundingHeadline("change", "FY2027", "Customer Identity", D(0), D("125000.50"), "EUR"),
    ]
    assert headline_texts(c.key_headlines) == [
        "FY2027 change funding for Customer Identity +125,000.50 EUR (new)"]


def test_a_run_from_zero_to_some_and_back(reference: Path) -> None:
    funding(reference, fraud_scoring="  - product: fraud-scoring\n    run: 0\n"
            "    change: 800000\n")
    c = compared(reference, REFERENCE)
    assert c.key_headlines == [
        FundingHeadline("run", "FY2027", "Fraud Scoring Service", D(0), D(150000), "USD")]
    assert headline_texts(c.key_headlines) == [
        "FY2027 run funding for Fraud Scoring Service +150,000 USD (new)"]
    back = compared(REFERENCE, reference)
    assert headline_texts(back.key_headlines) == [
        "FY2027 run funding for Fraud Scoring Service -150,000 USD (-100%)"]


def test_newly_funded_is_the_run_and_the_change(reference: Path) -> None:
    funding(reference, claims_portal="", customer_identity="")
    c = compared(reference, REFERENCE)
    # Claims Portal's PostgreSQL is out of support: its funding is at risk
    assert c.key_headlines == [
        RiskHeadline("FY2027", "FY2027", D(0), D(1550000), "USD"),
        FundingHeadline("funded", "FY2027", "Claims Portal", D(0), D(1550000), "USD"),
        FundingHeadline("funded", "FY2027", "Customer Identity", D(0), D(400000), "USD"),
    ]
    assert headline_texts(c.key_headlines) == [
        "This change puts 1,550,000 USD more at risk (FY2027: 0 USD → 1,550,000 USD)",
        "FY2027: Claims Portal newly funded, 1,550,000 USD",
        "FY2027: Customer Identity newly funded, 400,000 USD",
    ]
    back = compared(REFERENCE, reference)
    assert back.key_headlines[2:] == [
        FundingHeadline("unfunded", "FY2027", "Claims Portal", D(0), D(0), "USD"),
        FundingHeadline("unfunded", "FY2027", "Customer Identity", D(0), D(0), "USD"),
    ]
    assert headline_texts(back.key_headlines) == [
        "Claims Portal falls from silver to bronze on the scorecard (fails funded)",
        "This change takes 1,550,000 USD out of value at risk (FY2027: 1,550,000 USD → 0 USD)",
        "FY2027: Claims Portal no longer funded",
        "FY2027: Customer Identity no longer funded",
    ]


def test_newly_funded_with_only_a_change(reference: Path, tmp_path: Path) -> None:
    base = tmp_path / "base"
    shutil.copytree(reference, base)
    funding(base, claims_portal="")
    funding(reference, claims_portal="  - product: claims-portal\n    change: 70.25\n")
    c = compared(base, reference)
    assert headline_texts(c.key_headlines) == [
        "This change puts 70.25 USD more at risk (FY2027: 0 USD → 70.25 USD)",
        "FY2027: Claims Portal newly funded, 70.25 USD"]
    assert headline_texts(compared(REFERENCE, reference).key_headlines) == [
        "This change takes 1,549,929.75 USD out of value at risk "
        "(FY2027: 1,550,000 USD → 70.25 USD)",
        "FY2027 change funding for Claims Portal -649,929.75 USD (-100%)",
        "FY2027 run funding for Claims Portal -900,000 USD (-100%)",
    ]


def test_the_envelope_and_other_funding_fields(reference: Path) -> None:
    edit(reference, "funding/FY2027.yaml", "envelope: 4000000", "envelope: 3000000")
    edit(reference, "funding/FY2027.yaml", "source: cc-risk", "source: cc-other")
    edit(reference, "funding/FY2027.yaml", "end: 2027-12-31", "end: 2027-12-30")
    c = compared(REFERENCE, reference)
    assert c.key_headlines == [
        FundingHeadline("envelope", "FY2027", "", D(4000000), D(3000000), "USD")]
    assert headline_texts(c.key_headlines) == ["FY2027 envelope -1,000,000 USD (-25%)"]
    assert c.other_headlines == []


def test_funding_of_a_product_gone_from_the_head_names_its_id(reference: Path) -> None:
    (reference / "products" / "fraud-scoring.yaml").unlink()
    funding(reference, fraud_scoring="  - product: fraud-scoring\n    run: 1\n"
            "    change: 800000\n")
    c = compared(REFERENCE, reference)
    assert c.key_headlines[:2] == [
        FindingsHeadline("introduced", "error", 2),
        FundingHeadline("run", "FY2027", "fraud-scoring", D(150000), D(1), "USD"),
    ]
    assert c.other_headlines[:2] == [
        EntityHeadline("removed", "product", "Fraud Scoring Service"),
        TeamLoadHeadline("Risk Data Team", 2, 1, 4),
    ]


def test_entities_added_removed_and_renamed(reference: Path) -> None:
    (reference / "capabilities" / "fraud-management.yaml").unlink()
    edit(reference, "products/fraud-scoring.yaml", "capabilities: [fraud-management]",
         "capabilities: [claims-management]")
    (reference / "objectives" / "lower-costs.yaml").write_text(
        "id: lower-costs\nname: Lower costs\nperiod: FY2027\n")
    (reference / "products" / "customer-identity.yaml").rename(
        reference / "products" / "identity.yaml")
    edit(reference, "products/identity.yaml", "id: customer-identity", "id: identity")
    edit(reference, "products/identity.yaml", "[customer-login]",
         "[customer-login, customer-identity]")
    edit(reference, "products/claims-portal.yaml", "[customer-identity,", "[identity,")
    edit(reference, "funding/FY2027.yaml", "product: customer-identity", "product: identity")
    (reference / "funding" / "FY2028.yaml").write_text(
        "period: FY2028\nstart: 2028-01-01\nend: 2028-12-31\nenvelope: 10\n")
    c = compared(REFERENCE, reference)
    names = [h for h in c.headlines if isinstance(h, EntityHeadline)]
    assert names == [
        # funding periods and renames are key, the rest are not
        EntityHeadline("renamed", "product", "Customer Identity", "customer-identity",
                       "identity"),
        EntityHeadline("added", "funding", "FY2028"),
        EntityHeadline("removed", "capability", "Fraud Management"),
        EntityHeadline("added", "objective", "Lower costs"),
    ]
    assert c.key_headlines == names[:2]


def test_stage_and_owner_name_the_teams_of_each_side(reference: Path) -> None:
    edit(reference, "products/fraud-scoring.yaml", "stage: build", "stage: live")
    edit(reference, "products/fraud-scoring.yaml", "owner: team-risk-data", "owner: team-claims")
    edit(reference, "teams/team-claims.yaml", "name: Claims Team", "name: Claims Crew")
    c = compared(REFERENCE, reference)
    assert [h for h in c.other_headlines if not isinstance(h, FindingsHeadline)] == [
        EntityHeadline("stage", "product", "Fraud Scoring Service", "build", "live"),
        EntityHeadline("owner", "product", "Fraud Scoring Service", "Risk Data Team",
                       "Claims Crew"),
        TeamLoadHeadline("Claims Crew", 1, 2, 4),
        TeamLoadHeadline("Risk Data Team", 2, 1, 4),
    ]


def test_an_owner_team_missing_on_a_side_is_named_by_its_id(reference: Path) -> None:
    edit(reference, "products/fraud-scoring.yaml", "owner: team-risk-data", "owner: team-new")
    c = compared(REFERENCE, reference)
    assert headline_texts(c.other_headlines)[:3] == [
        "Fraud Scoring Service moves from Risk Data Team to team-new",
        "team-new gains a product (1)",  # teams in the order of their ids
        "Risk Data Team loses a product (1)",
    ]
    back = compared(reference, REFERENCE)
    assert headline_texts(back.other_headlines)[:3] == [
        "Fraud Scoring Service moves from team-new to Risk Data Team",
        "team-new loses a product (0)",
        "Risk Data Team gains a product (2)",
    ]


def test_the_team_load_limit_is_the_head_s(reference: Path) -> None:
    edit(reference, "portfolio.yaml", "max_products_per_team: 4", "max_products_per_team: 1")
    edit(reference, "products/fraud-scoring.yaml", "owner: team-risk-data", "owner: team-claims")
    c = compared(REFERENCE, reference)
    assert [h for h in c.other_headlines if isinstance(h, TeamLoadHeadline)] == [
        TeamLoadHeadline("Claims Team", 1, 2, 1), TeamLoadHeadline("Risk Data Team", 2, 1, 1)]
    assert "Claims Team gains a product (2, over the limit of 1)" in headline_texts(
        c.other_headlines)


def test_a_retired_product_leaves_its_team_s_load(reference: Path) -> None:
    edit(reference, "products/fraud-scoring.yaml", "stage: build", "stage: retired")
    c = compared(REFERENCE, reference)
    assert [h for h in c.other_headlines if isinstance(h, TeamLoadHeadline)] == [
        TeamLoadHeadline("Risk Data Team", 2, 1, 4)]


def test_findings_count_by_severity_and_only_introduced_errors_are_key(reference: Path) -> None:
    edit(reference, "products/fraud-scoring.yaml", "owner: team-risk-data", "owner: team-x")
    edit(reference, "products/claims-portal.yaml", "owner: team-claims", "owner: team-y")
    edit(reference, "products/claims-portal.yaml", "last_stakeholder_review: 2026-08-20",
         "last_stakeholder_review: 2025-08-20")
    edit(reference, "products/claims-portal.yaml", "value:\n  annual_estimate: 3400000\n"
         "  basis: Call-centre cost avoided plus faster settlement (FY2026 actuals)\n", "")
    c = compared(REFERENCE, reference)
    counts = [h for h in c.headlines if isinstance(h, FindingsHeadline)]
    assert counts == [FindingsHeadline("introduced", "error", 2),
                      FindingsHeadline("introduced", "warning", 1),
                      FindingsHeadline("introduced", "info", 1)]
    assert c.key_headlines[0] == counts[0]
    assert headline_texts(counts) == [
        "2 errors introduced", "1 warning introduced", "1 info introduced"]
    back = compared(reference, REFERENCE)
    assert [h for h in back.headlines if isinstance(h, FindingsHeadline)] == [
        FindingsHeadline("resolved", "error", 2),
        FindingsHeadline("resolved", "warning", 1),
        FindingsHeadline("resolved", "info", 1),
    ]
    assert [h for h in back.key_headlines if isinstance(h, FindingsHeadline)] == []


def test_allocations_matched_by_position_make_no_funding_headline(reference: Path,
                                                                 tmp_path: Path) -> None:
    # a product allocated twice: the allocations are compared position by position, and
    # allocations[3] is not a product called "3"
    base = tmp_path / "base"
    shutil.copytree(reference, base)
    funding(base)
    funding(reference, customer_identity=ALLOCATIONS["customer-identity"]
            + "  - product: claims-portal\n    run: 5\n")
    c = compared(base, reference)
    [funding_change] = [e for e in c.changes.entities if e.kind == "funding"]
    assert [f.path for f in funding_change.changes] == ["allocations[3]"]
    assert headline_texts(c.key_headlines) == [
        "1 error introduced",  # no funding headline, but the value at risk is summed
        "This change puts 5 USD more at risk (FY2027: 1,550,000 USD → 1,550,005 USD)"]
