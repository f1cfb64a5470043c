"""The pull-request comment stays under GitHub's limit and never loses its headlines,
whatever the portfolio holds: real repositories, real `pac diff`."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLE, REFERENCE
from gitrepo import GitRepo, reference_history
from support import pac

from pac.render.diff_comment import COMMENT_LIMIT

P = "portfolio/products/"


def _propose(repo: GitRepo) -> str:
    repo.git("checkout", "-q", "-b", "proposal")
    repo.commit("Proposal")
    code, out = pac(repo, "diff", "main", "proposal", "--format", "markdown")
    assert code == 0, out
    assert len(out) <= COMMENT_LIMIT
    return out


@pytest.fixture
def example(tmp_path):  # type: ignore[no-untyped-def]
    repo = GitRepo(tmp_path / "repo")
    repo.copy(EXAMPLE, "portfolio")
    repo.commit("Start")
    return repo


def test_a_huge_name_does_not_empty_the_comment(example: GitRepo) -> None:
    """The issue's case: a product named with 60,000 characters, a funding rise of 60
    million and a product falling from gold to silver."""
    example.write(P + "huge.yaml", f"id: huge\nname: {'N' * 60_000}\nkind: service\n"
                  "lifecycle: {stage: ideation}\nowner: team-platform\n")
    example.edit("portfolio/funding/FY2027.yaml", "envelope: 34000000", "envelope: 94000000")
    example.edit("portfolio/funding/FY2027.yaml", "change: 1800000", "change: 61800000")
    cloud = example.path / P / "cloud-platform.yaml"
    cloud.write_text(re.sub(r"\nroadmap:\n(  .*\n)+", "\n", cloud.read_text()))
    for name in ("checkout", "mobile-app", "api-gateway", "gift-cards"):  # long, but allowed
        example.edit(P + f"{name}.yaml", "\nsummary:", f"\ndescription: {'D' * 19_000}\nsummary:")
    out = _propose(example)
    assert "1 error introduced" in out
    assert "Larkspur Cloud Platform falls from gold to silver on the scorecard" in out
    assert "FY2027 envelope \\+60,000,000 GBP" in out
    assert "FY2027 change funding for Web Shop \\+60,000,000 GBP" in out
    assert "name is too long" in out  # the finding that stops the name, with its file
    assert "products/huge.yaml" in out
    # headlines before everything else, and each cell is short
    assert out.index("1 error introduced") < out.index("### Findings introduced")
    assert max(len(line) for line in out.splitlines()) < 2_000


def test_a_huge_finding_message_is_shortened_but_shown(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A dependency loop through 1,500 products: one message of some 70,000 characters."""
    repo = GitRepo(tmp_path / "repo")
    repo.copy(REFERENCE, "portfolio")
    repo.commit("Start")
    ids = [f"service-with-a-rather-long-identifier-{i:05}" for i in range(1_500)]
    for i, pid in enumerate(ids):
        repo.write(f"{P}{pid}.yaml", f"id: {pid}\nname: S{i}\nkind: service\n"
                   f"lifecycle: {{stage: ideation}}\nowner: team-claims\n"
                   f"depends_on: [{ids[(i + 1) % len(ids)]}]\n")
    out = _propose(repo)
    [loop] = [line for line in out.splitlines() if "depend on each other in a loop" in line]
    assert "`dependency-cycle`" in loop and loop.endswith("…")
    assert len(loop) < 1_000
    assert "New product: S0" in out and "more (run `pac diff`)" in out


def test_key_headlines_come_first_even_when_the_rest_is_cut(example: GitRepo) -> None:
    for i in range(300):
        example.write(f"{P}bulk-{i:03}.yaml", f"id: bulk-{i:03}\nname: {'B' * 190}{i:03}\n"
                      "kind: service\nlifecycle: {stage: ideation}\nowner: team-platform\n"
                      f"summary: {'S' * 400}\n")
    example.git("mv", P + "checkout.yaml", P + "checkout-service.yaml")
    example.edit(P + "checkout-service.yaml", "id: checkout",
                 "id: checkout-service\nprevious_ids: [checkout]")
    example.edit("portfolio/funding/FY2027.yaml", "change: 1800000", "change: 1900000")
    out = _propose(example)
    key = out.split("\n\n")[2]  # the first list after the counts
    assert "renamed from checkout to checkout-service" in key
    assert "FY2027 change funding for Web Shop \\+100,000 GBP" in key
    assert "error" in key  # the rename leaves references to the old id
    assert "more changed entities are not shown here" in out


def test_records_and_nested_fields_are_words_in_the_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    repo = reference_history(tmp_path / "repo")
    repo.edit("portfolio/portfolio.yaml", "rules:", "scorecard:\n  levels:\n"
              "    - name: bronze\n      checks: [owner-has-members, has-summary]\nrules:")
    repo.edit("portfolio/teams/team-claims.yaml", "skills: [ux]", "skills: [ux, testing]")
    repo.edit("portfolio/funding/FY2027.yaml", "  - product: fraud-scoring\n"
              "    run: 150000\n    change: 800000\n    source: cc-risk\n", "")
    out = _propose(repo)
    tables = [block.split("\n\n")[1] for block in out.split("<details>")[1:]]
    assert tables == [
        "| Field | Before | After |\n|---|---|---|\n"
        "| members\\[Sofia Russo\\].skills | removed: — | added: testing |",
        "| Field | Before | After |\n|---|---|---|\n"
        "| allocations\\[fraud-scoring\\] | removed \\(change 800,000; run 150,000; source "
        "cc-risk\\) | — |",
        "| Field | Before | After |\n|---|---|---|\n"
        "| scorecard.levels\\[bronze\\] | — | added \\(checks owner-has-members, has-summary\\) |",
    ]
