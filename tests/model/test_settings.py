"""portfolio.yaml's settings: defaults, and scorecard levels that can be told apart."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from pac.model import Settings
from pac.model.settings import Scorecard, ScorecardLevel


def test_defaults() -> None:
    settings = Settings(name="Acme")
    assert (settings.currency, settings.default_branch, settings.current_period) == (
        "USD", "main", None)
    policies = settings.policies
    assert (policies.stakeholder_review_days, policies.max_products_per_team) == (180, 4)
    assert policies.value_ratio_target == Decimal("1.0")
    assert type(policies.value_ratio_target) is Decimal
    assert settings.scorecard.stages == ["live"]
    assert [(level.name, level.checks) for level in settings.scorecard.levels] == [
        ("bronze", ["owner-has-members", "has-summary", "has-customers", "serves-capability"]),
        ("silver", ["stakeholder-review-current", "kpis-have-targets", "funded",
                    "value-estimated"]),
        ("gold", ["kpis-measured", "has-roadmap", "technology-supported", "no-warnings"]),
    ]
    assert settings.taxonomy.product_kinds == ["application", "platform", "service", "data",
                                               "infrastructure"]


def _scorecard_errors(*names: str) -> list[str]:
    with pytest.raises(ValidationError) as raised:
        Scorecard(levels=[ScorecardLevel(name=n, checks=["funded"]) for n in names])
    return [e["msg"] for e in raised.value.errors()]


def test_level_names_must_differ() -> None:
    assert _scorecard_errors("gold", "silver", "gold") == [
        "Value error, level names must differ: gold is used twice"]
    assert _scorecard_errors("b", "a", "b", "a", "c") == [
        "Value error, level names must differ: a, b are each used twice"]


def test_none_is_not_a_level() -> None:
    assert _scorecard_errors("bronze", "none") == [
        "Value error, 'none' stands for no level at all: give the level another name"]
    assert Scorecard(levels=[ScorecardLevel(name="None", checks=["funded"])]).levels[0].name == (
        "None")


def test_a_level_needs_a_known_check() -> None:
    with pytest.raises(ValidationError) as raised:
        ScorecardLevel(name="x", checks=[])
    assert [e["msg"] for e in raised.value.errors()] == [
        "List should have at least 1 item after validation, not 0"]
    with pytest.raises(ValidationError) as raised:
        ScorecardLevel(name="x", checks=["is-great"])
    assert [e["loc"] for e in raised.value.errors()] == [("checks", 0)]
