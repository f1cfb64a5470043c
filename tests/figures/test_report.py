"""pac/figures/report.py called directly: one period in numbers, grouped the ways finance
asks, against the period before it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import REFERENCE
from support import run

from pac.errors import PacError
from pac.figures.funding import Split
from pac.figures.report import ProductLine, build_report
from pac.model.portfolio import Portfolio

D = Decimal
PORTAL = "products/claims-portal.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1))


def period(
    folder: Path, name: str, start: str, allocations: str, envelope: str = "5000000"
) -> None:
    (folder / "funding" / f"{name}.yaml").write_text(
        f"period: {name}\nstart: {start}\nend: {start[:4]}-12-31\nenvelope: {envelope}\n"
        f"allocations:\n{allocations}"
    )


def portfolio(folder: Path) -> Portfolio:
    return run(folder).portfolio


def test_the_current_period_of_the_reference() -> None:
    r = build_report(portfolio(REFERENCE))
    assert (r.period, r.previous, r.currency) == ("FY2027", None, "USD")
    f = r.figures
    assert (f.envelope, f.allocated, f.unallocated) == (
        D(4000000), Split(D(1450000), D(1450000)), D(1100000))
    assert f.by_team == {"team-claims": Split(D(900000), D(650000)),
                         "team-risk-data": Split(D(550000), D(800000))}
    assert f.by_capability == {"claims-management": Split(D(900000), D(650000)),
                               "fraud-management": Split(D(150000), D(800000)),
                               "customer-management": Split(D(400000), D(0))}
    assert r.by_objective == {"digital-self-service": Split(D(1050000), D(1450000)),
                              "(none)": Split(D(400000), D(0))}
    assert r.by_stage == {"live": Split(D(900000), D(650000)),
                          "build": Split(D(150000), D(800000)),
                          "sunset": Split(D(400000), D(0))}
    assert r.by_disposition == {"invest": Split(D(900000), D(650000)),
                                "none": Split(D(150000), D(800000)),
                                "migrate": Split(D(400000), D(0))}
    assert r.products == [
        ProductLine("claims-portal", "Claims Portal", Split(D(900000), D(650000)), None,
                    D(3400000)),
        ProductLine("fraud-scoring", "Fraud Scoring Service", Split(D(150000), D(800000)),
                    None, None),
        ProductLine("customer-identity", "Customer Identity", Split(D(400000), D(0)), None,
                    None),
    ]
    portal = r.products[0]
    assert portal.change_amount is None
    assert portal.value_per_unit == D("2.193548387096774193548387097")
    assert r.products[1].value_per_unit is None


def test_the_previous_period_is_the_one_that_starts_before(reference: Path) -> None:
    # periods are ordered by their start, not by their names
    period(reference, "Zeta", "2025-01-01", "  - product: claims-portal\n    run: 10\n")
    period(reference, "Alpha", "2026-01-01",
           "  - product: claims-portal\n    run: 1600000.25\n"
           "  - product: fraud-scoring\n    change: 950000\n")
    p = portfolio(reference)
    r = build_report(p)
    assert (r.period, r.previous) == ("FY2027", "Alpha")
    assert [(line.product, line.before, line.change_amount) for line in r.products] == [
        ("claims-portal", Split(D("1600000.25")), D("-50000.25")),
        ("fraud-scoring", Split(D(0), D(950000)), D(0)),
        ("customer-identity", None, None),
    ]
    alpha = build_report(p, "Alpha")
    assert (alpha.period, alpha.previous) == ("Alpha", "Zeta")
    assert [(line.product, line.now, line.change_amount) for line in alpha.products] == [
        ("claims-portal", Split(D("1600000.25")), D("1599990.25")),
        ("fraud-scoring", Split(D(0), D(950000)), None),
    ]
    first = build_report(p, "Zeta")
    assert (first.period, first.previous) == ("Zeta", None)
    assert first.figures.unallocated == D(4999990)


def test_a_period_with_the_same_start_comes_in_name_order(reference: Path) -> None:
    period(reference, "FY2027b", "2027-01-01", "  - product: claims-portal\n    run: 7\n")
    p = portfolio(reference)
    assert build_report(p, "FY2027b").previous == "FY2027"
    assert build_report(p).previous is None


def test_shares_of_a_product_on_several_objectives_add_up_in_cents(reference: Path) -> None:
    (reference / "objectives" / "fewer-claims-calls.yaml").write_text(
        "id: fewer-claims-calls\nname: Fewer claims calls\n")
    (reference / "objectives" / "faster-settlement.yaml").write_text(
        "id: faster-settlement\nname: Faster settlement\n")
    edit(reference / PORTAL, "objectives: [digital-self-service]",
         "objectives: [fewer-claims-calls, digital-self-service, faster-settlement]")
    period(reference, "FY2027", "2027-01-01",
           "  - product: claims-portal\n    run: 100.00\n    change: 0.02\n"
           "  - product: fraud-scoring\n    run: 0.01\n", envelope="4000000")
    r = build_report(portfolio(reference))
    # 100.00 in three is 33.34, 33.33, 33.33; 0.02 is 0.01, 0.01, 0: the extra cents go to
    # the objectives the product lists first
    assert r.by_objective == {
        "fewer-claims-calls": Split(D("33.34"), D("0.01")),
        "digital-self-service": Split(D("33.34"), D("0.01")),  # with fraud-scoring's 0.01
        "faster-settlement": Split(D("33.33"), D("0.00")),
    }


def test_products_pac_does_not_know_are_grouped_apart(reference: Path) -> None:
    # an allocation to a product that has no file (an error pac validate reports)
    edit(reference / "funding" / "FY2027.yaml", "product: customer-identity",
         "product: customer-identiti")
    r = build_report(portfolio(reference))
    assert r.by_stage == {"live": Split(D(900000), D(650000)),
                          "build": Split(D(150000), D(800000)),
                          "(unknown product)": Split(D(400000), D(0))}
    assert r.by_disposition == {"invest": Split(D(900000), D(650000)),
                                "none": Split(D(150000), D(800000)),
                                "(unknown product)": Split(D(400000), D(0))}
    assert r.by_objective == {"digital-self-service": Split(D(1050000), D(1450000)),
                              "(none)": Split(D(400000), D(0))}
    assert r.figures.by_team == {"team-claims": Split(D(900000), D(650000)),
                                 "team-risk-data": Split(D(150000), D(800000))}
    assert r.products[2] == ProductLine("customer-identiti", "customer-identiti",
                                        Split(D(400000), D(0)), None, None)


def test_products_in_one_group_add_up(reference: Path) -> None:
    # Fraud Scoring goes live with an invest disposition like Claims Portal, and Claims
    # Portal serves no objective, like Customer Identity
    fraud = reference / "products/fraud-scoring.yaml"
    edit(fraud, "stage: build", "stage: live")
    edit(fraud, "tags: [ml]", "disposition: invest\ntags: [ml]")
    edit(reference / PORTAL, "objectives: [digital-self-service]\n", "")
    r = build_report(portfolio(reference))
    assert r.by_stage == {"live": Split(D(1050000), D(1450000)),
                          "sunset": Split(D(400000), D(0))}
    assert r.by_disposition == {"invest": Split(D(1050000), D(1450000)),
                                "migrate": Split(D(400000), D(0))}
    assert r.by_objective == {"(none)": Split(D(1300000), D(650000)),
                              "digital-self-service": Split(D(150000), D(800000))}


def test_equal_totals_are_listed_by_id(reference: Path) -> None:
    edit(reference / PORTAL, "disposition: invest", "disposition: tolerate")
    period(reference, "FY2027", "2027-01-01",
           "  - product: fraud-scoring\n    run: 5\n"
           "  - product: customer-identity\n    change: 10\n"
           "  - product: claims-portal\n    run: 2\n    change: 3\n", envelope="20")
    r = build_report(portfolio(reference))
    # 10 first, then the two products of 5 each by id
    assert list(r.figures.by_product) == ["customer-identity", "claims-portal", "fraud-scoring"]
    assert list(r.by_stage) == ["sunset", "build", "live"]
    assert list(r.by_disposition) == ["migrate", "none", "tolerate"]
    assert r.by_objective == {"(none)": Split(D(0), D(10)),
                              "digital-self-service": Split(D(7), D(3))}
    assert list(r.by_objective) == ["(none)", "digital-self-service"]


def test_value_per_unit_needs_funding(reference: Path) -> None:
    period(reference, "FY2027", "2027-01-01", "  - product: claims-portal\n    run: 0\n")
    (line,) = build_report(portfolio(reference)).products
    assert (line.now.total, line.value, line.value_per_unit) == (D(0), D(3400000), None)


def test_an_unknown_period_names_the_known_ones(reference: Path) -> None:
    period(reference, "FY2026", "2026-01-01", "")
    with pytest.raises(PacError) as raised:
        build_report(portfolio(reference), "FY1999")
    assert str(raised.value) == "there is no funding period 'FY1999' (periods: FY2026, FY2027)"


def test_without_any_period(reference: Path) -> None:
    (reference / "funding" / "FY2027.yaml").unlink()
    with pytest.raises(PacError) as raised:
        build_report(portfolio(reference))
    assert str(raised.value) == "there is no funding period 'FY2027' (periods: none)"
    edit(reference / "portfolio.yaml", "current_period: FY2027", "# current_period: FY2027")
    with pytest.raises(PacError) as raised:
        build_report(portfolio(reference))
    assert str(raised.value) == ("no period given and no current_period in portfolio.yaml: "
                                 "use --period")


def test_shares_are_whole_units_of_the_currency(reference: Path) -> None:
    # yen have no minor unit: 100 in three is 34, 33 and 33, by objective and by capability
    edit(reference / "portfolio.yaml", "currency: USD", "currency: JPY")
    (reference / "objectives" / "faster-settlement.yaml").write_text(
        "id: faster-settlement\nname: Faster settlement\n")
    (reference / "objectives" / "fewer-calls.yaml").write_text(
        "id: fewer-calls\nname: Fewer calls\n")
    edit(reference / PORTAL, "objectives: [digital-self-service]",
         "objectives: [fewer-calls, digital-self-service, faster-settlement]")
    edit(reference / PORTAL, "capabilities: [claims-management]",
         "capabilities: [claims-management, fraud-management, customer-management]")
    period(reference, "FY2027", "2027-01-01", "  - product: claims-portal\n    run: 100\n")
    r = build_report(portfolio(reference))
    assert r.currency == "JPY"
    assert r.by_objective == {"fewer-calls": Split(D(34), D(0)),
                              "digital-self-service": Split(D(33), D(0)),
                              "faster-settlement": Split(D(33), D(0))}
    assert r.figures.by_capability == {"claims-management": Split(D(34), D(0)),
                                       "customer-management": Split(D(33), D(0)),
                                       "fraud-management": Split(D(33), D(0))}


def test_value_at_risk_from_the_findings_given(tmp_path: Path) -> None:
    from leaky import TOTAL, write_leaky

    result = run(write_leaky(tmp_path / "portfolio"))
    r = build_report(result.portfolio, findings=result.findings)
    assert r.value_at_risk.total == TOTAL
    assert r.risk_share == TOTAL / D("1750000.50")
    assert [(line.product, line.now.total, reasons) for line, reasons in r.at_risk()] == [
        ("stale", D("350000"), ("stale-stakeholder-review",)),
        ("tangled", D("200000.50"), ("eliminate-still-funded", "overdue-retirement",
                                     "technology-end-of-support", "value-below-target")),
        ("unknown", D("120000"), ("value-unknown",)),
    ]
    without = build_report(result.portfolio)  # no findings given: nothing flagged
    assert (without.value_at_risk.total, without.at_risk()) == (D(0), [])
