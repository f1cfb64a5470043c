"""pydantic's errors as findings a person can act on: the field, what is wrong with the
value, and how to write it."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from pac.load.schema_errors import field_description, fields_at, schema_findings
from pac.model import Funding, Product, Settings, Team

PRODUCT = {"id": "p", "name": "P", "owner": "t", "kind": "service",
           "lifecycle": {"stage": "live"}}
PERIOD = {"period": "FY2027", "start": "2027-01-01", "end": "2027-12-31", "envelope": 5}


def _findings(model: type[BaseModel], data: dict[str, Any],
              **options: Any) -> list[tuple[str, tuple[str | int, ...], bool, str, str]]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return [(f.rule, f.loc, f.at_key, f.message, f.hint)
            for f in schema_findings(caught.value, model, file="f.yaml", entity="e", **options)]


def test_an_unknown_field_is_named_with_the_one_meant() -> None:
    assert _findings(Product, {**PRODUCT, "ownr": "x",
                               "lifecycle": {"stage": "live", "sinse": "2020-01-01"}}) == [
        ("unknown-field", ("lifecycle", "sinse"), True, "unknown field 'sinse'",
         "did you mean 'since'?"),
        ("unknown-field", ("ownr",), True, "unknown field 'ownr'", "did you mean 'owner'?"),
    ]


def test_an_unknown_field_lists_the_allowed_ones() -> None:
    assert _findings(Product, {**PRODUCT, "lifecycle": {"stage": "live", "colour": "x"}}) == [
        ("unknown-field", ("lifecycle", "colour"), True, "unknown field 'colour'",
         "allowed here: stage, since, retire_by; your organisation's own fields go under "
         "extensions:")]
    [(_, _, _, _, hint)] = _findings(Team, {"id": "t", "name": "T", "colour": "x"})
    assert hint.startswith("allowed here: id, name, extensions, type, github, ")


def test_a_missing_field_says_what_it_holds() -> None:
    assert _findings(Funding, {"period": "FY2027", "start": "2027-01-01",
                               "end": "2027-12-31"}) == [
        ("schema", (), True, "missing required field 'envelope'",
         "add envelope: the total the portfolio may allocate in this period")]
    assert _findings(Product, {**PRODUCT, "kpis": [{"target": 5}]}) == [
        ("schema", ("kpis", 0), True, "missing required field 'name' in kpis[0]",
         "add name: what is measured")]


@pytest.mark.parametrize(("change", "loc", "message", "hint"), [
    ({"name": 12}, ("name",), "name must be text, not the number 12",
     "put the value in quotes, written exactly as you mean it: unquoted, YAML reads it as "
     "the number 12"),
    ({"name": True}, ("name",), "name must be text, not the boolean true",
     "put the value in quotes, written exactly as you mean it: unquoted, YAML reads it as "
     "the boolean true"),
    ({"name": ["a"]}, ("name",), "name must be text, not a list", "write it as text"),
    ({"name": {"a": 1}}, ("name",), "name must be text, not a mapping", "write it as text"),
    ({"id": "Bad_Id"}, ("id",), "id: 'Bad_Id' is not in the expected form",
     "ids use lowercase letters, digits and single hyphens, such as 'claims-portal'"),
    ({"lifecycle": {"stage": "liv"}}, ("lifecycle", "stage"),
     "lifecycle.stage: 'liv' is not one of ideation, discovery, build, live, sunset, retired",
     "did you mean 'live'?"),
    ({"lifecycle": {"stage": "gone"}}, ("lifecycle", "stage"),
     "lifecycle.stage: 'gone' is not one of ideation, discovery, build, live, sunset, retired",
     "use one of: ideation, discovery, build, live, sunset, retired"),
    ({"lifecycle": {"stage": "live", "since": "2026-02-30"}}, ("lifecycle", "since"),
     "lifecycle.since must be a date, not '2026-02-30'",
     "there is no such day: check the month (01 to 12) and the day of the month"),
    ({"lifecycle": {"stage": "live", "since": "soon"}}, ("lifecycle", "since"),
     "lifecycle.since must be a date, not 'soon'",
     "write the date as YYYY-MM-DD, such as 2027-03-31"),
    ({"lifecycle": "live"}, ("lifecycle",),
     "lifecycle must be a mapping of field: value, not 'live'", "indent the fields under this key"),
    ({"tags": "a"}, ("tags",), "tags must be a list, not 'a'",
     "write one item per line, each starting with '- ', or [a, b]"),
    ({"value": {"annual_estimate": -5}}, ("value", "annual_estimate"),
     "value.annual_estimate must not be negative, got the number -5",
     "amounts and counts are 0 or more"),
    ({"value": {"annual_estimate": "1,000"}}, ("value", "annual_estimate"),
     "value.annual_estimate must be a number, not '1,000'",
     "write a plain number without quotes, separators (1_000, 1,000) or units, such as 1000 "
     "or 12.5"),
    ({"summary": "x" * 600}, ("summary",), "summary is too long", "use at most 500 characters"),
    ({"links": {"repo": "ftp://x.example"}}, ("links", "repo"),
     "links.repo: 'ftp://x.example' is not in the expected form",
     "links must start with https://, http:// or mailto:"),
    ({"description": 5, "summary": "s" * 70}, ("description",),
     "description must be text, not the number 5",
     "put the value in quotes, written exactly as you mean it: unquoted, YAML reads it as "
     "the number 5"),
    ({"lifecycle": {"stage": "sunset", "since": "2027-01-01", "retire_by": "2026-01-01"}},
     ("lifecycle", "retire_by"), "retire_by 2026-01-01 is before since 2027-01-01",
     "correct the dates"),
])
def test_a_bad_value_says_what_is_wrong_and_how_to_write_it(
        change: dict[str, Any], loc: tuple[str, ...], message: str, hint: str) -> None:
    assert _findings(Product, {**PRODUCT, **change}) == [("schema", loc, False, message, hint)]


def test_a_long_value_is_shown_shortened() -> None:
    [(_, _, _, message, _)] = _findings(Product, {**PRODUCT, "links": {"a": "ftp:" + "x" * 60}})
    assert message == f"links.a: 'ftp:{'x' * 53}...' is not in the expected form"
    [(_, _, _, message, _)] = _findings(Product, {**PRODUCT, "links": {"a": "ftp:" + "x" * 56}})
    assert message == f"links.a: 'ftp:{'x' * 56}' is not in the expected form"


@pytest.mark.parametrize(("model", "data", "loc", "message", "hint"), [
    (Team, {"id": "t", "name": "T", "github": "northwind"}, ("github",),
     "github: 'northwind' is not in the expected form",
     "write a handle as @user or @org/team, in quotes"),
    (Team, {"id": "t", "name": "T", "contact": {"email": "nope"}}, ("contact", "email"),
     "contact.email: 'nope' is not in the expected form",
     "write an email address such as team@example.com"),
    (Settings, {"name": "N", "currency": "usd"}, ("currency",),
     "currency: 'usd' is not in the expected form",
     "use an ISO 4217 currency code, such as USD or EUR"),
    (Settings, {"name": ""}, ("name",), "name must not be empty",
     "write a value or remove the field"),
    (Settings, {"name": "N", "policies": {"max_products_per_team": 2.5}},
     ("policies", "max_products_per_team"),
     "policies.max_products_per_team must be a whole number, not the number 2.5",
     "write a plain number without quotes, separators (1_000, 1,000) or units, such as 1000 "
     "or 12.5"),
    (Funding, {**PERIOD, "end": "2026-01-01"}, ("end",),
     "end 2026-01-01 is before start 2027-01-01", "correct the dates"),
    (Funding, {**PERIOD, "envelope": 1e30}, ("envelope",),
     "envelope is larger than 1,000,000,000,000,000, got the number 1e+30",
     "check the number of digits"),
])
def test_each_kind_of_entity_gets_the_same_help(model: type[BaseModel], data: dict[str, Any],
                                                loc: tuple[str, ...], message: str,
                                                hint: str) -> None:
    assert _findings(model, data) == [("schema", loc, False, message, hint)]


def test_a_value_the_yaml_layer_could_not_read_is_not_reported_again() -> None:
    assert _findings(Product, {**PRODUCT, "name": None, "owner": 5},
                     unread=[("name",)]) == [
        ("schema", ("owner",), False, "owner must be text, not the number 5",
         "put the value in quotes, written exactly as you mean it: unquoted, YAML reads it as "
         "the number 5")]


def test_the_fields_allowed_and_described_at_a_place() -> None:
    assert fields_at(Product, ("lifecycle",)) == ["stage", "since", "retire_by"]
    assert fields_at(Product, ("kpis", 3)) == ["name", "unit", "baseline", "target", "actual",
                                               "direction", "as_of"]
    assert fields_at(Product, ("name",)) == []
    assert fields_at(Product, ("nope", "x")) == []
    assert field_description(Product, ("lifecycle", "stage")) == (
        "ideation | discovery | build | live | sunset | retired.")
    assert field_description(Product, ("kpis", 0, "name")) == "What is measured."
    assert field_description(Product, ("nope", "x")) == ""
    assert field_description(Product, ("lifecycle", "nope")) == ""
