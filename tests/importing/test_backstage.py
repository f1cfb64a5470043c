"""pac import backstage's reader (pac.importing.backstage) on Backstage's own example
catalog and on small catalogs: every System, Component, Domain and Group accounted for,
refs in every form, refs that name nothing, ids that collide, and the same files from the
same input."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import yaml as pyyaml
from backstage_docs import doc as _doc
from conftest import REFERENCE, REPO, TODAY

from pac.importing.backstage import (
    BackstageImport,
    backstage_reading,
    portfolio_ids,
    read_backstage,
)
from pac.importing.backstage_mapping import Options
from pac.importing.run import import_into

EXAMPLES = Path(__file__).parent / "backstage-examples"
LEFT_OUT = "import-backstage-left-out"

# What becomes of each System, Component, Domain and Group of the example catalog: what it
# is imported as, and the rule of the finding that says why when it is not
EXPECTED: dict[str, tuple[str, str | None]] = {
    "system:artist-engagement-portal": ("product:artist-engagement-portal", None),
    "system:audio-playback": ("product:audio-playback", None),
    # owner: user:team-b names a User that does not exist (team-b is a Group)
    "system:podcast": ("not imported", "import-backstage-reference"),
    "component:artist-lookup": ("part of product:artist-engagement-portal", None),
    "component:www-artist": ("part of product:artist-engagement-portal", None),
    "component:playback-order": ("part of product:audio-playback", None),
    "component:playback-sdk": ("part of product:audio-playback", None),
    "component:shuffle-api": ("part of product:audio-playback", None),
    "component:podcast-api": ("part of product:podcast", None),
    "component:queue-proxy": ("part of product:podcast", None),
    # no spec.system: a product only with --products-from component
    "component:petstore": ("left out", LEFT_OUT),
    "component:example": ("left out", LEFT_OUT),
    "component:wayback-archive": ("left out", LEFT_OUT),
    "component:wayback-archive-ingestion": ("left out", LEFT_OUT),
    "component:wayback-archive-storage": ("left out", LEFT_OUT),
    "component:wayback-search": ("left out", LEFT_OUT),
    "component:alternative/different-namespace": ("left out", LEFT_OUT),
    # a name with a space, which Backstage refuses too
    "component:invalid component": ("not imported", "import-backstage-entity"),
    "domain:artists": ("capability:artists", None),
    "domain:audio": ("capability:audio", None),
    "domain:playback": ("capability:playback", None),
    "group:team-a": ("team:team-a", None),
    "group:team-b": ("team:team-b", None),
    "group:team-c": ("team:team-c", None),
    "group:team-d": ("team:team-d", None),
    "group:team-e": ("team:team-e", None),
    # not of type team: an organisation, a department and two sub-departments
    "group:acme-corp": ("left out", LEFT_OUT),
    "group:infrastructure": ("left out", LEFT_OUT),
    "group:backstage": ("left out", LEFT_OUT),
    "group:boxoffice": ("left out", LEFT_OUT),
}


def _catalog_entities(kinds: set[str]) -> dict[str, str]:
    """Every entity of these kinds in the example files, read with PyYAML rather than pac,
    as ref -> file: what the test must account for."""
    found = {}
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        for document in pyyaml.safe_load_all(path.read_text(encoding="utf-8")):
            if isinstance(document, dict) and document.get("kind", "").lower() in kinds:
                metadata = document["metadata"]
                namespace = metadata.get("namespace", "default")
                name = (
                    metadata["name"]
                    if namespace == "default"
                    else f"{namespace}/{metadata['name']}"
                )
                found[f"{document['kind'].lower()}:{name}"] = str(path)
    return found


def _read(paths: list[Path], **options: object) -> BackstageImport:
    return read_backstage(paths, options=Options(**options), known={})  # type: ignore[arg-type]


def _all_findings(read: BackstageImport) -> list:
    return [*read.findings, *(p for item in read.items for p in item.problems)]


def test_every_system_component_domain_and_group_of_the_examples_is_accounted_for() -> None:
    entities = _catalog_entities({"system", "component", "domain", "group"})
    assert sorted(entities) == sorted(EXPECTED)
    read = _read([EXAMPLES])
    findings = _all_findings(read)
    for ref, (outcome, rule) in EXPECTED.items():
        assert read.outcomes[ref] == outcome, ref
        if rule is not None:
            assert any(f.rule == rule and f.file == entities[ref] for f in findings), ref
    assert {item.kind: 0 for item in read.items} == {"capability": 0, "product": 0, "team": 0}


def test_every_user_is_a_member_of_the_teams_that_name_them() -> None:
    users = _catalog_entities({"user"})
    read = _read([EXAMPLES])
    assert {ref: read.outcomes[ref] for ref in users} == {
        ref: "member of team:" + team
        for ref, team in {
            "user:breanna.davison": "team-a",
            "user:janelle.dawe": "team-a",
            "user:nigel.manning": "team-a",
            "user:guest": "team-a",
            "user:development/guest": "team-a",  # memberOf: [group:default/team-a]
            "user:amelia.park": "team-b",
            "user:colette.brock": "team-b",
            "user:jenny.doe": "team-b",
            "user:jonathon.page": "team-b",
            "user:justine.barrow": "team-b",
            "user:calum.leavy": "team-c",
            "user:frank.tiernan": "team-c",
            "user:peadar.macmahon": "team-c",
            "user:sarah.gilroy": "team-c",
            "user:tara.macgovern": "team-c",
            "user:eva.macdowell": "team-d",
            "user:lucy.sheehan": "team-d",
        }.items()
    }


def test_the_examples_become_these_entities() -> None:
    items = {(i.kind, i.id): i for i in _read([EXAMPLES]).items}
    assert items[("product", "artist-engagement-portal")].fields == {
        "name": "Artist Engagement Portal",
        "description": "Everything related to artists",
        "kind": "application",
        "lifecycle": {"stage": "live"},  # production and experimental parts: live
        "owner": "team-a",
        "capabilities": ["artists"],
        "technology": [
            {"name": "artist-lookup (Component, service)"},
            {"name": "www-artist (Component, website)"},
            {"name": "artists-db (Resource, database)"},
        ],
        "tags": ["portal"],
    }
    assert items[("team", "team-d")].fields == {
        "name": "Team D",
        "contact": {"email": "team-d@example.com"},
        "members": [{"name": "Eva MacDowell"}, {"name": "Lucy Sheehan"}],
    }
    assert items[("capability", "artists")].fields == {
        "name": "Artists",
        "description": "Everything related to artists",
    }
    podcast = items[("product", "podcast")]
    [problem] = podcast.problems
    assert (problem.file, problem.line, problem.column) == (
        str(EXAMPLES / "systems" / "podcast-system.yaml"),
        7,
        10,
    )
    assert problem.message == (
        "line 7, field 'spec.owner': 'user:team-b' is no entity of the catalog or the portfolio"
    )
    assert problem.hint == "did you mean 'group:team-b'?"
    assert problem.entity == "system:podcast"


def test_the_locations_of_the_examples_are_followed_from_the_files_named() -> None:
    read = _read([EXAMPLES / "all.yaml"])  # all.yaml leaves out groups and users
    assert "group:team-c" not in read.outcomes
    assert read.outcomes["system:audio-playback"] == "not imported"  # team-c is unknown
    read = _read([EXAMPLES / "all.yaml", EXAMPLES / "acme" / "org.yaml"])
    assert read.outcomes["system:audio-playback"] == "product:audio-playback"
    assert read.outcomes["group:team-c"] == "team:team-c"
    assert "group:team-e" not in read.outcomes  # in acme/, but no Location names its file
    missing = sorted(
        f.message.split("not followed: ")[1]
        for f in read.findings
        if f.rule == "import-backstage-location"
    )
    assert missing == [
        f"'./apis/{name}' does not exist"
        for name in [
            "hello-world-api.yaml",
            "hello-world-trpc-api.yaml",
            "petstore-api.yaml",
            "spotify-api.yaml",
            "streetlights-api.yaml",
            "swapi-graphql.yaml",
        ]
    ]


def test_components_become_products_with_the_flag() -> None:
    read = _read([EXAMPLES], products_from="component")
    items = {(i.kind, i.id): i for i in read.items}
    assert read.outcomes["system:audio-playback"] == "left out"
    assert read.outcomes["component:wayback-archive-storage"] == "part of product:wayback-archive"
    assert read.outcomes["api:wayback-archive"] == "part of product:wayback-archive"
    assert items[("product", "wayback-search")].fields["depends_on"] == ["wayback-archive"]
    shuffle = items[("product", "shuffle-api")].fields
    assert (shuffle["owner"], shuffle["capabilities"]) == (
        "team-a",
        ["playback"],
    )  # user:guest's team
    assert items[("product", "playback-sdk")].fields["lifecycle"] == {"stage": "discovery"}
    assert items[("product", "alternative-different-namespace")].fields["owner"] == "team-a"


def _write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder



TEAM = _doc("Group", "team-a", "  type: team\n")


def test_refs_in_every_form_name_the_same_team(tmp_path: Path) -> None:
    systems = [
        _doc("System", f"s{i}", f"  owner: {ref}\n")
        for i, ref in enumerate(
            ["team-a", "group:team-a", "group:default/team-a", "default/team-a"]
        )
    ]
    other = _doc("System", "s4", "  owner: default/team-a\n", "  namespace: other\n")
    _write(tmp_path, {"catalog.yaml": "---\n".join([TEAM, *systems, other])})
    read = _read([tmp_path])
    assert {i.id: i.fields["owner"] for i in read.items if i.kind == "product"} == {
        "s0": "team-a",
        "s1": "team-a",
        "s2": "team-a",
        "s3": "team-a",
        "other-s4": "team-a",
    }
    assert [f for f in read.findings if f.severity == "error"] == []


def test_a_ref_in_another_namespace_is_looked_up_there(tmp_path: Path) -> None:
    system = _doc("System", "s", "  owner: team-a\n", "  namespace: other\n")
    _write(tmp_path, {"catalog.yaml": TEAM + "---\n" + system})
    [product] = [i for i in _read([tmp_path]).items if i.kind == "product"]
    [problem] = product.problems
    assert (problem.line, problem.message) == (
        14,
        "line 14, field 'spec.owner': 'team-a' (group:other/team-a) is no entity of the "
        "catalog or the portfolio",
    )
    assert problem.hint == "did you mean 'group:team-a'?"


def test_an_unresolvable_ref_is_a_finding_at_its_line_with_a_suggestion(tmp_path: Path) -> None:
    component = _doc(
        "Component",
        "c",
        "  type: service\n  lifecycle: production\n  owner: team-a\n  system: s\n"
        "  dependsOn: [component:d, resource:databse]\n",
    )
    resource = _doc("Resource", "database", "  type: database\n  owner: team-a\n  system: s\n")
    system = _doc("System", "s", "  owner: team-aa\n  domain: nowhere\n")
    _write(tmp_path, {"a.yaml": "---\n".join([TEAM, component, resource, system])})
    read = _read([tmp_path])
    [product] = [i for i in read.items if i.kind == "product"]
    assert [(p.line, p.hint) for p in product.problems] == [(33, "did you mean 'group:team-a'?")]
    assert sorted((f.severity.value, f.line, f.message, f.hint) for f in read.findings) == [
        (
            "warning",
            17,
            "line 17, field 'spec.dependsOn[0]': 'component:d' is no entity of the catalog "
            "or the portfolio",
            "add the entity to the catalog, or correct the ref",
        ),
        (
            "warning",
            17,
            "line 17, field 'spec.dependsOn[1]': 'resource:databse' is no entity of the "
            "catalog or the portfolio",
            "did you mean 'resource:database'?",
        ),
        (
            "warning",
            34,
            "line 34, field 'spec.domain': 'nowhere' (domain:nowhere) is no entity of the "
            "catalog or the portfolio",
            "add the entity to the catalog, or correct the ref",
        ),
    ]
    assert "depends_on" not in product.fields and "capabilities" not in product.fields


def test_refs_resolve_against_the_portfolio(tmp_path: Path) -> None:
    system = _doc("System", "s", "  owner: team-claims\n  domain: claims-management\n")
    _write(tmp_path, {"s.yaml": system})
    read = read_backstage([tmp_path], options=Options(), known=portfolio_ids(REFERENCE))
    [product] = read.items
    assert (product.fields["owner"], product.fields["capabilities"]) == (
        "team-claims",
        ["claims-management"],
    )
    assert (product.problems, read.findings[0].rule) == ((), "import-backstage-value")


def test_dependencies_between_systems_components_are_product_dependencies(tmp_path: Path) -> None:
    def component(name: str, system: str, depends: str = "[]") -> str:
        spec = f"  type: service\n  lifecycle: production\n  owner: team-a\n  system: {system}\n"
        return _doc("Component", name, spec + f"  dependsOn: {depends}\n  consumesApis: [api-b]\n")

    api = _doc(
        "API", "api-b", "  type: openapi\n  lifecycle: production\n  owner: team-a\n  system: b\n"
    )
    documents = [
        TEAM,
        _doc("System", "a", "  owner: team-a\n"),
        _doc("System", "b", "  owner: team-a\n"),
        _doc("System", "c", "  owner: team-a\n"),
        component("a1", "a", "[component:b1, component:a2]"),
        component("a2", "a"),
        component("b1", "b", "[component:c1]"),
        component("c1", "c"),
        api,
    ]
    _write(tmp_path, {"x.yaml": "---\n".join(documents)})
    products = {i.id: i.fields for i in _read([tmp_path]).items if i.kind == "product"}
    assert {pid: fields.get("depends_on") for pid, fields in products.items()} == {
        "a": ["b"],  # a1 -> b1 and the API of b; a2 is a's own
        "b": ["c"],  # b1 consumes its own system's API
        "c": ["b"],
    }


def test_a_system_s_stage_is_its_most_advanced_part_s(tmp_path: Path) -> None:
    def component(name: str, system: str, lifecycle: str) -> str:
        spec = f"  type: service\n  lifecycle: {lifecycle}\n  owner: team-a\n  system: {system}\n"
        return _doc("Component", name, spec)

    documents = [
        TEAM,
        *(_doc("System", s, "  owner: team-a\n") for s in "abcde"),
        component("a1", "a", "deprecated"),
        component("a2", "a", "experimental"),
        component("b1", "b", "deprecated"),
        component("c1", "c", "sandbox"),
        component("d1", "d", "sandbox"),
        component("d2", "d", "production"),
    ]
    _write(tmp_path, {"x.yaml": "---\n".join(documents)})
    read = _read([tmp_path], stage_map={"experimental": "discovery", "deprecated": "sunset"})
    stages = {i.id: i.fields["lifecycle"]["stage"] for i in read.items if i.kind == "product"}
    assert stages == {"a": "discovery", "b": "sunset", "c": "live", "d": "live", "e": "live"}
    assert sorted(
        (f.severity.value, f.entity, f.message.split(": ", 1)[1]) for f in read.findings
    ) == [
        ("info", "system:c", "system:c has no lifecycle the stage map knows: its stage is live"),
        ("info", "system:d", "system:d has no lifecycle the stage map knows: its stage is live"),
        ("info", "system:e", "system:e has no lifecycle the stage map knows: its stage is live"),
        (
            "warning",
            "component:c1",
            "lifecycle 'sandbox' is not in the stage map: it does not set a stage",
        ),
        (
            "warning",
            "component:d1",
            "lifecycle 'sandbox' is not in the stage map: it does not set a stage",
        ),
        (
            "warning",
            "component:d2",
            "lifecycle 'production' is not in the stage map: it does not set a stage",
        ),
    ]


def test_names_that_make_the_same_id_are_reported_and_neither_is_imported(tmp_path: Path) -> None:
    teams = [_doc("Group", name, "  type: team\n") for name in ("team_a", "Team.A", "team-b")]
    _write(tmp_path, {"x.yaml": "---\n".join(teams)})
    read = _read([tmp_path])
    assert [i.id for i in read.items] == ["team-b"]
    assert [(f.rule, f.line, f.message.split(": ", 1)[1]) for f in read.findings] == [
        (
            "import-backstage-id-collision",
            4,
            f"group:team_a makes the team id 'team-a', as group:team.a ({tmp_path}/x.yaml, "
            "line 11) does",
        ),
        (
            "import-backstage-id-collision",
            11,
            f"group:team.a makes the team id 'team-a', as group:team_a ({tmp_path}/x.yaml, "
            "line 4) does",
        ),
    ]
    assert read.outcomes["group:team_a"] == read.outcomes["group:team.a"] == "not imported"


def test_links_and_owners_pac_cannot_take_are_findings(tmp_path: Path) -> None:
    links = (
        "  links:\n    - url: https://example.com/a\n      title: Docs\n"
        "    - url: https://example.com/b\n      title: Docs\n"
        "    - url: ftp://example.com/c\n    - url: https://example.com/d\n      icon: dashboard\n"
    )
    documents = [
        TEAM,
        _doc("Group", "dept", "  type: department\n"),
        _doc("System", "s", "  owner: team-a\n", links),
        _doc("System", "t", "  owner: dept\n"),
        _doc("System", "u", "  type: feature-set\n"),
    ]
    _write(tmp_path, {"x.yaml": "---\n".join(documents)})
    items = {i.id: i for i in _read([tmp_path], kind_map={"feature-set": "platform"}).items}
    assert items["s"].fields["links"] == {
        "Docs": "https://example.com/a",
        "Docs (2)": "https://example.com/b",
        "dashboard": "https://example.com/d",
    }
    assert [p.message.split(": ", 1)[1] for p in items["t"].problems] == [
        "owner group:dept (of type department) is not a team: only Groups of the types team "
        "become teams"
    ]
    assert items["u"].fields["kind"] == "platform"
    assert [p.message.split(": ", 1)[1] for p in items["u"].problems] == [
        "spec.owner is missing: a product needs the team that owns it"
    ]


def test_the_same_catalog_gives_byte_identical_files(tmp_path: Path) -> None:
    trees = []
    for run in ("first", "second"):
        root = tmp_path / run
        shutil.copytree(REFERENCE, root / "portfolio")
        shutil.copytree(REPO / "schemas", root / "schemas")
        reading = backstage_reading([EXAMPLES], options=Options(), into=root / "portfolio")
        outcome = import_into(root / "portfolio", reading, source="examples", today=TODAY)
        assert len(outcome.written) == 10
        trees.append(root / "portfolio")
    comparison = filecmp.dircmp(*trees)
    assert _differences(comparison) == []


def _differences(comparison: filecmp.dircmp[str]) -> list[str]:
    found = [*comparison.left_only, *comparison.right_only, *comparison.diff_files]
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found
