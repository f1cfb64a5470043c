"""The generated JSON Schemas: up to date, and usable by other validators and editors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CASES, EXAMPLE, REFERENCE, REPO

from pac.cli import cli
from pac.model import KINDS

SCHEMAS = REPO / "schemas"
FOLDER_SCHEMA = {folder: kind for kind, (folder, _) in KINDS.items()}
# pac rejects these, but a JSON Schema cannot say so: cross-field date order, and YAML 1.1
# number syntax (1_000) that check-jsonschema's YAML reader turns into a number.
BEYOND_JSON_SCHEMA = {
    "schema/funding-ends-before-start",
    "schema/retire-before-since",
    "schema/underscore-number",
}


def _check_jsonschema(schema: str, files: list[Path]) -> subprocess.CompletedProcess[str]:
    executable = Path(sys.executable).parent / "check-jsonschema"
    return subprocess.run(
        [str(executable), "--schemafile", str(SCHEMAS / schema), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _schema_for(path: Path, portfolio: Path) -> str:
    relative = path.relative_to(portfolio)
    if len(relative.parts) == 1:
        return "portfolio.schema.json"
    return f"{FOLDER_SCHEMA[relative.parts[0]]}.schema.json"


def test_committed_schemas_are_up_to_date() -> None:
    result = CliRunner().invoke(cli, ["schema", "--check", "--out", str(SCHEMAS)])
    assert result.exit_code == 0, result.output


def test_schema_check_fails_when_stale(tmp_path: Path) -> None:
    shutil.copytree(SCHEMAS, tmp_path / "schemas")
    product = tmp_path / "schemas" / "product.schema.json"
    product.write_text(product.read_text().replace('"owner"', '"proprietor"'))
    result = CliRunner().invoke(cli, ["schema", "--check", "--out", str(tmp_path / "schemas")])
    assert result.exit_code == 1
    assert "product.schema.json is out of date" in result.output
    assert CliRunner().invoke(cli, ["schema", "--out", str(tmp_path / "schemas")]).exit_code == 0
    assert json.loads(product.read_text()) == json.loads((SCHEMAS / product.name).read_text())


@pytest.mark.parametrize("portfolio", [REFERENCE, EXAMPLE], ids=["reference", "example"])
def test_check_jsonschema_accepts_the_portfolios(portfolio: Path) -> None:
    files = sorted(portfolio.rglob("*.yaml"))
    by_schema: dict[str, list[Path]] = {}
    for path in files:
        by_schema.setdefault(_schema_for(path, portfolio), []).append(path)
    assert len(by_schema) == 6
    for schema, paths in by_schema.items():
        done = _check_jsonschema(schema, paths)
        assert done.returncode == 0, done.stdout + done.stderr


SINGLE_FILE_CASES = sorted(
    case
    for rule in ("schema", "unknown-field")
    for case in (CASES / "invalid" / rule).iterdir()
    if len([p for p in case.rglob("*.yaml")]) == 1
)


@pytest.mark.parametrize("case", SINGLE_FILE_CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_check_jsonschema_rejects_what_pac_rejects(case: Path) -> None:
    [path] = case.rglob("*.yaml")
    done = _check_jsonschema(_schema_for(path, case), [path])
    name = f"{case.parent.name}/{case.name}"
    if name in BEYOND_JSON_SCHEMA:
        assert done.returncode == 0, "now caught by the schema: remove it from the list"
    else:
        assert done.returncode == 1, done.stdout + done.stderr


def test_every_file_names_its_schema_for_editors() -> None:
    for portfolio in (REFERENCE, EXAMPLE):
        for path in portfolio.rglob("*.yaml"):
            first = path.read_text().splitlines()[0]
            assert first.startswith("# yaml-language-server: $schema="), path
            target = (path.parent / first.split("=", 1)[1]).resolve()
            if portfolio == EXAMPLE:
                assert target == SCHEMAS / _schema_for(path, portfolio), path


def _text_fields(node: object, where: str = "") -> list[tuple[str, dict[str, object]]]:
    """Every string the schema allows, with where it is, at any depth."""
    if isinstance(node, list):
        return [t for i, item in enumerate(node) for t in _text_fields(item, f"{where}[{i}]")]
    if not isinstance(node, dict):
        return []
    found = [(where, node)] if node.get("type") == "string" else []
    for key, value in node.items():
        found += _text_fields(value, f"{where}.{key}")
    return found


@pytest.mark.parametrize("schema", sorted((REPO / "schemas").glob("*.schema.json")),
                         ids=lambda p: p.name)
def test_every_text_field_has_a_length_limit(schema: Path) -> None:
    """No field can hold a whole comment's worth of text: each string has a maxLength, or
    a pattern that bounds it (fixed repetitions only), a list of values or a date."""
    fields = _text_fields(json.loads(schema.read_text()))
    assert fields
    unbounded = [
        where for where, field in fields
        if not {"maxLength", "enum", "const", "format"} & set(field)
        and not ("pattern" in field and not set("*+") & set(str(field["pattern"])))
    ]
    assert unbounded == []
