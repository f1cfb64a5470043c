"""One state of the history checked as pac validate checks the working tree
(pac.history.state): every rule runs, and each document is validated once however many
states share it."""

from __future__ import annotations

import datetime
from typing import Any

from pac.history.state import check_state
from pac.load.parse import ModelMemo

SETTINGS = {"name": "Memo", "current_period": "FY2026"}


def state(products: dict[str, dict[str, Any]]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    out: dict[str, tuple[str, str, dict[str, Any]]] = {
        "portfolio/portfolio.yaml": ("portfolio", "portfolio", SETTINGS),
        "portfolio/teams/team-a.yaml": ("team", "team-a", {"id": "team-a", "name": "A"}),
    }
    for pid, data in products.items():
        out[f"portfolio/products/{pid}.yaml"] = ("product", pid, data)
    return out


GOOD = {"id": "good", "name": "Good", "kind": "application", "owner": "team-a",
        "lifecycle": {"stage": "build"}}
BAD = {"id": "bad", "name": "Bad", "kind": "application", "owner": "team-nobody",
       "lifecycle": {"stage": "nowhere"}}


def test_every_rule_runs_on_a_state() -> None:
    memo = ModelMemo()
    portfolio, findings = check_state(
        state({"good": GOOD, "bad": BAD}), prefix="portfolio/", today=datetime.date(2026, 1, 1),
        memo=memo,
    )
    assert sorted(portfolio.products) == ["good"]  # bad's stage is not one: not loaded
    rules = {(f.rule, f.file) for f in findings}
    assert ("schema", "portfolio/products/bad.yaml") in rules
    # severities applied, and the health rules held back while a file does not match the
    # format, as pac validate does
    assert {(f.rule, f.severity.value) for f in findings} == {("schema", "error")}
    _, healthy = check_state(state({"good": GOOD}), prefix="portfolio/",
                             today=datetime.date(2026, 1, 1), memo=memo)
    assert ("team-without-members", "warning") in {(f.rule, f.severity.value) for f in healthy}


def test_a_document_shared_by_two_states_is_validated_once() -> None:
    memo = ModelMemo()
    day = datetime.date(2026, 1, 1)
    first, _ = check_state(state({"good": GOOD}), prefix="portfolio/", today=day, memo=memo)
    second, _ = check_state(state({"good": GOOD}), prefix="portfolio/", today=day, memo=memo)
    assert second.products["good"] is first.products["good"]
    changed = {**GOOD, "name": "Better"}
    third, _ = check_state(state({"good": changed}), prefix="portfolio/", today=day, memo=memo)
    assert third.products["good"].name == "Better"
