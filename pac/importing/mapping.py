"""The mapping file: how a table's columns become an entity's fields. Read with pac's
strict YAML reader; every problem is a finding at its line in the mapping file, and a
mapping with one is not used. The format, by example:

    kind: product                   # optional: the kind --kind must name
    source: {delimiter: ";", encoding: cp1252, sheet: Applications}   # all optional
    id: {column: Number}            # or {from: name} (the default); prefix: "team-"
    fields:
      name: Name                    # a column
      kind: {value: application}    # a constant
      lifecycle.stage: {column: Status, values: {Production: live, Retired: retired}}
      lifecycle.since: {column: Live since, date: dd/mm/yyyy}
      owner: {column: Team, slug: true, prefix: team-}
      tags: [{column: Tier, values: {Tier 1: tier-1, Tier 2: ~}}, {column: Labels, split: ","}]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pac import yaml
from pac.findings import Finding
from pac.importing.dates import ISO, date_format_problem
from pac.importing.entities import Where, import_finding
from pac.importing.fields import ANY, DATE, LIST, TEXT, TYPES, field_names, field_type
from pac.importing.table import Options
from pac.suggest import did_you_mean

TOP = ("kind", "source", "id", "fields")
SOURCE = ("encoding", "delimiter", "sheet")
ID = ("column", "from", "prefix")
SPEC = ("column", "value", "values", "split", "date", "slug", "prefix", "type")

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Source:
    """One column (or a constant) that fills a field, and how a cell becomes its value."""

    at: Path  # where it is in the mapping file
    column: str | None = None
    value: Any = None  # the constant, when there is no column
    values: dict[str, str | None] | None = None  # cell -> value; None drops the cell
    split: str | None = None  # a list field: the separator between a cell's items
    date: str = ISO
    slug: bool = False  # make the value an id: "Claims Team" -> "claims-team"
    prefix: str = ""  # put before a slug


@dataclass(frozen=True)
class FieldMap:
    path: str  # dotted: lifecycle.stage
    type: str  # fields.TEXT, NUMBER, DATE, BOOL or LIST
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class IdRule:
    at: Path
    column: str | None = None  # the id from this column, made a valid id
    from_field: str = "name"  # else from this mapped field's value
    prefix: str = ""


@dataclass(frozen=True)
class Mapping:
    file: str
    kind: str
    options: Options
    id: IdRule
    fields: tuple[FieldMap, ...]
    places: dict[Path, yaml.Place]

    def where(self, at: Path, label: str = "") -> Where:
        """A place in the mapping file, by its path there."""
        place = self.places.get((*at, "column")) or self.places.get(at)
        line, column = (place[2], place[3]) if place else (1, 1)
        return Where(self.file, line, column, label, unit="line", label_kind="field")


def read_mapping(text: str, *, file: str, kind: str) -> tuple[Mapping | None, list[Finding]]:
    """The mapping in `text` (the file `file`) for entities of `kind`; None with findings
    when it cannot be used."""
    parsed = yaml.parse(text)
    if parsed.data is None or parsed.problems:
        return None, [_yaml_finding(file, p) for p in parsed.problems]
    checker = _Checker(kind)
    top = checker.keys(parsed.data, (), TOP)
    if not checker.kind_matches(top):
        return None, _located(file, text, checker)
    options = checker.options(top.get("source", {}))
    fields = checker.fields(top.get("fields"))
    rule = checker.id_rule(top.get("id", {}), {f.path for f in fields})
    places = _places(text, checker)
    mapping = Mapping(file, kind, options, rule, tuple(fields), places)
    findings = _located(file, text, checker, places)
    return (None if findings else mapping), findings


def _places(text: str, checker: _Checker) -> dict[Path, yaml.Place]:
    wanted = {p for p, _, _ in checker.problems} | checker.sources
    return yaml.locate(text, {p[:i] for p in wanted for i in range(len(p) + 1)})


def _located(
    file: str, text: str, checker: _Checker, places: dict[Path, yaml.Place] | None = None
) -> list[Finding]:
    found = _places(text, checker) if places is None else places
    return [_finding(file, found, path, message, hint) for path, message, hint in checker.problems]


def _yaml_finding(file: str, problem: yaml.Problem) -> Finding:
    where = Where(file, problem.line, problem.column, unit="line")
    return import_finding(
        "import-bad-mapping", where, f"{where.describe()}: {problem.message}", problem.hint
    )


def _finding(
    file: str, places: dict[Path, yaml.Place], path: Path, message: str, hint: str
) -> Finding:
    """A problem at the key it is about (or the nearest one there is)."""
    place = places.get(path)
    while place is None and path:
        path = path[:-1]
        place = places.get(path)
    line, column = (place[0], place[1]) if place else (1, 1)
    where = Where(file, line, column, unit="line")
    return import_finding("import-bad-mapping", where, f"{where.describe()}: {message}", hint)


class _Checker:
    """Reads the mapping's parts, noting each problem with its path in the file."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.problems: list[tuple[Path, str, str]] = []
        self.sources: set[Path] = set()

    def problem(self, path: Path, message: str, hint: str = "") -> None:
        self.problems.append((path, message, hint))

    def keys(self, value: Any, path: Path, allowed: tuple[str, ...]) -> dict[str, Any]:
        """`value` as a mapping; each key that is not `allowed` is a problem."""
        if not isinstance(value, dict):
            self.problem(path, "must be a mapping of key: value", f"keys: {', '.join(allowed)}")
            return {}
        for key in value:
            if key not in allowed:
                hint = did_you_mean(str(key), allowed) or f"use keys: {', '.join(allowed)}"
                self.problem((*path, key), f"unknown key '{key}'", hint)
        return value

    def kind_matches(self, top: dict[str, Any]) -> bool:
        declared = top.get("kind", self.kind)
        if declared != self.kind:
            self.problem(
                ("kind",),
                f"the mapping is for {declared} entities, not {self.kind}",
                f"give --kind {declared}, or use a mapping for {self.kind} entities",
            )
        return bool(declared == self.kind)

    def text(self, body: dict[str, Any], path: Path, key: str) -> str | None:
        value = body.get(key)
        if value is not None and (not isinstance(value, str) or not value):
            self.problem((*path, key), f"{key} must be text", 'write it in quotes, such as ";"')
            return None
        return value

    def options(self, value: Any) -> Options:
        source = self.keys(value, ("source",), SOURCE)
        found = {key: self.text(source, ("source",), key) for key in SOURCE}
        delimiter = found["delimiter"]
        if delimiter is not None and len(delimiter) != 1:
            self.problem(("source", "delimiter"), "a delimiter is one character", 'such as ";"')
        return Options(found["encoding"], delimiter, found["sheet"])

    def id_rule(self, value: Any, mapped: set[str]) -> IdRule:
        spec = self.keys(value, ("id",), ID)
        column, origin = self.text(spec, ("id",), "column"), self.text(spec, ("id",), "from")
        if column and origin:
            self.problem(("id",), "give the id's column or the field it is made from, not both")
        if not column and (origin or "name") not in mapped:
            self.problem(
                ("id",) if value else ("fields",),
                f"the id is made from the field '{origin or 'name'}', which is not mapped",
                "map that field, or take the id from a column: id: {column: ...}",
            )
        self.sources.add(("id",))
        return IdRule(("id",), column, origin or "name", self.text(spec, ("id",), "prefix") or "")

    def fields(self, value: Any) -> list[FieldMap]:
        if not isinstance(value, dict) or not value:
            self.problem(("fields",), "no field is mapped", "add fields: with at least name:")
            return []
        out = []
        for path, spec in value.items():
            kind = field_type(self.kind, path)
            if kind is None:
                self.unknown_field(path)
            else:
                out.append(self.field(path, kind, spec))
        return out

    def unknown_field(self, path: str) -> None:
        name, names = path.rpartition(".")[2], field_names(self.kind, path)
        if name in names:
            self.problem(
                ("fields", path),
                f"'{path}' holds records or fields of its own, which one column cannot fill",
                "map its fields one by one (lifecycle.stage); lists of records (KPIs, "
                "members) are not imported from a table",
            )
            return
        hint = did_you_mean(name, names)
        self.problem(
            ("fields", path),
            f"'{path}' is not a field of a {self.kind} that a column can fill",
            hint
            or "map a field of the format (see its reference), a nested field as "
            "lifecycle.stage, your own as extensions.name; lists of records are not mapped",
        )

    def field(self, path: str, kind: str, spec: Any) -> FieldMap:
        at: Path = ("fields", path)
        if isinstance(spec, list) and kind != LIST:
            self.problem(at, f"{path} holds one value: map one column to it")
        specs = spec if isinstance(spec, list) and spec else [spec]
        if isinstance(spec, dict) and "type" in spec:
            kind = self.declared_type(at, kind, spec["type"])
        kind = TEXT if kind == ANY else kind
        many = isinstance(spec, list)
        sources = [self.source((*at, i) if many else at, kind, s) for i, s in enumerate(specs)]
        return FieldMap(path, kind, tuple(sources))

    def declared_type(self, at: Path, kind: str, given: Any) -> str:
        if kind != ANY:
            self.problem((*at, "type"), f"this is a {kind} field, which type: cannot change")
        elif given not in TYPES:
            self.problem(
                (*at, "type"), f"unknown type '{given}'", f"use one of: {', '.join(TYPES)}"
            )
        else:
            return str(given)
        return kind

    def source(self, at: Path, kind: str, spec: Any) -> Source:
        self.sources.add(at)
        if isinstance(spec, str) and spec:
            return Source(at, column=spec)
        body = self.keys(spec, at, SPEC)
        if body and ("column" in body) == ("value" in body):
            self.problem(
                at,
                "give column: or value:",
                "column: a column of the table; value: the same value for every row",
            )
        return Source(
            at,
            column=self.text(body, at, "column"),
            value=body.get("value"),
            values=self.values(at, body.get("values")),
            split=self.text(body, at, "split"),
            date=self.date(at, kind, body),
            slug=self.flag(at, body, "slug"),
            prefix=self.text(body, at, "prefix") or "",
        )

    def values(self, at: Path, value: Any) -> dict[str, str | None] | None:
        if value is None:
            return None
        if not isinstance(value, dict) or not value:
            self.problem(
                (*at, "values"), "values maps cells to values", "values: {Production: live}"
            )
            return None
        out: dict[str, str | None] = {}
        for cell, to in value.items():
            if isinstance(to, dict | list):
                self.problem((*at, "values", cell), "a cell maps to one value, or ~ to none")
            out[str(cell)] = (
                None if to is None else str(to).lower() if isinstance(to, bool) else str(to)
            )
        return out

    def flag(self, at: Path, body: dict[str, Any], key: str) -> bool:
        value = body.get(key, False)
        if not isinstance(value, bool):
            self.problem((*at, key), f"{key} is true or false")
            return False
        return value

    def date(self, at: Path, kind: str, body: dict[str, Any]) -> str:
        given = self.text(body, at, "date")
        if given is None:
            return ISO
        if kind != DATE:
            self.problem((*at, "date"), "date: is for date fields", "remove it")
        problem = date_format_problem(given)
        if problem:
            self.problem((*at, "date"), problem, "such as dd/mm/yyyy, mm/dd/yyyy or yyyy-mm-dd")
        return given
