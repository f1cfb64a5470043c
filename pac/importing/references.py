"""The references an imported entity makes (a product's owner team, its capabilities,
objectives and dependencies, a capability's parent, the products a funding period funds),
checked against the portfolio and the import: an entity that names one in neither is not
written, since the portfolio would no longer validate. Entities left out take their ids
with them, so this runs until nothing changes (a product that depends on a product that
names an unknown team goes too)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from pac.findings import Finding
from pac.importing.entities import KINDS, Imported, import_finding
from pac.model.portfolio import Portfolio
from pac.suggest import did_you_mean

# kind -> field -> the kind of entity it names
REFERENCES: dict[str, dict[str, str]] = {
    "product": {
        "owner": "team",
        "capabilities": "capability",
        "objectives": "objective",
        "depends_on": "product",
    },
    "capability": {"parent": "capability"},
    "funding": {"allocations.product": "product"},  # a field of each record in the list
}


def unknown_references(
    items: Sequence[Imported],
    known: Portfolio,
    found: list[Finding],
    *,
    unwritten: Collection[int] = frozenset(),
) -> list[Imported]:
    """The entities whose references all resolve, with a finding for each reference that
    does not. Every entity is checked; those in `unwritten` (by `id()`: they have other
    problems) are never returned and their ids do not count as known."""
    out = {id(item) for item in items if id(item) not in unwritten}
    reported: set[int] = set()
    while True:
        ids = {kind: set(known.known.get(kind, ())) for kind in KINDS}
        for item in items:
            if id(item) in out:
                ids.setdefault(item.kind, set()).add(item.id)
        failed = {id(i): problems for i in items if (problems := _check(i, ids))}
        found += [f for key, problems in failed.items() if key not in reported for f in problems]
        reported |= set(failed)
        if not out & set(failed):
            return [item for item in items if id(item) in out]
        out -= set(failed)


def _check(item: Imported, ids: dict[str, set[str]]) -> list[Finding]:
    out = []
    for field, kind in REFERENCES.get(item.kind, {}).items():
        for name in _named(item.fields, field.split(".")):
            if name not in ids.get(kind, set()):
                out.append(_unknown(item, field, kind, str(name), ids.get(kind, set())))
    return out


def _named(value: Any, path: list[str]) -> list[Any]:
    """The values at a dotted path, through lists: the ids a field names."""
    if isinstance(value, list):
        return [name for v in value for name in _named(v, path)]
    if not path:
        return [value] if value else []
    return _named(value.get(path[0]), path[1:]) if isinstance(value, dict) else []


def _unknown(item: Imported, field: str, kind: str, name: str, candidates: set[str]) -> Finding:
    where = item.where(field)
    hint = did_you_mean(name, candidates) or (
        f"add the {kind} first (pac new {kind} {name}, or import it), or map the value "
        f"to an existing {kind} in the mapping's values"
    )
    return import_finding(
        "import-unknown-reference",
        where,
        f"{where.describe()}: {field} '{name}' is not a {kind} in the portfolio or the import",
        hint,
        entity=f"{item.kind}:{item.id}",
    )
