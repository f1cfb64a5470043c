"""The fields of two versions of one entity, compared: lists of ids compare as sets; KPIs,
allocations and other lists of records are matched by their natural key (a KPI's name, an
allocation's product).
"""

from __future__ import annotations

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
}


@dataclass(frozen=True)
class FieldChange:
    """One field's change. For a set-like list, `old` holds what went and `new` what came."""

    path: FieldPath
    old: Any
    new: Any
    kind: str = "value"  # "value" or "set"


def diff_values(path: FieldPath, old: Any, new: Any) -> Iterator[FieldChange]:
    """The changes from `old` to `new`, recursively, each with its field path."""
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            yield from diff_values(_join(path, key), old.get(key), new.get(key))
        return
    if isinstance(old, list | None) and isinstance(new, list | None) and (old or new):
        items = [*(old or []), *(new or [])]
        leaf = path.rpartition(".")[2]
        if (
            leaf in KEYS
            and all(isinstance(i, dict) for i in items)
            and (_unique(old or [], KEYS[leaf]) and _unique(new or [], KEYS[leaf]))
        ):
            yield from _diff_keyed(path, KEYS[leaf], old or [], new or [])
            return
        if all(isinstance(i, str | int | float | Decimal) for i in items):
            gone = sorted(set(old or []) - set(new or []), key=str)
            came = sorted(set(new or []) - set(old or []), key=str)
            if gone or came:
                yield FieldChange(path, gone, came, "set")
            return
    yield FieldChange(path, old, new)


def _unique(items: list[dict[str, Any]], key: str) -> bool:
    """Records can be matched by key only if no two share one (two PostgreSQL entries of
    different versions are compared as a whole list instead)."""
    keys = [str(item.get(key)) for item in items]
    return len(keys) == len(set(keys))


def _diff_keyed(
    path: FieldPath, key: str, old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> Iterator[FieldChange]:
    before = {str(item.get(key)): item for item in old}
    after = {str(item.get(key)): item for item in new}
    for name in sorted(set(before) | set(after)):
        yield from diff_values(f"{path}[{name}]", before.get(name), after.get(name))


def _join(path: FieldPath, key: str) -> FieldPath:
    return f"{path}.{key}" if path else key
