"""The organisation side of a Backstage catalog: Groups of the team types become teams,
with the Users who are members of them; Domains become capabilities under their parent
Domain's (`spec.subdomainOf`).
"""

from __future__ import annotations

from pac.findings import Severity
from pac.importing.backstage_catalog import Descriptor
from pac.importing.backstage_mapping import EMAIL, Mapper, get
from pac.importing.backstage_refs import Ref
from pac.importing.entities import Imported


def map_teams(mapper: Mapper) -> list[Imported]:
    """Groups of the team types become teams; every User a member of the teams it names
    (spec.memberOf) and of those that name it (spec.members)."""
    members = _members(mapper)
    items = []
    for group in mapper.of_kind("group"):
        if group.ref not in mapper.ids:
            continue
        fields, origins = mapper.text_fields(group, description=False)
        email = get(group.data, ("spec", "profile", "email"))
        if isinstance(email, str) and EMAIL.fullmatch(email) and len(email) <= 254:
            fields["contact"] = {"email": email}
            origins["contact"] = ("spec", "profile", "email")
        if members.get(group.ref):
            fields["members"] = [{"name": name} for name, _ in sorted(members[group.ref])]
        items.append(mapper.item("team", group, fields, origins))
    return items


def _members(mapper: Mapper) -> dict[Ref, set[tuple[str, Ref]]]:
    """Each team's members: (name, user ref)."""
    teams = {ref for ref, (kind, _) in mapper.ids.items() if kind == "team"}
    members: dict[Ref, set[tuple[str, Ref]]] = {}
    teams_of: dict[Ref, set[str]] = {}

    def add(team: Ref, user: Descriptor) -> None:
        members.setdefault(team, set()).add((mapper.text_fields(user)[0]["name"], user.ref))
        teams_of.setdefault(user.ref, set()).add(mapper.ids[team][1])

    for user in mapper.of_kind("user"):
        groups = user.spec.get("memberOf")
        for i, _ in enumerate(groups if isinstance(groups, list) else []):
            target = mapper.resolve(user, ("spec", "memberOf", i), "group", Severity.WARNING)
            if isinstance(target, Descriptor) and target.ref in teams:
                add(target.ref, user)
    for group in mapper.of_kind("group"):
        listed = group.spec.get("members")
        for i, _ in enumerate(listed if isinstance(listed, list) else []):
            target = mapper.resolve(group, ("spec", "members", i), "user", Severity.WARNING)
            if isinstance(target, Descriptor) and target.ref.kind == "user" and group.ref in teams:
                add(group.ref, target)
    for user in mapper.of_kind("user"):
        if user.ref in teams_of:
            named = ", ".join(f"team:{t}" for t in sorted(teams_of[user.ref]))
            mapper.outcomes[user.ref] = f"member of {named}"
        else:
            mapper.leave_out(user, "is a member of no team the import makes", "")
    return members


def map_capabilities(mapper: Mapper) -> list[Imported]:
    """Domains become capabilities; a subdomain's parent is its domain's capability."""
    items = []
    for domain in mapper.of_kind("domain"):
        if domain.ref not in mapper.ids:
            continue
        fields, origins = mapper.text_fields(domain)
        if "subdomainOf" in domain.spec:
            target = mapper.resolve(domain, ("spec", "subdomainOf"), "domain", Severity.WARNING)
            parent = mapper.id_of(target, "capability")
            if parent is not None:
                fields["parent"], origins["parent"] = parent, ("spec", "subdomainOf")
        items.append(mapper.item("capability", domain, fields, origins))
    return items
