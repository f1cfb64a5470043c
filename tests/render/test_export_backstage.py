"""`pac export --format backstage`: the files, every entity's Backstage name, the notes on
what had to change, and the proof that the entities lose nothing of the portfolio.
tests/backstage/ holds the export to Backstage's own validators."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from backstage.cases import (
    LONG_CAPABILITY,
    LONG_PERIOD,
    LONG_PRODUCT,
    LONG_TEAM,
    awkward_portfolio,
    rebuild,
)
from conftest import EXAMPLE, REFERENCE, TODAY
from support import run

from pac.figures.scorecard import score
from pac.render.backstage_fields import digest
from pac.render.export_backstage import HEADER, BackstageExport, export_backstage


def _export(folder: Path, site_url: str | None = None) -> tuple[BackstageExport, object]:
    result = run(folder)
    assert not result.fails()
    scores = score(result.portfolio, result.findings, TODAY)
    return export_backstage(result.portfolio, scores, site_url=site_url), result.portfolio


@pytest.fixture
def awkward(tmp_path: Path) -> Path:
    folder = tmp_path / "portfolio"
    shutil.copytree(REFERENCE, folder)
    awkward_portfolio(folder)
    return folder


@pytest.mark.parametrize("name", ["reference", "example", "awkward"])
def test_every_field_comes_back_from_the_entities(name: str, awkward: Path) -> None:
    """The mapping is lossless: pac's entities and settings, read back from the exported
    entities alone, equal the portfolio's, field by field."""
    folder = {"reference": REFERENCE, "example": EXAMPLE, "awkward": awkward}[name]
    exported, p = _export(folder)
    back = rebuild(exported.entities)
    assert back["settings"] == p.settings  # type: ignore[attr-defined]
    for kind in ("products", "teams", "capabilities", "objectives", "funding"):
        assert back[kind] == getattr(p, kind), kind


def test_a_lost_annotation_is_noticed() -> None:
    exported, p = _export(REFERENCE)
    system = next(e for e in exported.entities if e["kind"] == "System")
    del system["metadata"]["annotations"]["pac.dev/kpis"]
    assert rebuild(exported.entities)["products"] != p.products  # type: ignore[attr-defined]


def test_one_file_per_kind_and_a_location_that_lists_them() -> None:
    exported, _ = _export(REFERENCE)
    files = exported.files()
    assert list(files) == [
        "catalog-info.yaml",
        "domains.yaml",
        "groups.yaml",
        "systems.yaml",
        "users.yaml",
    ]
    assert files["catalog-info.yaml"] == HEADER + (
        "---\n"
        "apiVersion: backstage.io/v1alpha1\n"
        "kind: Location\n"
        "metadata:\n"
        "  name: northwind-mutual\n"
        "  title: Northwind Mutual\n"
        "spec:\n"
        "  targets:\n"
        "  - ./domains.yaml\n"
        "  - ./groups.yaml\n"
        "  - ./systems.yaml\n"
        "  - ./users.yaml\n"
    )
    assert [text.count("\n---\n") for text in files.values()] == [1, 4, 3, 3, 6]
    assert files["users.yaml"].startswith(
        HEADER + "---\napiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n"
        "  name: ana-lima\n  annotations:\n    pac.dev/entity: member\nspec:\n  profile:\n"
        "    displayName: Ana Lima\n  memberOf:\n  - group:default/team-claims\n---\n"
    )


def test_the_same_portfolio_gives_the_same_bytes(tmp_path: Path) -> None:
    copy = tmp_path / "portfolio"
    shutil.copytree(EXAMPLE, copy)
    first, _ = _export(EXAMPLE, "https://example.com/")
    again, _ = _export(copy, "https://example.com/")
    assert first.files() == again.files()


def test_entities_are_in_name_order_by_kind() -> None:
    exported, _ = _export(EXAMPLE)
    kinds = [e["kind"] for e in exported.entities]
    assert kinds == sorted(kinds, key=["Group", "User", "Domain", "System"].index)
    systems = [e["metadata"]["name"] for e in exported.entities if e["kind"] == "System"]
    assert systems == sorted(systems) and len(systems) == 36


def test_a_member_of_two_teams_is_one_user_in_both(reference: Path) -> None:
    team = reference / "teams" / "team-risk-data.yaml"
    team.write_text(team.read_text() + "  - name: Ana Lima\n    role: Reviewer\n")
    exported, _ = _export(reference)
    users = {e["metadata"]["name"]: e for e in exported.entities if e["kind"] == "User"}
    assert users["ana-lima"]["spec"]["memberOf"] == [
        "group:default/team-claims",
        "group:default/team-risk-data",
    ]
    assert len(users) == 6


def test_what_backstage_refuses_is_changed_and_noted(awkward: Path) -> None:
    exported, _ = _export(awkward)
    names = {
        (e["kind"], e["metadata"]["name"])
        for e in exported.entities
        if e["kind"] in ("Group", "User") or "whose-id" in e["metadata"]["name"]
    }
    assert names == {
        ("System", f"{LONG_PRODUCT[:54]}-{digest(LONG_PRODUCT)}"),
        ("Group", f"{LONG_TEAM[:54]}-{digest(LONG_TEAM)}"),
        ("Domain", f"{LONG_CAPABILITY[:54]}-{digest(LONG_CAPABILITY)}"),
        # the organisation is named like a team, which keeps its name
        ("Group", f"team-claims-{digest('portfolio')}"),
        ("Group", "team-claims"),
        ("Group", "team-risk-data"),
        # two names that slug alike; one with no Latin letter; Ana Lima, in two teams, once
        ("User", "jose-nunez"),
        ("User", f"jose-nunez-{digest('José Núñez')}"),
        ("User", f"member-{digest('李雷')}"),
        ("User", "ana-lima"),
        *(("User", n) for n in ["jonas-berg", "priya-nair", "sofia-russo", "tom-okafor"]),
        ("User", "wei-chen"),
    }
    product = f"product:{LONG_PRODUCT}"
    assert [(n.entity, n.message) for n in exported.notes] == [
        (product, "the id is longer than Backstage's 63 characters: it is named "
         f"'a-product-whose-id-is-as-long-as-pac-allows-sixty-four-{digest(LONG_PRODUCT)}' "
         "there (pac.dev/id keeps the id)"),
        (f"team:{LONG_TEAM}", "the id is longer than Backstage's 63 characters: it is named "
         f"'a-team-whose-id-is-as-long-as-pac-allows-it-sixty-four-{digest(LONG_TEAM)}' there "
         "(pac.dev/id keeps the id)"),
        (f"capability:{LONG_CAPABILITY}", "the id is longer than Backstage's 63 characters: it "
         f"is named 'a-capability-whose-id-is-as-long-as-pac-allows-sixty-f-"
         f"{digest(LONG_CAPABILITY)}' there (pac.dev/id keeps the id)"),
        (product, "Backstage's tags are lowercase letters, digits, +, # and single hyphens, "
         "each once: 'Customer Facing' became 'customer-facing', 'TIER-1' became 'tier-1', "
         "'C++' became 'c++', 'ünïcode' became 'unicode', '日本' was left out, 'a:b' became "
         "'a-b' (pac.dev/tags keeps them as they are)"),
        *((product, f"the link '{title}' ({url}) is not one Backstage shows: pac.dev/links "
           "keeps it") for title, url in [
            ("port", "http://example.com:99999/"),
            ("ipv4", "http://1.2.3.999/"),
            ("ipv6", "http://[::1]/"),
            ("international", "https://bücher.example/"),
            ("  ", "https://example.com/blank-title"),
        ]),
        (product, f"no annotation pac.dev/funding-{LONG_PERIOD}: the period's name is too long "
         "for an annotation key (pac.dev/funding-records on the organisation has the funding)"),
    ]


def test_the_example_and_the_reference_need_no_change() -> None:
    assert _export(EXAMPLE)[0].notes == []
    assert _export(REFERENCE)[0].notes == []


def test_an_id_keeps_its_name_when_a_long_id_would_be_shortened_to_it(reference: Path) -> None:
    long = "a-product-whose-id-is-long-and-sorts-before-the-one-it-0-would-take"[:64]
    taken = f"{long[:54]}-{digest(long)}"  # a valid id of its own, which sorts after `long`
    assert len(long) == 64 and long < taken
    source = (reference / "products" / "fraud-scoring.yaml").read_text()
    for pid in (long, taken):
        (reference / "products" / f"{pid}.yaml").write_text(
            source.replace("id: fraud-scoring", f"id: {pid}"))
    exported, _ = _export(reference)
    names = {e["metadata"]["annotations"]["pac.dev/id"]: e["metadata"]["name"]
             for e in exported.entities if e["kind"] == "System"}
    assert names[taken] == taken
    assert names[long] == f"{long[:54]}-{digest(long + '-2')}"
