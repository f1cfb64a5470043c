"""Products: each System becomes one (or each Component, with `products_from` component),
with the entities that belong to it as its parts.

| Backstage                                   | product                                       |
| ------------------------------------------- | --------------------------------------------- |
| metadata.title, else metadata.name          | name                                          |
| metadata.description                        | description                                   |
| spec.type, through kind_map                 | kind (default_kind when not mapped)           |
| spec.lifecycle, through stage_map           | lifecycle.stage: a System's is the most       |
|                                             | advanced of its Components' and APIs' (live   |
|                                             | before build... before sunset, retired)       |
| spec.owner: a team Group                    | owner                                         |
| spec.owner: a User                          | owner: the first team it is a member of       |
| spec.domain (a Component's: its System's)   | capabilities                                  |
| its parts' spec.dependsOn and consumesApis  | depends_on: the products those belong to      |
| its Components, APIs and Resources          | technology: `name (Kind, type)` each          |
| metadata.links, metadata.tags               | links (named by title), tags                  |

The parts of a System are the Components, APIs and Resources whose spec.system names it
(a subcomponent: its parent's System); of a Component, its subcomponents, the APIs it
provides and the Resources it depends on. Whatever belongs to no product is left out,
with the reason.
"""

from __future__ import annotations

from typing import Any

from pac.findings import Finding, Severity
from pac.importing.backstage_catalog import Descriptor
from pac.importing.backstage_mapping import Existing, Mapper
from pac.importing.backstage_pac import pac_value
from pac.importing.backstage_refs import Ref
from pac.importing.entities import Imported
from pac.yaml import Path

# the most advanced stage a part has reached is the product's; ending stages count last
RANK = {"retired": 0, "sunset": 1, "ideation": 2, "discovery": 3, "build": 4, "live": 5}
PART_KINDS = ("component", "api", "resource")
_MAX_NESTING = 32  # subcomponentOf links followed before giving up (a loop, or absurd depth)


def map_products(mapper: Mapper) -> list[Imported]:
    """One product per System (or Component) that has an id."""
    by_system = mapper.options.products_from == "system"
    owner_of = _parts_by_system(mapper) if by_system else _parts_by_component(mapper)
    parts: dict[Ref, list[Descriptor]] = {}
    for part_ref, product_ref in owner_of.items():
        parts.setdefault(product_ref, []).append(mapper.by_ref[part_ref])
    products = [d for d in mapper.of_kind(mapper.options.products_from) if d.ref in mapper.ids]
    items = [_product(mapper, d, parts.get(d.ref, []), owner_of) for d in products]
    for part_ref, product_ref in owner_of.items():
        mapper.outcomes[part_ref] = f"part of product:{mapper.ids[product_ref][1]}"
    return items


def _parts_by_system(mapper: Mapper) -> dict[Ref, Ref]:
    """Each part's System, for the Components, APIs and Resources that have one."""
    owner_of: dict[Ref, Ref] = {}
    for kind in PART_KINDS:
        for part in mapper.of_kind(kind):
            system = _system_of(mapper, part)
            if system is not None and system.ref in mapper.ids:
                owner_of[part.ref] = system.ref
            elif system is None:
                hint = "give it spec.system, or import with --products-from component"
                mapper.leave_out(part, "belongs to no System, so to no product", hint)
            else:
                mapper.leave_out(part, f"belongs to {system.ref}, which is not imported")
    return owner_of


def _system_of(mapper: Mapper, part: Descriptor) -> Descriptor | None:
    """The System a part names, or its parent component's (subcomponentOf)."""
    for _ in range(_MAX_NESTING):
        if "system" in part.spec:
            target = mapper.resolve(part, ("spec", "system"), "system", Severity.WARNING)
            return (
                target if isinstance(target, Descriptor) and target.ref.kind == "system" else None
            )
        parent = _parent(mapper, part)
        if parent is None:
            return None
        part = parent
    return None


def _parent(mapper: Mapper, component: Descriptor) -> Descriptor | None:
    if component.ref.kind != "component" or "subcomponentOf" not in component.spec:
        return None
    target = mapper.lookup(component, component.spec["subcomponentOf"], "component")
    return target if target is not None and target.ref.kind == "component" else None


def _parts_by_component(mapper: Mapper) -> dict[Ref, Ref]:
    """Each part's product Component: a subcomponent's top component, an API's provider,
    a Resource's first dependant (in ref order)."""
    owner_of: dict[Ref, Ref] = {}
    for component in mapper.of_kind("component"):
        top = _top(mapper, component)
        if top is not component and top.ref in mapper.ids:
            owner_of[component.ref] = top.ref
    for component in sorted(mapper.of_kind("component"), key=lambda d: d.ref):
        product = owner_of.get(component.ref, component.ref)
        if product not in mapper.ids:
            continue
        for key, kind in (("providesApis", "api"), ("dependsOn", None)):
            for target in _refs(mapper, component, key, kind):
                if target.ref.kind in ("api", "resource") and target.ref not in owner_of:
                    owner_of[target.ref] = product
    for kind in ("api", "resource"):
        for part in mapper.of_kind(kind):
            if part.ref not in owner_of:
                how = "provides" if kind == "api" else "depends on"
                mapper.leave_out(part, f"belongs to no product: no Component {how} it")
    for system in mapper.of_kind("system"):
        mapper.leave_out(
            system, "is not imported: --products-from component makes products of Components"
        )
    return owner_of


def _top(mapper: Mapper, component: Descriptor) -> Descriptor:
    """The component a subcomponent is part of, through every level (a loop ends)."""
    top = component
    for _ in range(_MAX_NESTING):
        parent = _parent(mapper, top)
        if parent is None:
            break
        top = parent
    return top


def _refs(mapper: Mapper, descriptor: Descriptor, key: str, kind: str | None) -> list[Descriptor]:
    values = descriptor.spec.get(key)
    found = (
        mapper.lookup(descriptor, v, kind) for v in (values if isinstance(values, list) else [])
    )
    return [d for d in found if d is not None]


def _product(
    mapper: Mapper, product: Descriptor, parts: list[Descriptor], owner_of: dict[Ref, Ref]
) -> Imported:
    fields, origins = mapper.text_fields(product)
    kind = product.spec.get("type")
    fields["kind"] = (
        mapper.options.kind_map.get(kind, mapper.options.default_kind)
        if isinstance(kind, str)
        else mapper.options.default_kind
    )
    origins["kind"] = ("spec", "type")
    stage, stage_origin = _stage(mapper, product, parts)
    fields["lifecycle"] = {"stage": stage}
    origins["lifecycle"] = stage_origin
    owner, problem = _owner(mapper, product)
    if owner is not None:
        fields["owner"], origins["owner"] = owner, ("spec", "owner")
    capability = _capability(mapper, product)
    if capability:
        fields["capabilities"], origins["capabilities"] = [capability], ("spec", "domain")
    depends_on = _depends_on(mapper, product, parts, owner_of)
    if depends_on:
        fields["depends_on"] = depends_on
    technology = [{"name": _part_name(p)} for p in sorted(parts, key=_part_order)]
    if technology:
        fields["technology"] = technology
    links = mapper.links(product)
    if links:
        fields["links"], origins["links"] = links, ("metadata", "links")
    tags = mapper.tags(product)
    if tags:
        fields["tags"], origins["tags"] = tags, ("metadata", "tags")
    return mapper.item("product", product, fields, origins, (problem,) if problem else ())


def _part_order(part: Descriptor) -> tuple[int, Ref]:
    return PART_KINDS.index(part.ref.kind), part.ref


def _part_name(part: Descriptor) -> str:
    kind = {"api": "API"}.get(part.ref.kind, part.kind.capitalize())
    kind_type = part.spec.get("type")
    what = f"{kind}, {kind_type}" if isinstance(kind_type, str) and kind_type else kind
    return f"{part.metadata['name']} ({what})"


def _stage(mapper: Mapper, product: Descriptor, parts: list[Descriptor]) -> tuple[str, Path]:
    """The product's stage and where it comes from: its own lifecycle, else the most
    advanced of its Components' and APIs', else the default stage (with a note)."""
    own = "lifecycle" in product.spec or mapper.options.products_from == "component"
    decided = [product] if own else [p for p in parts if p.ref.kind in ("component", "api")]
    stages = [s for d in decided if "lifecycle" in d.spec and (s := _stage_of(mapper, d))]
    if stages:
        return max(stages, key=RANK.__getitem__), ("spec", "lifecycle") if own else ()
    default = mapper.options.default_stage
    if pac_value(product.data, "stage") is not None:
        return default, ()  # pac's annotation gives the stage (backstage_restore.py)
    where = mapper.at(product, "metadata", "name")
    message = f"{product.ref} has no lifecycle the stage map knows: its stage is {default}"
    hint = "set it with --default-stage"
    mapper.note(product, "import-backstage-value", where, message, hint, Severity.INFO)
    return default, ()


def _stage_of(mapper: Mapper, descriptor: Descriptor) -> str | None:
    """The stage spec.lifecycle maps to; a warning when the stage map does not know it."""
    value = descriptor.spec["lifecycle"]
    stage = mapper.options.stage_map.get(value) if isinstance(value, str) else None
    if stage is None:
        where = mapper.at(descriptor, "spec", "lifecycle")
        message = f"lifecycle '{value}' is not in the stage map: it does not set a stage"
        hint = f"map it with --stage-map {value}=STAGE"
        mapper.note(descriptor, "import-backstage-value", where, message, hint, Severity.WARNING)
    return stage


def _owner(mapper: Mapper, product: Descriptor) -> tuple[str | None, Finding | None]:
    """The owning team's id, or the finding that says why there is none."""
    if "owner" not in product.spec:
        where = mapper.at(product, "spec")
        message = "spec.owner is missing: a product needs the team that owns it"
        return None, mapper.note(
            product, "import-backstage-reference", where, message, "", Severity.ERROR
        )
    target = mapper.resolve(product, ("spec", "owner"), "group", Severity.ERROR)
    if isinstance(target, Finding):
        return None, target
    team = mapper.id_of(target, "team")
    if team is not None:
        return team, None
    if isinstance(target, Descriptor) and target.ref.kind == "user":
        return _team_of_user(mapper, product, target)
    where = mapper.at(product, "spec", "owner")
    if isinstance(target, Descriptor) and mapper.outcomes.get(target.ref) == "not imported":
        # its id collides with another's: reported there
        message, hint = f"owner {target.ref} is not imported: its finding says why", ""
    else:
        types = ", ".join(mapper.options.team_types)
        message = f"owner {_described(target)} is not a team: only Groups of the types {types}"
        message += " become teams"
        hint = "add its type with --team-types, or make a team Group the owner"
    return None, mapper.note(
        product, "import-backstage-reference", where, message, hint, Severity.ERROR
    )


def _described(target: Descriptor | Existing) -> str:
    if isinstance(target, Existing):
        return f"{target.kind} '{target.id}'"
    kind_type = target.spec.get("type")
    return f"{target.ref} (of type {kind_type})" if isinstance(kind_type, str) else str(target.ref)


def _team_of_user(
    mapper: Mapper, product: Descriptor, user: Descriptor
) -> tuple[str | None, Finding | None]:
    """A User who owns a product: the first team the User is a member of owns it."""
    groups = user.spec.get("memberOf")
    for value in groups if isinstance(groups, list) else []:
        group = mapper.lookup(user, value, "group")
        team = mapper.id_of(group, "team") if group is not None else None
        if team is not None:
            where = mapper.at(product, "spec", "owner")
            message = f"owner {user.ref} is a person: the product goes to their team '{team}'"
            mapper.note(product, "import-backstage-value", where, message, "", Severity.INFO)
            return team, None
    where = mapper.at(product, "spec", "owner")
    message = f"owner {user.ref} is a person who is a member of no team the import makes"
    hint = "make a team Group the owner"
    return None, mapper.note(
        product, "import-backstage-reference", where, message, hint, Severity.ERROR
    )


def _capability(mapper: Mapper, product: Descriptor) -> str | None:
    if mapper.options.products_from == "component":
        system = (
            mapper.lookup(product, product.spec["system"], "system")
            if "system" in product.spec
            else None
        )
        if system is None or "domain" not in system.spec:
            return None
        return mapper.domain_of(system)
    return mapper.domain_of(product) if "domain" in product.spec else None


def _depends_on(
    mapper: Mapper, product: Descriptor, parts: list[Descriptor], owner_of: dict[Ref, Ref]
) -> list[str]:
    """The products that the product's parts (and it) depend on or consume an API of."""
    own_id = mapper.ids[product.ref][1]
    ids: set[str] = set()
    for part in [product, *parts]:
        for key, kind in (("dependsOn", None), ("consumesApis", "api")):
            values = part.spec.get(key)
            for i, _ in enumerate(values if isinstance(values, list) else []):
                target = mapper.resolve(part, ("spec", key, i), kind, Severity.WARNING)
                dependency = _product_id(mapper, target, owner_of)
                if dependency is not None and dependency != own_id:
                    ids.add(dependency)
    return sorted(ids)


def _product_id(mapper: Mapper, target: Any, owner_of: dict[Ref, Ref]) -> str | None:
    if isinstance(target, Existing):
        return target.id if target.kind == "product" else None
    if not isinstance(target, Descriptor):
        return None
    product = owner_of.get(target.ref, target.ref)
    pac = mapper.ids.get(product)
    return pac[1] if pac and pac[0] == "product" else None
