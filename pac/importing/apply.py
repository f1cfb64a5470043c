"""A mapping applied to a table: each row becomes an `Imported` entity, or findings that
name its row, column and value. A row with a problem is still an entity (its id counts
when two rows make the same one) but carries the problem, so it is not written."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pac.findings import Finding
from pac.importing.dates import example, parse_date
from pac.importing.entities import Imported, Where, import_finding
from pac.importing.fields import BOOL, DATE, LIST, NUMBER
from pac.importing.ids import is_id, slug
from pac.importing.mapping import FieldMap, Mapping, Source
from pac.importing.table import CELL_TYPES, Cell, Row, Table
from pac.json_text import number_text
from pac.suggest import did_you_mean

_NUMBER = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
_BOOLS = {"true": True, "yes": True, "false": False, "no": False}


def apply_mapping(mapping: Mapping, table: Table) -> tuple[list[Imported], list[Finding]]:
    """Every row as an entity; findings for the rows that make none (no id) and for
    columns the mapping names that the table does not have (then no row is read)."""
    missing = _missing_columns(mapping, table)
    if missing:
        return [], missing
    index = {name: i for i, name in enumerate(table.columns)}
    items, findings = [], []
    for row in table.rows:
        item = _RowReader(mapping, table, index, row).read()
        if isinstance(item, Imported):
            items.append(item)
        else:
            findings.append(item)
    return items, findings


def _columns(mapping: Mapping) -> list[tuple[str, Where]]:
    named = [(s.column, mapping.where(s.at)) for f in mapping.fields for s in f.sources]
    if mapping.id.column:
        named.append((mapping.id.column, mapping.where(mapping.id.at)))
    return [(column, where) for column, where in named if column is not None]


def _missing_columns(mapping: Mapping, table: Table) -> list[Finding]:
    findings = []
    for column, where in _columns(mapping):
        if column not in table.columns:
            hint = did_you_mean(column, table.columns) or (
                f"its columns are {', '.join(c for c in table.columns if c)}"
            )
            findings.append(
                import_finding(
                    "import-bad-mapping",
                    where,
                    f"{where.describe()}: the column '{column}' is not in {table.source}",
                    hint,
                )
            )
    return findings


def cell_text(cell: Cell) -> str:
    """A cell as text: an XLSX number as written (3400000, 12.5), a date as YYYY-MM-DD."""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, Decimal):
        return number_text(cell)
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return cell


@dataclass
class _RowReader:
    mapping: Mapping
    table: Table
    index: dict[str, int]
    row: Row
    fields: dict[str, Any] = field(default_factory=dict)
    origins: dict[str, Where] = field(default_factory=dict)
    problems: list[Finding] = field(default_factory=list)

    def read(self) -> Imported | Finding:
        for spec in self.mapping.fields:
            self.fill(spec)
        entity_id = self.entity_id()
        if isinstance(entity_id, Finding):
            return entity_id  # the row makes no id
        origin = self.table.where(self.row.number)
        return Imported(
            self.mapping.kind,
            entity_id,
            _nested(self.fields),
            origin,
            self.origins,
            tuple(self.problems),
        )

    def where(self, source: Source) -> Where:
        if source.column is None:
            return self.mapping.where(source.at, label=".".join(map(str, source.at[1:2])))
        return self.table.where(self.row.number, self.index[source.column])

    def fill(self, spec: FieldMap) -> None:
        values: list[Any] = []
        for source in spec.sources:
            where = self.where(source)
            self.origins.setdefault(spec.path, where)
            cell = self.row.cells[self.index[source.column]] if source.column else source.value
            values += self.convert(spec, source, cell, where)
        if spec.type == LIST and values:
            self.fields[spec.path] = list(dict.fromkeys(values))  # each item once, in order
        elif values:
            self.fields[spec.path] = values[0]

    def convert(self, spec: FieldMap, source: Source, cell: Any, where: Where) -> list[Any]:
        if cell is None or cell == "":
            return []
        if isinstance(cell, datetime.date) and spec.type == DATE:
            return [cell]
        text = cell_text(cell) if isinstance(cell, CELL_TYPES) else str(cell)
        parts = text.split(source.split) if spec.type == LIST and source.split else [text]
        out = []
        for part in (p.strip() for p in parts):
            value = self.mapped(spec, source, part, where) if part else None
            if value is not None:
                out.append(value)
        return out

    def mapped(self, spec: FieldMap, source: Source, text: str, where: Where) -> Any:
        if source.values is not None:
            found = _lookup(source.values, text)
            if found is _UNMAPPED:
                return self.unmapped(spec, source.values, text, where)
            if found is None:
                return None
            text = str(found)
        if source.slug:
            text = slug(text, prefix=source.prefix) or text
        return self.typed(spec, source, text, where)

    def typed(self, spec: FieldMap, source: Source, text: str, where: Where) -> Any:
        if spec.type == NUMBER:
            if _NUMBER.fullmatch(text):
                return Decimal(text)
            return self.bad(
                "import-bad-number",
                where,
                f"'{text}' is not a number",
                "write a plain number such as 1250000 or 12.5: no separators or units",
            )
        if spec.type == DATE:
            found = parse_date(text, source.date)
            if found is not None:
                return found
            return self.bad(
                "import-bad-date",
                where,
                f"'{text}' is not a date in the form {source.date}",
                f"write it as {source.date}, such as {example(source.date)}, or "
                "correct the date format in the mapping",
            )
        if spec.type == BOOL:
            if text.casefold() in _BOOLS:
                return _BOOLS[text.casefold()]
            return self.bad(
                "import-invalid-value",
                where,
                f"'{text}' is not true or false",
                "write true or false, or map the cells with values:",
            )
        return text

    def unmapped(
        self, spec: FieldMap, values: dict[str, str | None], text: str, where: Where
    ) -> None:
        hint = did_you_mean(text, values) or "add it to the mapping's values: " + ", ".join(
            sorted(values)[:10]
        )
        return self.bad(
            "import-unmapped-value",
            where,
            f"'{text}' is not in the mapping's values for {spec.path}",
            hint,
        )

    def bad(self, rule: str, where: Where, message: str, hint: str) -> None:
        self.problems.append(import_finding(rule, where, f"{where.describe()}: {message}", hint))

    def entity_id(self) -> str | Finding:
        rule = self.mapping.id
        if rule.column:
            where = self.table.where(self.row.number, self.index[rule.column])
            raw = cell_text(self.row.cells[self.index[rule.column]])
        else:
            where = self.origins.get(rule.from_field, self.table.where(self.row.number))
            raw = str(self.fields.get(rule.from_field, ""))
        made = (
            raw if is_id(rule.prefix + raw) and not rule.prefix else slug(raw, prefix=rule.prefix)
        )
        if made and is_id(made):
            return made
        message = f"{where.describe()}: " + (
            f"'{raw}' makes no id" if raw else "the row has no value to make its id from"
        )
        hint = "an id needs at least one letter or digit: fill the cell, or leave the row out"
        return import_finding("import-bad-id", where, message, hint)


_UNMAPPED = object()


def _lookup(values: dict[str, str | None], text: str) -> Any:
    """The value a cell maps to: exactly, else ignoring case and runs of spaces."""
    if text in values:
        return values[text]
    folded = " ".join(text.split()).casefold()
    for cell, value in values.items():
        if " ".join(cell.split()).casefold() == folded:
            return value
    return _UNMAPPED


def _nested(flat: dict[str, Any]) -> dict[str, Any]:
    """`{"lifecycle.stage": "live"}` -> `{"lifecycle": {"stage": "live"}}`."""
    out: dict[str, Any] = {}
    for path, value in flat.items():
        *parents, last = path.split(".")
        target = out
        for part in parents:
            target = target.setdefault(part, {})
        target[last] = value
    return out
