"""What each pac entity becomes in Backstage: the fields Backstage has, and pac's
annotations (`pac.dev/...`) for the rest. The README's mapping table says the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import REFERENCE, TODAY
from support import run

from pac.figures.scorecard import score
from pac.render.backstage_entities import entity
from pac.render.export_backstage import export_backstage

SITE = "https://portfolio.northwind.example/catalogue/"
GIT = "https://github.com/northwind/portfolio"


def _entities(folder: Path = REFERENCE, site_url: str | None = SITE) -> dict[str, Any]:
    result = run(folder)
    scores = score(result.portfolio, result.findings, TODAY)
    exported = export_backstage(result.portfolio, scores, site_url=site_url)
    return {f"{e['kind']}:{e['metadata']['name']}": e for e in exported.entities}


def _source(path: str) -> dict[str, str]:
    return {
        "backstage.io/edit-url": f"{GIT}/edit/main/portfolio/{path}",
        "backstage.io/view-url": f"{GIT}/blob/main/portfolio/{path}",
    }


def test_a_product_is_a_system() -> None:
    assert _entities()["System:claims-portal"] == {
        "apiVersion": "backstage.io/v1alpha1",
        "kind": "System",
        "metadata": {
            "name": "claims-portal",
            "title": "Claims Portal",
            "description": "Lets policyholders file, track and settle insurance claims online.",
            "annotations": {
                **_source("products/claims-portal.yaml"),
                "pac.dev/capabilities": "claims-management",
                "pac.dev/customers": '[{"segment": "Home and motor policyholders", "type": '
                '"external"}, {"segment": "Claims handlers", "type": "internal"}]',
                "pac.dev/depends-on": "customer-identity,fraud-scoring",
                "pac.dev/description": "Self-service claims for home and motor policyholders. "
                "Replaces the\ncall-centre-only process; integrates with the fraud scoring "
                "service.\n",
                "pac.dev/disposition": "invest",
                "pac.dev/entity": "product",
                "pac.dev/funding-FY2027": "1550000",
                "pac.dev/id": "claims-portal",
                "pac.dev/kpis": '[{"name": "Claims filed online", "unit": "%", "target": 70, '
                '"actual": 64, "as_of": "2026-10-31"}, {"name": "Time to settle", "unit": '
                '"days", "target": 10, "actual": 12.5, "direction": "lower", "as_of": '
                '"2026-10-31"}]',
                "pac.dev/last-stakeholder-review": "2026-08-20",
                "pac.dev/level": "silver",
                "pac.dev/objectives": "digital-self-service",
                "pac.dev/page": f"{SITE}products/claims-portal.html",
                "pac.dev/product-manager": "Ana Lima",
                "pac.dev/roadmap": '[{"quarter": "2027-Q1", "themes": ["Photo-based damage '
                'assessment", "Claim status notifications"]}, {"quarter": "2027-Q2", '
                '"themes": ["Partner repair-shop booking"]}]',
                "pac.dev/stage": "live",
                "pac.dev/stage-since": "2022-04-01",
                "pac.dev/stakeholders": '[{"name": "Marcus Brandt", "role": "Head of Claims '
                'Operations"}]',
                "pac.dev/technology": '[{"name": "Python", "version": "3.11", "end_of_support":'
                ' "2027-10-31"}, {"name": "PostgreSQL", "version": "14", "end_of_support": '
                '"2026-11-12"}]',
                "pac.dev/value": '{"annual_estimate": 3400000, "basis": "Call-centre cost '
                'avoided plus faster settlement (FY2026 actuals)"}',
            },
            "tags": ["customer-facing", "tier-1"],
            "links": [
                {"url": "https://github.com/northwind/claims-portal", "title": "repository"},
                {"url": "https://wiki.northwind.example/claims/runbook", "title": "runbook"},
                {"url": "https://grafana.northwind.example/d/claims", "title": "dashboard"},
            ],
        },
        "spec": {
            "owner": "group:default/team-claims",
            "type": "application",
            "domain": "domain:default/claims-management",
        },
    }


def test_levels_stages_and_funding_of_other_products() -> None:
    entities = _entities()
    identity = entities["System:customer-identity"]["metadata"]["annotations"]
    fraud = entities["System:fraud-scoring"]["metadata"]["annotations"]
    # in sunset: not scored, so no level; a retirement date; funding of run only
    assert "pac.dev/level" not in identity
    assert (identity["pac.dev/stage"], identity["pac.dev/retire-by"]) == ("sunset", "2027-06-30")
    assert identity["pac.dev/funding-FY2027"] == "400000"
    assert (fraud["pac.dev/stage"], fraud.get("pac.dev/level")) == ("build", None)


def test_a_scored_product_below_the_first_level_is_level_none(reference: Path) -> None:
    product = reference / "products" / "claims-portal.yaml"
    product.write_text(product.read_text().replace("summary: Lets", "# summary: Lets"))
    system = _entities(reference)["System:claims-portal"]
    assert system["metadata"]["annotations"]["pac.dev/level"] == "none"
    assert "description" not in system["metadata"]


def test_a_team_is_a_group_of_the_organisation() -> None:
    assert _entities()["Group:team-claims"] == {
        "apiVersion": "backstage.io/v1alpha1",
        "kind": "Group",
        "metadata": {
            "name": "team-claims",
            "title": "Claims Team",
            "annotations": {
                **_source("teams/team-claims.yaml"),
                "github.com/team-slug": "northwind/claims",
                "pac.dev/capacity-fte": "6.5",
                "pac.dev/chat": "#claims-team",
                "pac.dev/entity": "team",
                "pac.dev/github": "@northwind/claims",
                "pac.dev/id": "team-claims",
                "pac.dev/members": '[{"name": "Ana Lima", "role": "Product manager", "skills":'
                ' ["product-management"]}, {"name": "Jonas Berg", "skills": ["engineering", '
                '"operations"]}, {"name": "Wei Chen", "skills": ["engineering", "testing"]}, '
                '{"name": "Sofia Russo", "skills": ["ux"]}]',
                "pac.dev/page": f"{SITE}teams/team-claims.html",
                "pac.dev/team-type": "stream-aligned",
            },
        },
        "spec": {
            "type": "team",
            "profile": {"displayName": "Claims Team", "email": "claims-team@northwind.example"},
            "parent": "group:default/northwind-mutual",
            "children": [],
            "members": [
                "user:default/ana-lima",
                "user:default/jonas-berg",
                "user:default/wei-chen",
                "user:default/sofia-russo",
            ],
        },
    }


def test_the_portfolio_is_the_organisation_that_holds_what_backstage_has_no_kind_for() -> None:
    group = _entities()["Group:northwind-mutual"]
    annotations = group["metadata"].pop("annotations")
    assert group == {
        "apiVersion": "backstage.io/v1alpha1",
        "kind": "Group",
        "metadata": {"name": "northwind-mutual", "title": "Northwind Mutual"},
        "spec": {
            "type": "organization",
            "profile": {"displayName": "Northwind Mutual"},
            "children": ["group:default/team-claims", "group:default/team-risk-data"],
        },
    }
    assert sorted(annotations) == [
        "backstage.io/edit-url",
        "backstage.io/view-url",
        "pac.dev/entity",
        "pac.dev/funding-records",
        "pac.dev/objective-records",
        "pac.dev/page",
        "pac.dev/settings",
    ]
    assert annotations["pac.dev/entity"] == "portfolio"
    assert annotations["pac.dev/page"] == SITE
    assert annotations["backstage.io/edit-url"] == f"{GIT}/edit/main/portfolio/portfolio.yaml"
    assert annotations["pac.dev/objective-records"].startswith(
        '[{"id": "digital-self-service", "name": "Move 70% of customer servicing to digital '
        'self-service", "period": "FY2027",'
    )
    assert annotations["pac.dev/funding-records"].startswith(
        '[{"period": "FY2027", "start": "2027-01-01", "end": "2027-12-31", "envelope": 4000000, '
        '"allocations": [{"product": "claims-portal", "run": 900000, "change": 650000, '
    )
    assert annotations["pac.dev/settings"].startswith(
        '{"name": "Northwind Mutual", "current_period": "FY2027", "repository": '
    )


def test_a_member_is_a_user_of_their_teams() -> None:
    assert _entities()["User:priya-nair"] == {
        "apiVersion": "backstage.io/v1alpha1",
        "kind": "User",
        "metadata": {"name": "priya-nair", "annotations": {"pac.dev/entity": "member"}},
        "spec": {
            "profile": {"displayName": "Priya Nair"},
            "memberOf": ["group:default/team-risk-data"],
        },
    }


def test_a_capability_is_a_domain_of_the_organisation() -> None:
    entities = _entities()
    assert entities["Domain:fraud-management"] == {
        "apiVersion": "backstage.io/v1alpha1",
        "kind": "Domain",
        "metadata": {
            "name": "fraud-management",
            "title": "Fraud Management",
            "annotations": {
                **_source("capabilities/fraud-management.yaml"),
                "pac.dev/entity": "capability",
                "pac.dev/id": "fraud-management",
                "pac.dev/importance": "differentiating",
                "pac.dev/page": f"{SITE}capabilities/fraud-management.html",
            },
        },
        "spec": {
            "owner": "group:default/northwind-mutual",
            "type": "capability",
            "subdomainOf": "domain:default/claims-and-risk",
        },
    }
    assert "subdomainOf" not in entities["Domain:claims-and-risk"]["spec"]


def test_no_page_without_the_site_and_no_source_links_without_the_repository(
    reference: Path,
) -> None:
    settings = reference / "portfolio.yaml"
    settings.write_text(settings.read_text().replace("repository:", "# repository:"))
    for e in _entities(reference, site_url=None).values():
        annotations = e["metadata"]["annotations"]
        assert not [k for k in annotations if k.startswith("backstage.io/")], e["metadata"]
        assert "pac.dev/page" not in annotations, e["metadata"]


def test_an_entity_has_its_annotations_in_key_order_and_only_those_with_a_value() -> None:
    built = entity(
        "System",
        "x",
        annotations={"pac.dev/stage": "live", "pac.dev/level": None, "a.example/b": ""},
        tags=[],
        links=[],
        spec={"owner": "group:default/t"},
    )
    assert built == {
        "apiVersion": "backstage.io/v1alpha1",
        "kind": "System",
        "metadata": {"name": "x", "annotations": {"a.example/b": "", "pac.dev/stage": "live"}},
        "spec": {"owner": "group:default/t"},
    }
    assert list(built["metadata"]["annotations"]) == ["a.example/b", "pac.dev/stage"]
