"""pac export: the resolved portfolio as JSON and as CSV tables a spreadsheet opens."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pac.cli import cli

REPO = Path(__file__).parents[2]


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


# --- --format backstage ---------------------------------------------------------------------------

BACKSTAGE = ["--format", "backstage", "--today", "2026-11-22"]


def test_backstage_writes_a_catalog_folder_backstage_registers_in_one_go(
    reference: Path, tmp_path: Path
) -> None:
    out = tmp_path / "catalog"
    args = ["export", str(reference), *BACKSTAGE, "--out", str(out),
            "--site-url", "https://pac.example/site"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Wrote 16 Backstage entities to {out}: register {out / 'catalog-info.yaml'}, which "
        "lists their files, in Backstage.\n"
    )
    assert result.stderr == ""
    files = {p.name: p.read_bytes() for p in out.iterdir()}
    assert sorted(files) == [".pac-output", "catalog-info.yaml", "domains.yaml", "groups.yaml",
                             "systems.yaml", "users.yaml"]
    assert b"    pac.dev/page: https://pac.example/site/products/claims-portal.html\n" in (
        files["systems.yaml"])
    # again: the same bytes, and the folder pac wrote is replaced, not refused
    (out / "stale.yaml").write_text("from an older export\n")
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == files


def test_backstage_says_what_it_changed_on_standard_error(reference: Path, tmp_path: Path) -> None:
    from backstage.cases import LONG_PRODUCT, awkward_portfolio

    awkward_portfolio(reference)
    result = CliRunner().invoke(cli, ["export", str(reference), *BACKSTAGE, "--out",
                                      str(tmp_path / "catalog")])
    assert result.exit_code == 0, result.output
    notes = result.stderr.splitlines()
    assert len(notes) == 10
    assert notes[0].startswith(f"note: product:{LONG_PRODUCT}: the id is longer than "
                               "Backstage's 63 characters: it is named ")
    # a note is one line, whatever the data holds
    assert f"note: product:{LONG_PRODUCT}: the link '  ' (https://example.com/blank-title) " \
           "is not one Backstage shows: pac.dev/links keeps it" in notes


@pytest.mark.parametrize(("args", "message"), [
    ([], "--format backstage writes several files: give a folder with --out"),
    (["--out", "x", "--site-url", "ftp://pac.example/"],
     "--site-url is the catalogue site's http:// or https:// address, for --format backstage"),
])
def test_backstage_options(reference: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["export", str(reference), *BACKSTAGE, *args])
    assert result.exit_code == 2
    assert message in result.output


def test_site_url_is_for_backstage_only(reference: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(reference), "--site-url", "https://x.example"])
    assert result.exit_code == 2
    assert "for --format backstage" in result.output


def test_backstage_replaces_only_a_folder_pac_wrote(reference: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "catalog-info.yaml").write_text("my own\n")
    result = CliRunner().invoke(cli, ["export", str(reference), *BACKSTAGE, "--out", str(mine)])
    assert result.exit_code == 2
    assert f"{mine} exists and pac did not build it" in result.output
    assert [p.name for p in mine.iterdir()] == ["catalog-info.yaml"]


def test_backstage_writes_nothing_for_a_portfolio_with_errors(
    reference: Path, tmp_path: Path
) -> None:
    product = reference / "products" / "claims-portal.yaml"
    product.write_text(product.read_text().replace("owner: team-claims", "owner: team-clams"))
    out = tmp_path / "catalog"
    result = CliRunner().invoke(cli, ["export", str(reference), *BACKSTAGE, "--out", str(out)])
    assert result.exit_code == 2
    assert "fix the errors above first: the export would be incomplete" in result.output
    assert not out.exists()


def test_the_readme_example_is_what_the_export_writes(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text()
    intro, example = readme.split("Users and Domains are in the other files", 1)
    command = intro.rsplit("(`", 1)[1].split("`;", 1)[0].replace("\n", " ")
    assert command == ("pac export tests/reference-portfolio --format backstage --out catalog "
                       "--site-url https://portfolio.northwind.example")
    out = tmp_path / "catalog"
    words = command.split()[1:]
    words[words.index("catalog")] = str(out)
    words[words.index("tests/reference-portfolio")] = str(REPO / "tests" / "reference-portfolio")
    result = CliRunner().invoke(cli, [*words, "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    shown = example.split("```yaml\n", 1)[1].split("```", 1)[0].splitlines()
    written = (out / "systems.yaml").read_text().split("---\n")[1].splitlines()
    assert shown[0] == "---" and len(shown) - 1 == len(written)
    for line, actual in zip(shown[1:], written, strict=True):
        if "..." in line:  # a JSON annotation cut short
            assert actual.startswith(line.split("...", 1)[0]), actual
        else:
            assert line == actual
