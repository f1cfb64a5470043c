"""pac.importing.mapping: the mapping file, with findings at its lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO

from pac.importing.mapping import read_mapping

EXAMPLES = sorted((REPO / "examples" / "import").glob("*.yaml"))


def problems(text: str, kind: str = "product") -> list[str]:
    mapping, findings = read_mapping(text, file="m.yaml", kind=kind)
    assert mapping is None or not findings
    return [f"{f.line}:{f.column} {f.message} | {f.hint}" for f in findings]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_shipped_mappings_are_valid(path: Path) -> None:
    kind = "team" if "team" in path.name else "product"
    mapping, findings = read_mapping(path.read_text(), file=path.name, kind=kind)
    assert findings == []
    assert mapping is not None and mapping.fields[0].path == "name"


def test_a_mapping_read_whole() -> None:
    mapping, _ = read_mapping(
        "source: {delimiter: ';'}\n"
        "id: {column: Number, prefix: app}\n"
        "fields:\n"
        "  name: Name\n"
        "  lifecycle.since: {column: Since, date: dd/mm/yyyy}\n"
        "  tags: [{column: Tier, values: {Tier 1: tier-1, Tier 3: ~}}, {column: L, split: ','}]\n",
        file="m.yaml", kind="product")
    assert mapping is not None
    assert mapping.options.delimiter == ";"
    assert (mapping.id.column, mapping.id.prefix) == ("Number", "app")
    since, tags = mapping.fields[1], mapping.fields[2]
    assert (since.type, since.sources[0].date) == ("date", "dd/mm/yyyy")
    assert tags.sources[0].values == {"Tier 1": "tier-1", "Tier 3": None}
    assert tags.sources[1].split == ","
    assert mapping.where(tags.sources[1].at).line == 6


def test_problems_name_their_line() -> None:
    assert problems(
        "kind: product\n"
        "idd: {column: X}\n"
        "fields:\n"
        "  name: Name\n"
        "  lifecycle.stag: Stage\n"
        "  kpis: KPIs\n"
        "  owner: {column: Team, slugg: true}\n"
        "  lifecycle.since: {column: Since, date: dd/mm}\n"
        "  summary: {column: S, value: x}\n"
        "  tags: [{column: A}, {column: B, split: 3}]\n"
        "  extensions.tier: {column: Tier, type: money}\n"
    ) == [
        "2:1 line 2: unknown key 'idd' | did you mean 'id'?",
        "5:3 line 5: 'lifecycle.stag' is not a field of a product that a column can fill | "
        "did you mean 'stage'?",
        "6:3 line 6: 'kpis' holds records or fields of its own, which one column cannot fill "
        "| map its fields one by one (lifecycle.stage); lists of records (KPIs, members) are "
        "not imported from a table",
        "7:25 line 7: unknown key 'slugg' | did you mean 'slug'?",
        "8:36 line 8: 'dd/mm' is not a date format: it needs one each of yyyy (or yy), mm and "
        "dd | such as dd/mm/yyyy, mm/dd/yyyy or yyyy-mm-dd",
        "9:3 line 9: give column: or value: | column: a column of the table; value: the same "
        "value for every row",
        "10:35 line 10: split must be text | write it in quotes, such as \";\"",
        "11:35 line 11: unknown type 'money' | use one of: text, number, date, bool, list",
    ]


def test_the_kind_the_id_and_the_yaml() -> None:
    assert problems("kind: team\nfields: {name: N}\n") == [
        "1:1 line 1: the mapping is for team entities, not product | give --kind team, or "
        "use a mapping for product entities"]
    assert problems("fields: {summary: S}\n") == [
        "1:1 line 1: the id is made from the field 'name', which is not mapped | map that "
        "field, or take the id from a column: id: {column: ...}"]
    assert problems("fields: {name: N, name: M}\n")[0].startswith("1:19 line 1: duplicate key")
    assert problems("fields: [name\n")[0].startswith("2:1 line 2: while parsing a flow")
