"""pac.importing.apply: each row through the mapping, problems named by row, column and
value."""

from __future__ import annotations

import datetime
from decimal import Decimal

from pac.importing.apply import apply_mapping, cell_text
from pac.importing.entities import Imported
from pac.importing.mapping import read_mapping
from pac.importing.table import Row, Table

MAPPING = """\
id: {from: name}
fields:
  name: Name
  kind: {value: application}
  lifecycle.stage: {column: Status, values: {Production: live, Retired: retired}}
  lifecycle.since: {column: Since, date: dd/mm/yyyy}
  owner: {column: Team, slug: true, prefix: team}
  value.annual_estimate: Value
  tags: [{column: Tier, values: {Tier 1: tier-1, Tier 3: ~}}, {column: Labels, split: ";"}]
"""
COLUMNS = ("Name", "Status", "Since", "Team", "Value", "Tier", "Labels")


def apply(*rows: tuple[object, ...]) -> tuple[list[Imported], list[str]]:
    mapping, findings = read_mapping(MAPPING, file="m.yaml", kind="product")
    assert mapping is not None, findings
    table = Table("t.csv", COLUMNS, tuple(Row(n, r) for n, r in enumerate(rows, 2)))  # type: ignore[arg-type]
    items, found = apply_mapping(mapping, table)
    problems = [f"{f.line}:{f.column} {f.rule} {f.message} | {f.hint}"
                for i in items for f in i.problems]
    problems += [f"{f.line} {f.rule} {f.message}" for f in found]
    return items, problems


def test_a_row_becomes_an_entity() -> None:
    items, problems = apply(("Claims Portal", "production", "01/04/2022", "Claims",
                             "1250000.50", "Tier 1", "web; eu ;;web"))
    assert problems == []
    (item,) = items
    assert item.id == "claims-portal"
    assert item.fields == {
        "name": "Claims Portal",
        "kind": "application",
        "lifecycle": {"stage": "live", "since": datetime.date(2022, 4, 1)},
        "owner": "team-claims",
        "value": {"annual_estimate": Decimal("1250000.50")},
        "tags": ["tier-1", "web", "eu"],
    }
    assert item.where("lifecycle.stage").describe() == "row 2, column 'Status'"
    assert item.where("kind").describe() == "line 4, field 'kind'"  # a constant: the mapping


def test_empty_cells_leave_fields_out_and_none_drops_a_value() -> None:
    (item,), problems = apply(("Old CRM", "Retired", "", "", "", "Tier 3", ""))
    assert problems == []
    assert item.fields == {"name": "Old CRM", "kind": "application",
                           "lifecycle": {"stage": "retired"}}


def test_cells_that_cannot_be_mapped() -> None:
    items, problems = apply(
        ("Leads", "Prodution", "2023-02-28", "Sales", "1,000", "Tier 2", ""),
        ("", "Production", "", "", "", "", ""),
        ("***", "Production", "", "", "", "", ""),
    )
    assert [i.id for i in items] == ["leads"]
    assert problems == [
        "2:2 import-unmapped-value row 2, column 'Status': 'Prodution' is not in the "
        "mapping's values for lifecycle.stage | did you mean 'Production'?",
        "2:3 import-bad-date row 2, column 'Since': '2023-02-28' is not a date in the form "
        "dd/mm/yyyy | write it as dd/mm/yyyy, such as 31/01/2027, or correct the date format "
        "in the mapping",
        "2:5 import-bad-number row 2, column 'Value': '1,000' is not a number | write a plain "
        "number such as 1250000 or 12.5: no separators or units",
        "2:6 import-unmapped-value row 2, column 'Tier': 'Tier 2' is not in the mapping's "
        "values for tags | did you mean 'Tier 3'?",
        "3 import-bad-id row 3, column 'Name': the row has no value to make its id from",
        "4 import-bad-id row 4, column 'Name': '***' makes no id",
    ]


def test_xlsx_cells_that_are_not_text() -> None:
    (item,), problems = apply(("Quote Engine", "Production", datetime.date(2021, 6, 30),
                               "Claims", Decimal("3400000"), "", Decimal(42)))
    assert problems == []
    assert item.fields["lifecycle"]["since"] == datetime.date(2021, 6, 30)
    assert item.fields["value"] == {"annual_estimate": Decimal(3400000)}
    assert item.fields["tags"] == ["42"]
    assert [cell_text(c) for c in (True, Decimal("12.50"), datetime.date(2027, 1, 2))] == [
        "true", "12.5", "2027-01-02"]


def test_columns_the_table_does_not_have() -> None:
    mapping, _ = read_mapping("fields: {name: Nme}\n", file="m.yaml", kind="team")
    assert mapping is not None
    items, findings = apply_mapping(mapping, Table("t.csv", ("Name",), ()))
    assert items == []
    assert [(f.file, f.line, f.column, f.message, f.hint) for f in findings] == [
        ("m.yaml", 1, 16, "line 1: the column 'Nme' is not in t.csv", "did you mean 'Name'?")
    ]
