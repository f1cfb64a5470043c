"""`pac new`'s core: ids and values checked against the portfolio, then the smallest valid
file, never over an existing one."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REFERENCE
from support import run

from pac.errors import PacError
from pac.generate.new import (
    check_id,
    check_value,
    choices,
    existing,
    fields,
    quote,
    read_portfolio,
    render_entity,
    target,
    write_entity,
)
from pac.load.files import read_directory
from pac.yaml import parse

ID_RULE = ("ids use lowercase letters, digits and single hyphens, at most 64 characters, "
           "such as 'claims-portal'")


def test_check_id() -> None:
    assert check_id("claims-portal") is None
    assert check_id("a" * 64) is None
    assert check_id("a" * 65) == ID_RULE
    for bad in ("Claims", "claims--portal", "-claims", "claims_portal", "claims\n", ""):
        assert check_id(bad) == ID_RULE, bad


def test_fields_of_each_kind() -> None:
    assert fields("product") == ("name", "kind", "stage", "owner")
    assert fields("team") == ("name",)
    assert fields("capability") == ("name", "parent")
    assert fields("objective") == ("name",)


def test_choices_come_from_the_portfolio() -> None:
    portfolio = read_portfolio(read_directory(REFERENCE))
    assert choices("kind", portfolio) == ["application", "platform", "service", "data",
                                          "infrastructure"]
    assert choices("stage", portfolio) == ["ideation", "discovery", "build", "live", "sunset",
                                           "retired"]
    assert choices("owner", portfolio) == ["team-claims", "team-risk-data"]
    assert choices("parent", portfolio) == ["claims-and-risk", "claims-management",
                                            "customer-management", "fraud-management"]
    assert choices("name", portfolio) is None


def test_check_value_says_what_to_use() -> None:
    portfolio = read_portfolio(read_directory(REFERENCE))
    assert check_value("owner", "team-claims", portfolio) is None
    assert check_value("name", "anything at all", portfolio) is None
    assert check_value("owner", "team-claim", portfolio) == (
        "--owner 'team-claim' is not one of the portfolio's teams: did you mean 'team-claims'?")
    assert check_value("owner", "nobody", portfolio) == (
        "--owner 'nobody' is not one of the portfolio's teams: name an existing team, or "
        "create it first with 'pac new team nobody'")
    assert check_value("parent", "x\ny", portfolio) == (
        "--parent 'x y' is not one of the portfolio's capabilities: name an existing "
        "capability, or create it first with 'pac new capability x y'")
    assert check_value("stage", "gone", portfolio) == (
        "--stage 'gone' is not one of the portfolio's stages: use one of ideation, discovery, "
        "build, live, sunset, retired")
    assert check_value("kind", "widget", portfolio) == (
        "--kind 'widget' is not one of the portfolio's product kinds: use one of application, "
        "platform, service, data, infrastructure, or add it to taxonomy.product_kinds in "
        "portfolio.yaml")


def test_target_and_existing(reference: Path) -> None:
    assert target(reference, "capability", "intake") == reference / "capabilities" / "intake.yaml"
    assert existing(reference, "team", "team-claims") == reference / "teams" / "team-claims.yaml"
    assert existing(reference, "team", "team-new") is None
    (reference / "teams" / "team-new.yml").write_text("id: team-new\nname: New\n")
    assert existing(reference, "team", "team-new") == reference / "teams" / "team-new.yml"


def test_quote_reads_back_as_the_text() -> None:
    for text in ("plain", "Payments: Hub #1", 'say "hi"', "tab\there", "line\nbreak",
                 "caf\u00e9", "\u2028", "yes", "123", "@handle", "- item"):
        assert parse(f"v: {quote(text)}\n").data == {"v": text}, text
    assert quote('a "b"\n') == '"a \\"b\\"\\n"'


def test_render_product_and_capability(tmp_path: Path) -> None:
    product = render_entity(
        "product", "payments-hub",
        {"name": "Payments: Hub", "kind": "service", "stage": "build", "owner": "team-claims"},
        schemas=tmp_path / "schemas", folder=tmp_path / "portfolio" / "products")
    assert product == (
        "# yaml-language-server: $schema=../../schemas/product.schema.json\n"
        "id: payments-hub\n"
        'name: "Payments: Hub"\n'
        "kind: service\n"
        "lifecycle:\n"
        "  stage: build\n"
        "owner: team-claims\n"
    )
    capability = render_entity("capability", "intake", {"name": "Intake", "parent": "claims"},
                               schemas=tmp_path / "schemas", folder=tmp_path / "capabilities")
    assert capability == (
        "# yaml-language-server: $schema=../schemas/capability.schema.json\n"
        'id: intake\nname: Intake\nparent: claims\n'
    )
    orphan = render_entity("capability", "top", {"name": "Top", "parent": ""},
                           schemas=tmp_path / "schemas", folder=tmp_path / "capabilities")
    assert orphan.splitlines()[1:] == ["id: top", "name: Top"]


def test_write_entity_writes_a_valid_file(tmp_path: Path, reference: Path) -> None:
    known = read_portfolio(read_directory(reference))
    path = write_entity(reference, "team", "team-new", {"name": "New Team"}, known=known,
                        root=tmp_path)
    assert path == reference / "teams" / "team-new.yaml"
    assert path.read_text() == (
        "# yaml-language-server: $schema=../../schemas/team.schema.json\n"
        'id: team-new\nname: New Team\n')
    result = run(reference)
    assert "team-new" in result.portfolio.teams
    assert [f.rule for f in result.findings if f.entity == "team:team-new"] == []


def test_write_entity_checks_values_and_never_overwrites(tmp_path: Path, reference: Path) -> None:
    known = read_portfolio(read_directory(reference))
    values = {"name": "Hub", "kind": "service", "stage": "live", "owner": "team-clams"}
    with pytest.raises(PacError) as raised:
        write_entity(reference, "product", "hub", values, known=known, root=tmp_path)
    assert raised.value.message == (
        "--owner 'team-clams' is not one of the portfolio's teams: did you mean 'team-claims'?")
    assert not (reference / "products" / "hub.yaml").exists()
    before = (reference / "teams" / "team-claims.yaml").read_text()
    with pytest.raises(PacError) as raised:
        write_entity(reference, "team", "team-claims", {"name": "Other"}, known=known,
                     root=tmp_path)
    assert raised.value.message == (
        f"{reference / 'teams' / 'team-claims.yaml'} already exists: nothing was written")
    assert (reference / "teams" / "team-claims.yaml").read_text() == before
