"""Issue 13's round trip: `pac export --format backstage`, then `pac import backstage` of
that folder into an empty portfolio, gives the same portfolio, entity by entity and field
by field, for every kind the import writes. Both are the real commands; the portfolios are
compared as `pac validate` loads them, every field of every model (so a new field is
covered without anyone adding it here)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml as pyyaml
from backstage.cases import awkward_portfolio
from click.testing import CliRunner
from conftest import EXAMPLE, REFERENCE, REPO
from support import inside
from support import run as validate

from pac.cli import cli

TODAY = ["--today", "2026-11-22"]
# What the round trip does not carry, and why, in the words of the README's paragraph
NOT_CARRIED = {
    # the import pipeline writes products, teams, capabilities and objectives only
    "funding": "the\nfunding periods (`pac.dev/funding-records`), as the import pipeline writes",
    # an import never changes portfolio.yaml: this test writes it back from the annotation
    "settings": "`portfolio.yaml` (`pac.dev/settings`), as an import never changes",
}
CARRIED = ("products", "teams", "capabilities", "objectives")


def _pac(repo: Path, *args: str) -> tuple[int, str]:
    with inside(repo):
        result = CliRunner().invoke(cli, list(args), env={"GITHUB_ACTIONS": ""})
    return result.exit_code, result.output


def _source(name: str, tmp_path: Path) -> Path:
    if name != "awkward":
        return {"reference": REFERENCE, "example": EXAMPLE}[name]
    folder = tmp_path / "awkward"
    shutil.copytree(REFERENCE, folder)
    awkward_portfolio(folder)
    return folder


def _organisation(catalog: Path) -> dict[str, Any]:
    groups = pyyaml.safe_load_all((catalog / "groups.yaml").read_text(encoding="utf-8"))
    return next(g for g in groups if g["spec"]["type"] == "organization")


def _differences(before: Any, after: Any, kind: str) -> list[str]:
    """kind:id.field for every field that differs, and each entity only one side has."""
    old, new = getattr(before, kind), getattr(after, kind)
    found = [f"{kind}:{i} only before" for i in sorted(set(old) - set(new))]
    found += [f"{kind}:{i} only after" for i in sorted(set(new) - set(old))]
    for entity_id in sorted(set(old) & set(new)):
        fields = type(old[entity_id]).model_fields
        found += [
            f"{kind}:{entity_id}.{field}"
            for field in fields
            if getattr(old[entity_id], field) != getattr(new[entity_id], field)
        ]
    return found


@pytest.mark.parametrize("name", ["reference", "example", "awkward"])
def test_export_then_import_gives_the_same_portfolio(name: str, tmp_path: Path) -> None:
    source = _source(name, tmp_path)
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    shutil.copytree(REPO / "schemas", repo / "schemas")
    catalog = tmp_path / "catalog"
    code, output = _pac(repo, "export", str(source), "--format", "backstage", "--out",
                        str(catalog), "--site-url", "https://example.com/pac", *TODAY)
    assert code == 0, output

    into = repo / "portfolio"
    into.mkdir()
    # portfolio.yaml back from the organisation's annotation, as the import's note says
    (into / "portfolio.yaml").write_text(
        _organisation(catalog)["metadata"]["annotations"]["pac.dev/settings"], encoding="utf-8"
    )
    if (source / "extensions").is_dir():  # files of their own, not in the export
        shutil.copytree(source / "extensions", into / "extensions")
    code, output = _pac(repo, "import", "backstage", str(catalog), "--into", str(into), *TODAY)
    assert code == 0, output
    importer = [line for line in output.splitlines() if " import-backstage-" in line]
    assert [line.split(" ")[1:3] for line in importer] == [
        ["info", "import-backstage-left-out"]] * 2, output  # the funding and the settings
    assert "pac.dev/funding-records" in importer[0] and "pac.dev/settings" in importer[1]

    before, after = validate(source).portfolio, validate(into).portfolio
    assert after.settings == before.settings
    for kind in CARRIED:
        assert getattr(before, kind), f"the {name} portfolio has no {kind} to carry"
        assert _differences(before, after, kind) == []
    assert before.funding and after.funding == {}, NOT_CARRIED["funding"]


def test_the_readme_says_what_the_round_trip_does_not_carry() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("#### The round trip")
    section = readme[start : readme.index("\n#", start + 1)]
    for kind, words in NOT_CARRIED.items():
        assert words in section, kind
    assert "the funding periods\nare the one kind not carried" in section
