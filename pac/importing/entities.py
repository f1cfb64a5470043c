"""The contract between the readers of an import (a table, a Backstage catalogue) and the
shared half that plans, writes and reports: an `Imported` entity and where it came from.

A reader gives each entity as plain data, the way its file will hold it: nested mappings
for nested fields (`{"lifecycle": {"stage": "live"}}`), text as `str`, numbers as `int` or
`Decimal` (never a float), dates as `datetime.date`, lists of ids as lists of `str`. Fields
the source has no value for are left out: an update never removes what a file holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pac.findings import Finding, Severity
from pac.load.layout import ID_FIELD

KINDS = ("product", "team", "capability", "objective", "funding")  # what an import can write
SETTINGS = "portfolio"  # portfolio.yaml: written only into a portfolio that has none

# rule id -> what it reports; every import finding is an error: its row is not written
IMPORT_RULES = {
    "import-bad-mapping": "the mapping file cannot be used as it is",
    "import-bad-source": "the source file cannot be read as a table",
    "import-unmapped-value": "a cell's value is not in the mapping's value map",
    "import-bad-date": "a cell is not a date in the mapping's date format",
    "import-bad-number": "a cell is not a number",
    "import-bad-id": "a row's id is missing or not a valid id",
    "import-duplicate-id": "two rows make the same id; neither is written",
    "import-invalid-value": "a value does not fit the portfolio format",
    "import-missing-value": "a row has no value for a required field",
    "import-unknown-reference": "a reference is to no entity of the portfolio or the import",
    "import-file-exists": "the entity's file exists and --update was not given",
    # pac import backstage's: warnings drop a value, info says what the mapping leaves out
    "import-backstage-file": "a catalog file cannot be read, or its YAML is not valid",
    "import-backstage-entity": "a document is not a valid Backstage entity, or one defined twice",
    "import-backstage-location": "a Location target is not followed",
    "import-backstage-location-cycle": "Locations lead back to themselves",
    "import-backstage-reference": "an entity ref names no entity of the catalog or portfolio",
    "import-backstage-id-collision": "two entities make the same pac id; neither is imported",
    "import-backstage-value": "a value that pac cannot take is left out or replaced",
    "import-backstage-left-out": "an entity or file the mapping does not import, and why",
}


@dataclass(frozen=True, slots=True)
class Where:
    """A place in an import's source, as findings show it.

    `file` is the source as the user named it; `line` the row number a spreadsheet shows
    (the header is row 1) or a line of a YAML source; `column` the 1-based column number
    (0 when there is none); `label` the column's name or the source field's path. `unit`
    and `label_kind` are the words for them: "row" and "column", or "line" and "field".
    """

    file: str
    line: int = 0
    column: int = 0
    label: str = ""
    unit: str = "row"
    label_kind: str = "column"

    def describe(self) -> str:
        """`row 7, column 'Status'`: the start of a finding's message."""
        place = f"{self.unit} {self.line}" if self.line else self.file
        return f"{place}, {self.label_kind} '{self.label}'" if self.label else place


@dataclass(frozen=True)
class Imported:
    """One entity an import would write: its kind, id and fields (without `id`), where its
    row or record starts, and where each field came from (dotted field path, such as
    `lifecycle.stage`, to the cell or source field), so that a problem with a field is
    reported at the cell it came from. An entity with `problems` is not written, but its
    id still counts when two rows make the same one."""

    kind: str
    id: str
    fields: dict[str, Any]
    origin: Where
    field_origins: Mapping[str, Where] = field(default_factory=dict)
    problems: tuple[Finding, ...] = ()  # what the reader found wrong: it is not written

    def data(self) -> dict[str, Any]:
        """The entity as its file holds it: the id (`period` for funding, none for
        portfolio.yaml), then the fields."""
        return {**identity(self.kind, self.id), **self.fields}

    def where(self, path: str) -> Where:
        """Where a field (or the nearest of its parents) came from, else the row itself."""
        while path:
            if path in self.field_origins:
                return self.field_origins[path]
            path = path.rpartition(".")[0]
        return self.origin


def identity(kind: str, entity_id: str) -> dict[str, str]:
    """The field that names an entity in its file: `{"id": ...}`, `{"period": ...}`, or
    nothing for portfolio.yaml (its name is the file's)."""
    key = ID_FIELD.get(kind, "id")
    return {key: entity_id} if key else {}


def import_finding(
    rule: str, where: Where, message: str, hint: str = "", *, entity: str = ""
) -> Finding:
    """A finding at a place in the source (`message` should start with
    `where.describe()`, so that it reads on its own in any report)."""
    if rule not in IMPORT_RULES:  # a new rule is declared above, with what it reports
        raise ValueError(f"unknown import rule {rule!r}")
    return Finding(
        rule=rule,
        file=where.file,
        message=message,
        hint=hint,
        entity=entity,
        line=where.line or 1,
        column=where.column or 1,
        severity=Severity.ERROR,
    )
