"""Products and their parts (pac.importing.backstage_products): a System's Components,
APIs and Resources, or a Component's subcomponents, APIs and Resources; stage, owner,
technology."""

from __future__ import annotations

from pathlib import Path

from backstage_docs import doc as _doc

from pac.findings import Severity
from pac.importing.backstage import read_backstage
from pac.importing.backstage_mapping import Options
from pac.importing.backstage_products import RANK

TEAM = "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: t\nspec:\n  type: team\n"



def _read(tmp_path: Path, *documents: str, **options: object):  # type: ignore[no-untyped-def]
    (tmp_path / "catalog.yaml").write_text("---\n".join([TEAM, *documents]), encoding="utf-8")
    return read_backstage([tmp_path], options=Options(**options), known={"team": {"team-x"}})  # type: ignore[arg-type]


def test_a_product_reaches_the_most_advanced_stage_of_its_parts() -> None:
    assert sorted(RANK, key=RANK.__getitem__) == [
        "retired",
        "sunset",
        "ideation",
        "discovery",
        "build",
        "live",
    ]


def test_a_system_s_own_lifecycle_wins_over_its_parts(tmp_path: Path) -> None:
    read = _read(
        tmp_path,
        _doc("System", "s", "  owner: t\n  lifecycle: deprecated\n"),
        _doc(
            "Component", "c", "  type: service\n  lifecycle: production\n  owner: t\n  system: s\n"
        ),
    )
    [product] = [i for i in read.items if i.kind == "product"]
    assert product.fields["lifecycle"] == {"stage": "sunset"}
    assert product.where("lifecycle.stage").line == 14


def test_parts_are_the_technology_by_kind_then_name(tmp_path: Path) -> None:
    read = _read(
        tmp_path,
        _doc("System", "s", "  owner: t\n"),
        _doc("Resource", "db", "  owner: t\n  system: s\n"),
        _doc("API", "orders", "  type: grpc\n  lifecycle: production\n  owner: t\n  system: s\n"),
        _doc(
            "Component",
            "web",
            "  type: website\n  lifecycle: production\n  owner: t\n  system: s\n",
        ),
        _doc(
            "Component",
            "lib",
            "  type: library\n  lifecycle: production\n  owner: t\n  subcomponentOf: web\n",
        ),
    )
    [product] = [i for i in read.items if i.kind == "product"]
    assert product.fields["technology"] == [
        {"name": "lib (Component, library)"},  # its parent's System's
        {"name": "web (Component, website)"},
        {"name": "orders (API, grpc)"},
        {"name": "db (Resource)"},
    ]
    assert read.outcomes["component:lib"] == "part of product:s"


def test_components_as_products_take_their_apis_resources_and_subcomponents(tmp_path: Path) -> None:
    read = _read(
        tmp_path,
        _doc("System", "s", "  owner: t\n"),
        _doc(
            "Component",
            "a",
            "  type: service\n  lifecycle: production\n  owner: t\n"
            "  providesApis: [a-api]\n  dependsOn: [resource:db]\n  system: s\n",
        ),
        _doc(
            "Component",
            "b",
            "  type: service\n  lifecycle: experimental\n  owner: user:ann\n"
            "  dependsOn: [resource:db, component:a-sub]\n",
        ),
        _doc(
            "Component",
            "a-sub",
            "  type: service\n  lifecycle: production\n  owner: t\n  subcomponentOf: a\n",
        ),
        _doc("API", "a-api", "  type: openapi\n  lifecycle: production\n  owner: t\n"),
        _doc("API", "lonely", "  type: openapi\n  lifecycle: production\n  owner: t\n"),
        _doc("Resource", "db", "  owner: t\n"),
        _doc("User", "ann", "  memberOf: [team-x]\n"),
        products_from="component",
    )
    products = {i.id: i for i in read.items if i.kind == "product"}
    assert sorted(products) == ["a", "b"]
    assert products["a"].fields["technology"] == [
        {"name": "a-sub (Component, service)"},
        {"name": "a-api (API, openapi)"},
        {"name": "db (Resource)"},  # a comes before b
    ]
    assert products["b"].fields["depends_on"] == ["a"]  # through a's subcomponent
    assert products["b"].fields["lifecycle"] == {"stage": "discovery"}
    [problem] = products["b"].problems  # ann's team-x is in the portfolio, not the catalog
    assert problem.message.endswith(
        "owner user:ann is a person who is a member of no team the import makes"
    )
    assert read.outcomes["api:lonely"] == read.outcomes["system:s"] == "left out"


def test_an_owner_from_the_portfolio_is_taken(tmp_path: Path) -> None:
    read = _read(tmp_path, _doc("System", "s", "  owner: team-x\n"))
    [product] = [i for i in read.items if i.kind == "product"]
    assert (product.fields["owner"], product.problems) == ("team-x", ())


def test_a_subcomponent_loop_ends(tmp_path: Path) -> None:
    read = _read(
        tmp_path,
        _doc(
            "Component",
            "a",
            "  type: service\n  lifecycle: production\n  owner: t\n  subcomponentOf: b\n",
        ),
        _doc(
            "Component",
            "b",
            "  type: service\n  lifecycle: production\n  owner: t\n  subcomponentOf: a\n",
        ),
    )
    assert read.outcomes["component:a"] == read.outcomes["component:b"] == "left out"


def test_parts_of_a_system_that_is_not_imported_say_so(tmp_path: Path) -> None:
    read = _read(
        tmp_path,
        _doc("System", "s_1", "  owner: t\n"),
        _doc("System", "s.1", "  owner: t\n"),
        _doc(
            "Component",
            "c",
            "  type: service\n  lifecycle: production\n  owner: t\n  system: s_1\n",
        ),
    )
    assert read.outcomes["component:c"] == "left out"
    [finding] = [f for f in read.findings if f.entity == "component:c"]
    assert (finding.severity, finding.message.split(": ", 1)[1]) == (
        Severity.INFO,
        "component:c belongs to system:s_1, which is not imported",
    )


def test_an_owner_that_is_not_imported_says_so(tmp_path: Path) -> None:
    read = _read(
        tmp_path,
        _doc("Group", "team_b", "  type: team\n"),
        _doc("Group", "team.b", "  type: team\n"),
        _doc("System", "s", "  owner: team_b\n"),
    )
    [product] = [i for i in read.items if i.kind == "product"]
    assert [p.message.split(": ", 1)[1] for p in product.problems] == [
        "owner group:team_b is not imported: its finding says why"
    ]
