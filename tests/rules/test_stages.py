"""pac.rules.stages: a product that stays in an early stage longer than the policy allows,
called directly on a portfolio written here."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from pac.model import Product, Settings
from pac.model.portfolio import Portfolio
from pac.rules.registry import RULES, Context
from pac.rules.stages import stage_stalled

TODAY = datetime.date(2026, 11, 22)


def _ctx(lifecycle: dict[str, Any], policies: dict[str, Any] | None = None) -> Context:
    product = Product.model_validate({"id": "p", "name": "P", "kind": "service",
                                      "lifecycle": lifecycle, "owner": "t"})
    settings = Settings.model_validate({"name": "Acme", "policies": policies or {}})
    portfolio = Portfolio(settings, {"p": product}, {}, {}, {}, {},
                          {("product", "p"): "products/p.yaml"}, {})
    return Context(portfolio, TODAY)


def _days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


def test_the_rule_is_a_health_warning() -> None:
    assert (RULES["stage-stalled"].severity, RULES["stage-stalled"].health) == ("warning", True)


@pytest.mark.parametrize(("stage", "days", "limit"), [
    ("ideation", 91, 90), ("discovery", 181, 180), ("discovery", 400, 180)])
def test_a_product_past_its_stage_s_default_limit(stage: str, days: int, limit: int) -> None:
    [finding] = stage_stalled(_ctx({"stage": stage, "since": _days_ago(days)}))
    assert (finding.file, finding.entity, finding.loc) == (
        "products/p.yaml", "product:p", ("lifecycle", "since"))
    assert finding.message == (
        f"the product has been in {stage} for {days} days, more than {limit}")
    assert finding.hint == "move it on, retire it, or raise policies.stage_max_days"


@pytest.mark.parametrize("lifecycle", [
    {"stage": "ideation", "since": _days_ago(90)},  # exactly the limit is within it
    {"stage": "discovery", "since": _days_ago(180)},
    {"stage": "ideation", "since": TODAY},
    {"stage": "ideation", "since": TODAY + datetime.timedelta(days=30)},  # a date to come
    {"stage": "ideation"},  # no since: nothing to count from
    {"stage": "build", "since": _days_ago(3000)},  # build has no limit by default
    {"stage": "live", "since": _days_ago(3000)},  # nor the later stages
    {"stage": "sunset", "since": _days_ago(3000)},
])
def test_no_finding_within_the_limit_or_without_one(lifecycle: dict[str, Any]) -> None:
    assert list(stage_stalled(_ctx(lifecycle))) == []


def test_the_policy_replaces_the_default_limits() -> None:
    policies = {"stage_max_days": {"build": 200, "discovery": 10}}
    [build] = stage_stalled(_ctx({"stage": "build", "since": _days_ago(201)}, policies))
    assert build.message == "the product has been in build for 201 days, more than 200"
    assert list(stage_stalled(_ctx({"stage": "build", "since": _days_ago(200)}, policies))) == []
    # ideation is not in the mapping: it no longer has a limit
    assert list(stage_stalled(_ctx({"stage": "ideation", "since": _days_ago(999)}, policies))) == []
    [discovery] = stage_stalled(_ctx({"stage": "discovery", "since": _days_ago(11)}, policies))
    assert discovery.message == "the product has been in discovery for 11 days, more than 10"


def test_one_day_is_a_day() -> None:
    policies = {"stage_max_days": {"ideation": 1}}
    [finding] = stage_stalled(_ctx({"stage": "ideation", "since": _days_ago(2)}, policies))
    assert finding.message == "the product has been in ideation for 2 days, more than 1"
