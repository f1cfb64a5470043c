"""The catalogue's context: the indexes every page reads, computed once from the portfolio,
its findings and (in git) its change log."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from conftest import REFERENCE, TODAY
from gitrepo import GitRepo
from support import run

from pac.catalogue.context import (
    Catalogue,
    build_catalogue,
    current_figures,
    entity_history,
    in_name_order,
    name_order,
    team_of,
)
from pac.changes.changelog import build_changelog
from pac.figures.funding import Split
from pac.git import Repository


def catalogue_of(folder: Path, **options: object) -> Catalogue:
    result = run(folder)
    return build_catalogue(result.portfolio, result.findings, today=TODAY,
                           prefix="portfolio/", **options)  # type: ignore[arg-type]


def test_the_indexes_of_the_reference_portfolio() -> None:
    cat = catalogue_of(REFERENCE)
    assert cat.dependents == {"customer-identity": ["claims-portal"],
                              "fraud-scoring": ["claims-portal"]}
    assert cat.owned == {"team-claims": ["claims-portal"],
                         "team-risk-data": ["customer-identity", "fraud-scoring"]}
    assert cat.by_capability == {"claims-management": ["claims-portal"],
                                 "customer-management": ["customer-identity"],
                                 "fraud-management": ["fraud-scoring"]}
    assert cat.by_objective == {"digital-self-service": ["claims-portal", "fraud-scoring"]}
    assert cat.children == {"claims-and-risk": ["claims-management", "fraud-management"]}
    assert cat.funding == {
        "claims-portal": {"FY2027": Split(Decimal(900000), Decimal(650000))},
        "fraud-scoring": {"FY2027": Split(Decimal(150000), Decimal(800000))},
        "customer-identity": {"FY2027": Split(Decimal(400000), Decimal(0))},
    }
    assert [p.period for p in cat.periods] == ["FY2027"]
    assert {k: [f.rule for f in v] for k, v in cat.findings_by_entity.items()} == {
        "capability:customer-management": ["capability-gap"],
        "capability:fraud-management": ["capability-gap"],
        "product:claims-portal": ["kpi-off-target", "kpi-off-target",
                                  "technology-end-of-support"],
        "team:team-risk-data": ["team-skill-gap"],
    }
    assert {pid: s.level for pid, s in cat.scores.items()} == {"claims-portal": "silver"}
    assert (cat.today, cat.prefix, cat.changelog) == (TODAY, "portfolio/", None)


def test_edit_links_go_to_the_default_branch_of_the_repository(reference: Path) -> None:
    settings = reference / "portfolio.yaml"
    settings.write_text(settings.read_text().replace(
        "https://github.com/northwind/portfolio", "https://git.example/org/portfolio/")
        + "default_branch: trunk\n")
    cat = catalogue_of(reference)
    assert cat.repository == "https://git.example/org/portfolio"
    assert cat.edit_base == "https://git.example/org/portfolio/edit/trunk/"


def test_without_a_repository_there_are_no_edit_links(reference: Path) -> None:
    settings = reference / "portfolio.yaml"
    settings.write_text(settings.read_text().replace(
        "repository: https://github.com/northwind/portfolio", ""))
    cat = catalogue_of(reference)
    assert (cat.repository, cat.edit_base) == ("", "")


def test_a_capability_tree_is_indexed_by_parent(reference: Path) -> None:
    (reference / "capabilities" / "claims-intake.yaml").write_text(
        "id: claims-intake\nname: Claims Intake\nparent: claims-management\n")
    assert catalogue_of(reference).children == {
        "claims-and-risk": ["claims-management", "fraud-management"],
        "claims-management": ["claims-intake"],
    }


def test_the_current_figures_are_those_of_the_current_period(reference: Path) -> None:
    figures = current_figures(catalogue_of(REFERENCE))
    assert figures is not None
    assert (figures.period, figures.envelope, figures.allocated) == (
        "FY2027", Decimal(4000000), Split(Decimal(1450000), Decimal(1450000)))
    settings = reference / "portfolio.yaml"
    settings.write_text(settings.read_text().replace("current_period: FY2027",
                                                     "current_period: FY2028"))
    assert current_figures(catalogue_of(reference)) is None


def test_a_finding_counts_towards_the_team_or_the_products_owner() -> None:
    cat = catalogue_of(REFERENCE)
    assert team_of(cat, "team:team-claims") == "team-claims"
    assert team_of(cat, "product:fraud-scoring") == "team-risk-data"
    assert team_of(cat, "product:no-such-product") == ""
    assert team_of(cat, "capability:claims-management") == ""
    assert team_of(cat, "objective:team-claims") == ""
    assert team_of(cat, "portfolio") == ""


def test_an_entitys_history_follows_it_across_a_rename(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.copy(REFERENCE, "portfolio")
    identity = repo.path / "portfolio" / "products" / "customer-identity.yaml"
    renamed = identity.read_text().replace("id: customer-identity", "id: customer-login")
    identity.unlink()
    (repo.path / "portfolio" / "products" / "customer-login.yaml").write_text(renamed)
    first = repo.commit("Add the portfolio")
    repo.git("mv", "portfolio/products/customer-login.yaml", identity.as_posix())
    repo.edit("portfolio/products/customer-identity.yaml", "id: customer-login",
              "id: customer-identity")
    second = repo.commit("Rename customer-login (#7)")
    repo.edit("portfolio/teams/team-claims.yaml", "capacity_fte: 6.5", "capacity_fte: 7")
    repo.commit("More people")
    log = build_changelog(Repository(repo.path), "portfolio/")
    cat = catalogue_of(repo.path / "portfolio", changelog=log)
    history = entity_history(cat, "product", "customer-identity", ["customer-login"])
    assert [(e.commit, e.title, e.pull_request) for e in history] == [
        (second, "Rename customer-login (#7)", 7), (first, "Add the portfolio", None)]
    assert [(c.id, c.status, c.old_id) for e in history for c in e.changes] == [
        ("customer-identity", "renamed", "customer-login"), ("customer-login", "added", None)]
    # without its earlier id, only the rename is found; a kind is not another's
    assert len(entity_history(cat, "product", "customer-identity", [])) == 1
    assert entity_history(cat, "team", "customer-identity", ["customer-login"]) == []
    assert [e.title for e in entity_history(cat, "team", "team-claims", [])] == [
        "More people", "Add the portfolio"]


def test_outside_git_an_entity_has_no_history() -> None:
    cat = catalogue_of(REFERENCE)
    assert entity_history(cat, "product", "claims-portal", []) == []



def test_entities_are_listed_by_name_ignoring_case_then_by_id(reference: Path) -> None:
    path = reference / "teams" / "team-claims.yaml"
    path.write_text(path.read_text().replace("name: Claims Team", "name: zulu team"))
    portfolio = run(reference).portfolio
    assert [tid for tid, _ in in_name_order(portfolio, "team")] == ["team-risk-data",
                                                                    "team-claims"]
    key = name_order(portfolio, "team")
    assert sorted(["team-claims", "no-such-team", "team-risk-data"], key=key) == [
        "no-such-team", "team-risk-data", "team-claims"]
    assert key("team-claims") == ("zulu team", "team-claims")
