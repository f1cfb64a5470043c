"""A catalog that `pac export --format backstage` wrote, imported without loss: an entity
that says which pac entity it holds (`pac.dev/entity`) takes each field from pac's
annotations (backstage_pac.py decodes them), and from the Backstage mapping only what the
annotations lack (the owner and parent refs; a stage, should `pac.dev/stage` be gone).
The organisation's Group gives back the objectives, the funding periods and, for a
portfolio that has no portfolio.yaml yet, the settings; an existing portfolio.yaml is never
changed (the settings are then reported, with how to restore them).
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
from pac.importing.entities import SETTINGS, Imported, identity
from pac.model import FILE_MODELS
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
    key = identity(kind, entity_id)
    try:
        model = FILE_MODELS[kind].model_validate({**key, **fields})
    except ValidationError:
        return fields
    return {k: v for k, v in snapshot(model).items() if k not in key}


def map_organisation(mapper: Mapper) -> list[Imported]:
    """The objectives and funding periods of each organisation Group pac wrote, and its
    settings as portfolio.yaml when the portfolio has none (else reported, as info)."""
    items = []
    for group in mapper.of_kind("group"):
        if pac_kind(group.data) == "portfolio":
            org = decode_organisation(group.data)
            for path, problem in org.problems:
                _warn(mapper, group, path, f"annotation {path[-1]} {problem}")
            found = _records(mapper, group, "objective", org.objectives)
            found += _records(mapper, group, "funding", org.funding)
            found += _settings(mapper, group, org)
            named = ", ".join(_name(i) for i in found)
            mapper.outcomes[group.ref] = f"the portfolio: {named}" if named else "the portfolio"
            items += found
    return items


def _name(item: Imported) -> str:
    return "portfolio.yaml" if item.kind == SETTINGS else f"{item.kind}:{item.id}"


# kind -> the annotation that holds its records, and the key of a record's id
_RECORDS = {"objective": ("objective_records", "id"), "funding": ("funding_records", "period")}


def _records(
    mapper: Mapper, group: Descriptor, kind: str, records: list[dict[str, Any]]
) -> list[Imported]:
    name, key = _RECORDS[kind]
    path = (*ANNOTATIONS, annotation(name))
    origin = mapper.at(group, *path)
    items = []
    for i, record in enumerate(records):
        entity_id = record.get(key)
        if not isinstance(entity_id, str):
            _warn(mapper, group, (*path, i), f"a record without its {key} is left out")
            continue
        fields = normal(kind, entity_id, {k: v for k, v in record.items() if k != key})
        items.append(Imported(kind, entity_id, fields, origin))
    return items


def _settings(mapper: Mapper, group: Descriptor, org: Organisation) -> list[Imported]:
    """portfolio.yaml from the settings, for a portfolio that has none; an import never
    changes one that exists."""
    if org.settings is None:
        return []
    key = annotation("settings")
    if SETTINGS not in mapper.known.get(SETTINGS, ()):
        fields = normal(SETTINGS, SETTINGS, org.settings)
        return [Imported(SETTINGS, SETTINGS, fields, mapper.at(group, *ANNOTATIONS, key))]
    message = (
        f"{group.ref} carries portfolio.yaml's settings ({key}): they are not written, as "
        "an import never changes an existing portfolio.yaml"
    )
    hint = f"to restore them, write the JSON of {key} into portfolio.yaml (JSON is YAML)"
    _info(mapper, group, (*ANNOTATIONS, key), message, hint)
    return []


def _warn(mapper: Mapper, about: Descriptor, path: tuple[str | int, ...], message: str) -> None:
    where = mapper.at(about, *path)
    mapper.note(about, "import-backstage-value", where, message, "", Severity.WARNING)


def _info(
    mapper: Mapper, about: Descriptor, path: tuple[str | int, ...], message: str, hint: str
) -> None:
    where = mapper.at(about, *path)
    mapper.note(about, "import-backstage-left-out", where, message, hint, Severity.INFO)
