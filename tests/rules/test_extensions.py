"""pac.rules.extensions beyond what a case folder shows: what a $ref may read, and the
field paths (in the JSON and SARIF reports) of findings at the same place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CASES
from support import apply_case, extension_findings, run

WRONG_VALUES = CASES / "invalid" / "extension-schema" / "wrong-values"
PRODUCT = "products/fraud-scoring.yaml"


def _findings(portfolio: Path, schema: dict[str, object], extensions: str) -> list[str]:
    return [f"{f.line}:{f.column} {f.path}: {f.message}"
            for f in extension_findings(portfolio, schema, extensions)]


# as `pac validate` runs, where jsonschema's warning that it fetches a $ref is no error
@pytest.mark.filterwarnings("default::DeprecationWarning")
def test_a_ref_to_a_file_outside_the_portfolio_is_not_read(reference: Path,
                                                          tmp_path: Path) -> None:
    outside = tmp_path / "outside.schema.json"
    outside.write_text('{"type": "integer"}')
    schema = {"properties": {"cost_centre": {"$ref": outside.as_uri()}}}
    assert _findings(reference, schema, "  cost_centre: CC-1234\n") == [
        f"26:1 extensions: the extension schema cannot be applied: Unresolvable: "
        f"file://{tmp_path}/outside.schema.json"
    ]


def test_findings_at_the_same_place_are_in_the_order_of_their_paths(reference: Path) -> None:
    # 'audit' is an alias of 'risk': both owners are at the anchor's 'ops'. Pattern
    # properties report them in the file's order (risk first), their paths put audit first
    schema = {"patternProperties": {"^[a-z]+$": {"properties": {"owner": {"type": "integer"}}}}}
    extensions = "  risk: &owned {owner: ops}\n  audit: *owned\n"
    assert _findings(reference, schema, extensions) == [
        "27:24 extensions.audit.owner: extensions: 'ops' is not of type 'integer'",
        "27:24 extensions.risk.owner: extensions: 'ops' is not of type 'integer'",
    ]


def _settings_findings(portfolio: Path, schema_text: str) -> list[str]:
    apply_case(WRONG_VALUES, portfolio)
    (portfolio / "extensions" / "product.schema.json").write_text(schema_text)
    return [f"{f.file}:{f.line}:{f.column} {f.message}" for f in run(portfolio).findings
            if f.rule == "extension-schema"]


def _nested(levels: int) -> dict[str, object]:
    """A schema of `levels` nested `properties`: two mappings a level, plus the top one."""
    schema: dict[str, object] = {"type": "string"}
    for _ in range(levels):
        schema = {"properties": {"x": schema}}
    return schema


def _all_of(levels: int) -> dict[str, object]:
    """A schema of `levels` nested `allOf`: a mapping and a list a level."""
    schema: dict[str, object] = {"type": "string"}
    for _ in range(levels):
        schema = {"allOf": [schema]}
    return schema


@pytest.mark.parametrize(
    "text",
    [json.dumps(_nested(100)), json.dumps(_all_of(40)), "[" * 5000 + "]" * 5000],
    ids=["100 levels of properties", "40 levels of allOf", "5,000 nested lists"],
)
def test_a_schema_nested_too_deeply_is_a_finding_not_a_crash(reference: Path,
                                                             text: str) -> None:
    assert _settings_findings(reference, text) == [
        "portfolio/portfolio.yaml:11:12 extension schema 'extensions/product.schema.json' is "
        "nested deeper than 64 levels"
    ]


def test_a_schema_nested_as_deep_as_allowed_checks_values(reference: Path) -> None:
    # 31 levels of properties are 63 mappings, the top one 64: a value 31 levels down checks
    extensions = "".join("  " * (i + 1) + "x:\n" for i in range(30)) + "  " * 31 + "x: 1\n"
    assert _findings(reference, _nested(31), extensions)[-1].endswith(
        "extensions: 1 is not of type 'string'"
    )
