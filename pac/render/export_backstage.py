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

from dataclasses import dataclass
from typing import Any

from pac.figures.scorecard import Score
from pac.model.portfolio import Portfolio
from pac.render import backstage_fields as bf
from pac.render.backstage_entities import (
    Context,
    Note,
    domain,
    entity,
    organisation,
    system,
    team_group,
    user,
)
from pac.yaml import dump_documents

LOCATION = "catalog-info.yaml"
FILE_OF = {
    "Domain": "domains.yaml",
    "Group": "groups.yaml",
    "System": "systems.yaml",
    "User": "users.yaml",
}
HEADER = "# Written by pac export --format backstage: change the portfolio, not this file.\n"


@dataclass(frozen=True)
class BackstageExport:
    """The entities, in the order they are written, and the notes about them."""

    entities: list[dict[str, Any]]
    notes: list[Note]

    def files(self) -> dict[str, str]:
        """File name -> YAML text: one multi-document file per kind of entity, and
        catalog-info.yaml, a Location that lists them, to register the folder in one go."""
        by_file: dict[str, list[dict[str, Any]]] = {}
        for document in self.entities:
            by_file.setdefault(FILE_OF[document["kind"]], []).append(document)
        files = {name: HEADER + dump_documents(docs) for name, docs in sorted(by_file.items())}
        portfolio = self.entities[0]["metadata"]  # the organisation's Group
        location = entity(
            "Location",
            portfolio["name"],
            title=portfolio["title"],
            spec={"targets": [f"./{name}" for name in files]},
        )
        return {LOCATION: HEADER + dump_documents([location]), **files}


def export_backstage(
    p: Portfolio, scores: dict[str, Score], *, site_url: str | None = None
) -> BackstageExport:
    """The portfolio as Backstage entities; `site_url`, the catalogue site's address, adds
    each entity's page as `pac.dev/page`."""
    ctx = Context(p, scores, site_url.rstrip("/") if site_url else None, _names(p))
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
        organisation(ctx),
        *(team_group(ctx, t) for _, t in sorted(p.teams.items())),
        *(user(ctx, name, teams) for name, teams in sorted(_memberships(p).items())),
        *(domain(ctx, c) for _, c in sorted(p.capabilities.items())),
        *(system(ctx, product) for _, product in sorted(p.products.items())),
    ]
    return BackstageExport(entities, ctx.notes)


def _names(p: Portfolio) -> dict[str, dict[str, str]]:
    """The Backstage name of every entity, by pac kind and id; the portfolio's own Group
    is named after the organisation, unless a team already has that name."""
    names = {  # ids that are names already first, so that none loses its name to another
        kind: bf.assign_names((i, i) for i in sorted(p.of_kind(kind), key=_shortened_last))
        for kind in ("product", "team", "capability")
    }
    members = sorted(_memberships(p))
    # a name with no Latin letter or digit (李雷) is known by its digest
    names["member"] = bf.assign_names((m, bf.slug(m) or f"member-{bf.digest(m)}") for m in members)
    wanted = bf.slug(p.settings.name) or "portfolio"
    names["portfolio"] = bf.assign_names([("portfolio", wanted)], taken=names["team"].values())
    return names


def _shortened_last(entity_id: str) -> tuple[bool, str]:
    return (not bf.is_name(entity_id), entity_id)


def _memberships(p: Portfolio) -> dict[str, list[str]]:
    """Each member's name -> the teams they are in, in id order."""
    teams: dict[str, list[str]] = {}
    for tid, team in sorted(p.teams.items()):
        for member in team.members:
            if tid not in teams.setdefault(member.name, []):
                teams[member.name].append(tid)
    return teams
