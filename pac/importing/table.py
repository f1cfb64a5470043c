"""A CSV or XLSX file as a table: its header's column names and its rows, each with the
number a spreadsheet shows for it (the header is row 1). Cells are text, except what an
XLSX file stores as a number, a date or a true/false (xlsx.py). Nothing is evaluated: a
formula is the text it is written as.

CSV: UTF-8 with or without a byte-order mark unless an encoding is declared; the delimiter
is declared, or the one of `, ; tab |` that the header line holds most of. A row whose
quotes do not pair up is a finding, and the rows after it are read as usual.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pac.errors import PacError
from pac.findings import Finding
from pac.importing.entities import Where, import_finding

Cell = str | Decimal | datetime.date | bool  # "" is an empty cell
CELL_TYPES = (str, Decimal, datetime.date, bool)  # Cell for isinstance, as mypy 1.10 reads it
DELIMITERS = (",", ";", "\t", "|")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
MAX_BYTES = 256 * 1024 * 1024  # a CSV this large is not an export of a portfolio


@dataclass(frozen=True, slots=True)
class Row:
    number: int  # as a spreadsheet shows it: the header is row 1
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    source: str  # the file as findings name it
    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def where(self, row: int, column: int = -1) -> Where:
        """A row, or a cell by its 0-based column index, as findings point at it."""
        if column < 0:
            return Where(self.source, row)
        return Where(self.source, row, column + 1, self.columns[column])


@dataclass(frozen=True)
class Options:
    """How to read the file: what the mapping's `source:` declares."""

    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None


def read_table(path: Path, *, shown: str, options: Options) -> tuple[Table, list[Finding]]:
    """The table in `path` (named `shown` in findings); raises PacError when the file
    cannot be read as a table at all."""
    if path.suffix.lower() in (".xls", ".ods", ".numbers"):
        raise PacError(f"{shown} is not read: save it as XLSX or CSV (UTF-8) and import that")
    if path.suffix.lower() in XLSX_SUFFIXES:
        from pac.importing.xlsx import read_sheet

        grid = read_sheet(path, sheet=options.sheet)
        return _table(shown, ((n, row) for n, row in enumerate(grid, 1)), [])
    text = _decoded(path, options.encoding)
    findings: list[Finding] = []
    return _table(shown, _csv_rows(text, shown, options.delimiter, findings), findings)


def _decoded(path: Path, encoding: str | None) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise PacError(f"{path} is over {MAX_BYTES // 1024 // 1024} MiB: split it")
        data = path.read_bytes()
    except OSError as e:
        raise PacError(f"cannot read {path}: {(e.strerror or str(e)).lower()}") from e
    try:
        codec = codecs.lookup(encoding or "utf-8-sig").name
    except LookupError:
        raise PacError(f"'{encoding}' is not an encoding Python knows, such as cp1252") from None
    try:
        text = data.decode("utf-8-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise PacError(
            f"{path} is not {encoding or 'UTF-8'} text (byte 0x{data[e.start]:02x} on line "
            f"{line}): save it as UTF-8, or declare its encoding in the mapping "
            "(source: {encoding: cp1252})"
        ) from None
    return text.removeprefix("\ufeff")


def guess_delimiter(header: str) -> str:
    """The delimiter the header line holds most of; a comma when it holds none."""
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(
    text: str, shown: str, delimiter: str | None, findings: list[Finding]
) -> Iterator[tuple[int, list[Cell]]]:
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=delimiter or guess_delimiter(first_line),
        strict=True,
    )
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            findings.append(_quote_problem(shown, number, str(e)))
            continue
        yield number, list(row)


def _quote_problem(shown: str, number: int, error: str) -> Finding:
    where = Where(shown, number)
    if "end of data" in error:
        message = "a quote opened in this row is never closed: the rest of the file is one cell"
    else:
        message = f"a quote is not where CSV allows one ({error})"
    return import_finding(
        "import-bad-source",
        where,
        f"{where.describe()}: {message}; the row is not imported",
        "a cell that holds a quote is written in quotes with the quote doubled: "
        '"Claims ""Portal""": correct the row, or export the file again',
    )


def _table(
    shown: str, rows: Iterator[tuple[int, list[Cell]]], findings: list[Finding]
) -> tuple[Table, list[Finding]]:
    header = next(rows, None)
    if header is None:
        raise PacError(f"{shown} is empty: it needs a header row of column names")
    columns = tuple(_column_name(cell) for cell in header[1])
    _check_header(shown, columns)
    out = []
    for number, cells in rows:
        cells = [c.strip() if isinstance(c, str) else c for c in cells]
        if all(c == "" for c in cells):
            continue  # a blank row
        if len(cells) > len(columns) and any(c != "" for c in cells[len(columns) :]):
            findings.append(_too_many(shown, number, len(cells), len(columns)))
            continue
        cells += [""] * (len(columns) - len(cells))
        out.append(Row(number, tuple(cells[: len(columns)])))
    return Table(shown, columns, tuple(out)), findings


def _column_name(cell: Cell) -> str:
    return cell.strip() if isinstance(cell, str) else str(cell)


def _check_header(shown: str, columns: tuple[str, ...]) -> None:
    named = [c for c in columns if c]
    twice = sorted({c for c in named if named.count(c) > 1})
    if twice:
        raise PacError(
            f"{shown}: the header names the column '{twice[0]}' more than once: give each "
            "column a name of its own"
        )


def _too_many(shown: str, number: int, cells: int, columns: int) -> Finding:
    where = Where(shown, number)
    return import_finding(
        "import-bad-source",
        where,
        f"{where.describe()}: {cells} cells, where the header has {columns} columns; "
        "the row is not imported",
        "a cell that holds the delimiter must be written in quotes: correct the row, or "
        "export the file again",
    )
