"""Semantic diff: what a change does to the portfolio, not to the text of its files.

Entities are matched by id (a new entity whose `previous_ids` names a vanished one is a
rename); their fields are compared by fields.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pac.changes.fields import FieldChange, diff_values

if TYPE_CHECKING:
    from pydantic import BaseModel


@dataclass(frozen=True)
class EntityChange:
    """What happened to one entity."""

    kind: str  # product, team, capability, objective, funding or portfolio
    id: str
    status: str  # added, removed, renamed or changed
    name: str
    old_id: str | None = None
    changes: tuple[FieldChange, ...] = ()

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.id}"


def snapshot(entity: BaseModel) -> dict[str, Any]:
    """An entity as plain data, without the defaults it did not set: numbers stay exact
    Decimals and dates stay dates (JSON mode would write a Decimal as text)."""
    return entity.model_dump(exclude_defaults=True)


def diff_kind(
    kind: str, old: Mapping[str, dict[str, Any]], new: Mapping[str, dict[str, Any]]
) -> list[EntityChange]:
    """Every change between two versions of one kind of entity, sorted by id."""
    renamed = _renames(old, new)
    if kind == "product" and renamed:
        moved = {source: target for target, source in renamed.items()}
        old = {k: _follow(v, moved) for k, v in old.items()}
    changes = []
    for entity_id in sorted(set(old) | set(new)):
        before, after = old.get(entity_id), new.get(entity_id)
        if after is not None and before is None and entity_id in renamed:
            source = renamed[entity_id]
            changes.append(
                EntityChange(
                    kind,
                    entity_id,
                    "renamed",
                    _name(after),
                    source,
                    tuple(diff_values("", _without_ids(old[source]), _without_ids(after))),
                )
            )
        elif after is not None and before is None:
            changes.append(EntityChange(kind, entity_id, "added", _name(after)))
        elif before is not None and after is None:
            if entity_id not in renamed.values():
                changes.append(EntityChange(kind, entity_id, "removed", _name(before)))
        elif before is not None and after is not None and before != after:
            fields = tuple(diff_values("", before, after))
            if fields:
                changes.append(
                    EntityChange(kind, entity_id, "changed", _name(after), changes=fields)
                )
    return changes


KIND_ORDER = ("product", "team", "capability", "objective", "funding", "portfolio")


def diff_portfolio(
    old: Mapping[str, Mapping[str, dict[str, Any]]], new: Mapping[str, Mapping[str, dict[str, Any]]]
) -> list[EntityChange]:
    """Every change between two versions, kind by kind (the given kinds only). Products go
    first, so that their renames can be followed in the funding that names them."""
    changes = diff_kind("product", old.get("product", {}), new.get("product", {}))
    renamed = {c.old_id: c.id for c in changes if c.status == "renamed" and c.old_id}
    for kind in KIND_ORDER[1:]:
        if kind in old or kind in new:
            before = {k: follow_renames(v, renamed) for k, v in old.get(kind, {}).items()}
            changes += diff_kind(kind, before, new.get(kind, {}))
    return changes


def follow_renames(data: dict[str, Any], renamed: dict[str, str]) -> dict[str, Any]:
    """Point an old version's allocations at renamed products' new ids, so that a rename is
    not also reported as every allocation to it changing."""
    allocations = data.get("allocations")
    if not renamed or not isinstance(allocations, list):
        return data
    moved = [
        {**a, "product": renamed[a["product"]]}
        if isinstance(a, dict) and a.get("product") in renamed
        else a
        for a in allocations
    ]
    return {**data, "allocations": moved}


def _renames(
    old: Mapping[str, dict[str, Any]], new: Mapping[str, dict[str, Any]]
) -> dict[str, str]:
    """New id -> the old id it replaces, for entities that name a vanished id as previous."""
    out = {}
    for entity_id, data in new.items():
        if entity_id in old:
            continue
        previous_ids = data.get("previous_ids")
        for previous in previous_ids if isinstance(previous_ids, list) else []:
            if isinstance(previous, str) and previous in old and previous not in new:
                out[entity_id] = previous
                break
    return out


def _follow(data: dict[str, Any], moved: dict[str, str]) -> dict[str, Any]:
    """A product's dependencies on renamed products, under their new ids."""
    depends_on = data.get("depends_on")
    if not isinstance(depends_on, list) or not depends_on:
        return data
    return {
        **data,
        "depends_on": [moved.get(d, d) if isinstance(d, str) else d for d in depends_on],
    }


def _without_ids(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in ("id", "previous_ids")}


def _name(data: dict[str, Any]) -> str:
    return str(data.get("name") or data.get("period") or data.get("id") or "")


@dataclass(frozen=True)
class Totals:
    """A funding period's envelope and allocations on one side of a diff."""

    envelope: Decimal
    run: Decimal
    change: Decimal

    @property
    def allocated(self) -> Decimal:
        return self.run + self.change


@dataclass(frozen=True)
class PeriodDelta:
    period: str
    before: Totals | None
    after: Totals | None


@dataclass
class Changes:
    """Everything a diff found, before it is worded for people."""

    entities: list[EntityChange] = field(default_factory=list)
    funding: list[PeriodDelta] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for e in self.entities if e.status == status)
