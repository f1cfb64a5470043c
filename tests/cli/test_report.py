"""pac report: the portfolio's funding in numbers, and the same numbers as the site."""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLE
from leaky import ALLOCATED, BY_REASON, PRODUCTS, TOTAL, write_leaky

from pac.cli import cli


def report(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["report", *args])
    return result.exit_code, result.output


def _exact(text: str) -> object:
    return json.loads(text, parse_float=Decimal)


def test_json_contract_on_the_reference(reference: Path) -> None:
    code, out = report(str(reference), "--format", "json", "--today", "2026-11-22")
    assert code == 0, out
    assert _exact(out) == {
        "version": 2, "period": "FY2027", "previous_period": None, "currency": "USD",
        "envelope": 4000000, "allocated": 2900000, "unallocated": 1100000,
        "run": 1450000, "change": 1450000,
        "by_team": [
            {"id": "team-claims", "run": 900000, "change": 650000, "total": 1550000},
            {"id": "team-risk-data", "run": 550000, "change": 800000, "total": 1350000},
        ],
        "by_capability": [
            {"id": "claims-management", "run": 900000, "change": 650000, "total": 1550000},
            {"id": "fraud-management", "run": 150000, "change": 800000, "total": 950000},
            {"id": "customer-management", "run": 400000, "change": 0, "total": 400000},
        ],
        "by_objective": [
            {"id": "digital-self-service", "run": 1050000, "change": 1450000,
             "total": 2500000},
            {"id": "(none)", "run": 400000, "change": 0, "total": 400000},
        ],
        "by_stage": [
            {"id": "live", "run": 900000, "change": 650000, "total": 1550000},
            {"id": "build", "run": 150000, "change": 800000, "total": 950000},
            {"id": "sunset", "run": 400000, "change": 0, "total": 400000},
        ],
        "by_disposition": [
            {"id": "invest", "run": 900000, "change": 650000, "total": 1550000},
            {"id": "none", "run": 150000, "change": 800000, "total": 950000},
            {"id": "migrate", "run": 400000, "change": 0, "total": 400000},
        ],
        "notes": {
            "by_capability": "a product serving several capabilities counts an equal share "
                             "towards each",
            "by_objective": "a product serving several objectives counts an equal share "
                            "towards each",
        },
        # PostgreSQL 14 went out of support on 2026-11-12: the rest is not at risk
        "value_at_risk": {
            "total": 1550000,
            "share_of_allocated": Decimal("0.5344827586206896551724137931"),
            "by_reason": [
                {"rule": "stale-stakeholder-review", "total": 0},
                {"rule": "overdue-retirement", "total": 0},
                {"rule": "eliminate-still-funded", "total": 0},
                {"rule": "value-below-target", "total": 0},
                {"rule": "value-unknown", "total": 0},
                {"rule": "technology-end-of-support", "total": 1550000},
            ],
            "products": [{"product": "claims-portal", "name": "Claims Portal",
                          "total": 1550000, "reasons": ["technology-end-of-support"]}],
        },
        "products": [
            {"product": "claims-portal", "name": "Claims Portal", "run": 900000,
             "change": 650000, "total": 1550000, "previous_total": None,
             "change_from_previous": None, "value": 3400000,
             # 3,400,000 / 1,550,000 to Decimal's 28 significant digits
             "value_per_unit": Decimal("2.193548387096774193548387097")},
            {"product": "fraud-scoring", "name": "Fraud Scoring Service", "run": 150000,
             "change": 800000, "total": 950000, "previous_total": None,
             "change_from_previous": None, "value": None, "value_per_unit": None},
            {"product": "customer-identity", "name": "Customer Identity", "run": 400000,
             "change": 0, "total": 400000, "previous_total": None,
             "change_from_previous": None, "value": None, "value_per_unit": None},
        ],
    }


FY2026 = """period: FY2026
start: 2026-01-01
end: 2026-12-31
envelope: 3000000
allocations:
  - product: claims-portal
    run: 1000000.10
    change: 600000
  - product: fraud-scoring
    run: 100000
    change: 200000
"""


def _with_previous_period(reference: Path) -> Path:
    """FY2026 before the reference's FY2027: Claims Portal had 50,000.10 more, Fraud
    Scoring 650,000 less, Customer Identity nothing."""
    (reference / "funding" / "FY2026.yaml").write_text(FY2026)
    return reference


def test_changes_against_the_previous_period(reference: Path) -> None:
    code, out = report(str(_with_previous_period(reference)), "--format", "json")
    assert code == 0, out
    document = _exact(out)
    assert isinstance(document, dict)
    assert (document["period"], document["previous_period"]) == ("FY2027", "FY2026")
    assert [
        (p["product"], p["total"], p["previous_total"], p["change_from_previous"])
        for p in document["products"]
    ] == [
        ("claims-portal", 1550000, Decimal("1600000.1"), Decimal("-50000.1")),
        ("fraud-scoring", 950000, 300000, 650000),
        ("customer-identity", 400000, None, None),
    ]
    code, text = report(str(reference))
    assert code == 0, text
    assert text.endswith(
        "\nProducts (against FY2026):\n"
        "  claims-portal                                   1,550,000 USD  -50,000  value x2.19\n"
        "  fraud-scoring                                     950,000 USD  +650,000\n"
        "  customer-identity                                 400,000 USD\n"
    )
    code, markdown = report(str(reference), "--format", "markdown")
    assert code == 0, markdown
    assert markdown.endswith(
        "| Product | Total | Change from FY2026 | Value per unit |\n"
        "|---|---:|---:|---:|\n"
        "| Claims Portal | 1,550,000 | -50,000 | 2.19 |\n"
        "| Fraud Scoring Service | 950,000 | +650,000 | — |\n"
        "| Customer Identity | 400,000 | — | — |\n"
    )


def test_an_earlier_period_has_its_own_figures(reference: Path) -> None:
    code, out = report(str(_with_previous_period(reference)), "--period", "FY2026")
    assert code == 0, out
    assert out.startswith(
        "Funding FY2026: 1,900,000.10 USD allocated of 3,000,000 USD (1,099,999.90 USD "
        "unallocated); run 1,100,000.10 USD, change 800,000 USD.\n\nBy team:\n"
        "  team-claims                                  1,600,000.10 USD\n"
        "  team-risk-data                                    300,000 USD\n"
    )
    assert out.endswith(
        "\nProducts (against no previous period):\n"
        "  claims-portal                                1,600,000.10 USD  value x2.12\n"
        "  fraud-scoring                                     300,000 USD\n"
    )


def test_the_example_against_its_previous_period() -> None:
    code, out = report(str(EXAMPLE), "--format", "json")
    assert code == 0, out
    document = _exact(out)
    assert isinstance(document, dict)
    assert (document["period"], document["previous_period"]) == ("FY2027", "FY2026")
    rows = {p["product"]: (p["total"], p["previous_total"], p["change_from_previous"])
            for p in document["products"]}
    assert rows["web-storefront"] == (2950000, 2700000, 250000)
    assert rows["order-management"] == (1550000, 1600000, -50000)
    assert rows["cloud-platform"] == (2700000, 2700000, 0)
    assert rows["marketplace"] == (150000, None, None)  # new in FY2027


def test_unknown_period_is_a_usage_error(reference: Path) -> None:
    code, out = report(str(reference), "--period", "FY1999")
    assert code == 2
    assert "there is no funding period 'FY1999' (periods: FY2027)" in out


def _rows(page: str, section: str) -> list[list[str]]:
    """The cells of the first table after `id="section"`, as the reader sees them."""
    body = page.split(f'id="{section}"', 1)[1].split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [[html.unescape(re.sub(r"<[^>]*>", "", cell)).replace("\u00a0", " ") for cell in
             re.findall(r"<td[^>]*>(.*?)</td>", row)] for row in re.findall(r"<tr>(.*?)</tr>",
                                                                             body)]


def test_the_site_shows_the_same_figures(reference: Path, tmp_path: Path) -> None:
    # the same figures as test_json_contract_on_the_reference and the previous period's
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["build", str(_with_previous_period(reference)),
                                      "--out", str(out), "--no-history"],
                                env={"SOURCE_DATE_EPOCH": "1795000000"})
    assert result.exit_code == 0, result.output
    page = (out / "funding" / "FY2027.html").read_text()
    assert "2,900,000 USD allocated of an envelope of 4,000,000 USD; 1,100,000 USD " \
           "unallocated." in page.replace("\u00a0", " ")  # amounts never part at a line's end
    assert _rows(page, "by-team") == [
        ["Claims Team", "900,000 USD", "650,000 USD", "1,550,000 USD"],
        ["Risk Data Team", "550,000 USD", "800,000 USD", "1,350,000 USD"],
    ]
    assert _rows(page, "by-capability") == [
        ["Claims Management", "900,000 USD", "650,000 USD", "1,550,000 USD"],
        ["Fraud Management", "150,000 USD", "800,000 USD", "950,000 USD"],
        ["Customer Management", "400,000 USD", "0 USD", "400,000 USD"],
    ]
    assert _rows(page, "by-objective") == [
        ["Move 70% of customer servicing to digital self-service", "1,050,000 USD",
         "1,450,000 USD", "2,500,000 USD"],
        ["(none)", "400,000 USD", "0 USD", "400,000 USD"],
    ]
    assert _rows(page, "by-stage") == [
        ["live", "900,000 USD", "650,000 USD", "1,550,000 USD"],
        ["build", "150,000 USD", "800,000 USD", "950,000 USD"],
        ["sunset", "400,000 USD", "0 USD", "400,000 USD"],
    ]
    assert _rows(page, "by-disposition") == [
        ["invest", "900,000 USD", "650,000 USD", "1,550,000 USD"],
        ["none", "150,000 USD", "800,000 USD", "950,000 USD"],
        ["migrate", "400,000 USD", "0 USD", "400,000 USD"],
    ]
    assert _rows(page, "by-product") == [
        ["Claims Portal", "Claims Team", "900,000 USD", "650,000 USD", "1,550,000 USD",
         "-50,000.10 USD", "2.19"],
        ["Fraud Scoring Service", "Risk Data Team", "150,000 USD", "800,000 USD",
         "950,000 USD", "+650,000 USD", "—"],
        ["Customer Identity", "Risk Data Team", "400,000 USD", "0 USD", "400,000 USD", "new",
         "—"],
    ]
    home = (out / "index.html").read_text().replace("\u00a0", " ")
    assert "2,900,000 USD allocated of an envelope of 4,000,000 USD" in home
    # the capability map's funding colouring: a tile is its capability's row of the report,
    # a parent's the sum of the capabilities under it
    heatmap = (out / "capabilities" / "index.html").read_text()
    tiles = dict(re.findall(r'href="([a-z0-9-]+)\.html" data-live="\d+" data-funding="([^"]+)"',
                            heatmap))
    assert tiles == {"claims-and-risk": "2500000.00", "claims-management": "1550000.00",
                     "customer-management": "400000.00", "fraud-management": "950000.00"}


def _fund(portfolio: Path, envelope: str, allocations: dict[str, tuple[str, str]]) -> None:
    lines = ["period: FY2027", "start: 2027-01-01", "end: 2027-12-31", f"envelope: {envelope}",
             "allocations:"]
    for product, (run_, change) in allocations.items():
        lines += [f"  - product: {product}", f"    run: {run_}", f"    change: {change}"]
    (portfolio / "funding" / "FY2027.yaml").write_text("\n".join(lines) + "\n")


def test_json_money_is_exact_and_equal_shares_add_up(reference: Path) -> None:
    _fund(reference, "300000.60", {"claims-portal": ("100000.10", "200000.20"),
                                   "fraud-scoring": ("0.10", "0.20")})
    claims = reference / "products" / "claims-portal.yaml"
    claims.write_text(claims.read_text().replace(
        "capabilities: [claims-management]",
        "capabilities: [claims-management, customer-management, fraud-management]"))
    code, out = report(str(reference), "--format", "json")
    assert code == 0, out
    assert '"envelope": 300000.6,\n  "allocated": 300000.6,\n  "unallocated": 0,' in out
    document = json.loads(out, parse_float=Decimal)
    shares = {row["id"]: (row["run"], row["change"]) for row in document["by_capability"]}
    # 100,000.10 and 200,000.20 in three: the leftover cents go to the first listed
    assert shares == {
        "claims-management": (Decimal("33333.37"), Decimal("66666.74")),
        "customer-management": (Decimal("33333.37"), Decimal("66666.73")),
        "fraud-management": (Decimal("33333.46"), Decimal("66666.93")),
    }
    assert sum(row["total"] for row in document["by_capability"]) == Decimal("300000.60")
    code, text = report(str(reference))
    assert "Funding FY2027: 300,000.60 USD allocated of 300,000.60 USD (0 USD unallocated)" \
        in text


def test_value_at_risk_counts_each_product_once(tmp_path: Path) -> None:
    folder = str(write_leaky(tmp_path / "portfolio"))
    code, out = report(folder, "--today", "2026-11-22")
    assert code == 0, out
    share = TOTAL / ALLOCATED * 100  # 38.3%
    assert f"{share:.1f}" == "38.3"
    assert (
        "\nValue at risk: 670,000.50 GBP, 38.3% of allocated funding, on 3 products with a "
        "value-leakage finding.\n"
        "By reason (a product with several reasons counts under each):\n"
        "  stale-stakeholder-review                          350,000 GBP\n"
        "  overdue-retirement                             200,000.50 GBP\n"
        "  eliminate-still-funded                         200,000.50 GBP\n"
        "  value-below-target                             200,000.50 GBP\n"
        "  value-unknown                                     120,000 GBP\n"
        "  technology-end-of-support                      200,000.50 GBP\n"
        "Products at risk:\n"
        "  stale                                             350,000 GBP  "
        "stale-stakeholder-review\n"
        "  tangled                                        200,000.50 GBP  "
        "eliminate-still-funded, overdue-retirement, technology-end-of-support, "
        "value-below-target\n"
        "  unknown                                           120,000 GBP  value-unknown\n"
        "\nProducts (against FY2026):\n"
    ) in out
    code, out = report(folder, "--today", "2026-11-22", "--format", "json")
    risk = _exact(out)["value_at_risk"]  # type: ignore[index]
    assert risk["total"] == TOTAL
    assert {row["rule"]: row["total"] for row in risk["by_reason"]} == BY_REASON
    assert {row["product"]: tuple(row["reasons"]) for row in risk["products"]} == PRODUCTS


def test_value_at_risk_of_an_earlier_period_and_of_a_day(tmp_path: Path) -> None:
    folder = str(write_leaky(tmp_path / "portfolio"))
    code, out = report(folder, "--today", "2026-11-22", "--period", "FY2026",
                       "--format", "markdown")
    assert code == 0, out
    # FY2026 allocated 575,000: tangled 400,000, stale 100,000, idle 75,000, all at risk
    assert ("Value at risk: 575,000 GBP, 100.0% of allocated funding, on 3 products with a "
            "value-leakage finding.") in out
    assert "| Tangled | 400,000 | `eliminate-still-funded`, `overdue-retirement`, " in out
    # a year and a half earlier: no review is stale yet, tangled not overdue, COBOL supported
    code, out = report(folder, "--today", "2023-06-01")
    assert code == 0, out
    assert ("Value at risk: 320,000.50 GBP, 18.3% of allocated funding, on 2 products "
            "with a value-leakage finding.") in out


def test_no_value_at_risk(tmp_path: Path) -> None:
    folder = write_leaky(tmp_path / "portfolio")
    settings = folder / "portfolio.yaml"
    settings.write_text(settings.read_text() + "".join(
        f"  {rule}: 'off'\n" for rule in BY_REASON))
    code, out = report(str(folder), "--today", "2026-11-22", "--format", "markdown")
    assert code == 0, out
    assert ("## Value at risk\n\nValue at risk: none: no funded product has a value-leakage "
            "finding.\n\n## Products\n") in out
