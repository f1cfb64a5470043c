"""`pac export --format backstage`: the portfolio as entities of a Backstage software catalog.

A Domain per capability, a System per product, a Group per team, a User per team member, and
a Group of type `organization` for the portfolio itself, which owns the domains and holds
what Backstage has no kind for (the settings, the objectives, the funding periods). Every
field of pac's that Backstage has no field for is carried in an annotation under `pac.dev/`,
so that `pac import backstage` can rebuild the portfolio; the README has the whole mapping.

Values that break Backstage's rules are transformed deterministically (backstage_fields.py),
the original kept in an annotation, and each transformation is a note: never an entity that
Backstage rejects.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple
from urllib.parse import quote

from pac.changes.entities import snapshot
from pac.figures.funding import product_funding
from pac.figures.scorecard import Score
from pac.json_text import number_text, to_json
from pac.model import Capability, Product, Team
from pac.model.portfolio import Portfolio
from pac.model.settings import NO_LEVEL
from pac.render import backstage_fields as bf
from pac.yaml import dump_documents

PREFIX = "pac.dev/"
API_VERSION = "backstage.io/v1alpha1"
LOCATION = "catalog-info.yaml"
FILE_OF = {
    "Domain": "domains.yaml",
    "Group": "groups.yaml",
    "System": "systems.yaml",
    "User": "users.yaml",
}
HEADER = "# Written by pac export --format backstage: change the portfolio, not this file.\n"
# product fields that go into one annotation each as JSON, in this order
_RECORDS = ("customers", "value", "kpis", "roadmap", "technology", "stakeholders", "extensions")


class Note(NamedTuple):
    """Something the export had to change to suit Backstage, about one entity."""

    entity: str  # kind:id, as in pac's findings
    message: str


@dataclass(frozen=True)
class BackstageExport:
    """The entities, in the order they are written, and the notes about them."""

    entities: list[dict[str, Any]]
    notes: list[Note]

    def files(self) -> dict[str, str]:
        """File name -> YAML text: one multi-document file per kind of entity, and
        catalog-info.yaml, a Location that lists them, to register the folder in one go."""
        by_file: dict[str, list[dict[str, Any]]] = {}
        for entity in self.entities:
            by_file.setdefault(FILE_OF[entity["kind"]], []).append(entity)
        files = {name: HEADER + dump_documents(docs) for name, docs in sorted(by_file.items())}
        organisation = self.entities[0]["metadata"]
        location = _entity(
            "Location",
            organisation["name"],
            title=organisation["title"],
            spec={"targets": [f"./{name}" for name in files]},
        )
        return {LOCATION: HEADER + dump_documents([location]), **files}


@dataclass
class _Context:
    p: Portfolio
    scores: dict[str, Score]
    site_url: str | None
    names: dict[str, dict[str, str]]  # kind -> id -> Backstage name
    notes: list[Note] = field(default_factory=list)

    def ref(self, kind: str, entity_id: str) -> str:
        backstage_kind = {"team": "group", "capability": "domain", "member": "user"}[kind]
        return bf.reference(backstage_kind, self.names[kind][entity_id])

    def note(self, kind: str, entity_id: str, message: str) -> None:
        self.notes.append(Note(f"{kind}:{entity_id}", message))


def export_backstage(
    p: Portfolio, scores: dict[str, Score], *, site_url: str | None = None
) -> BackstageExport:
    """The portfolio as Backstage entities; `site_url`, the catalogue site's address, adds
    each entity's page as `pac.dev/page`."""
    ctx = _Context(p, scores, site_url.rstrip("/") if site_url else None, _names(p))
    for kind in ("product", "team", "capability"):
        for entity_id, name in sorted(ctx.names[kind].items()):
            if name != entity_id:
                ctx.note(
                    kind,
                    entity_id,
                    f"the id is longer than Backstage's {bf.NAME_LENGTH} characters: it is "
                    f"named '{name}' there (pac.dev/id keeps the id)",
                )
    entities = [
        _organisation(ctx),
        *(_team(ctx, t) for _, t in sorted(p.teams.items())),
        *(_user(ctx, name, teams) for name, teams in sorted(_memberships(p).items())),
        *(_domain(ctx, c) for _, c in sorted(p.capabilities.items())),
        *(_system(ctx, product) for _, product in sorted(p.products.items())),
    ]
    return BackstageExport(entities, ctx.notes)


def _names(p: Portfolio) -> dict[str, dict[str, str]]:
    """The Backstage name of every entity, by pac kind and id; the portfolio's own Group
    is named after the organisation, unless a team already has that name."""
    names = {
        kind: bf.assign_names(sorted((i, i) for i in p.of_kind(kind)))
        for kind in ("product", "team", "capability")
    }
    members = sorted(_memberships(p))
    names["member"] = bf.assign_names((m, bf.slug(m) or "member") for m in members)
    organisation = bf.slug(p.settings.name) or "portfolio"
    names["portfolio"] = bf.assign_names(
        [("portfolio", organisation)], taken=names["team"].values()
    )
    return names


def _memberships(p: Portfolio) -> dict[str, list[str]]:
    """Each member's name -> the teams they are in, in id order."""
    teams: dict[str, list[str]] = {}
    for tid, team in sorted(p.teams.items()):
        for member in team.members:
            if tid not in teams.setdefault(member.name, []):
                teams[member.name].append(tid)
    return teams


def _entity(
    kind: str,
    name: str,
    *,
    title: str | None = None,
    description: str | None = None,
    annotations: dict[str, str | None] | None = None,
    tags: list[str] | None = None,
    links: list[dict[str, str]] | None = None,
    spec: dict[str, Any],
) -> dict[str, Any]:
    metadata: dict[str, Any] = {"name": name}
    if title is not None:
        metadata["title"] = title
    if description is not None:
        metadata["description"] = description
    kept = {k: v for k, v in sorted((annotations or {}).items()) if v is not None}
    if kept:
        metadata["annotations"] = kept
    if tags:
        metadata["tags"] = tags
    if links:
        metadata["links"] = links
    return {"apiVersion": API_VERSION, "kind": kind, "metadata": metadata, "spec": spec}


def _pac(kind: str, entity_id: str | None, **values: str | None) -> dict[str, str | None]:
    """pac's annotations: `pac.dev/entity`, `pac.dev/id` and the values given, keyed by
    their names with `_` written `-`."""
    fields = {"entity": kind, "id": entity_id, **values}
    return {PREFIX + k.replace("_", "-"): v for k, v in fields.items()}


def _source(ctx: _Context, kind: str, entity_id: str) -> dict[str, str | None]:
    """Backstage's links to the entity's file on the git host (its View and Edit buttons)
    and pac's link to its page of the catalogue site."""
    settings = ctx.p.settings
    folder = {"product": "products", "team": "teams", "capability": "capabilities"}
    page = None
    if ctx.site_url:
        page = f"{ctx.site_url}/{folder[kind]}/{entity_id}.html" if kind in folder else None
        page = page or f"{ctx.site_url}/"
    links: dict[str, str | None] = {PREFIX + "page": page}
    if settings.repository:
        file = ctx.p.settings_file if kind == "portfolio" else ctx.p.file_of(kind, entity_id)
        base = f"{settings.repository.rstrip('/')}/%s/{quote(settings.default_branch)}/"
        path = quote(file, safe="/")
        links["backstage.io/edit-url"] = base % "edit" + path
        links["backstage.io/view-url"] = base % "blob" + path
    return links


def _json(value: Any) -> str | None:
    return None if value in (None, [], {}) else to_json(value)


def _ids(values: Iterable[str]) -> str | None:
    return ",".join(values) or None


def _number(value: Decimal | None) -> str | None:
    return None if value is None else number_text(value)


def _organisation(ctx: _Context) -> dict[str, Any]:
    p = ctx.p
    return _entity(
        "Group",
        ctx.names["portfolio"]["portfolio"],
        title=p.settings.name,
        annotations={
            **_pac(
                "portfolio",
                None,
                settings=_json(snapshot(p.settings)),
                objective_records=_json([snapshot(o) for _, o in sorted(p.objectives.items())]),
                funding_records=_json([snapshot(f) for _, f in sorted(p.funding.items())]),
            ),
            **_source(ctx, "portfolio", "portfolio"),
        },
        spec={
            "type": "organization",
            "profile": {"displayName": p.settings.name},
            "children": [ctx.ref("team", tid) for tid in sorted(p.teams)],
        },
    )


def _team(ctx: _Context, team: Team) -> dict[str, Any]:
    contact = team.contact
    handle = team.github
    profile = {"displayName": team.name}
    if contact and contact.email:
        profile["email"] = contact.email
    members = list(dict.fromkeys(ctx.ref("member", m.name) for m in team.members))
    return _entity(
        "Group",
        ctx.names["team"][team.id],
        title=team.name,
        annotations={
            **_pac(
                "team",
                team.id,
                team_type=team.type,
                github=handle,
                chat=contact.chat if contact else None,
                contact_url=contact.url if contact else None,
                capacity_fte=_number(team.capacity_fte),
                members=_json(snapshot(team).get("members")),
                extensions=_json(team.extensions),
            ),
            # what Backstage's GitHub plugins read: the team's slug, org/team
            "github.com/team-slug": handle[1:] if handle and "/" in handle else None,
            **_source(ctx, "team", team.id),
        },
        spec={
            "type": "team",
            "profile": profile,
            "parent": bf.reference("group", ctx.names["portfolio"]["portfolio"]),
            "children": [],
            "members": members,
        },
    )


def _user(ctx: _Context, name: str, teams: list[str]) -> dict[str, Any]:
    return _entity(
        "User",
        ctx.names["member"][name],
        annotations={PREFIX + "entity": "member"},
        spec={
            "profile": {"displayName": name},
            "memberOf": [ctx.ref("team", tid) for tid in teams],
        },
    )


def _domain(ctx: _Context, capability: Capability) -> dict[str, Any]:
    spec = {
        "owner": bf.reference("group", ctx.names["portfolio"]["portfolio"]),
        "type": "capability",
    }
    if capability.parent:
        spec["subdomainOf"] = ctx.ref("capability", capability.parent)
    return _entity(
        "Domain",
        ctx.names["capability"][capability.id],
        title=capability.name,
        description=capability.description,
        annotations={
            **_pac(
                "capability",
                capability.id,
                importance=capability.importance,
                extensions=_json(capability.extensions),
            ),
            **_source(ctx, "capability", capability.id),
        },
        spec=spec,
    )


def _system(ctx: _Context, product: Product) -> dict[str, Any]:
    data = snapshot(product)
    spec = {"owner": ctx.ref("team", product.owner), "type": product.kind}
    if product.capabilities:
        spec["domain"] = ctx.ref("capability", product.capabilities[0])
    tags = bf.tags(product.tags)
    links = [
        {"url": url, "title": title}
        for title, url in product.links.items()
        if bf.is_link_url(url) and title.strip()
    ]
    _note_changes(ctx, product, tags, links)
    return _entity(
        "System",
        ctx.names["product"][product.id],
        title=product.name,
        description=product.summary,
        annotations={
            **_pac(
                "product",
                product.id,
                description=product.description,
                stage=product.lifecycle.stage,
                stage_since=_date(product.lifecycle.since),
                retire_by=_date(product.lifecycle.retire_by),
                level=_level(ctx.scores.get(product.id)),
                disposition=product.disposition,
                product_manager=product.product_manager,
                capabilities=_ids(product.capabilities),
                objectives=_ids(product.objectives),
                depends_on=_ids(product.depends_on),
                last_stakeholder_review=_date(product.last_stakeholder_review),
                previous_ids=_ids(product.previous_ids),
                tags=_json(product.tags) if tags != product.tags else None,
                links=_json(product.links) if len(links) < len(product.links) else None,
                **{name: _json(data.get(name)) for name in _RECORDS},
            ),
            **_funding(ctx, product.id),
            **_source(ctx, "product", product.id),
        },
        tags=tags,
        links=links,
        spec=spec,
    )


def _date(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())


def _level(score: Score | None) -> str | None:
    """The scorecard level; `none` below the first level; no annotation when unscored."""
    return None if score is None else score.level or NO_LEVEL


def _funding(ctx: _Context, pid: str) -> dict[str, str | None]:
    """`pac.dev/funding-<period>`: the product's funding in each period that funds it."""
    out: dict[str, str | None] = {}
    for period, split in product_funding(ctx.p).get(pid, {}).items():
        key = f"funding-{period}"
        if bf.is_name(key):
            out[PREFIX + key] = number_text(split.total)
        else:
            ctx.note(
                "product",
                pid,
                f"no annotation pac.dev/{key}: the period's name is too long for an "
                "annotation key (pac.dev/funding-records on the organisation has the funding)",
            )
    return out


def _note_changes(
    ctx: _Context, product: Product, tags: list[str], links: list[dict[str, str]]
) -> None:
    if tags != product.tags:
        changed = [t for t in product.tags if bf.tag(t) != t]
        ctx.note(
            "product",
            product.id,
            f"Backstage's tags are lowercase letters, digits, +, # and single hyphens: "
            f"{', '.join(repr(t) for t in changed) or 'repeated tags'} became "
            f"{', '.join(repr(bf.tag(t)) for t in changed) or 'one'} (pac.dev/tags keeps them)",
        )
    carried = {link["title"] for link in links}
    for title, url in product.links.items():
        if title not in carried:
            ctx.note(
                "product",
                product.id,
                f"the link '{title}' ({url}) is not one Backstage shows: pac.dev/links keeps it",
            )
