"""pac import backstage: Backstage's example catalog imported into a copy of the reference
portfolio by the real command, then pac validate on the result; --dry-run, files never
overwritten, --update, the flags, and the same files from the same catalog."""

from __future__ import annotations

import filecmp
import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import REFERENCE, REPO, TESTS
from support import inside

from pac.cli import cli
from pac.cli.importing import STAGES

EXAMPLES = TESTS / "importing" / "backstage-examples"
TODAY = ["--today", "2026-11-22"]
WRITTEN = [
    "capabilities/artists.yaml",
    "capabilities/audio.yaml",
    "capabilities/playback.yaml",
    "products/artist-engagement-portal.yaml",
    "products/audio-playback.yaml",
    "teams/team-a.yaml",
    "teams/team-b.yaml",
    "teams/team-c.yaml",
    "teams/team-d.yaml",
    "teams/team-e.yaml",
]


def repo_with_portfolio(tmp_path: Path) -> Path:
    """The reference portfolio in a repository, with the example catalog beside it."""
    repo = tmp_path / "repo"
    shutil.copytree(REFERENCE, repo / "portfolio")
    shutil.copytree(REPO / "schemas", repo / "schemas")
    shutil.copytree(EXAMPLES, repo / "catalog")
    (repo / ".git").mkdir()
    return repo


def run(repo: Path, *args: str) -> tuple[int, str]:
    with inside(repo):
        result = CliRunner().invoke(cli, list(args), env={"GITHUB_ACTIONS": ""})
    return result.exit_code, result.output


def new_files(repo: Path) -> list[str]:
    folder = repo / "portfolio"
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*.yaml")
        if not (REFERENCE / p.relative_to(folder)).exists()
    )


def test_the_example_catalog_is_imported_and_the_portfolio_validates(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    code, out = run(repo, "import", "backstage", "catalog", *TODAY)
    assert code == 1, out  # the catalog has problems: each is reported, the rest imported
    lines = out.splitlines()
    counts = next(i for i, line in enumerate(lines) if line.startswith("Wrote"))
    assert lines[counts : counts + 2] == [
        "Wrote 10 files from catalog: 10 new, 0 updated, 0 unchanged; 2 rows not imported.",
        "Validation: 0 errors, 8 warnings, 7 infos in 22 files (5 products, 7 teams, "
        "7 capabilities, 1 objective, 1 funding period).",
    ]
    assert (
        "catalog/systems/podcast-system.yaml:7:10: error import-backstage-reference line 7, "
        "field 'spec.owner': 'user:team-b' is no entity of the catalog or the portfolio"
    ) in lines
    assert lines[lines.index(next(x for x in lines if "podcast-system" in x)) + 1] == (
        "    hint: did you mean 'group:team-b'?"
    )
    assert (
        "catalog/components/invalid-component.yaml:4:9: error import-backstage-entity line 4, "
        "field 'metadata.name': metadata.name 'invalid component' is not a valid Backstage "
        "name: letters and digits, with - _ . between them, at most 63 characters"
    ) in lines
    assert new_files(repo) == WRITTEN
    assert (repo / "portfolio" / "products" / "audio-playback.yaml").read_text() == (
        "# yaml-language-server: $schema=../../schemas/product.schema.json\n"
        "id: audio-playback\n"
        "name: audio-playback\n"
        "description: Audio playback system\n"
        "kind: application\n"
        "lifecycle:\n"
        "  stage: live\n"
        "owner: team-c\n"
        "capabilities: [playback]\n"
        "technology:\n"
        '  - name: "playback-order (Component, service)"\n'
        '  - name: "playback-sdk (Component, library)"\n'
        '  - name: "shuffle-api (Component, service)"\n'
    )
    code, out = run(repo, "validate", *TODAY)
    assert code == 0, out
    assert "0 errors" in out.splitlines()[-1]


def test_a_dry_run_writes_nothing_and_says_what_it_would(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    code, out = run(
        repo,
        "import",
        "backstage",
        "catalog/all.yaml",
        "catalog/acme/org.yaml",
        "--dry-run",
        *TODAY,
    )
    assert code == 1, out
    assert new_files(repo) == []
    lines = out.splitlines()
    assert (
        "Would write 9 files from catalog/all.yaml catalog/acme/org.yaml: 9 new, 0 updated, "
        "0 unchanged; 1 row not imported."  # the podcast system: its owner is no User
    ) in lines
    team_d = lines.index("added team:team-d: Team D (teams/team-d.yaml)")
    assert lines[team_d + 1 : team_d + 5] == [
        "    contact.email: (none) → team-d@example.com",
        "    members[Eva MacDowell]: added",
        "    members[Lucy Sheehan]: added",
        "    name: (none) → Team D",
    ]
    assert "teams/team-e.yaml" not in out  # no Location names its file


def test_files_are_never_overwritten_without_update(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    run(repo, "import", "backstage", "catalog", *TODAY)
    team = repo / "portfolio" / "teams" / "team-a.yaml"
    team.write_text(team.read_text() + "capacity_fte: 5\n")
    code, out = run(repo, "import", "backstage", "catalog", *TODAY)
    assert code == 1
    assert "Wrote 0 files from catalog: 0 new, 0 updated, 0 unchanged; 12 rows not imported." in out
    assert "error import-file-exists" in out
    code, out = run(repo, "import", "backstage", "catalog", "--update", *TODAY)
    assert "Wrote 0 files from catalog: 0 new, 0 updated, 10 unchanged; 2 rows not imported." in out
    assert team.read_text().endswith("capacity_fte: 5\n")  # what the import does not map stays


def test_components_as_products_and_more_team_types(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    code, out = run(
        repo,
        "import",
        "backstage",
        "catalog",
        "--products-from",
        "component",
        "--team-types",
        "team, sub-department",
        "--kind-map",
        "website=platform",
        "--format",
        "json",
        *TODAY,
    )
    report = json.loads(out)
    assert code == 1, out
    written = {
        Path(f["path"]).stem for f in report["files"] if f["path"].startswith("portfolio/products")
    }
    assert written == {
        "alternative-different-namespace",
        "artist-lookup",
        "example",
        "playback-order",
        "playback-sdk",
        "podcast-api",
        "queue-proxy",
        "shuffle-api",
        "wayback-archive",
        "wayback-search",
        "www-artist",
    }  # not petstore: its owner group:sre is not in the catalog
    assert (repo / "portfolio" / "teams" / "boxoffice.yaml").exists()
    www = (repo / "portfolio" / "products" / "www-artist.yaml").read_text()
    assert "kind: platform\n" in www and "depends_on: [artist-lookup]\n" in www


def test_a_flag_that_cannot_be_read_stops_the_run(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    code, out = run(repo, "import", "backstage", "catalog", "--stage-map", "sandbox=beta")
    assert code == 2
    assert "'beta' is not one of ideation, discovery, build, live, sunset, retired" in out
    code, out = run(repo, "import", "backstage", "catalog", "--kind-map", "website")
    assert (code, "'website' is not NAME=VALUE" in out) == (2, True)
    code, out = run(repo, "import", "backstage", "missing")
    assert (code, "missing does not exist" in out) == (2, True)


def test_the_stages_the_flags_take_are_the_model_s() -> None:
    from pac.model import STAGES as MODEL_STAGES

    assert STAGES == MODEL_STAGES


def test_the_same_catalog_writes_byte_identical_files(tmp_path: Path) -> None:
    first = repo_with_portfolio(tmp_path / "first")
    second = repo_with_portfolio(tmp_path / "second")
    for repo in (first, second):
        run(repo, "import", "backstage", "catalog", *TODAY)
    comparison = filecmp.dircmp(first / "portfolio", second / "portfolio")
    assert _differences(comparison) == []
    assert len(new_files(first)) == len(WRITTEN)


def _differences(comparison: filecmp.dircmp[str]) -> list[str]:
    found = [*comparison.left_only, *comparison.right_only, *comparison.diff_files]
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found
