"""Reading a Backstage catalog (pac.importing.backstage_files): several entities per file,
Locations followed to local files inside the PATHs only, never through a link, never to a
web address, loops reported; every problem a finding at its file and line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pac.errors import PacError
from pac.findings import Finding, Severity
from pac.importing.backstage_files import read_catalog


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _entity(kind: str, name: str, spec: str = "{}") -> str:
    head = f"apiVersion: backstage.io/v1alpha1\nkind: {kind}\n"
    return head + f"metadata:\n  name: {name}\nspec: {spec}\n"


def _location(*targets: str) -> str:
    listed = "".join(f"\n    - {t}" for t in targets)
    return (
        "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: loc\n"
        f"spec:\n  targets:{listed}\n"
    )


def _seen(findings: list[Finding]) -> list[tuple[str, str, int, str]]:
    return [(f.rule, f.file, f.line, f.message) for f in findings]


def test_every_document_of_a_file_is_an_entity_with_its_line(tmp_path: Path) -> None:
    _write(tmp_path, {"org.yaml": _entity("Group", "team-a") + "---\n" + _entity("User", "jo")})
    catalog = read_catalog([tmp_path])
    assert [(str(d.ref), d.document, d.line) for d in catalog.descriptors] == [
        ("group:team-a", 0, 1),
        ("user:jo", 1, 6),
    ]
    assert catalog.findings == []


def test_a_location_s_targets_are_read_relative_to_its_file(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "all.yaml": _location("./teams/a.yaml", "teams/../b.yaml"),
            "teams/a.yaml": _entity("Group", "a"),
            "b.yaml": _entity("Group", "b"),
        },
    )
    catalog = read_catalog([tmp_path / "all.yaml"])  # a file's PATH is its folder
    assert sorted(str(d.ref) for d in catalog.descriptors) == ["group:a", "group:b"]
    assert (catalog.files, catalog.findings) == (3, [])


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    _write(tmp_path, {"all.yaml": _location("./a.yaml", "a.yaml"), "a.yaml": _entity("Group", "a")})
    catalog = read_catalog([tmp_path])
    assert [str(d.ref) for d in catalog.descriptors] == ["group:a"]
    assert catalog.files == 2


def test_a_location_cycle_is_reported_once_and_read_once(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "a.yaml": _location("./b.yaml"),
            "b.yaml": _location("./c.yaml") + "---\n" + _entity("Group", "g"),
            "c.yaml": _location("./a.yaml"),
        },
    )
    catalog = read_catalog([tmp_path / "a.yaml"])
    assert [str(d.ref) for d in catalog.descriptors] == ["group:g"]
    shown = str(tmp_path / "c.yaml")
    assert _seen(catalog.findings) == [
        (
            "import-backstage-location-cycle",
            shown,
            7,
            "line 7, field 'spec.targets[0]': Locations lead back to themselves: "
            f"{tmp_path}/a.yaml -> {tmp_path}/b.yaml -> {tmp_path}/c.yaml -> {tmp_path}/a.yaml",
        )
    ]
    assert catalog.findings[0].severity is Severity.WARNING


def test_a_location_naming_itself_is_a_cycle(tmp_path: Path) -> None:
    _write(tmp_path, {"a.yaml": _location("./a.yaml")})
    [finding] = read_catalog([tmp_path]).findings
    assert finding.rule == "import-backstage-location-cycle"
    assert finding.message.endswith(f"{tmp_path}/a.yaml -> {tmp_path}/a.yaml")


def test_a_target_outside_the_paths_is_not_read(tmp_path: Path) -> None:
    _write(tmp_path, {"inside/all.yaml": _location("../outside.yaml", "/etc/passwd")})
    _write(tmp_path, {"outside.yaml": _entity("Group", "secret")})
    catalog = read_catalog([tmp_path / "inside"])
    assert catalog.descriptors == []
    assert [(f.rule, f.line, f.message.split(": ", 1)[1]) for f in catalog.findings] == [
        (
            "import-backstage-location",
            7,
            "not followed: '../outside.yaml' is outside the folders given to pac import backstage",
        ),
        (
            "import-backstage-location",
            8,
            "not followed: '/etc/passwd' is outside the folders given to pac import backstage",
        ),
    ]
    assert catalog.findings[0].hint == "give its folder to pac import backstage as a PATH too"


def test_a_target_inside_another_path_is_read(tmp_path: Path) -> None:
    _write(tmp_path, {"a/all.yaml": _location("../b/x.yaml"), "b/x.yaml": _entity("Group", "x")})
    catalog = read_catalog([tmp_path / "a", tmp_path / "b" / "x.yaml"])
    assert [str(d.ref) for d in catalog.descriptors] == ["group:x"]
    assert catalog.findings == []


def test_a_symlink_is_never_followed(tmp_path: Path) -> None:
    _write(tmp_path, {"real/x.yaml": _entity("Group", "x"), "cat/all.yaml": _location("./x.yaml")})
    _write(tmp_path, {"real/y.yaml": _entity("Group", "y")})
    os.symlink(tmp_path / "real" / "x.yaml", tmp_path / "cat" / "x.yaml")
    os.symlink(tmp_path / "real", tmp_path / "cat" / "linked")
    _write(tmp_path, {"cat/more.yaml": _location("./linked/y.yaml")})
    catalog = read_catalog([tmp_path / "cat"])
    assert catalog.descriptors == []
    link = "it is a symbolic link, which pac does not follow"
    assert sorted((f.rule, f.message) for f in catalog.findings) == [
        ("import-backstage-file", f"{tmp_path}/cat/x.yaml is not read: {link}"),
        (
            "import-backstage-location",
            f"line 7, field 'spec.targets[0]': not followed: './linked/y.yaml' {link}",
        ),
    ]


def test_a_path_that_is_a_link_or_missing_stops_the_run(tmp_path: Path) -> None:
    os.symlink(tmp_path, tmp_path / "link")
    with pytest.raises(PacError, match="is a symbolic link, which pac does not follow"):
        read_catalog([tmp_path / "link"])
    with pytest.raises(PacError, match="does not exist"):
        read_catalog([tmp_path / "missing"])


def test_web_addresses_patterns_missing_files_and_folders_are_not_followed(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "all.yaml": _location(
                "https://github.com/x/y/blob/main/catalog-info.yaml",
                "./**/catalog-info.yaml",
                "./gone.yaml",
                "./folder",
            ),
            "folder/x.yaml": _entity("Group", "x"),
        },
    )
    findings = read_catalog([tmp_path / "all.yaml"]).findings
    assert [(f.severity.value, f.line, f.message.split("not followed: ")[1]) for f in findings] == [
        (
            "info",
            7,
            "'https://github.com/x/y/blob/main/catalog-info.yaml' is a web address: pac reads "
            "local files only and fetches nothing",
        ),
        (
            "warning",
            8,
            "'./**/catalog-info.yaml' is a pattern: pac follows targets that name one file",
        ),
        ("error", 9, "'./gone.yaml' does not exist"),
        ("error", 10, "'./folder' is a folder"),
    ]


def test_a_url_location_is_not_followed(tmp_path: Path) -> None:
    text = _location("./a.yaml").replace("spec:\n", "spec:\n  type: url\n")
    _write(tmp_path, {"all.yaml": text, "a.yaml": _entity("Group", "a")})
    catalog = read_catalog([tmp_path / "all.yaml"])
    assert catalog.descriptors == []
    assert [f.rule for f in catalog.findings] == ["import-backstage-location"]


def test_yaml_problems_are_findings_and_the_other_documents_are_read(tmp_path: Path) -> None:
    text = (
        _entity("Group", "a")
        + "---\n"
        + _entity("Group", "b").replace("spec: {}", "spec: !!set {}")
    )
    _write(tmp_path, {"x.yaml": text + "---\n" + _entity("Group", "c")})
    catalog = read_catalog([tmp_path])
    assert [str(d.ref) for d in catalog.descriptors] == ["group:a", "group:c"]
    assert _seen(catalog.findings) == [
        (
            "import-backstage-file",
            f"{tmp_path}/x.yaml",
            11,
            "line 11: YAML tag '!!set' is not allowed",
        )
    ]


def test_invalid_entities_are_findings_at_their_field(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "x.yaml": _entity("Component", "invalid component")
            + "---\n"
            + _entity("Group", "a").replace("v1alpha1", "v2")
            + "---\n"
            + _entity("Group", "a")
            + "---\n"
            + _entity("Group", "a"),
        },
    )
    catalog = read_catalog([tmp_path])
    assert [str(d.ref) for d in catalog.descriptors] == ["group:a"]
    assert [(f.rule, f.line, f.message.split(": ", 1)[1]) for f in catalog.findings] == [
        (
            "import-backstage-entity",
            4,
            "metadata.name 'invalid component' is not a valid Backstage name: letters and "
            "digits, with - _ . between them, at most 63 characters",
        ),
        (
            "import-backstage-entity",
            7,
            "apiVersion 'backstage.io/v2' is not one of backstage.io/v1alpha1, "
            "backstage.io/v1beta1",
        ),
        (
            "import-backstage-entity",
            22,
            f"group:a is defined again (first in {tmp_path}/x.yaml, line 16): only the first "
            "is imported",
        ),
    ]
    assert catalog.rejected == [
        "component:invalid component",
        "group:a",
        f"group:a ({tmp_path}/x.yaml, line 22)",
    ]


def test_other_yaml_in_a_folder_is_left_out_named_files_must_be_entities(tmp_path: Path) -> None:
    _write(tmp_path, {"api.oas.yaml": "openapi: 3.0.0\n", "all.yaml": _location("./api.oas.yaml")})
    findings = read_catalog([tmp_path / "all.yaml"]).findings
    assert [(f.rule, f.message) for f in findings] == [
        ("import-backstage-entity", "line 1: this document is not a Backstage entity")
    ]
    _write(tmp_path, {"all.yaml": _entity("Group", "a")})
    findings = read_catalog([tmp_path]).findings
    assert [(f.rule, f.severity.value, f.message) for f in findings] == [
        (
            "import-backstage-left-out",
            "info",
            f"{tmp_path}/api.oas.yaml holds no Backstage entity: it is left out",
        )
    ]


def test_files_too_large_or_not_utf8_are_findings(tmp_path: Path) -> None:
    (tmp_path / "big.yaml").write_text("a: " + "x" * (1024 * 1024) + "\n")
    (tmp_path / "latin.yaml").write_bytes(b"name: caf\xe9\n")
    findings = read_catalog([tmp_path]).findings
    assert [f.message for f in findings] == [
        f"{tmp_path}/big.yaml is not read: file is 1,048,580 bytes, over the limit of 1,048,576",
        f"{tmp_path}/latin.yaml is not UTF-8 text",
    ]


def test_paths_are_shown_as_the_user_gave_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, {"cat/a.yaml": "a: [\n"})
    monkeypatch.chdir(tmp_path)
    [finding] = read_catalog([Path("cat")]).findings
    assert (finding.file, finding.line) == ("cat/a.yaml", 2)


def test_a_long_chain_of_locations_is_followed_and_its_loop_named_briefly(tmp_path: Path) -> None:
    count = 3_000  # deeper than Python's recursion limit
    _write(tmp_path, {f"l{i}.yaml": _location(f"./l{(i + 1) % count}.yaml") for i in range(count)})
    _write(tmp_path, {"l2999.yaml": _location("./l0.yaml") + "---\n" + _entity("Group", "end")})
    catalog = read_catalog([tmp_path / "l0.yaml"])
    assert (catalog.files, [str(d.ref) for d in catalog.descriptors]) == (count, ["group:end"])
    [finding] = catalog.findings
    assert finding.file == f"{tmp_path}/l2999.yaml"
    assert finding.message.endswith(
        ": Locations lead back to themselves: "
        + " -> ".join(f"{tmp_path}/l{i}.yaml" for i in range(6))
        + f" -> ... (3000 files) -> {tmp_path}/l0.yaml"
    )
