"""The fields of two versions of one entity, compared leaf by leaf: nested fields by their
path (`lifecycle.stage`), lists of ids as sets, and lists of records by their natural key (a
KPI's name, an allocation's product, a roadmap theme's sentence) or, without one, by
position. No change holds a mapping, so no report has to show one whole.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

FieldPath = str

# lists of records and the field that identifies a record
KEYS = {
    "kpis": "name",
    "key_results": "name",
    "allocations": "product",
    "customers": "segment",
    "technology": "name",
    "stakeholders": "name",
    "members": "name",
    "roadmap": "quarter",
    "themes": "theme",
    "levels": "name",
}
# lists whose records may be written as their key alone (a theme as its sentence), and what
# a snapshot leaves out of their records at its default: two versions of a record compare
# with it filled in, so that marking a theme done reads `status: planned → done`
SHORTHANDS: dict[str, dict[str, Any]] = {"themes": {"status": "planned"}}
SCALAR = str | int | float | Decimal | datetime.date
_SCALARS = (str, int, float, Decimal, datetime.date)  # SCALAR for isinstance, as mypy 1.10 reads it
Leaves = dict[FieldPath, Any]  # a path under a record -> a value, or a list of values


@dataclass(frozen=True)
class FieldChange:
    """One leaf's change, so that no change holds a mapping that would be shown whole:

    - "value": `old` and `new` are single values (None: not set);
    - "set": a list of values compared as a set: `old` holds what went, `new` what came;
    - "added" or "removed": a record of a list (`kpis[Uptime]`, or `technology[1]` where
      the records have no key of their own), with what it holds (its key aside) as
      `Leaves` in `new` or `old`: `{"target": 99, "unit": "%"}`.
    """

    path: FieldPath
    old: Any
    new: Any
    kind: str = "value"


def diff_values(path: FieldPath, old: Any, new: Any) -> Iterator[FieldChange]:
    """The changes from `old` to `new`, recursively, each with its field path. A value that
    changes shape (a value that becomes a mapping, a mapping that becomes a list) is the
    old one gone and the new one come."""
    if old == new:
        return
    was, now = _shape(old), _shape(new)
    if was and now and was is not now:
        yield from diff_values(path, old, None)
        yield from diff_values(path, None, new)
    elif dict in (was, now):
        before, after = old or {}, new or {}
        for key in sorted(before.keys() | after.keys(), key=str):
            yield from diff_values(_join(path, key), before.get(key), after.get(key))
    elif list in (was, now) and _all_scalar([*(old or []), *(new or [])]):
        gone = sorted(set(old or []) - set(new or []), key=str)
        came = sorted(set(new or []) - set(old or []), key=str)
        if gone or came:
            yield FieldChange(path, gone, came, "set")
    elif list in (was, now):
        yield from _diff_records(path, old or [], new or [])
    else:  # single values
        yield FieldChange(path, old, new)


def leaves(value: Any, path: FieldPath = "", *, without: str | None = None) -> Leaves:
    """What a value holds, leaf by leaf and sorted: `{"checks": ["funded"], "contact.chat":
    "#claims"}`; `without` leaves out the field that names a record."""
    if isinstance(value, dict):
        out: Leaves = {}
        for key in sorted(value, key=str):
            if key != without:
                out.update(leaves(value[key], _join(path, key)))
        return out
    if isinstance(value, list) and _all_scalar(value):
        return {path: list(value)} if value else {}
    if isinstance(value, list):
        value = _expand(path, value)
        key = _key_of(path, value, value)
        records = _records(value, key)
        return {
            leaf: v
            for name in _in_order(records, key)
            for leaf, v in leaves(records[name], f"{path}[{name}]").items()
        }
    return {} if value is None else {path: value}


def _shape(value: Any) -> type | None:
    """dict, list, or object for a single value; None for nothing at all."""
    if value is None:
        return None
    return dict if isinstance(value, dict) else list if isinstance(value, list) else object


def _all_scalar(items: list[Any]) -> bool:
    return all(isinstance(item, _SCALARS) for item in items)


def _diff_records(path: FieldPath, old: list[Any], new: list[Any]) -> Iterator[FieldChange]:
    """Records matched by their key where the list has one, else by position."""
    old, new = _expand(path, old), _expand(path, new)
    key = _key_of(path, old, new)
    before, after = _records(old, key), _records(new, key)
    for name in _in_order({**before, **after}, key):
        was, now, where = before.get(name), after.get(name), f"{path}[{name}]"
        if isinstance(was, dict) and name not in after:
            yield FieldChange(where, leaves(was, without=key), None, "removed")
        elif isinstance(now, dict) and name not in before:
            yield FieldChange(where, None, leaves(now, without=key), "added")
        else:
            yield from diff_values(where, _filled(path, was), _filled(path, now))


def _expand(path: FieldPath, items: list[Any]) -> list[Any]:
    """A list whose records may be their key alone, each value as the record it stands for
    (`Apple Pay` as `{theme: Apple Pay}`); any other list as it is."""
    field = _field(path)
    if field not in SHORTHANDS:
        return items
    return [{KEYS[field]: item} if isinstance(item, _SCALARS) else item for item in items]


def _filled(path: FieldPath, record: Any) -> Any:
    """A record of the list at `path`, with the defaults it leaves out filled in when the
    list is in SHORTHANDS."""
    defaults = SHORTHANDS.get(_field(path))
    return {**defaults, **record} if defaults and isinstance(record, dict) else record


def _field(path: FieldPath) -> str:
    """The last field of a path: `themes` of `roadmap[2027-Q1].themes`."""
    return path.rpartition(".")[2]


def _key_of(path: FieldPath, old: list[Any], new: list[Any]) -> str | None:
    """The field that identifies the list's records, if each record on either side has its
    own: two PostgreSQL entries of different versions are matched by position instead."""
    key = KEYS.get(_field(path))
    return key if key and _unique(old, key) and _unique(new, key) else None


def _unique(items: list[Any], key: str) -> bool:
    names = [item.get(key) if isinstance(item, dict) else None for item in items]
    return _all_scalar(names) and len({str(n) for n in names}) == len(names)


def _records(items: list[Any], key: str | None) -> dict[str, Any]:
    """Each record by its key, else by its position."""
    if key:
        return {str(item[key]): item for item in items}
    return {str(i): item for i, item in enumerate(items)}


def _in_order(records: dict[str, Any], key: str | None) -> list[str]:
    """Records by key, or by position."""
    return sorted(records, key=str if key else int)


def _join(path: FieldPath, key: object) -> FieldPath:
    return f"{path}.{key}" if path else str(key)
