"""pac.importing.run: an import from the table to the validation afterwards."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import REPO

from pac.errors import PacError
from pac.importing.entities import Imported, Where
from pac.importing.run import Reading, import_into, import_table

DATA = Path(__file__).parent / "data"
TODAY = datetime.date(2026, 11, 22)


def test_import_table_reads_through_the_mapping() -> None:
    reading = import_table(
        DATA / "servicenow-hostile.csv", DATA / "servicenow-test.yaml", kind="product"
    )
    assert [i.id for i in reading.items] == [
        "apm0001",
        "apm0002",
        "apm0003",
        "apm0004",
        "apm0006",
        "apm0007",
        "apm0008",
    ]
    assert reading.unread == 1  # row 6, whose quotes do not pair up
    assert [f.rule for f in reading.findings] == ["import-bad-source"]
    assert sorted(f.rule for i in reading.items for f in i.problems) == [
        "import-bad-date",
        "import-bad-date",
        "import-unmapped-value",
    ]


def test_a_dry_run_validates_what_would_be_written(reference: Path) -> None:
    reading = import_table(
        DATA / "servicenow-hostile.csv", DATA / "servicenow-test.yaml", kind="product"
    )
    outcome = import_into(reference, reading, source="s.csv", today=TODAY, dry_run=True)
    assert outcome.written == ()
    assert not (reference / "products" / "apm0001.yaml").exists()
    assert outcome.result is not None
    assert outcome.result.portfolio.entity_count()["products"] == 6  # 3 + 3 planned
    assert outcome.fails()  # rows were left out
    assert outcome.prefix == "portfolio/"


def test_an_import_writes_and_validates(reference: Path) -> None:
    reading = import_table(
        DATA / "leanix-hostile.xlsx",
        REPO / "examples" / "import" / "leanix-applications.yaml",
        kind="product",
    )
    clean = Reading([i for i in reading.items if not i.problems and i.id != "claims-portal-eu"], [])
    outcome = import_into(reference, clean, source="l.xlsx", today=TODAY)
    assert [p.name for p in outcome.written] == [
        "broker-gateway.yaml",
        "lead-scoring.yaml",
        "quote-engine.yaml",
    ]
    assert outcome.result is not None and not outcome.result.fails()
    assert not outcome.fails()


def test_a_mapping_that_cannot_be_used(reference: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text("fields: {nam: Name}\n")
    reading = import_table(DATA / "servicenow-hostile.csv", mapping, kind="product")
    outcome = import_into(reference, reading, source="s.csv", today=TODAY)
    assert outcome.result is None and outcome.written == ()
    assert [f.rule for f in outcome.plan.findings] == ["import-bad-mapping"] * 2


def _funding(period: str) -> Imported:
    fields = {
        "start": datetime.date(2028, 1, 1),
        "end": datetime.date(2028, 12, 31),
        "envelope": Decimal("1000000.10"),
        "allocations": [{"product": "claims-portal", "change": Decimal("250000.05")}],
    }
    return Imported("funding", period, fields, Where("catalog.yaml", 3, unit="line"))


def test_a_dry_run_writes_no_funding_period(reference: Path) -> None:
    reading = Reading([_funding("FY2028")], [])
    outcome = import_into(reference, reading, source="c", today=TODAY, dry_run=True)
    assert outcome.written == () and not (reference / "funding" / "FY2028.yaml").exists()
    assert outcome.result is not None
    assert sorted(outcome.result.portfolio.funding) == ["FY2027", "FY2028"]
    outcome = import_into(reference, reading, source="c", today=TODAY)
    assert outcome.written == (reference / "funding" / "FY2028.yaml",)
    assert outcome.result is not None
    assert outcome.result.portfolio.funding["FY2028"].allocated == Decimal("250000.05")


def test_a_new_portfolio_gets_its_portfolio_yaml(tmp_path: Path) -> None:
    folder = tmp_path / "portfolio"
    folder.mkdir()
    with pytest.raises(PacError, match=r"it has no portfolio\.yaml"):
        import_into(folder, Reading([], []), source="c", today=TODAY)
    settings = Imported("portfolio", "portfolio", {"name": "New"}, Where("c", 2, unit="line"))
    outcome = import_into(folder, Reading([settings], []), source="c", today=TODAY)
    assert outcome.written == (folder / "portfolio.yaml",)
    assert outcome.result is not None and outcome.result.portfolio.settings.name == "New"
