"""Scorecard levels across two versions (pac/changes/levels.py), on the reference portfolio
with a scorecard of three levels, the middle and top ones sharing a check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REFERENCE, TODAY
from support import run

from pac.changes.entities import EntityChange
from pac.changes.levels import LevelChange, level_changes, unscorable
from pac.findings import Result

SCORECARD = """
scorecard:
  stages: [live, build]
  levels:
    - name: one
      checks: [has-summary]
    - name: two
      checks: [has-customers, funded]
    - name: three
      checks: [funded, serves-objective]
"""


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text()
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def scored(tmp_path: Path) -> Path:
    """The reference portfolio with three levels: Claims Portal (live) and Fraud Scoring
    (build) both reach three; Customer Identity (sunset) is not scored."""
    folder = tmp_path / "scored"
    shutil.copytree(REFERENCE, folder)
    with (folder / "portfolio.yaml").open("a") as f:
        f.write(SCORECARD)
    return folder


def levels(base: Path, head: Path, renamed: tuple[EntityChange, ...] = ()) -> list[LevelChange]:
    return level_changes(run(base), run(head), list(renamed), TODAY)


def copy(folder: Path, tmp_path: Path) -> Path:
    target = tmp_path / "head"
    shutil.copytree(folder, target)
    return target


def test_falls_first_with_every_check_lost_once(scored: Path, tmp_path: Path) -> None:
    head = copy(scored, tmp_path)
    # Claims Portal's allocation goes to Customer Identity instead
    edit(head, "funding/FY2027.yaml", "  - product: customer-identity\n    run: 400000\n"
         "    change: 0\n    source: cc-digital\n", "")
    edit(head, "funding/FY2027.yaml", "product: claims-portal", "product: customer-identity")
    edit(head, "products/fraud-scoring.yaml", "customers:\n  - segment: Claims Portal and "
         "payment products\n    type: internal\n", "")
    assert levels(scored, head) == [
        LevelChange("claims-portal", "Claims Portal", "", "three", "one", True, ("funded",)),
        LevelChange("fraud-scoring", "Fraud Scoring Service", "", "three", "one", True,
                    ("has-customers",)),
    ]
    assert levels(head, scored) == [
        LevelChange("claims-portal", "Claims Portal", "", "one", "three", False, ()),
        LevelChange("fraud-scoring", "Fraud Scoring Service", "", "one", "three", False, ()),
    ]


def test_a_fall_lists_the_checks_of_every_level_lost_lowest_first(
    scored: Path, tmp_path: Path
) -> None:
    head = copy(scored, tmp_path)
    edit(head, "products/fraud-scoring.yaml", "objectives: [digital-self-service]", "")
    edit(head, "products/fraud-scoring.yaml", "customers:\n  - segment: Claims Portal and "
         "payment products\n    type: internal\n", "")
    edit(head, "products/fraud-scoring.yaml", "summary: Scores claims and payments for fraud "
         "risk in real time.", "")
    assert levels(scored, head) == [
        LevelChange("fraud-scoring", "Fraud Scoring Service", "", "three", None, True,
                    ("has-summary", "has-customers", "serves-objective")),
    ]


def test_a_rise_and_a_fall_sorted_falls_first(scored: Path, tmp_path: Path) -> None:
    base = copy(scored, tmp_path)
    edit(base, "products/claims-portal.yaml", "objectives: [digital-self-service]", "")
    head = tmp_path / "head2"
    shutil.copytree(scored, head)
    edit(head, "products/fraud-scoring.yaml", "objectives: [digital-self-service]", "")
    assert [(c.product, c.before, c.after, c.fell) for c in levels(base, head)] == [
        ("fraud-scoring", "three", "two", True), ("claims-portal", "two", "three", False)]


def test_a_renamed_product_is_followed_to_its_old_id(scored: Path, tmp_path: Path) -> None:
    head = copy(scored, tmp_path)
    (head / "products" / "fraud-scoring.yaml").rename(head / "products" / "fraud-score.yaml")
    edit(head, "products/fraud-score.yaml", "id: fraud-scoring",
         "id: fraud-score\nprevious_ids: [fraud-scoring]")
    edit(head, "products/fraud-score.yaml", "objectives: [digital-self-service]", "")
    edit(head, "funding/FY2027.yaml", "product: fraud-scoring", "product: fraud-score")
    rename = EntityChange("product", "fraud-score", "renamed", "Fraud Scoring Service",
                          "fraud-scoring")
    assert levels(scored, head, (rename,)) == [
        LevelChange("fraud-score", "Fraud Scoring Service", "fraud-scoring", "three", "two",
                    True, ("serves-objective",)),
    ]
    # a team renamed alike is not a product's earlier id
    team = EntityChange("team", "fraud-score", "renamed", "X", "fraud-scoring")
    assert levels(scored, head, (team,)) == []


def test_both_versions_are_judged_by_the_head_s_scorecard(scored: Path) -> None:
    # the reference has the default scorecard: Claims Portal is silver, Fraud Scoring unscored
    assert levels(REFERENCE, scored) == []
    assert levels(scored, REFERENCE) == []


def test_a_product_that_leaves_or_joins_the_scored_stages_has_no_level_change(
    scored: Path, tmp_path: Path
) -> None:
    head = copy(scored, tmp_path)
    edit(head, "products/claims-portal.yaml", "stage: live", "stage: sunset")
    edit(head, "products/customer-identity.yaml", "stage: sunset", "stage: live")
    assert levels(scored, head) == []


def test_unscorable_without_portfolio_yaml_only_when_there_are_products(
    reference: Path, tmp_path: Path
) -> None:
    assert unscorable(run(reference), "main") == ""
    (reference / "portfolio.yaml").unlink()
    assert unscorable(run(reference), "main") == "main"
    teams = tmp_path / "teams-only"
    shutil.copytree(REFERENCE / "teams", teams / "teams")
    result: Result = run(teams)
    assert unscorable(result, "main") == ""
