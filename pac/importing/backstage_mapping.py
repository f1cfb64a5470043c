"""How Backstage entities become pac's: the choices (`Options`, each a flag of
`pac import backstage`), entity refs resolved within the catalog and the portfolio, and the
fields every kind carries over. Teams and capabilities are mapped in backstage_org.py,
products in backstage_products.py.

| Backstage                       | pac                                                   |
| ------------------------------- | ----------------------------------------------------- |
| Group of a type in team_types   | team: name, contact email, the Users who are members  |
| Domain                          | capability: name, description, parent (subdomainOf)   |
| System (or Component)           | product: see backstage_products.py                    |
| User                            | a member of each imported team it is a member of      |
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pac.findings import Finding, Severity
from pac.importing.backstage_catalog import Catalog, Descriptor, found
from pac.importing.backstage_refs import Ref, pac_id, parse_ref, suggestion
from pac.importing.entities import Imported, Where
from pac.model.base import URL_LENGTH
from pac.yaml import Path

STAGE_MAP: Mapping[str, str] = {
    "experimental": "discovery",
    "production": "live",
    "deprecated": "sunset",
}
KIND_MAP: Mapping[str, str] = {
    "service": "service",
    "website": "application",
    "library": "platform",
}
_URL = re.compile(r"(https?://[^\s/]+\S*|mailto:[^\s@]+@[^\s@]+)")
EMAIL = re.compile(r"[^\s@]+@[^\s@]+")


@dataclass(frozen=True)
class Options:
    """The mapping's choices, one flag each."""

    products_from: str = "system"
    """system | component: the Backstage kind that becomes a product."""
    team_types: tuple[str, ...] = ("team",)
    """The Group types (spec.type) that become teams."""
    stage_map: Mapping[str, str] = field(default_factory=lambda: dict(STAGE_MAP))
    """spec.lifecycle -> lifecycle stage."""
    default_stage: str = "live"
    """The stage of a product whose lifecycle the catalog does not give."""
    kind_map: Mapping[str, str] = field(default_factory=lambda: dict(KIND_MAP))
    """spec.type -> product kind."""
    default_kind: str = "application"
    """The kind of a product whose spec.type is not in kind_map."""


@dataclass(frozen=True, slots=True)
class Existing:
    """An entity of the portfolio that a ref names (a team the catalog does not hold)."""

    kind: str
    id: str


PAC_KIND = {"group": "team", "domain": "capability"}  # and system or component: product


class Mapper:
    """The catalog, the ids its entities get, and the findings and outcomes so far."""

    def __init__(self, catalog: Catalog, options: Options, known: Mapping[str, set[str]]) -> None:
        self.catalog = catalog
        self.options = options
        self.known = known
        self.by_ref = {d.ref: d for d in catalog.descriptors}
        self.ids: dict[Ref, tuple[str, str]] = {}  # ref -> (pac kind, id) for what is imported
        self.findings: list[Finding] = []
        self.outcomes: dict[Ref, str] = {}
        self._domains: dict[Ref, str | None] = {}

    def of_kind(self, kind: str) -> list[Descriptor]:
        return [d for d in self.catalog.descriptors if d.ref.kind == kind]

    def at(self, descriptor: Descriptor, *path: str | int) -> Where:
        return self.catalog.at(descriptor, path)

    def note(
        self,
        about: Descriptor,
        rule: str,
        where: Where,
        message: str,
        hint: str,
        severity: Severity,
    ) -> Finding:
        """A finding about an entity (its ref is the finding's `entity`), recorded."""
        message = f"{where.describe()}: {message}"
        finding = found(rule, where, message, hint, severity, entity=str(about.ref))
        self.findings.append(finding)
        return finding

    def leave_out(self, descriptor: Descriptor, why: str, hint: str = "") -> None:
        """An entity the mapping does not import, by design: info, with the reason."""
        where = self.at(descriptor, "metadata", "name")
        self.note(
            descriptor,
            "import-backstage-left-out",
            where,
            f"{descriptor.ref} {why}",
            hint,
            Severity.INFO,
        )
        self.outcomes[descriptor.ref] = "left out"

    def resolve(
        self,
        descriptor: Descriptor,
        path: Path,
        default_kind: str | None,
        severity: Severity,
    ) -> Descriptor | Existing | Finding:
        """The entity a ref at `path` names: in the catalog, else in the portfolio; a
        finding (already recorded) when it names none."""
        value: Any = descriptor.data
        for part in path:
            value = value[part]
        where = self.at(descriptor, *path)
        if not isinstance(value, str):
            return self.note(
                descriptor,
                "import-backstage-reference",
                where,
                "an entity ref must be text",
                "",
                severity,
            )
        ref = parse_ref(value, kind=default_kind, namespace=descriptor.ref.namespace)
        if ref is None:
            message = f"'{value}' does not say which kind of entity it names"
            hint = "write the kind in front, such as component:NAME or resource:NAME"
            return self.note(
                descriptor, "import-backstage-reference", where, message, hint, severity
            )
        target = self.by_ref.get(ref)
        if target is not None:
            return target
        existing = self._existing(ref)
        if existing is not None:
            return existing
        named = f"'{value}'" if value == str(ref) else f"'{value}' ({ref})"
        message = f"{named} is no entity of the catalog or the portfolio"
        hint = suggestion(ref, self.by_ref) or "add the entity to the catalog, or correct the ref"
        return self.note(descriptor, "import-backstage-reference", where, message, hint, severity)

    def lookup(
        self, descriptor: Descriptor, value: object, default_kind: str | None
    ) -> Descriptor | None:
        """The catalog entity a ref names, without a finding when it names none (the
        field that holds it is reported where it is read as a field of its own)."""
        if not isinstance(value, str):
            return None
        ref = parse_ref(value, kind=default_kind, namespace=descriptor.ref.namespace)
        return self.by_ref.get(ref) if ref is not None else None

    def domain_of(self, descriptor: Descriptor) -> str | None:
        """The capability id of the Domain a System (or Component) names, reported once."""
        if descriptor.ref not in self._domains:
            target = self.resolve(descriptor, ("spec", "domain"), "domain", Severity.WARNING)
            self._domains[descriptor.ref] = self.id_of(target, "capability")
        return self._domains[descriptor.ref]

    def _existing(self, ref: Ref) -> Existing | None:
        kind = PAC_KIND.get(ref.kind)
        if ref.kind == self.options.products_from:
            kind = "product"
        if kind is None:
            return None
        entity_id = pac_id(ref)
        return Existing(kind, entity_id) if entity_id in self.known.get(kind, ()) else None

    def id_of(self, target: Descriptor | Existing | Finding, kind: str) -> str | None:
        """The pac id of a resolved ref when it is imported (or exists) as `kind`."""
        if isinstance(target, Existing):
            return target.id if target.kind == kind else None
        if isinstance(target, Descriptor):
            pac = self.ids.get(target.ref)
            return pac[1] if pac and pac[0] == kind else None
        return None

    def text_fields(
        self, descriptor: Descriptor, *, description: bool = True
    ) -> tuple[dict[str, Any], dict[str, Path]]:
        """name (a profile's display name, the title, else the name) and description, and
        the path of each in the descriptor."""
        fields: dict[str, Any] = {}
        origins: dict[str, Path] = {}
        for path in (
            ("spec", "profile", "displayName"),
            ("metadata", "title"),
            ("metadata", "name"),
        ):
            if _text(get(descriptor.data, path)):
                fields["name"], origins["name"] = _text(get(descriptor.data, path)), path
                break
        text = _text(descriptor.metadata.get("description"))
        if description and text:
            fields["description"], origins["description"] = text, ("metadata", "description")
        return fields, origins

    def item(
        self,
        kind: str,
        descriptor: Descriptor,
        fields: dict[str, Any],
        origins: dict[str, Path],
        problems: tuple[Finding, ...] = (),
    ) -> Imported:
        """The entity as the pipeline takes it; its outcome recorded. Its problems were
        recorded as findings when they were found: they go with it instead (the pipeline
        reports an entity's problems), so that none is reported twice."""
        if problems:
            carried = {id(p) for p in problems}
            self.findings = [f for f in self.findings if id(f) not in carried]
        entity_id = self.ids[descriptor.ref][1]
        present = {k: v for k, v in origins.items() if k.split(".")[0] in fields}
        where = {k: self.at(descriptor, *path) for k, path in present.items()}
        self.outcomes[descriptor.ref] = "not imported" if problems else f"{kind}:{entity_id}"
        origin = self.at(descriptor)
        return Imported(kind, entity_id, fields, origin, where, problems)

    def links(self, descriptor: Descriptor) -> dict[str, str]:
        """metadata.links as pac's named links: a link without a title is named by its type
        or icon; one pac cannot take (not a web or mailto address) is left out."""
        links = descriptor.metadata.get("links")
        out: dict[str, str] = {}
        for i, link in enumerate(links if isinstance(links, list) else []):
            url = link.get("url") if isinstance(link, dict) else None
            if not isinstance(url, str) or len(url) > URL_LENGTH or not _URL.fullmatch(url):
                where = self.at(descriptor, "metadata", "links", i)
                message = "a link pac cannot take (a web or mailto address) is left out"
                self.note(
                    descriptor, "import-backstage-value", where, message, "", Severity.WARNING
                )
                continue
            label = next(
                (_text(link.get(k)) for k in ("title", "type", "icon") if _text(link.get(k))),
                "link",
            )
            name, n = label, 1
            while name in out:
                n += 1
                name = f"{label} ({n})"
            out[name] = url
        return out

    def tags(self, descriptor: Descriptor) -> list[str]:
        tags = descriptor.metadata.get("tags")
        return sorted(
            {t for t in tags if isinstance(t, str) and t} if isinstance(tags, list) else set()
        )


def get(data: Any, path: Path) -> Any:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
