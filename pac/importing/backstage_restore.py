"""A catalog that `pac export --format backstage` wrote, imported without loss: an entity
that says which pac entity it holds (`pac.dev/entity`) takes each field from pac's
annotations (backstage_pac.py decodes them), and from the Backstage mapping only what the
annotations lack (the owner and parent refs; a stage, should `pac.dev/stage` be gone).
The organisation's Group gives back the objectives; its settings (portfolio.yaml) and
funding periods are reported, not written: an import never changes portfolio.yaml, and
the import pipeline writes no funding files.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import ValidationError

from pac.changes.entities import snapshot
from pac.findings import Severity
from pac.importing.backstage_catalog import Descriptor
from pac.importing.backstage_mapping import Mapper
from pac.importing.backstage_pac import (
    ANNOTATIONS,
    DECODERS,
    Organisation,
    decode_organisation,
    pac_kind,
)
from pac.importing.entities import Imported
from pac.model import MODELS
from pac.render.backstage_entities import annotation

# what the Backstage mapping takes from a field the export fills with another of pac's:
# a System's description is the product's summary
_NOT_NATIVE = {"product": ("description",)}


def restore(mapper: Mapper, items: list[Imported]) -> list[Imported]:
    """The items, those of pac's entities with every field pac's annotations carry."""
    descriptors = {pac: mapper.by_ref[ref] for ref, pac in mapper.ids.items()}
    return [_restored(mapper, descriptors[(i.kind, i.id)], i) for i in items]


def _restored(mapper: Mapper, descriptor: Descriptor, item: Imported) -> Imported:
    if pac_kind(descriptor.data) != item.kind:
        return item
    decoded = DECODERS[item.kind](descriptor.data)
    for path, problem in decoded.problems:
        _warn(mapper, descriptor, path, f"annotation {path[-1]} {problem}")
    left = _NOT_NATIVE.get(item.kind, ())
    native = {k: v for k, v in item.fields.items() if k not in left}
    fields = normal(item.kind, item.id, {**native, **decoded.fields})
    where = {k: mapper.at(descriptor, *path) for k, path in decoded.origins.items()}
    return dataclasses.replace(item, fields=fields, field_origins={**item.field_origins, **where})


def normal(kind: str, entity_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields as the entity's file holds them (dates as dates, exact numbers, no
    defaults); as they are when they do not fit the format (the plan reports where)."""
    try:
        model = MODELS[kind].model_validate({"id": entity_id, **fields})
    except ValidationError:
        return fields
    return {k: v for k, v in snapshot(model).items() if k != "id"}


def map_organisation(mapper: Mapper) -> list[Imported]:
    """The objectives of each organisation Group pac wrote; its settings and funding
    periods reported (info), with how to restore them."""
    items = []
    for group in mapper.of_kind("group"):
        if pac_kind(group.data) == "portfolio":
            org = decode_organisation(group.data)
            items += _objectives(mapper, group, org)
            _report(mapper, group, org)
    return items


def _objectives(mapper: Mapper, group: Descriptor, org: Organisation) -> list[Imported]:
    for path, problem in org.problems:
        _warn(mapper, group, path, f"annotation {path[-1]} {problem}")
    path = (*ANNOTATIONS, annotation("objective_records"))
    origin = mapper.at(group, *path)
    items = []
    for i, record in enumerate(org.objectives):
        entity_id = record.get("id")
        if not isinstance(entity_id, str):
            _warn(mapper, group, (*path, i), "an objective without an id is left out")
            continue
        fields = normal("objective", entity_id, {k: v for k, v in record.items() if k != "id"})
        items.append(Imported("objective", entity_id, fields, origin))
    named = ", ".join(f"objective:{i.id}" for i in items)
    mapper.outcomes[group.ref] = f"the portfolio: {named}" if named else "the portfolio"
    return items


def _report(mapper: Mapper, group: Descriptor, org: Organisation) -> None:
    if org.settings is not None:
        key = annotation("settings")
        message = (
            f"{group.ref} carries portfolio.yaml's settings ({key}): they are not written, as "
            "an import never changes portfolio.yaml"
        )
        hint = f"to restore them, write the JSON of {key} into portfolio.yaml (JSON is YAML)"
        _info(mapper, group, (*ANNOTATIONS, key), message, hint)
    if org.funding:
        key = annotation("funding_records")
        periods = ", ".join(str(f.get("period")) for f in org.funding)
        message = (
            f"{group.ref} carries {len(org.funding)} funding period(s) ({key}: {periods}): "
            "they are not imported, as an import writes products, teams, capabilities and "
            "objectives only"
        )
        hint = "to restore them, write each record's JSON into funding/<period>.yaml"
        _info(mapper, group, (*ANNOTATIONS, key), message, hint)


def _warn(mapper: Mapper, about: Descriptor, path: tuple[str | int, ...], message: str) -> None:
    where = mapper.at(about, *path)
    mapper.note(about, "import-backstage-value", where, message, "", Severity.WARNING)


def _info(
    mapper: Mapper, about: Descriptor, path: tuple[str | int, ...], message: str, hint: str
) -> None:
    where = mapper.at(about, *path)
    mapper.note(about, "import-backstage-left-out", where, message, hint, Severity.INFO)
