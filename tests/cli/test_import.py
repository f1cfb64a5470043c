"""pac import table: real CSV and XLSX files with hostile cells, imported into a temporary
portfolio, then pac validate on the result."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import REFERENCE, REPO, TESTS
from support import inside

from pac.cli import cli

DATA = TESTS / "importing" / "data"
EXAMPLES = REPO / "examples" / "import"
TODAY = ["--today", "2026-11-22"]
CSV_ARGS = ["servicenow-hostile.csv", "--kind", "product", "--map", "servicenow-test.yaml"]
XLSX_ARGS = ["leanix-hostile.xlsx", "--kind", "product", "--map", "leanix-applications.yaml"]


def repo_with_portfolio(tmp_path: Path) -> Path:
    """The reference portfolio in a repository, with the test files beside it."""
    repo = tmp_path / "repo"
    shutil.copytree(REFERENCE, repo / "portfolio")
    (repo / ".git").mkdir()
    for name in ("servicenow-hostile.csv", "servicenow-test.yaml", "leanix-hostile.xlsx"):
        shutil.copy(DATA / name, repo / name)
    shutil.copy(EXAMPLES / "leanix-applications.yaml", repo)
    return repo


def run(repo: Path, *args: str) -> tuple[int, str]:
    with inside(repo):
        result = CliRunner().invoke(cli, list(args), env={"GITHUB_ACTIONS": ""})
    return result.exit_code, result.output


def new_files(repo: Path) -> dict[str, str]:
    folder = repo / "portfolio" / "products"
    old = {p.name for p in (REFERENCE / "products").iterdir()}
    return {p.name: p.read_text() for p in sorted(folder.iterdir()) if p.name not in old}


def test_a_csv_with_hostile_cells(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    code, out = run(repo, "import", "table", *CSV_ARGS, *TODAY)
    assert code == 1, out  # rows were not imported
    assert out.splitlines()[:13] == [
        "servicenow-hostile.csv:5:4: error import-unmapped-value row 5, column 'Life Cycle "
        "Stage': 'Operationl' is not in the mapping's values for lifecycle.stage",
        "    hint: did you mean 'Operational'?",
        "servicenow-hostile.csv:5:7: error import-bad-date row 5, column 'Live since': "
        "'2023-02-30' is not a date in the form dd/mm/yyyy",
        "    hint: write it as dd/mm/yyyy, such as 31/01/2027, or correct the date format in "
        "the mapping",
        "servicenow-hostile.csv:6:1: error import-bad-source row 6: a quote is not where CSV "
        "allows one (';' expected after '\"'); the row is not imported",
        '    hint: a cell that holds a quote is written in quotes with the quote doubled: '
        '"Claims ""Portal""": correct the row, or export the file again',
        "servicenow-hostile.csv:7:7: error import-bad-date row 7, column 'Live since': "
        "'13/31/2021' is not a date in the form dd/mm/yyyy",
        "    hint: write it as dd/mm/yyyy, such as 31/01/2027, or correct the date format in "
        "the mapping",
        "servicenow-hostile.csv:8:5: error import-unknown-reference row 8, column 'Owner "
        "team': owner 'team-risk' is not a team in the portfolio or the import",
        "    hint: did you mean 'team-risk-data'?",
        "servicenow-hostile.csv:9:5: error import-unknown-reference row 9, column 'Owner "
        "team': owner 'team-clams' is not a team in the portfolio or the import",
        "    hint: did you mean 'team-claims'?",
        "Wrote 3 files from servicenow-hostile.csv: 3 new, 0 updated, 0 unchanged; 5 rows "
        "not imported.",
    ]
    assert out.splitlines()[13].startswith("Validation: 0 errors, ")
    written = new_files(repo)
    assert sorted(written) == ["apm0001.yaml", "apm0002.yaml", "apm0003.yaml"]
    assert written["apm0002.yaml"] == (
        "# yaml-language-server: $schema=../../schemas/product.schema.json\n"
        "id: apm0002\n"
        "name: Payments Hub\n"
        'summary: "=HYPERLINK(\\"https://evil.example\\";\\"click\\")"\n'
        "kind: application\n"
        "lifecycle:\n"
        "  stage: live\n"
        "  since: 2023-11-15\n"
        "owner: team-claims\n"
        "tags: [tier-2]\n"
    )
    assert "summary: \"=cmd|' /C calc'!A0\"\n" in written["apm0003.yaml"]
    assert "tags" not in written["apm0003.yaml"]  # '4 - not critical' maps to no tag
    code, out = run(repo, "validate", *TODAY)
    assert code == 0, out
    assert "6 products" in out


def test_an_xlsx_with_formulas_numbers_and_dates(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    code, out = run(repo, "import", "table", *XLSX_ARGS, *TODAY, "--format", "json")
    assert code == 1, out
    report = json.loads(out)
    assert [(f["line"], f["column"], f["rule"]) for f in report["findings"]] == [
        (2, 1, "import-duplicate-id"),
        (5, 1, "import-duplicate-id"),
        (6, 3, "import-unmapped-value"),
        (6, 5, "import-unknown-reference"),
        (7, 4, "import-bad-date"),
    ]
    assert report["findings"][3]["hint"].startswith("add the team first (pac new team")
    assert report["summary"] == {"entities": 7, "new": 3, "updated": 0, "unchanged": 0,
                                 "not_imported": 4, "errors": 5}
    written = new_files(repo)
    assert sorted(written) == ["broker-gateway.yaml", "lead-scoring.yaml", "quote-engine.yaml"]
    assert "description: \"=cmd|' /C calc'!A0\"\n" in written["broker-gateway.yaml"]
    assert 'description: "+1 when a lead converts"\n' in written["lead-scoring.yaml"]
    assert 'tags: ["@sales"]\n' in written["lead-scoring.yaml"]
    # a date cell is a date, a number cell a tag's text
    assert "  since: 2021-06-30\n" in written["quote-engine.yaml"]
    assert 'tags: [tier-3, "42"]\n' in written["quote-engine.yaml"]
    assert run(repo, "validate", *TODAY)[0] == 0


def test_dry_run_writes_nothing_and_shows_the_diff(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    code, out = run(repo, "import", "table", *CSV_ARGS, *TODAY, "--dry-run")
    assert code == 1
    assert new_files(repo) == {}
    assert (
        "added product:apm0003: Broker Gateway (products/apm0003.yaml)\n"
        "    kind: (none) → application\n"
        "    lifecycle.stage: (none) → discovery\n"
        "    name: (none) → Broker Gateway\n"
        "    owner: (none) → team-claims\n"
        "    summary: (none) → =cmd|' /C calc'!A0\n"
        "Would write 3 files from servicenow-hostile.csv"
    ) in out


def test_never_overwrites_and_update_keeps_a_hand_written_comment(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    run(repo, "import", "table", *CSV_ARGS, *TODAY)
    path = repo / "portfolio" / "products" / "apm0002.yaml"
    edited = path.read_text().replace(
        "owner: team-claims\n", "owner: team-claims   # confirmed with Ana, 3 May\n"
    ) + "product_manager: Ana Lima\n"
    path.write_text(edited.replace("stage: live", "stage: build"))
    code, out = run(repo, "import", "table", *CSV_ARGS, *TODAY)
    assert "servicenow-hostile.csv:3:1: error import-file-exists row 3: product 'apm0002' " \
           "exists in products/apm0002.yaml: an import never overwrites a file unless " \
           "--update is given" in out
    assert path.read_text() == edited.replace("stage: live", "stage: build")
    code, out = run(repo, "import", "table", *CSV_ARGS, *TODAY, "--update")
    assert code == 1  # the rows that were not imported before are still not
    assert "Wrote 1 file from servicenow-hostile.csv: 0 new, 1 updated, 2 unchanged" in out
    assert path.read_text() == edited  # the stage is the table's again; the rest is kept


def test_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    first = repo_with_portfolio(tmp_path / "a")
    second = repo_with_portfolio(tmp_path / "b")
    for repo in (first, second):
        run(repo, "import", "table", *XLSX_ARGS, *TODAY)
        run(repo, "import", "table", *CSV_ARGS, *TODAY)
    assert new_files(first) == new_files(second)
    assert len(new_files(first)) == 6


def test_a_bad_mapping_stops_before_any_row(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    mapping = repo / "servicenow-test.yaml"
    mapping.write_text(mapping.read_text().replace("lifecycle.since:", "lifecycle.sinc:"))
    code, out = run(repo, "import", "table", *CSV_ARGS, *TODAY)
    assert code == 1
    assert out.splitlines()[:2] == [
        "servicenow-test.yaml:12:3: error import-bad-mapping line 12: 'lifecycle.sinc' is "
        "not a field of a product that a column can fill",
        "    hint: did you mean 'since'?",
    ]
    assert out.splitlines()[-1] == (
        "Next: correct the mapping file as the findings above say, then run the import again."
    )
    assert new_files(repo) == {}


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    code, out = run(repo, "import", "table", "servicenow-hostile.csv", "--map",
                    "servicenow-test.yaml")
    assert code == 2 and "Missing option '--kind'" in out
    code, out = run(repo, "import", "table", *CSV_ARGS, "--into", "nowhere")
    assert code == 2 and "nowhere is not a directory" in out
    code, out = run(repo, "import", "table", CSV_ARGS[0], "--kind", "team", "--map",
                    "servicenow-test.yaml")
    assert (code, out.splitlines()[:2]) == (1, [
        "servicenow-test.yaml:3:1: error import-bad-mapping line 3: the mapping is for "
        "product entities, not team",
        "    hint: give --kind product, or use a mapping for team entities",
    ])
    (repo / "latin1.csv").write_bytes("Name\nCaf\xe9\n".encode("latin-1"))
    (repo / "teams.yaml").write_text("fields: {name: Name}\n")
    team = ["import", "table", "latin1.csv", "--kind", "team", "--map", "teams.yaml"]
    code, out = run(repo, *team)
    assert code == 2, out
    assert out == (
        "Error: latin1.csv is not UTF-8 text (byte 0xe9 on line 2): save it as UTF-8, or "
        "declare its encoding in the mapping (source: {encoding: cp1252})\n"
    )
    (repo / "teams.yaml").write_text("source: {encoding: latin-1}\nfields: {name: Name}\n")
    code, out = run(repo, *team, *TODAY)
    assert code == 0, out
    assert (repo / "portfolio" / "teams" / "cafe.yaml").read_text().endswith("name: Café\n")
