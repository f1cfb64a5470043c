"""Extension schemas' patterns: matched in linear time, with JSON Schema's meaning."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import CASES
from support import extension_findings

WRONG_VALUES = CASES / "invalid" / "extension-schema" / "wrong-values"
PRODUCT = "products/fraud-scoring.yaml"


def _findings(portfolio: Path, schema: dict[str, object], extensions: str) -> list[str]:
    return [f"{f.file}: {f.message}" for f in extension_findings(portfolio, schema, extensions)]


def test_a_catastrophic_pattern_takes_no_time(reference: Path) -> None:
    schema = {"properties": {"code": {"type": "string", "pattern": "^(a+)+$"}}}
    started = time.perf_counter()
    findings = _findings(reference, schema, f"  code: {'a' * 40}!\n")
    assert time.perf_counter() - started < 0.5
    assert findings == [f"portfolio/{PRODUCT}: extensions: '{'a' * 40}!' does not match "
                        "'^(a+)+$'"]


def test_catastrophic_property_names_take_no_time(reference: Path) -> None:
    schema = {"patternProperties": {"^(a+)+$": {"type": "string"}},
              "additionalProperties": False}
    started = time.perf_counter()
    findings = _findings(reference, schema, f"  {'a' * 40}!: x\n  aaa: 1\n")
    assert time.perf_counter() - started < 0.5
    assert findings == [
        f"portfolio/{PRODUCT}: extensions: '{'a' * 40}!' does not match any of the regexes: "
        "'^(a+)+$'",
        f"portfolio/{PRODUCT}: extensions: 1 is not of type 'string'",
    ]


@pytest.mark.parametrize(
    ("value", "matches"),
    [("CC-1234", True), ("CC-12345", False), ("x CC-1234", False), ('"CC-1234\\n"', False)],
)
def test_ordinary_patterns_keep_json_schema_meaning(reference: Path, value: str,
                                                    matches: bool) -> None:
    schema = {"properties": {"cost_centre": {"type": "string", "pattern": "^CC-[0-9]{4}$"}},
              "additionalProperties": False}
    findings = _findings(reference, schema, f"  cost_centre: {value}\n")
    assert (findings == []) == matches, findings


def test_unanchored_patterns_search_anywhere(reference: Path) -> None:
    schema = {"properties": {"team": {"type": "string", "pattern": "[0-9]{3}"}}}
    assert _findings(reference, schema, "  team: squad-123-east\n") == []


@pytest.mark.parametrize(
    ("schema", "problem"),
    [
        ({"properties": {"a": {"type": "string", "pattern": "^(?=x)x$"}}},
         "pattern '^(?=x)x$' cannot be matched in linear time: invalid perl operator: (?="),
        ({"$schema": "https://json-schema.org/draft/2020-12/schema",
          "patternProperties": {"^x": {}}, "unevaluatedProperties": False},
         "unevaluatedProperties next to patternProperties cannot be checked in linear time: "
         "use additionalProperties"),
    ],
    ids=["lookahead", "unevaluated"],
)
def test_patterns_pac_cannot_match_in_linear_time_are_a_finding(
    reference: Path, schema: dict[str, object], problem: str
) -> None:
    assert _findings(reference, schema, "  a: x\n") == [
        "portfolio/portfolio.yaml: extension schema 'extensions/product.schema.json': " + problem
    ]



def test_pattern_problem_names_what_cannot_run_in_linear_time() -> None:
    from pac.rules.extension_patterns import pattern_problem

    assert pattern_problem({"properties": {"a": {"pattern": "^[a-z]+$"}}}) == ""
    assert pattern_problem([{"pattern": r"(a)\1"}]) == (
        "pattern '(a)\\\\1' cannot be matched in linear time: invalid escape sequence: \\1"
    )
    assert pattern_problem({"patternProperties": {"^x": {}}, "unevaluatedProperties": False}) == (
        "unevaluatedProperties next to patternProperties cannot be checked in linear "
        "time: use additionalProperties"
    )
    assert pattern_problem({"unevaluatedProperties": False}) == ""


def test_pattern_problem_checks_the_patterns_of_pattern_properties() -> None:
    from pac.rules.extension_patterns import pattern_problem

    assert pattern_problem({"properties": {"a": {"patternProperties": {"^(?!x)": {}}}}}) == (
        "pattern '^(?!x)' cannot be matched in linear time: invalid perl operator: (?!"
    )


def test_the_linear_validator_keeps_json_schemas_meaning() -> None:
    from jsonschema import Draft202012Validator

    from pac.rules.extension_patterns import linear_validator

    schema = {
        "properties": {"code": {"type": "string", "pattern": "^[A-Z]{3}$"}},
        "patternProperties": {"^x-": {"type": "integer"}},
        "additionalProperties": False,
    }
    validator = linear_validator(Draft202012Validator)(schema)
    instance = {"code": "abc", "x-n": "one", "other": 1, "x-m": 2}
    assert sorted(e.message for e in validator.iter_errors(instance)) == sorted(
        e.message for e in Draft202012Validator(schema).iter_errors(instance)
    )
    assert len(list(validator.iter_errors(instance))) == 3


def test_the_linear_validator_says_where_each_error_is() -> None:
    from jsonschema import Draft202012Validator

    from pac.rules.extension_patterns import linear_validator

    schema = {"patternProperties": {"^x-": {"type": "integer"}},
              "additionalProperties": {"type": "string"}}
    validator = linear_validator(Draft202012Validator)(schema)
    errors = validator.iter_errors({"x-n": "one", "other": 1})
    assert sorted((list(e.path), list(e.schema_path), e.message) for e in errors) == [
        (["other"], ["additionalProperties", "type"], "1 is not of type 'string'"),
        (["x-n"], ["patternProperties", "^x-", "type"], "'one' is not of type 'integer'"),
    ]
