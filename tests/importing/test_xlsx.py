"""pac.importing.xlsx: an XLSX sheet's cells as stored, formulas as their text."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from pac.errors import PacError
from pac.importing.xlsx import read_sheet


def test_cells_as_stored(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["=cmd|' /C calc'!A0", "=1+1", 0.1, 3, True, datetime.datetime(2027, 1, 31, 9),
                  None, "@SUM(A1)"])
    book.save(tmp_path / "t.xlsx")
    assert read_sheet(tmp_path / "t.xlsx") == [[
        "=cmd|' /C calc'!A0", "=1+1", Decimal("0.1"), Decimal(3), True,
        datetime.date(2027, 1, 31), "", "@SUM(A1)"]]


def test_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_text("Name,Stage\n")
    with pytest.raises(PacError, match=r"cannot read .*t\.xlsx as an XLSX workbook"):
        read_sheet(path)
