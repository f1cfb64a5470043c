"""pac diff between real git revisions: what a pull request does to the portfolio."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REFERENCE
from gitrepo import GitRepo, reference_history
from support import P, pac

from pac.load.layout import KIND_OF


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return reference_history(tmp_path / "repo")


def propose(repo: GitRepo) -> None:
    """A pull request: a stage change, a funding rise, a rename with a new owner."""
    repo.git("checkout", "-q", "-b", "proposal")
    repo.edit(P + "fraud-scoring.yaml", "stage: build", "stage: live")
    repo.edit("portfolio/funding/FY2027.yaml", "change: 650000", "change: 770000")
    repo.git("mv", P + "customer-identity.yaml", P + "customer-id.yaml")
    repo.edit(P + "customer-id.yaml", "id: customer-identity", "id: customer-id")
    repo.edit(P + "customer-id.yaml", "previous_ids: [customer-login]",
              "previous_ids: [customer-login, customer-identity]")
    repo.edit(P + "customer-id.yaml", "owner: team-risk-data", "owner: team-claims")
    repo.edit(P + "claims-portal.yaml", "customer-identity, fraud-scoring",
              "customer-id, fraud-scoring")
    repo.edit("portfolio/funding/FY2027.yaml", "product: customer-identity",
              "product: customer-id")


def test_json_contract(repo: GitRepo) -> None:
    base = repo.git("rev-parse", "HEAD")
    propose(repo)
    code, out = pac(repo, "diff", "--format", "json")
    assert code == 0, out
    document = json.loads(out)
    assert document == {
        "version": 3,
        "base": f"{base} ({base[:12]})",
        "head": "the working tree",
        "summary": {"added": 0, "removed": 0, "renamed": 1, "changed": 2,
                    "findings_introduced": 2, "findings_resolved": 1, "errors_introduced": 0,
                    "levels_down": 0},
        "headlines": [
            # the key ones first: errors introduced, level falls, money, renames
            "This change puts 1,070,000 USD more at risk (FY2027: 1,550,000 USD → "
            "2,620,000 USD)",
            "Customer Identity: product renamed from customer-identity to customer-id",
            "FY2027 change funding for Claims Portal +120,000 USD (+18%)",
            "Customer Identity moves from Risk Data Team to Claims Team",
            "Fraud Scoring Service moves from build to live",
            "Claims Team gains a product (2)",
            "Risk Data Team loses a product (1)",
            "1 warning introduced",
            "1 info introduced",
            "1 info resolved",
        ],
        "entities": [
            {"entity": "product:customer-id", "kind": "product", "id": "customer-id",
             "status": "renamed", "name": "Customer Identity", "old_id": "customer-identity",
             "changes": [{"path": "owner", "kind": "value", "old": "team-risk-data",
                          "new": "team-claims"}]},
            {"entity": "product:fraud-scoring", "kind": "product", "id": "fraud-scoring",
             "status": "changed", "name": "Fraud Scoring Service", "old_id": None,
             "changes": [{"path": "lifecycle.stage", "kind": "value", "old": "build",
                          "new": "live"}]},
            {"entity": "funding:FY2027", "kind": "funding", "id": "FY2027", "status": "changed",
             "name": "FY2027", "old_id": None,
             "changes": [{"path": "allocations[claims-portal].change", "kind": "value",
                          "old": 650000.0, "new": 770000.0}]},
        ],
        "funding": [{"period": "FY2027",
                     "before": {"envelope": 4000000.0, "run": 1450000.0, "change": 1450000.0,
                                "allocated": 2900000.0},
                     "after": {"envelope": 4000000.0, "run": 1450000.0, "change": 1570000.0,
                               "allocated": 3020000.0}}],
        # going live means its KPI must be measured and its value estimated; and the
        # fraud-management capability is now served by a live product
        "findings": {
            "introduced": [
                {"rule": "value-unknown", "severity": "info",
                 "file": "portfolio/products/fraud-scoring.yaml", "line": 6, "column": 1,
                 "path": "lifecycle", "entity": "product:fraud-scoring",
                 "message": "the product is funded but its value is not estimated",
                 "hint": "add value: annual_estimate and basis"},
                {"rule": "kpi-stale", "severity": "warning",
                 "file": "portfolio/products/fraud-scoring.yaml", "line": 16, "column": 5,
                 "path": "kpis[0]", "entity": "product:fraud-scoring",
                 "message": "KPI 'Fraud caught before payout' has never been measured",
                 "hint": "record actual: and as_of: YYYY-MM-DD"},
            ],
            "resolved": [
                {"rule": "capability-gap", "severity": "info",
                 "file": "portfolio/capabilities/fraud-management.yaml", "line": 2,
                 "column": 5, "path": "id", "entity": "capability:fraud-management",
                 "message": "no live product serves this capability",
                 "hint": "a gap the organisation accepts, or a product to plan"},
            ],
        },
        "levels_skipped": None,
        "levels": [],
        # Claims Portal (PostgreSQL out of support) gets 120,000 more; Fraud Scoring, live
        # now, has no value estimate: its 950,000 are at risk too
        "value_at_risk": {
            "before": {"period": "FY2027", "total": 1550000.0,
                       "by_reason": [{"rule": rule, "total": total} for rule, total in [
                           ("stale-stakeholder-review", 0), ("overdue-retirement", 0),
                           ("eliminate-still-funded", 0), ("value-below-target", 0),
                           ("value-unknown", 0), ("technology-end-of-support", 1550000.0)]],
                       "products": [{"product": "claims-portal",
                                     "reasons": ["technology-end-of-support"]}]},
            "after": {"period": "FY2027", "total": 2620000.0,
                      "by_reason": [{"rule": rule, "total": total} for rule, total in [
                          ("stale-stakeholder-review", 0), ("overdue-retirement", 0),
                          ("eliminate-still-funded", 0), ("value-below-target", 0),
                          ("value-unknown", 950000.0), ("technology-end-of-support", 1670000.0)]],
                      "products": [{"product": "claims-portal",
                                    "reasons": ["technology-end-of-support"]},
                                   {"product": "fraud-scoring", "reasons": ["value-unknown"]}]},
            "change": 1070000.0,
            "newly_at_risk": ["fraud-scoring"],
            "no_longer_at_risk": [],
        },
    }


def test_default_base_is_the_merge_base_with_main(repo: GitRepo) -> None:
    propose(repo)
    repo.commit("Propose changes")
    repo.git("checkout", "-q", "main")
    repo.edit(P + "claims-portal.yaml", "name: Claims Portal", "name: Claims Portal 2")
    repo.commit("Unrelated change on main")
    repo.git("checkout", "-q", "proposal")
    code, out = pac(repo, "diff")
    assert code == 0
    assert "Claims Portal 2" not in out
    assert "Fraud Scoring Service moves from build to live" in out
    code, out = pac(repo, "diff", "main", "proposal")
    assert "name: Claims Portal 2 → Claims Portal" in out


def test_markdown_comment_warns_about_removals_and_lists_findings(repo: GitRepo) -> None:
    (repo.path / P / "fraud-scoring.yaml").unlink()
    code, out = pac(repo, "diff", "HEAD", "--format", "markdown")
    assert code == 0
    assert out.startswith("<!-- pac-diff -->\n## What this pull request does to the portfolio")
    assert "> [!WARNING]\n> This change **removes** 1 entity: product:fraud-scoring." in out
    assert "### Findings introduced" in out
    assert "**error** `unknown-reference`" in out
    assert "<details><summary>removed <code>product:fraud-scoring</code>" in out


def test_fail_on_new_errors(repo: GitRepo) -> None:
    repo.edit(P + "fraud-scoring.yaml", "owner: team-risk-data", "owner: team-nobody")
    assert pac(repo, "diff", "HEAD")[0] == 0
    code, out = pac(repo, "diff", "HEAD", "--fail-on-new-errors")
    assert code == 1
    assert "1 error introduced" in out
    repo.commit("Break it")
    repo.edit(P + "fraud-scoring.yaml", "owner: team-nobody", "owner: team-risk-data")
    code, out = pac(repo, "diff", "HEAD", "--fail-on-new-errors")
    assert code == 0
    assert "1 error resolved" in out


def test_markdown_stays_under_the_limit_and_says_what_it_cut(repo: GitRepo) -> None:
    from conftest import TODAY

    from pac.changes.diff import compare
    from pac.load.files import read_directory
    from pac.render.diff_comment import render_diff_markdown
    from pac.validate import validate

    before = validate(read_directory(repo.path / "portfolio"), today=TODAY)
    for i in range(300):
        repo.write(f"{P}extra-{i:03}.yaml", f"id: extra-{i:03}\nname: Extra {i}\nkind: service\n"
                   "lifecycle: {stage: ideation}\nowner: team-claims\n"
                   f"summary: {'A long summary. ' * 10}\n")
    after = validate(read_directory(repo.path / "portfolio"), today=TODAY)
    comparison = compare(before, after, base_label="a", head_label="b", today=TODAY)
    text = render_diff_markdown(comparison, limit=20_000)
    assert len(text) < 20_000
    assert "more changed entities are not shown here" in text
    assert len(render_diff_markdown(comparison)) < 60_000


def test_first_portfolio_commit_has_an_empty_base(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write("README.md", "hello\n")
    repo.commit("Empty start")
    repo.copy(REFERENCE, "portfolio")
    code, out = pac(repo, "diff", "HEAD", "--format", "json")
    assert code == 0, out
    document = json.loads(out)
    added = [(e["entity"], e["status"], e["name"], e["changes"]) for e in document["entities"]]
    assert added == [
        ("product:claims-portal", "added", "Claims Portal", []),
        ("product:customer-identity", "added", "Customer Identity", []),
        ("product:fraud-scoring", "added", "Fraud Scoring Service", []),
        ("team:team-claims", "added", "Claims Team", []),
        ("team:team-risk-data", "added", "Risk Data Team", []),
        ("capability:claims-and-risk", "added", "Claims and Risk", []),
        ("capability:claims-management", "added", "Claims Management", []),
        ("capability:customer-management", "added", "Customer Management", []),
        ("capability:fraud-management", "added", "Fraud Management", []),
        ("objective:digital-self-service", "added",
         "Move 70% of customer servicing to digital self-service", []),
        ("funding:FY2027", "added", "FY2027", []),
        ("portfolio:portfolio", "added", "Northwind Mutual", []),
    ]
    # every file of the reference portfolio is one of them
    files = {f"{KIND_OF[p.parent.name]}:{p.stem}" for p in REFERENCE.glob("*/*.yaml")}
    assert files == {ref for ref, *_ in added} - {"portfolio:portfolio"}
    assert document["summary"] == {
        "added": 12, "removed": 0, "renamed": 0, "changed": 0, "findings_introduced": 6,
        "findings_resolved": 0, "errors_introduced": 0, "levels_down": 0}
    assert document["headlines"] == [
        "This change puts 1,550,000 USD more at risk (0 USD → FY2027: 1,550,000 USD)",
        "New funding period: FY2027",
        "New product: Claims Portal",
        "New product: Customer Identity",
        "New product: Fraud Scoring Service",
        "New team: Claims Team",
        "New team: Risk Data Team",
        "New capability: Claims and Risk",
        "New capability: Claims Management",
        "New capability: Customer Management",
        "New capability: Fraud Management",
        "New objective: Move 70% of customer servicing to digital self-service",
        "New portfolio: Northwind Mutual",
        "Claims Team gains a product (1)",
        "Risk Data Team gains 2 products (2)",
        "2 warnings introduced",
        "4 infos introduced",
    ]
    assert document["funding"] == [
        {"period": "FY2027", "before": None,
         "after": {"envelope": 4000000, "run": 1450000, "change": 1450000,
                   "allocated": 2900000}}]
    assert (document["levels"], document["levels_skipped"]) == ([], None)
    risk = document["value_at_risk"]
    assert (risk["before"]["period"], risk["before"]["total"]) == (None, 0)
    assert (risk["after"]["period"], risk["after"]["total"], risk["change"]) == (
        "FY2027", 1550000, 1550000)
    assert (risk["newly_at_risk"], risk["no_longer_at_risk"]) == (["claims-portal"], [])


def test_ids_gained_and_lost_in_lists_are_changes(repo: GitRepo) -> None:
    base = repo.git("rev-parse", "--short=12", "HEAD")
    repo.edit(P + "claims-portal.yaml", "capabilities: [claims-management]",
              "capabilities: [claims-management, fraud-management]")
    repo.edit(P + "claims-portal.yaml", "depends_on: [customer-identity, fraud-scoring]",
              "depends_on: [customer-identity]")
    repo.edit(P + "customer-identity.yaml", "capabilities: [customer-management]",
              "capabilities: [customer-management]\nobjectives: [digital-self-service]")
    repo.edit(P + "fraud-scoring.yaml", "objectives: [digital-self-service]",
              "depends_on: [customer-identity]")
    repo.edit(P + "fraud-scoring.yaml", "capabilities: [fraud-management]",
              "capabilities: [claims-management]")
    code, out = pac(repo, "diff", "HEAD")
    assert code == 0, out
    assert out == (
        f"Portfolio changes from HEAD ({base}) to the working tree: 0 added, 0 removed, "
        "0 renamed, 3 changed; 0 findings introduced, 1 resolved.\n"
        "  * 1 info resolved\n"
        "changed product:claims-portal: Claims Portal\n"
        "    capabilities: added fraud-management\n"
        "    depends_on: removed fraud-scoring\n"
        "changed product:customer-identity: Customer Identity\n"
        "    objectives: added digital-self-service\n"
        "changed product:fraud-scoring: Fraud Scoring Service\n"
        "    capabilities: added claims-management; removed fraud-management\n"
        "    depends_on: added customer-identity\n"
        "    objectives: removed digital-self-service\n"
        "resolved: portfolio/capabilities/fraud-management.yaml: info capability-gap no live "
        "product serves this capability\n"
    )


def test_validate_and_build_at_a_tag(repo: GitRepo, tmp_path: Path) -> None:
    repo.git("tag", "q3-2026")
    repo.edit(P + "fraud-scoring.yaml", "owner: team-risk-data", "owner: team-nobody")
    repo.commit("Break it")
    assert pac(repo, "validate")[0] == 1
    code, out = pac(repo, "validate", "--at", "q3-2026")
    assert code == 0, out
    code, out = pac(repo, "validate", "--at", "no-such-tag")
    assert code == 2 and "is not a branch, tag or commit" in out
    code, out = pac(repo, "build", "--at", "q3-2026", "--out", str(tmp_path / "site"))
    assert code == 0, out
    assert (tmp_path / "site" / "products" / "fraud-scoring.html").is_file()


def test_names_cannot_inject_markup_or_mentions_into_the_comment(repo: GitRepo) -> None:
    evil = "Beta\\n\\n</summary></details>\\n\\n# Injected [x](https://evil.example) @org/team"
    repo.edit(P + "fraud-scoring.yaml", "name: Fraud Scoring Service", f'name: "{evil}"')
    code, out = pac(repo, "diff", "HEAD", "--format", "markdown")
    assert code == 0
    assert "\n# Injected" not in out and "\n\n</summary></details>" not in out
    assert "@org" not in out and "@\u200borg/team" in out
    # the name's row stays one table row of three cells, whatever the name holds
    [row] = [line for line in out.splitlines() if line.startswith("| name |")]
    assert row.count("|") - row.count("\\|") == 4


def test_a_huge_change_still_fits_in_a_comment(repo: GitRepo) -> None:
    for i in range(1200):
        repo.write(f"{P}bulk-{i:04}.yaml", f"id: bulk-{i:04}\nname: Bulk {i}\nkind: service\n"
                   "lifecycle: {stage: ideation}\nowner: team-claims\n")
    code, out = pac(repo, "diff", "HEAD", "--format", "markdown")
    assert code == 0
    assert len(out) < 60_000
    assert "more (run `pac diff`)" in out


def test_records_with_the_same_key_are_matched_by_position() -> None:
    from pac.changes.fields import diff_values

    old = {"technology": [{"name": "PostgreSQL", "version": "14"},
                          {"name": "PostgreSQL", "version": "16"}]}
    new = {"technology": [{"name": "PostgreSQL", "version": "14"}]}
    [change] = list(diff_values("", old, new))
    assert (change.path, change.kind, change.old, change.new) == (
        "technology[1]", "removed", {"name": "PostgreSQL", "version": "16"}, None)
    keyed = list(diff_values("", {"kpis": [{"name": "a", "target": 1}]},
                             {"kpis": [{"name": "a", "target": 2}]}))
    assert [(c.path, c.old, c.new) for c in keyed] == [("kpis[a].target", 1, 2)]


def test_build_at_a_tag_uses_the_site_of_that_tag(repo: GitRepo, tmp_path: Path) -> None:
    from conftest import REPO

    repo.copy(REPO / "site", "site")
    repo.write("site/docs/about.md", "# About us in Q3\n")
    repo.commit("Add the site")
    repo.git("tag", "q3-2026")
    repo.write("site/docs/about.md", "# About us in Q4\n")
    repo.commit("Rewrite the about page")
    code, out = pac(repo, "build", "--at", "q3-2026", "--out", str(tmp_path / "q3"))
    assert code == 0, out
    assert "About us in Q3" in (tmp_path / "q3" / "about.html").read_text()
    code, out = pac(repo, "build", "--out", str(tmp_path / "now"))
    assert code == 0, out
    assert "About us in Q4" in (tmp_path / "now" / "about.html").read_text()


def test_a_link_in_git_is_a_finding_not_its_target(repo: GitRepo) -> None:
    (repo.path / P / "leak.yaml").symlink_to("/etc/hostname")
    repo.commit("A link")
    code, out = pac(repo, "validate", "--at", "HEAD", "portfolio")
    assert code == 1
    assert ("portfolio/products/leak.yaml:1:1: error yaml-syntax the file cannot be read: it is "
            "a symbolic link, which pac does not follow\n") in out
