"""pac.importing.table: CSV and XLSX files as tables, with row numbers and findings."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from pac.errors import PacError
from pac.importing.table import Options, Row, guess_delimiter, read_table

DATA = Path(__file__).parent / "data"


def read(path: Path, **options: str) -> tuple[list[Row], list[str]]:
    table, findings = read_table(path, shown=path.name, options=Options(**options))
    return list(table.rows), [f"{f.line}:{f.column} {f.rule} {f.message}" for f in findings]


def test_a_csv_with_a_bom_semicolons_and_crlf() -> None:
    table, _ = read_table(DATA / "servicenow-hostile.csv", shown="s.csv", options=Options())
    assert table.columns[0] == "Number"  # the byte-order mark is not part of the name
    assert table.columns[-1] == "Live since"
    assert table.rows[1] == Row(3, ("APM0002", "Payments Hub",
                                    '=HYPERLINK("https://evil.example";"click")', "Operational",
                                    "Claims", "2 - somewhat critical", "15/11/2023"))
    assert [r.number for r in table.rows] == [2, 3, 4, 5, 7, 8, 9]  # row 6 is not readable
    assert table.where(3, 2).describe() == "row 3, column 'Short description'"


def test_stray_quotes_and_extra_cells_are_findings(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('Name,Stage\n"Quote" Engine,live\nok,live\na,b,c\n\nlast,"unclosed\n')
    rows, findings = read(path)
    assert rows == [Row(3, ("ok", "live"))]
    assert findings == [
        "2:1 import-bad-source row 2: a quote is not where CSV allows one (',' expected "
        "after '\"'); the row is not imported",
        "4:1 import-bad-source row 4: 3 cells, where the header has 2 columns; the row is "
        "not imported",
        "6:1 import-bad-source row 6: a quote opened in this row is never closed: the rest "
        "of the file is one cell; the row is not imported",
    ]


def test_short_rows_are_padded_and_cells_trimmed(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('Name|Stage|Owner\n Claims |live\n"Multi\nline"|x|y\n')
    rows, findings = read(path)
    assert rows == [Row(2, ("Claims", "live", "")), Row(3, ("Multi\nline", "x", "y"))]
    assert findings == []


def test_delimiters_encodings_and_files_that_cannot_be_read(tmp_path: Path) -> None:
    assert guess_delimiter("a;b;c") == ";"
    assert guess_delimiter("a\tb") == "\t"
    assert guess_delimiter("name") == ","
    path = tmp_path / "t.csv"
    path.write_bytes("Name;Note\nCafé;a,b\n".encode("cp1252"))
    assert read(path, encoding="cp1252")[0] == [Row(2, ("Café", "a,b"))]
    assert read(path, encoding="cp1252", delimiter=",")[0] == []  # 'a,b' is now two cells
    with pytest.raises(PacError, match=r"t.csv is not UTF-8 text \(byte 0xe9 on line 2\)"):
        read(path)
    with pytest.raises(PacError, match="'klingon' is not an encoding Python knows"):
        read(path, encoding="klingon")
    path.write_text("")
    with pytest.raises(PacError, match=r"t\.csv is empty: it needs a header row"):
        read(path)
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(PacError, match=r"old\.xls is not read: save it as XLSX or CSV"):
        read(tmp_path / "old.xls")
    path.write_text("Name,Name\n")
    with pytest.raises(PacError, match="names the column 'Name' more than once"):
        read(path)


def test_an_xlsx_sheet_by_name() -> None:
    table, findings = read_table(DATA / "leanix-hostile.xlsx", shown="l.xlsx",
                                 options=Options(sheet="Applications"))
    assert findings == []
    assert table.columns[:3] == ("Name", "Description", "Lifecycle Phase")
    first = table.rows[0]
    assert first.number == 2
    assert first.cells[1] == '=HYPERLINK("https://evil.example","Open")'  # never its result
    assert first.cells[3] == datetime.date(2022, 4, 1)
    assert table.rows[-1].cells[-1] == Decimal(42)
    with pytest.raises(PacError, match="has no sheet 'Apps': its sheets are Applications, Notes"):
        read_table(DATA / "leanix-hostile.xlsx", shown="l.xlsx", options=Options(sheet="Apps"))
