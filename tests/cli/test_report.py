"""pac report: the portfolio's funding in numbers, and the same numbers as the site."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE
from support import run

from pac.cli import cli
from pac.money import format_money


def report(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["report", *args])
    return result.exit_code, result.output


def test_json_contract_on_the_reference(reference: Path) -> None:
    code, out = report(str(reference), "--format", "json")
    assert code == 0, out
    document = json.loads(out)
    split = lambda run, change: {"run": run, "change": change, "total": run + change}  # noqa: E731
    assert {k: v for k, v in document.items() if k not in ("products", "notes")} == {
        "version": 1, "period": "FY2027", "previous_period": None, "currency": "USD",
        "envelope": 4000000.0, "allocated": 2900000.0, "unallocated": 1100000.0,
        "run": 1450000.0, "change": 1450000.0,
        "by_team": [{"id": "team-claims", **split(900000.0, 650000.0)},
                    {"id": "team-risk-data", **split(550000.0, 800000.0)}],
        "by_capability": [{"id": "claims-management", **split(900000.0, 650000.0)},
                          {"id": "fraud-management", **split(150000.0, 800000.0)},
                          {"id": "customer-management", **split(400000.0, 0.0)}],
        "by_objective": [{"id": "digital-self-service", **split(1050000.0, 1450000.0)},
                         {"id": "(none)", **split(400000.0, 0.0)}],
        "by_stage": [{"id": "live", **split(900000.0, 650000.0)},
                     {"id": "build", **split(150000.0, 800000.0)},
                     {"id": "sunset", **split(400000.0, 0.0)}],
        "by_disposition": [{"id": "invest", **split(900000.0, 650000.0)},
                           {"id": "none", **split(150000.0, 800000.0)},
                           {"id": "migrate", **split(400000.0, 0.0)}],
    }
    claims = document["products"][0]
    assert claims["product"] == "claims-portal"
    assert claims["value_per_unit"] == pytest.approx(3400000 / 1550000)
    assert claims["previous_total"] is None and claims["change_from_previous"] is None


def test_changes_against_the_previous_period() -> None:
    code, out = report(str(EXAMPLE), "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert (document["period"], document["previous_period"]) == ("FY2027", "FY2026")
    moved = [p for p in document["products"] if p["change_from_previous"]]
    assert moved and all(p["change_from_previous"] == p["total"] - p["previous_total"]
                         for p in moved)


def test_unknown_period_is_a_usage_error(reference: Path) -> None:
    code, out = report(str(reference), "--period", "FY1999")
    assert code == 2
    assert "there is no funding period 'FY1999' (periods: FY2027)" in out


def test_the_site_shows_the_same_figures(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "--out", str(out),
                                      "--no-history"], env={"SOURCE_DATE_EPOCH": "1795000000"})
    assert result.exit_code == 0, result.output
    document = json.loads(report(str(EXAMPLE), "--format", "json")[1], parse_float=Decimal,
                          parse_int=Decimal)
    page = (out / "funding" / "FY2027.html").read_text()
    currency = document["currency"]
    money = r'<td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td>'
    for group, folder in (("by_team", "teams"), ("by_capability", "capabilities"),
                          ("by_objective", "objectives"), ("by_stage", None),
                          ("by_disposition", None)):
        section = page.split(f'id="{group.replace("_", "-")}"', 1)[1]
        assert document[group], group
        for row in document[group]:
            key = re.escape(row["id"])
            plain = rf'<td>{key}</td>'  # a stage, a disposition, or "(none)"
            first = (rf'(?:href="\.\./{folder}/{key}\.html">[^<]*</a></td>|{plain})'
                     if folder else plain)
            cells = re.search(first + money, section)
            assert cells is not None, (group, row["id"])
            assert cells.groups() == tuple(format_money(row[k], currency)
                                           for k in ("run", "change", "total"))
    by_product = page.split('id="by-product"', 1)[1]
    for row in document["products"]:
        cells = re.search(rf'href="\.\./products/{row["product"]}\.html">[^<]*</a></td>'
                          r'<td>.*?</td>' + money + r'<td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td>',
                          by_product)
        assert cells is not None, row["product"]
        change, ratio = row["change_from_previous"], row["value_per_unit"]
        assert cells.groups() == (
            *(format_money(row[k], currency) for k in ("run", "change", "total")),
            "new" if change is None else ("+" if change >= 0 else "-")
            + format_money(abs(change), currency),
            "—" if ratio is None else f"{ratio:.2f}",
        )
    home = (out / "index.html").read_text()
    assert f"{format_money(document['allocated'], currency)} allocated of an envelope of " \
           f"{format_money(document['envelope'], currency)}" in home
    # the capability map's funding colouring: a leaf's tile is its row of the report
    heatmap = (out / "capabilities" / "index.html").read_text()
    tiles = dict(re.findall(r'href="([a-z0-9-]+)\.html" data-live="\d+" data-funding="([^"]+)"',
                            heatmap))
    parents = {c.parent for c in run(EXAMPLE).portfolio.capabilities.values()}
    leaves = {row["id"]: row["total"] for row in document["by_capability"]
              if row["id"] not in parents}
    assert leaves and all(float(tiles[cid]) == total for cid, total in leaves.items())


@pytest.mark.parametrize(("amount", "text"), [
    ("950", "950 GBP"), ("999.6", "1k GBP"), ("999499", "999k GBP"), ("999600", "1M GBP"),
    ("1234567", "1.23M GBP"), ("999600000", "1bn GBP"), ("5e12", "5,000bn GBP"),
])
def test_compact_money_never_writes_an_exponent(amount: str, text: str) -> None:
    from pac.money import compact_money

    assert compact_money(Decimal(amount), "GBP") == text


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
