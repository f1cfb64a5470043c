"""Backstage accepts what `pac export --format backstage` writes: every entity of the
example, the reference and the awkward portfolio goes through Backstage's own validators
(`@backstage/catalog-model`, pinned in package.json, run by Node in validate.mjs), every
reference in them names an entity of the export, and Backstage's YAML reader reads back
exactly the entities pac wrote. A broken entity is refused, so the check can fail.

The README's test command installs the package (`npm ci --prefix tests/backstage`); without
Node or the package these tests fail and say what to install.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE, REFERENCE, TODAY
from support import run

from backstage.cases import BAD_LINKS, awkward_portfolio
from pac.figures.scorecard import score
from pac.render.backstage_fields import is_link_url
from pac.render.export_backstage import export_backstage
from pac.yaml import dump_documents

HERE = Path(__file__).parent
PACKAGE = HERE / "node_modules" / "@backstage" / "catalog-model" / "package.json"
INSTALL = "install Node.js and npm, then run: npm ci --prefix tests/backstage"


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail(f"node is missing, which runs Backstage's validators: {INSTALL}")
    pinned = json.loads((HERE / "package.json").read_text())["dependencies"]
    if not PACKAGE.is_file():
        pytest.fail(f"@backstage/catalog-model is not installed in tests/backstage: {INSTALL}")
    installed = json.loads(PACKAGE.read_text())["version"]
    # .ci/latest installs the newest release on purpose, and says so with PAC_UNLOCKED
    if installed != pinned["@backstage/catalog-model"] and not os.environ.get("PAC_UNLOCKED"):
        pytest.fail(
            f"tests/backstage has @backstage/catalog-model {installed}, not the "
            f"{pinned['@backstage/catalog-model']} package.json pins: {INSTALL}"
        )
    return node


def backstage_checks(files: list[Path]) -> list[dict[str, Any]]:
    """What Backstage's validators say about each document of the files."""
    done = subprocess.run(
        [_node(), str(HERE / "validate.mjs"), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["catalogModel"] == json.loads(PACKAGE.read_text())["version"]
    return report["entities"]  # type: ignore[no-any-return]


def _export(folder: Path, out: Path) -> list[dict[str, Any]]:
    """Export `folder` into `out`; the entities as pac wrote them, the Location first."""
    result = run(folder)
    scores = score(result.portfolio, result.findings, TODAY)
    exported = export_backstage(result.portfolio, scores, site_url="https://example.com/pac")
    out.mkdir()
    for name, text in exported.files().items():
        (out / name).write_text(text, encoding="utf-8")
    return exported.entities


def _awkward(tmp_path: Path) -> Path:
    folder = tmp_path / "awkward"
    shutil.copytree(REFERENCE, folder)
    awkward_portfolio(folder)
    return folder


@pytest.mark.parametrize("name", ["example", "reference", "awkward"])
def test_backstage_accepts_every_entity(name: str, tmp_path: Path) -> None:
    folder = {"example": EXAMPLE, "reference": REFERENCE}.get(name) or _awkward(tmp_path)
    out = tmp_path / "catalog"
    written = _export(folder, out)
    location = out / "catalog-info.yaml"
    targets = [out / t for t in backstage_checks([location])[0]["entity"]["spec"]["targets"]]
    assert sorted(p.name for p in out.iterdir()) == sorted(["catalog-info.yaml"] + [
        p.name for p in targets])
    checked = backstage_checks([location, *targets])
    assert [(c["file"], c["errors"]) for c in checked if c["errors"]] == []
    # Backstage's YAML reader reads exactly what pac wrote
    by_name = {(e["kind"], e["metadata"]["name"]): e for e in written}
    assert {(c["kind"], c["entity"]["metadata"]["name"]): c["entity"] for c in checked[1:]} == (
        by_name
    )
    refs = [c["ref"] for c in checked]
    assert len(set(refs)) == len(refs), "two entities share a name"
    dangling = [(c["ref"], r) for c in checked for r in c["references"] if r["ref"] not in refs]
    assert dangling == []
    if name == "example":
        kinds = [c["kind"] for c in checked]
        assert [kinds.count(k) for k in ("Location", "Group", "User", "Domain", "System")] == [
            1, 13, 52, 25, 36]


def _broken(entity: dict[str, Any], change: str) -> dict[str, Any]:
    metadata, spec = entity["metadata"], entity["spec"]
    if change == "tag":
        metadata["tags"] = ["Customer Facing"]
    elif change == "name":
        metadata["name"] = "claims portal"
    elif change == "long name":
        metadata["name"] = "x" * 64
    elif change == "owner":
        del spec["owner"]
    elif change == "reference":
        spec["owner"] = "group:default/Claims Team"
    elif change == "link":
        metadata["links"] = [{"url": "http://example.com:99999/", "title": "port"}]
    elif change == "annotation":
        metadata["annotations"]["pac.dev/level"] = 1
    elif change == "root field":
        entity["status"] = {}
    return entity


@pytest.mark.parametrize(("change", "error"), [
    ("tag", 'policy: "tags.0" is not valid; expected a string that is sequences of [a-z0-9+#]'),
    ("name", 'policy: "metadata.name" is not valid; expected a string that is sequences of'),
    ("long name", 'policy: "metadata.name" is not valid; expected a string that is sequences'),
    ("owner", "kind: /spec must have required property 'owner'"),
    ("reference", 'spec.owner: the name "Claims Team" is not valid'),
    ("link", 'policy: "links.0.url" is not valid; expected a string that is a valid url'),
    ("annotation", "policy: Malformed envelope, /metadata/annotations/pac.dev~1level must be "
     "string"),
    ("root field", "policy: Unknown field status"),
])
def test_backstage_refuses_a_broken_entity(change: str, error: str, tmp_path: Path) -> None:
    entities = _export(REFERENCE, tmp_path / "catalog")
    system = next(e for e in entities if e["metadata"]["name"] == "claims-portal")
    broken = tmp_path / "broken.yaml"
    broken.write_text(dump_documents([system, _broken(copy.deepcopy(system), change)]))
    accepted, refused = backstage_checks([broken])
    assert accepted["errors"] == []
    assert len(refused["errors"]) == 1
    assert refused["errors"][0].startswith(error), refused["errors"]


def test_text_is_read_back_as_written(tmp_path: Path) -> None:
    """What YAML 1.2 (JavaScript's yaml, as Backstage reads) would take for a number, a
    boolean or null stays text, as Backstage requires of an annotation."""
    from test_yaml import TRICKY_TEXT

    entities = _export(REFERENCE, tmp_path / "catalog")
    system = next(e for e in entities if e["kind"] == "System")
    annotations = system["metadata"]["annotations"]
    annotations.update({f"pac.dev/tricky-{i}": text for i, text in enumerate(TRICKY_TEXT)})
    path = tmp_path / "tricky.yaml"
    path.write_text(dump_documents([system]), encoding="utf-8")
    [checked] = backstage_checks([path])
    assert checked["errors"] == []
    assert checked["entity"] == system


def test_links_pac_shows_are_links_backstage_accepts(tmp_path: Path) -> None:
    """pac's check of a link's URL is stricter than Backstage's own (`new URL`), never
    looser: a link it shows in metadata.links is always accepted."""
    urls = [*BAD_LINKS.values(), "https://example.com./a", "http://a_b.example:8080/x?y#z",
            "https://10.0.0.1/", "mailto:team@example.com", "http://example.0x/",
            "http://1.2.3/", "http://exa<mple.com/", "https://xn--bcher-kva.example/"]
    script = (
        "const urls = JSON.parse(process.argv[1]);"
        "console.log(JSON.stringify(urls.map((u) => { try { new URL(u); return true; }"
        " catch { return false; } })));"
    )
    done = subprocess.run([_node(), "-e", script, json.dumps(urls)], capture_output=True,
                          text=True, timeout=60, check=True)
    accepted = dict(zip(urls, json.loads(done.stdout), strict=True))
    assert [u for u in urls if is_link_url(u) and not accepted[u]] == []
    assert [u for u in urls if is_link_url(u)] == [
        "https://example.com/blank-title", "https://example.com./a",
        "http://a_b.example:8080/x?y#z", "https://10.0.0.1/", "mailto:team@example.com"]
