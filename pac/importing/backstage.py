"""`pac import backstage`'s reader: a Backstage catalog becomes pac teams, capabilities and
products (`Imported`, for the shared pipeline), with a finding for everything it leaves
out and why, so that every entity of the catalog is accounted for.

The files are read by backstage_files.py, refs resolved by backstage_mapping.py, teams
and capabilities mapped by backstage_org.py, products by backstage_products.py. Here each
entity gets its id (pac_id: two entities that make the same id are both reported, and
neither is imported), and the kinds pac has no counterpart for are reported as left out.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pac.findings import Finding, Severity
from pac.importing.backstage_catalog import Descriptor
from pac.importing.backstage_files import read_catalog
from pac.importing.backstage_mapping import Mapper, Options
from pac.importing.backstage_org import map_capabilities, map_teams
from pac.importing.backstage_pac import pac_kind, pac_value
from pac.importing.backstage_products import map_products
from pac.importing.backstage_refs import ID_LENGTH, pac_id
from pac.importing.backstage_restore import map_organisation, restore
from pac.importing.entities import KINDS, SETTINGS, Imported
from pac.importing.run import Reading
from pac.load.layout import FOLDER_OF, SETTINGS_FILES, is_read
from pac.model.base import ID_PATTERN

ID = re.compile(ID_PATTERN)
MAPPED = ("group", "user", "domain", "system", "component", "api", "resource")


@dataclass(frozen=True)
class BackstageImport:
    """What a catalog gives: the entities to import, the findings that belong to no entity
    the pipeline writes, what became of each entity of the catalog, and the files read."""

    items: list[Imported]
    findings: list[Finding]
    outcomes: dict[str, str]  # entity ref -> `product:x`, `part of product:x`, `left out`...
    files: int


def read_backstage(
    paths: list[Path], *, options: Options, known: Mapping[str, set[str]]
) -> BackstageImport:
    """Read the catalog under `paths` and map it into the portfolio whose ids, by pac kind,
    are `known` (refs to them resolve); raises PacError only when a PATH cannot be read."""
    catalog = read_catalog(paths)
    mapper = Mapper(catalog, options, known)
    _assign_ids(mapper)
    items = [*map_teams(mapper), *map_capabilities(mapper), *map_products(mapper)]
    items = [*restore(mapper, items), *map_organisation(mapper)]
    for descriptor in catalog.descriptors:
        if descriptor.ref.kind not in MAPPED:
            mapper.leave_out(descriptor, f"is of kind {descriptor.kind}: pac has no counterpart")
    items.sort(key=lambda i: (i.kind, i.id))
    outcomes = {str(ref): outcome for ref, outcome in sorted(mapper.outcomes.items())}
    outcomes.update((ref, "not imported") for ref in catalog.rejected)
    return BackstageImport(items, [*catalog.findings, *mapper.findings], outcomes, catalog.files)


def backstage_reading(paths: list[Path], *, options: Options, into: Path) -> Reading:
    """The reader half of `pac import backstage`, for the shared pipeline (run.py): refs
    resolve against the ids of the portfolio in `into` too."""
    read = read_backstage(paths, options=options, known=portfolio_ids(into))
    unread = sum(1 for outcome in read.outcomes.values() if outcome == "not imported")
    unread -= sum(1 for item in read.items if item.problems)  # those count as items
    return Reading(read.items, read.findings, unread)


def portfolio_ids(folder: Path) -> dict[str, set[str]]:
    """The ids of the portfolio's entities, by kind: the names of its files, as `pac
    validate` knows them (without reading them: a ref only needs the id to exist), and
    `portfolio` when it has a portfolio.yaml (which an import then never writes)."""
    ids: dict[str, set[str]] = {SETTINGS: set()}
    for kind in KINDS:
        try:
            names = os.listdir(folder / FOLDER_OF[kind])
        except OSError:
            names = []
        ids[kind] = {n.rsplit(".", 1)[0] for n in names if is_read(n)}
    if any((folder / name).exists() or (folder / name).is_symlink() for name in SETTINGS_FILES):
        ids[SETTINGS].add(SETTINGS)
    return ids


def _assign_ids(mapper: Mapper) -> None:
    """Give each entity that becomes a team, capability or product its id; report those
    that make an id another makes too."""
    claims: dict[tuple[str, str], list[Descriptor]] = {}
    for descriptor in mapper.catalog.descriptors:
        kind = _pac_kind(mapper, descriptor)
        if kind is not None:
            claims.setdefault((kind, _id(descriptor)), []).append(descriptor)
    for (kind, entity_id), claimants in claims.items():
        if len(claimants) == 1:
            mapper.ids[claimants[0].ref] = (kind, entity_id)
            continue
        for descriptor in claimants:
            others = ", ".join(
                f"{o.ref} ({o.file}, line {mapper.at(o, 'metadata', 'name').line})"
                for o in claimants
                if o is not descriptor
            )
            where = mapper.at(descriptor, "metadata", "name")
            message = f"{descriptor.ref} makes the {kind} id '{entity_id}', as {others} does"
            hint = "rename one of them in the catalog: neither is imported"
            mapper.note(
                descriptor, "import-backstage-id-collision", where, message, hint, Severity.ERROR
            )
            mapper.outcomes[descriptor.ref] = "not imported"


def _id(descriptor: Descriptor) -> str:
    """The id an entity pac exported says it had (`pac.dev/id`), else its name's."""
    written = pac_value(descriptor.data, "id")
    if written is not None and ID.fullmatch(written) and len(written) <= ID_LENGTH:
        return written
    return pac_id(descriptor.ref)


def _pac_kind(mapper: Mapper, descriptor: Descriptor) -> str | None:
    """The kind of pac entity a Backstage entity becomes, if it becomes one of its own."""
    kind = descriptor.ref.kind
    options = mapper.options
    if kind == "domain":
        return "capability"
    if kind == "group" and pac_kind(descriptor.data) in ("team", "portfolio"):
        # the organisation's Group pac wrote gives objectives (backstage_restore.py)
        return "team" if pac_kind(descriptor.data) == "team" else None
    if kind == "group":
        group_type = descriptor.spec.get("type")
        if group_type in options.team_types:
            return "team"
        types = ", ".join(options.team_types)
        mapper.leave_out(
            descriptor,
            f"is a Group of type {group_type}: only Groups of the types {types} become teams",
            "add its type with --team-types to import it as a team",
        )
        return None
    if kind != options.products_from:
        return None
    if kind == "component" and "subcomponentOf" in descriptor.spec:
        path = ("spec", "subcomponentOf")
        parent = mapper.resolve(descriptor, path, "component", Severity.WARNING)
        if isinstance(parent, Descriptor) and parent.ref.kind == "component":
            return None  # a part of its parent's product
    return "product"
