"""Teams and capabilities (pac.importing.backstage_org): Groups of the team types and their
members, Domains and their parents."""

from __future__ import annotations

from pathlib import Path

from backstage_docs import doc as _doc
from backstage_docs import mapper as _mapper

from pac.findings import Severity
from pac.importing.backstage_org import map_capabilities, map_teams


def test_team_members_come_from_member_of_and_from_the_group_s_members(tmp_path: Path) -> None:
    mapper = _mapper(
        tmp_path,
        _doc("Group", "team-a", "  type: team\n  members: [ann, user:bob, nobody]\n"),
        _doc("Group", "squad-b", "  type: squad\n"),
        _doc("User", "ann", "  memberOf: [team-a]\n  profile:\n    displayName: Ann Lee\n"),
        _doc("User", "bob", "  memberOf: [squad-b]\n", "  title: Bob Stone\n"),
        _doc("User", "cy", "  memberOf: [squad-b]\n"),
    )
    [team] = map_teams(mapper)
    assert (team.id, team.fields) == (
        "team-a",
        {"name": "team-a", "members": [{"name": "Ann Lee"}, {"name": "Bob Stone"}]},
    )
    assert mapper.outcomes[mapper.catalog.descriptors[2].ref] == "member of team:team-a"
    assert [(f.severity, f.entity, f.message.split(": ", 1)[1]) for f in mapper.findings] == [
        (
            Severity.INFO,
            "group:squad-b",
            "group:squad-b is a Group of type squad: only Groups of the types team become teams",
        ),
        (
            Severity.WARNING,
            "group:team-a",
            "'nobody' (user:nobody) is no entity of the catalog or the portfolio",
        ),
        (Severity.INFO, "user:cy", "user:cy is a member of no team the import makes"),
    ]


def test_more_team_types_make_more_teams(tmp_path: Path) -> None:
    mapper = _mapper(
        tmp_path,
        _doc("Group", "squad-b", "  type: squad\n  profile:\n    email: not-an-email\n"),
        team_types=("team", "squad"),
    )
    [team] = map_teams(mapper)
    assert team.fields == {"name": "squad-b"}  # an email pac cannot take is left out


def test_a_team_s_name_and_email_say_where_they_came_from(tmp_path: Path) -> None:
    spec = "  type: team\n  profile:\n    displayName: Team A\n    email: a@example.com\n"
    mapper = _mapper(tmp_path, _doc("Group", "team-a", spec))
    [team] = map_teams(mapper)
    assert (team.where("name").line, team.where("name").label) == (8, "spec.profile.displayName")
    assert (team.where("contact.email").line, team.origin.line) == (9, 1)


def test_domains_become_capabilities_under_their_parent(tmp_path: Path) -> None:
    mapper = _mapper(
        tmp_path,
        _doc("Domain", "commerce", "  owner: x\n", "  title: Commerce\n"),
        _doc("Domain", "checkout", "  owner: x\n  subdomainOf: commerce\n"),
        _doc("Domain", "lost", "  owner: x\n  subdomainOf: domain:gone\n"),
    )
    capabilities = {c.id: c.fields for c in map_capabilities(mapper)}
    assert capabilities == {
        "commerce": {"name": "Commerce"},
        "checkout": {"name": "checkout", "parent": "commerce"},
        "lost": {"name": "lost"},
    }
    [finding] = mapper.findings
    assert (finding.severity, finding.line, finding.entity) == (Severity.WARNING, 23, "domain:lost")


def test_a_ref_that_is_not_text_is_a_finding(tmp_path: Path) -> None:
    mapper = _mapper(tmp_path, _doc("User", "ann", "  memberOf: [{kind: group}]\n"))
    map_teams(mapper)
    assert [f.message for f in mapper.findings][:1] == [
        "line 6, field 'spec.memberOf[0]': an entity ref must be text"
    ]
