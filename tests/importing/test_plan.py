"""pac.importing.plan: which files an import writes, and why the others are left out."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

from pac.importing.entities import Imported, Where
from pac.importing.plan import (
    NEW,
    UNCHANGED,
    UPDATE,
    Plan,
    field_order,
    plan_import,
    planned_change,
)
from pac.load.files import read_directory
from pac.load.parse import from_loaded, load


def product(row: int, entity_id: str, **fields: object) -> Imported:
    base: dict[str, object] = {
        "name": entity_id.title(),
        "kind": "application",
        "lifecycle": {"stage": "live"},
        "owner": "team-claims",
    }
    cells = {"owner": Where("t.csv", row, 4, "Team"), "lifecycle": Where("t.csv", row, 2, "Stage")}
    return Imported("product", entity_id, {**base, **fields}, Where("t.csv", row), cells)


def plan(reference: Path, *items: Imported, update: bool = False) -> Plan:
    known = from_loaded(load(read_directory(reference)))
    schemas = reference.parent / "schemas"
    return plan_import(items, known=known, portfolio=reference, schemas=schemas, update=update)


def messages(p: Plan) -> list[str]:
    return [f"{f.line}:{f.column} {f.rule} {f.message}" for f in p.findings]


def test_new_files_in_id_order(reference: Path) -> None:
    p = plan(reference, product(3, "zeta"), product(2, "alpha"))
    assert [(x.path, x.action) for x in p.planned] == [
        ("products/alpha.yaml", NEW),
        ("products/zeta.yaml", NEW),
    ]
    assert p.planned[0].text.startswith(
        "# yaml-language-server: $schema=../../schemas/product.schema.json\nid: alpha\n"
    )
    assert (p.entities, p.skipped, p.findings) == (2, 0, ())


def test_rows_that_make_the_same_id_are_both_left_out(reference: Path) -> None:
    p = plan(reference, product(2, "dup"), product(5, "dup"), product(6, "ok"))
    assert [x.item.id for x in p.planned] == ["ok"]
    assert messages(p) == [
        "2:1 import-duplicate-id row 2: the product id 'dup' is also made by row 5; neither "
        "is imported",
        "5:1 import-duplicate-id row 5: the product id 'dup' is also made by row 2; neither "
        "is imported",
    ]


def test_fields_that_break_the_format_point_at_their_cell(reference: Path) -> None:
    p = plan(
        reference,
        product(2, "bad", lifecycle={"stage": "Production"}),
        Imported("product", "partial", {"name": "P"}, Where("t.csv", 3)),
    )
    assert p.planned == ()
    assert messages(p) == [
        "2:2 import-invalid-value row 2, column 'Stage': lifecycle.stage: 'Production' is not "
        "one of ideation, discovery, build, live, sunset, retired",
        "3:1 import-missing-value row 3: missing required field 'kind'",
        "3:1 import-missing-value row 3: missing required field 'lifecycle'",
        "3:1 import-missing-value row 3: missing required field 'owner'",
    ]


def test_unknown_references_and_those_that_follow_them(reference: Path) -> None:
    p = plan(
        reference,
        product(2, "a", owner="team-clams"),
        product(3, "b", depends_on=["a"]),
        product(4, "c", depends_on=["claims-portal"]),
    )
    assert [x.item.id for x in p.planned] == ["c"]
    assert messages(p) == [
        "2:4 import-unknown-reference row 2, column 'Team': owner 'team-clams' is not a team "
        "in the portfolio or the import",
        "3:1 import-unknown-reference row 3: depends_on 'a' is not a product in the portfolio "
        "or the import",
    ]
    assert p.findings[0].hint == "did you mean 'team-claims'?"


def test_an_existing_file_unless_update(reference: Path) -> None:
    existing = product(2, "claims-portal", lifecycle={"stage": "sunset"}, name="Claims Portal")
    p = plan(reference, existing)
    assert messages(p) == [
        "2:1 import-file-exists row 2: product 'claims-portal' exists in "
        "products/claims-portal.yaml: an import never overwrites a file unless --update is given"
    ]
    p = plan(reference, existing, update=True)
    (planned,) = p.planned
    assert planned.action == UPDATE
    assert "  stage: sunset                 # ideation |" in planned.text
    assert [(c.path, c.old, c.new) for c in planned_change(planned).changes] == [
        ("lifecycle.stage", "live", "sunset")
    ]
    same = product(2, "claims-portal", name="Claims Portal", lifecycle={"stage": "live"})
    assert plan(reference, same, update=True).planned[0].action == UNCHANGED


def test_an_update_is_checked_whole(reference: Path) -> None:
    since = product(
        2, "claims-portal", lifecycle={"stage": "sunset", "retire_by": datetime.date(2020, 1, 1)}
    )
    p = plan(reference, since, update=True)
    assert p.planned == ()
    assert messages(p) == [
        "2:2 import-invalid-value row 2, column 'Stage': retire_by 2020-01-01 is before since "
        "2022-04-01"
    ]


def test_field_order_follows_the_model() -> None:
    order = field_order("product")
    assert list(order[""])[:4] == ["id", "name", "extensions", "summary"]
    assert list(order["lifecycle"]) == ["stage", "since", "retire_by"]


def test_a_linked_file_is_never_updated(reference: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: linked\nname: Linked\n")
    (reference / "products" / "linked.yaml").symlink_to(outside)
    p = plan(reference, product(2, "linked"), update=True)
    assert p.planned == ()
    assert messages(p) == [
        "2:1 import-file-exists row 2: product 'linked' exists in products/linked.yaml: it "
        "cannot be read (it is a symbolic link, which pac does not follow)"]
    assert outside.read_text() == "id: linked\nname: Linked\n"


def funding(period: str, **fields: object) -> Imported:
    base: dict[str, object] = {
        "start": datetime.date(2028, 1, 1),
        "end": datetime.date(2028, 12, 31),
        "envelope": Decimal("4000000.50"),
        "allocations": [{"product": "claims-portal", "run": Decimal("900000.25")}],
    }
    return Imported("funding", period, {**base, **fields}, Where("catalog.yaml", 7, unit="line"))


def test_a_funding_period_is_written_in_the_format_s_order(reference: Path) -> None:
    p = plan(reference, funding("FY2028"))
    (planned,) = p.planned
    assert (planned.path, planned.action, p.findings) == ("funding/FY2028.yaml", NEW, ())
    assert planned.text == (
        "# yaml-language-server: $schema=../../schemas/funding.schema.json\n"
        "period: FY2028\nstart: 2028-01-01\nend: 2028-12-31\nenvelope: 4000000.5\n"
        "allocations:\n  - product: claims-portal\n    run: 900000.25\n"
    )
    change = planned_change(planned)
    assert (change.ref, change.status) == ("funding:FY2028", "added")
    assert "period" not in [c.path for c in change.changes]  # the id, as `id` elsewhere


def test_an_existing_funding_period_is_reported_unless_update(reference: Path) -> None:
    p = plan(reference, funding("FY2027"))
    assert messages(p) == [
        "7:1 import-file-exists line 7: funding 'FY2027' exists in funding/FY2027.yaml: an "
        "import never overwrites a file unless --update is given"
    ]
    (planned,) = plan(reference, funding("FY2027", envelope=Decimal(5000000)), update=True).planned
    assert planned.action == UPDATE
    assert "envelope: 5000000               # total the portfolio" in planned.text


def test_a_funding_period_funds_known_products_only(reference: Path) -> None:
    p = plan(reference, funding("FY2028", allocations=[{"product": "claims-portl", "run": 1}]))
    assert p.planned == ()
    assert messages(p) == [
        "7:1 import-unknown-reference line 7: allocations.product 'claims-portl' is not a "
        "product in the portfolio or the import"
    ]
    assert p.findings[0].hint == "did you mean 'claims-portal'?"


def test_portfolio_yaml_is_written_only_where_there_is_none(reference: Path) -> None:
    fields = {"name": "New", "currency": "EUR"}
    settings = Imported("portfolio", "portfolio", fields, Where("c", 3, unit="line"))
    p = plan(reference, settings, update=True)
    assert p.planned == ()
    assert messages(p) == [
        "3:1 import-file-exists line 3: portfolio 'portfolio' exists in portfolio.yaml: an "
        "import never changes portfolio.yaml"
    ]
    assert p.findings[0].hint.startswith("edit portfolio.yaml yourself")
    (reference / "portfolio.yaml").unlink()
    (planned,) = plan(reference, settings).planned
    assert (planned.path, planned.action) == ("portfolio.yaml", NEW)
    assert planned.text == (
        "# yaml-language-server: $schema=../schemas/portfolio.schema.json\n"
        "name: New\ncurrency: EUR\n"
    )
