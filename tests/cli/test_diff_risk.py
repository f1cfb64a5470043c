"""pac diff and the value at risk: what a pull request does to the current period's funding
on products with a value-leakage finding, in real repositories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gitrepo import GitRepo
from leaky import TOTAL, write_leaky
from support import pac

P = "portfolio/products/"
FUNDING = "portfolio/funding/FY2027.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    write_leaky(repo.path / "portfolio")
    repo.commit("Start the portfolio")
    repo.git("checkout", "-q", "-b", "proposal")
    return repo


def _diff(repo: GitRepo, fmt: str) -> str:
    repo.commit("Proposal")
    code, out = pac(repo, "diff", "main", "proposal", "--format", fmt)
    assert code == 0, out
    return out


def test_a_review_takes_a_product_out_of_value_at_risk(repo: GitRepo) -> None:
    repo.edit(P + "stale.yaml", "last_stakeholder_review: 2025-01-01",
              "last_stakeholder_review: 2026-11-01")
    document = json.loads(_diff(repo, "json"))
    assert document["headlines"][0] == (
        "This change takes 350,000 GBP out of value at risk "
        "(FY2027: 670,000.50 GBP → 320,000.50 GBP)")
    risk = document["value_at_risk"]
    assert (risk["before"]["total"], risk["after"]["total"]) == (float(TOTAL), 320000.5)
    assert risk["change"] == -350000
    assert (risk["newly_at_risk"], risk["no_longer_at_risk"]) == ([], ["stale"])
    assert [p["product"] for p in risk["after"]["products"]] == ["tangled", "unknown"]


def test_more_funding_on_a_product_at_risk_puts_more_at_risk(repo: GitRepo) -> None:
    repo.edit(FUNDING, "{product: unknown, change: 120000}",
              "{product: unknown, change: 240000}")
    repo.edit(FUNDING, "{product: soon, run: 80000}", "{product: soon, run: 80000}\n"
              "  - {product: idle, run: 10000}")
    out = _diff(repo, "markdown")
    assert ("- This change puts 130,000 GBP more at risk \\(FY2027: 670,000.50 GBP → "
            "800,000.50 GBP\\)") in out
    section = out.split("### Value at risk\n\n", 1)[1].split("\n### ", 1)[0]
    assert section.splitlines() == [
        "| Reason | Before (FY2027) | After (FY2027) |",
        "|---|---:|---:|",
        "| `stale-stakeholder-review` | 350,000 | 360,000 |",
        "| `overdue-retirement` | 200,000 | 200,000 |",
        "| `eliminate-still-funded` | 200,000 | 200,000 |",
        "| `value-below-target` | 200,000 | 200,000 |",
        "| `value-unknown` | 120,000 | 240,000 |",
        "| `technology-end-of-support` | 200,000 | 200,000 |",
        "| **Total** | 670,000 | 800,000 |",
        "",
        "Newly at risk: Idle.",
    ]
    assert out.index("more at risk") < out.index("### Value at risk")


def test_a_renamed_product_stays_at_risk_and_a_removed_one_leaves(repo: GitRepo) -> None:
    repo.git("mv", P + "stale.yaml", P + "old-news.yaml")
    repo.edit(P + "old-news.yaml", "id: stale", "id: old-news\nprevious_ids: [stale]")
    repo.edit(FUNDING, "product: stale,", "product: old-news,")
    repo.git("rm", "-q", P + "unknown.yaml")
    repo.edit(FUNDING, "  - {product: unknown, change: 120000}\n", "")
    out = _diff(repo, "text")
    assert ("  * This change takes 120,000 GBP out of value at risk (FY2027: 670,000.50 GBP "
            "→ 550,000.50 GBP)") in out
    assert ("value at risk: FY2027 670,000.50 GBP -> FY2027 550,000.50 GBP\n"
            "  no longer at risk: product:unknown\n") in out
    assert "newly at risk" not in out


def test_nothing_said_when_value_at_risk_stays(repo: GitRepo) -> None:
    repo.edit(P + "healthy.yaml", "name: Healthy", "name: Hale")
    out = _diff(repo, "markdown")
    assert "at risk" not in out
    code, out = pac(repo, "diff", "main", "proposal", "--format", "json")
    assert code == 0, out
    assert json.loads(out)["value_at_risk"]["change"] == 0


def test_not_compared_when_a_file_does_not_read(repo: GitRepo) -> None:
    repo.edit(P + "stale.yaml", "last_stakeholder_review: 2025-01-01",
              "last_stakeholder_review: [2025")
    document = json.loads(_diff(repo, "json"))
    assert document["value_at_risk"] is None  # the health rules did not run on the head
    assert not [h for h in document["headlines"] if "at risk" in h]
