"""The pac command as users and CI run it: exit codes, formats, the JSON contract."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, REPO

from pac.cli import cli

TODAY = ["--today", "2026-11-22"]


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env={"GITHUB_ACTIONS": "", **(env or {})})
    return result.exit_code, result.output


def break_owner(portfolio: Path) -> None:
    product = portfolio / "products" / "fraud-scoring.yaml"
    product.write_text(product.read_text().replace("owner: team-risk-data", "owner: team-risk"))


def test_valid_portfolio_exits_0(reference: Path) -> None:
    code, out = invoke("validate", str(reference), *TODAY)
    assert code == 0
    assert out.strip().splitlines()[-1] == (
        "0 errors, 2 warnings, 4 infos in 12 files (3 products, 2 teams, 4 capabilities, "
        "1 objective, 1 funding period)."
    )


def test_error_exits_1_with_file_line_column_and_hint(reference: Path) -> None:
    break_owner(reference)
    code, out = invoke("validate", str(reference), *TODAY)
    assert code == 1
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if " error " in line)
    assert lines[at].endswith(
        "portfolio/products/fraud-scoring.yaml:9:8: error unknown-reference "
        "'team-risk' is not a team"
    )
    assert lines[at + 1] == "    hint: did you mean 'team-risk-data'?"
    assert lines[-1].startswith("1 error, 2 warnings, 4 infos in 12 files")


def test_strict_fails_on_warnings(reference: Path) -> None:
    settings = reference / "portfolio.yaml"
    text = settings.read_text()
    settings.write_text(text[: text.index("rules:")])
    product = reference / "products" / "customer-identity.yaml"
    product.write_text(product.read_text().replace("  retire_by: 2027-06-30\n", ""))
    assert invoke("validate", str(reference), *TODAY)[0] == 0
    code, out = invoke("validate", str(reference), "--strict", *TODAY)
    assert code == 1
    assert "warning sunset-without-retire-by" in out


def test_missing_directory_exits_2(tmp_path: Path) -> None:
    code, out = invoke("validate", str(tmp_path / "nowhere"))
    assert code == 2
    assert "is not a directory" in out


def test_directory_without_settings_exits_2(tmp_path: Path) -> None:
    code, out = invoke("validate", str(tmp_path))
    assert code == 2
    assert "has no portfolio.yaml" in out


def test_bad_today_is_a_usage_error(reference: Path) -> None:
    code, out = invoke("validate", str(reference), "--today", "22/11/2026")
    assert code == 2
    assert "use YYYY-MM-DD" in out


def test_json_contract(reference: Path) -> None:
    break_owner(reference)
    code, out = invoke("validate", str(reference), "--format", "json", *TODAY)
    assert code == 1
    document = json.loads(out)
    assert document["version"] == 1
    assert document["summary"] == {
        "errors": 1,
        "warnings": 2,
        "infos": 4,
        "files": 12,
        "entities": {"products": 3, "teams": 2, "capabilities": 4, "objectives": 1, "funding": 1},
    }
    [finding] = [f for f in document["findings"] if f["severity"] == "error"]
    assert finding == {
        "rule": "unknown-reference",
        "severity": "error",
        "file": finding["file"],
        "line": 9,
        "column": 8,
        "path": "owner",
        "entity": "product:fraud-scoring",
        "message": "'team-risk' is not a team",
        "hint": "did you mean 'team-risk-data'?",
    }
    assert finding["file"].endswith("portfolio/products/fraud-scoring.yaml")


def test_github_annotations_are_escaped_and_capped(reference: Path) -> None:
    products = reference / "products"
    for i in range(12):
        (products / f"broken-{i}.yaml").write_text(f"id: broken-{i}\nname: 100%, really: yes\n")
    code, out = invoke("validate", str(reference), "--format", "github", *TODAY)
    assert code == 1
    errors = [line for line in out.splitlines() if line.startswith("::error ")]
    assert len(errors) == 10
    assert errors[0].startswith("::error file=")
    assert errors[0].startswith(
        "::error file=portfolio/products/broken-0.yaml,line=2,col=19,title=yaml-syntax::"
        "mapping values are not allowed in this context%0Aquote the value"
    )
    assert "::notice title=pac::" in out
    assert "more findings are not annotated" in out
    # the full text report follows the annotations
    assert out.rstrip().splitlines()[-1].startswith("12 errors")


def test_github_escaping() -> None:
    from pac.render.validate_github import escape_data, escape_property

    assert escape_data("50% done\nnext\r") == "50%25 done%0Anext%0D"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_is_default_under_actions(reference: Path) -> None:
    break_owner(reference)
    code, out = invoke("validate", str(reference), *TODAY, env={"GITHUB_ACTIONS": "true"})
    assert code == 1
    assert out.startswith("::error file=")


def test_sarif(reference: Path) -> None:
    break_owner(reference)
    code, out = invoke("validate", str(reference), "--format", "sarif", *TODAY)
    assert code == 1
    document = json.loads(out)
    assert document["version"] == "2.1.0"
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    [result] = [r for r in run["results"] if r["level"] == "error"]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "unknown-reference"
    assert result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("portfolio/products/fraud-scoring.yaml")
    assert location["region"] == {"startLine": 9, "startColumn": 8}
    assert "did you mean 'team-risk-data'?" in result["message"]["text"]


def test_paths_are_relative_to_the_git_repository(tmp_path: Path) -> None:
    import shutil

    from conftest import REFERENCE

    repo = tmp_path / "repo"
    shutil.copytree(REFERENCE, repo / "data" / "portfolio")
    (repo / ".git").mkdir()
    break_owner(repo / "data" / "portfolio")
    _code, out = invoke("validate", str(repo / "data" / "portfolio"), "--format", "json", *TODAY)
    errors = [f["file"] for f in json.loads(out)["findings"] if f["severity"] == "error"]
    assert errors == ["data/portfolio/products/fraud-scoring.yaml"]


def test_rules_lists_every_rule() -> None:
    from pac.rules import RULES

    code, out = invoke("rules")
    assert code == 0
    assert len(out.splitlines()) == len(RULES)
    assert any(
        line.startswith("roadmap-overloaded") and "warning" in line for line in out.splitlines()
    )


def _subprocess(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    return subprocess.run(
        [sys.executable, "-m", "pac", *args],
        capture_output=True,
        text=True,
        env={**environment, **(env or {})},
        cwd=REPO,
        timeout=60,
    )


def test_python_dash_m_and_no_colour_when_piped(reference: Path) -> None:
    break_owner(reference)
    done = _subprocess("validate", str(reference), *TODAY)
    assert done.returncode == 1
    assert "\033[" not in done.stdout
    assert "error unknown-reference" in done.stdout


def test_colour_on_a_terminal_unless_no_color(reference: Path) -> None:
    import pty

    break_owner(reference)
    for env, coloured in (({}, True), ({"NO_COLOR": "1"}, False)):
        leader, follower = pty.openpty()
        environment = {
            k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")
        }
        proc = subprocess.run(
            [sys.executable, "-m", "pac", "validate", str(reference), *TODAY],
            stdout=follower,
            stderr=subprocess.PIPE,
            cwd=REPO,
            timeout=60,
            env={**environment, **env},
        )
        os.close(follower)
        out = os.read(leader, 65536).decode()
        os.close(leader)
        assert proc.returncode == 1
        assert ("\033[31merror" in out) is coloured


def test_validate_does_not_import_git_jinja_or_mkdocs(reference: Path) -> None:
    code = (
        "import sys; from pac.cli import main; sys.argv = ['pac', 'validate', sys.argv[1], "
        "'--today', '2026-11-22', '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('git', 'jinja2', 'mkdocs'))\n"
        "print('HEAVY', heavy, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(reference)], capture_output=True, text=True, timeout=60
    )
    assert "HEAVY []" in done.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_every_format_on_the_example_portfolio(fmt: str) -> None:
    done = _subprocess("validate", "portfolio", "--format", fmt, *TODAY)
    assert done.returncode == 0, done.stdout
    assert done.stdout.strip()


def _place(portfolio: Path, name: str, value: str) -> tuple[int, int]:
    """Line and column (1-based) of the value's first digit in a file: where the number starts
    (after any `0x`)."""
    text = (portfolio / name).read_text()
    start = text.index(value)
    if text[start - 2 : start] == "0x":
        start -= 2
    line_start = text.rfind("\n", 0, start) + 1
    return text.count("\n", 0, start) + 1, start - line_start + 1


def test_a_number_too_long_to_read_is_a_finding_in_every_kind_of_field(tmp_path: Path) -> None:
    portfolio = tmp_path / "portfolio"
    shutil.copytree(EXAMPLE, portfolio)
    huge = "9" * 5000
    edits = {  # file: (text, replacement): money, a KPI, an integer, an extension value
        "funding/FY2027.yaml": ("envelope: 34000000", f"envelope: {huge}"),
        "products/payment-service.yaml": ("    target: 97", f"    target: {huge}.5"),
        "portfolio.yaml": ("max_products_per_team: 4", f"max_products_per_team: 0x{huge}"),
    }
    edits["products/web-storefront.yaml"] = ("  service_tier: 1", f"  service_tier: {huge}")
    for name, (text, replacement) in edits.items():
        path = portfolio / name
        assert text in path.read_text()
        path.write_text(path.read_text().replace(text, replacement, 1))
    code, out = invoke("validate", str(portfolio), "--format", "json", *TODAY)
    assert code == 1
    # an unreadable portfolio.yaml also brings pac's default taxonomy: findings of their own
    document = json.loads(out)
    findings = [f for f in document["findings"] if f["rule"] == "schema"]
    assert not [f for f in document["findings"] if f["rule"] == "extension-schema"]
    assert [(f["file"].split("portfolio/", 1)[1], f["line"], f["column"], f["path"], f["rule"])
            for f in findings] == [
        ("funding/FY2027.yaml", *_place(portfolio, "funding/FY2027.yaml", huge), "envelope",
         "schema"),
        ("portfolio.yaml", *_place(portfolio, "portfolio.yaml", huge),
         "policies.max_products_per_team", "schema"),
        ("products/payment-service.yaml", *_place(portfolio, "products/payment-service.yaml",
                                                  huge), "kpis[0].target", "schema"),
        ("products/web-storefront.yaml", *_place(portfolio, "products/web-storefront.yaml", huge),
         "extensions.service_tier", "schema"),
    ]
    assert {f["message"] for f in findings} == \
        {"a number of more than 4,300 digits is too long to read"}
    assert all(f["hint"].startswith("check the value") for f in findings)


@pytest.mark.parametrize(
    ("name", "encoded"),
    [("with space #1 %41", "with%20space%20%231%20%2541"), ("über-ß", "%C3%BCber-%C3%9F")],
)
def test_sarif_uris_are_percent_encoded(reference: Path, name: str, encoded: str) -> None:
    (reference / "products" / f"{name}.yaml").write_text("id: stray\n")
    code, out = invoke("validate", str(reference), "--format", "sarif", *TODAY)
    assert code == 1
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(out)["runs"][0]["results"]
    }
    assert f"portfolio/products/{encoded}.yaml" in uris
    # every one is a relative reference of RFC 3986: no fragment, no query, no space
    assert all(re.fullmatch(r"([A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-F]{2})+", u) for u in uris)
