"""The only module that imports openpyxl: the cells of one sheet of an XLSX file, as they
are stored. A formula is its text (`=HYPERLINK(...)`), never its result and never run;
numbers are exact Decimals (from the shortest text of the stored float), dates are dates,
text is text. openpyxl parses the file's XML through defusedxml, which refuses entity
bombs."""

from __future__ import annotations

import datetime
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

from pac.errors import PacError

Cell = str | Decimal | datetime.date | bool


def read_sheet(path: Path, *, sheet: str | None = None) -> list[list[Cell]]:
    """Every row of the sheet named `sheet`, else of the first one; raises PacError when
    the file is not an XLSX workbook or has no such sheet."""
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        raise PacError(f"cannot read {path} as an XLSX workbook: {e}") from e
    try:
        if sheet is not None and sheet not in book.sheetnames:
            names = ", ".join(book.sheetnames)
            raise PacError(f"{path} has no sheet '{sheet}': its sheets are {names}")
        grid = book[sheet] if sheet is not None else book.worksheets[0]
        return [[_cell(value) for value in row] for row in _values(grid)]
    finally:
        book.close()


def _values(sheet: Any) -> Iterator[tuple[Any, ...]]:
    yield from sheet.iter_rows(values_only=True)


def _cell(value: Any) -> Cell:
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    return str(value)
