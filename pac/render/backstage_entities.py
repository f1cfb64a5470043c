"""The Backstage entity of each pac entity: what goes into which field, and what into
pac's annotations (`pac.dev/...`) where Backstage has no field. export_backstage.py puts
them together; the README has the whole mapping."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any, NamedTuple
from urllib.parse import quote

from pac.changes.entities import snapshot
from pac.figures.funding import Split, product_funding
from pac.figures.scorecard import Score
from pac.json_text import number_text, to_json
from pac.model import Capability, Product, Team
from pac.model.portfolio import Portfolio
from pac.model.settings import NO_LEVEL
from pac.render import backstage_fields as bf

PREFIX = "pac.dev/"
API_VERSION = "backstage.io/v1alpha1"
# product fields that go into one annotation each as JSON, in this order
RECORDS = ("customers", "value", "kpis", "roadmap", "technology", "stakeholders", "extensions")
# product fields that are lists of ids, each one annotation of comma-separated ids
ID_LISTS = ("capabilities", "objectives", "depends_on", "previous_ids")
FUNDING = "funding-"  # pac.dev/funding-<period>: a product's funding in the period


class Note(NamedTuple):
    """Something the export had to change to suit Backstage, about one entity."""

    entity: str  # kind:id, as in pac's findings
    message: str


@dataclass
class Context:
    """What every entity is built from: the portfolio, its scores, the site's address
    and every entity's name in Backstage; notes gather here."""

    p: Portfolio
    scores: dict[str, Score]
    site_url: str | None
    names: dict[str, dict[str, str]]  # kind -> id -> Backstage name
    notes: list[Note] = field(default_factory=list)

    @cached_property
    def funding(self) -> dict[str, dict[str, Split]]:
        """Product id -> period -> its funding."""
        return product_funding(self.p)

    def ref(self, kind: str, entity_id: str) -> str:
        backstage_kind = {"team": "group", "capability": "domain", "member": "user"}[kind]
        return bf.reference(backstage_kind, self.names[kind][entity_id])

    def note(self, kind: str, entity_id: str, message: str) -> None:
        self.notes.append(Note(f"{kind}:{entity_id}", message))


def entity(
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
    """A Backstage entity; the annotations in key order, those that are None left out."""
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


def annotation(name: str) -> str:
    """The annotation key of a pac field: `depends_on` -> `pac.dev/depends-on`."""
    return PREFIX + name.replace("_", "-")


def _pac(kind: str, entity_id: str | None, **values: str | None) -> dict[str, str | None]:
    """pac's annotations: `pac.dev/entity`, `pac.dev/id` and the values given, keyed by
    their names with `_` written `-`."""
    fields = {"entity": kind, "id": entity_id, **values}
    return {annotation(k): v for k, v in fields.items()}


def _source(ctx: Context, kind: str, entity_id: str) -> dict[str, str | None]:
    """Backstage's links to the entity's file on the git host (its View and Edit buttons)
    and pac's link to its page of the catalogue site."""
    settings = ctx.p.settings
    folder = {"product": "products", "team": "teams", "capability": "capabilities"}
    page = None
    if ctx.site_url:
        page = f"{ctx.site_url}/{folder[kind]}/{entity_id}.html" if kind in folder else None
        page = page or f"{ctx.site_url}/"
    links: dict[str, str | None] = {annotation("page"): page}
    if settings.repository:
        file = ctx.p.settings_file if kind == "portfolio" else ctx.p.file_of(kind, entity_id)
        base = f"{settings.repository.rstrip('/')}/%s/{quote(settings.default_branch)}/"
        path = quote(file, safe="/")
        links["backstage.io/edit-url"] = base % "edit" + path
        links["backstage.io/view-url"] = base % "blob" + path
    return links


def _json(value: Any) -> str | None:
    return None if value is None else to_json(value)


def _records(entities: dict[str, Any]) -> list[dict[str, Any]] | None:
    return [snapshot(e) for _, e in sorted(entities.items())] or None


def _ids(values: Iterable[str]) -> str | None:
    return ",".join(values) or None


def _number(value: Decimal | None) -> str | None:
    return None if value is None else number_text(value)


def organisation(ctx: Context) -> dict[str, Any]:
    p = ctx.p
    return entity(
        "Group",
        ctx.names["portfolio"]["portfolio"],
        title=p.settings.name,
        annotations={
            **_pac(
                "portfolio",
                None,
                settings=_json(snapshot(p.settings)),
                objective_records=_json(_records(p.objectives)),
                funding_records=_json(_records(p.funding)),
            ),
            **_source(ctx, "portfolio", "portfolio"),
        },
        spec={
            "type": "organization",
            "profile": {"displayName": p.settings.name},
            "children": [ctx.ref("team", tid) for tid in sorted(p.teams)],
        },
    )


def team_group(ctx: Context, team: Team) -> dict[str, Any]:
    contact = team.contact
    handle = team.github
    profile = {"displayName": team.name}
    if contact and contact.email:
        profile["email"] = contact.email
    members = list(dict.fromkeys(ctx.ref("member", m.name) for m in team.members))
    return entity(
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


def user(ctx: Context, name: str, teams: list[str]) -> dict[str, Any]:
    return entity(
        "User",
        ctx.names["member"][name],
        annotations={annotation("entity"): "member"},
        spec={
            "profile": {"displayName": name},
            "memberOf": [ctx.ref("team", tid) for tid in teams],
        },
    )


def domain(ctx: Context, capability: Capability) -> dict[str, Any]:
    spec = {
        "owner": bf.reference("group", ctx.names["portfolio"]["portfolio"]),
        "type": "capability",
    }
    if capability.parent:
        spec["subdomainOf"] = ctx.ref("capability", capability.parent)
    return entity(
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


def system(ctx: Context, product: Product) -> dict[str, Any]:
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
    return entity(
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
                last_stakeholder_review=_date(product.last_stakeholder_review),
                **{name: _ids(getattr(product, name)) for name in ID_LISTS},
                tags=_json(product.tags) if tags != product.tags else None,
                links=_json(product.links) if len(links) < len(product.links) else None,
                **{name: _json(data.get(name)) for name in RECORDS},
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


def _funding(ctx: Context, pid: str) -> dict[str, str | None]:
    """`pac.dev/funding-<period>`: the product's funding in each period that funds it."""
    out: dict[str, str | None] = {}
    for period, split in ctx.funding.get(pid, {}).items():
        key = FUNDING + period
        if bf.is_name(key):
            out[PREFIX + key] = number_text(split.total)  # the period as written, `_` too
        else:
            ctx.note(
                "product",
                pid,
                f"no annotation pac.dev/{key}: the period's name is too long for an "
                "annotation key (pac.dev/funding-records on the organisation has the funding)",
            )
    return out


def _note_changes(
    ctx: Context, product: Product, tags: list[str], links: list[dict[str, str]]
) -> None:
    if tags != product.tags:
        changes = [
            f"'{t}' became '{bf.tag(t)}'" if bf.tag(t) else f"'{t}' was left out"
            for t in product.tags
            if bf.tag(t) != t
        ]
        ctx.note(
            "product",
            product.id,
            "Backstage's tags are lowercase letters, digits, +, # and single hyphens, each "
            f"once: {', '.join(changes) or 'a repeated tag was left out'} "
            "(pac.dev/tags keeps them as they are)",
        )
    carried = {link["title"] for link in links}
    for title, url in product.links.items():
        if title not in carried:
            ctx.note(
                "product",
                product.id,
                f"the link '{title}' ({url}) is not one Backstage shows: pac.dev/links keeps it",
            )
