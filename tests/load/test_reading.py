"""Reading a portfolio directory: read-only, bounded, every file accounted for."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BOMB, REPO
from support import run, short

from pac.load.files import MAX_FILE_BYTES


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p): (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()
    }


def test_validation_never_writes(reference: Path) -> None:
    broken = reference / "products" / "fraud-scoring.yaml"
    broken.write_text(broken.read_text() + "name: twice\nownr: x\n")
    before = _snapshot(reference)
    for path in reference.rglob("*"):
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        result = run(reference)
    finally:
        for path in reference.rglob("*"):
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
    assert {f.rule for f in result.findings} == {"duplicate-key", "unknown-field"}
    assert _snapshot(reference) == before
    assert sorted(os.listdir(reference)) == sorted(
        ["portfolio.yaml", "products", "teams", "capabilities", "objectives", "funding"]
    )


def test_file_over_one_mebibyte_is_not_read(reference: Path) -> None:
    big = reference / "products" / "huge.yaml"
    big.write_text("id: huge\nname: Huge\ndescription: " + "x" * MAX_FILE_BYTES + "\n")
    assert [short(f) for f in run(reference).findings] == [
        "portfolio/products/huge.yaml:1:1: error yaml-syntax"
    ]


def test_hostile_files_exit_1_with_no_traceback(reference: Path) -> None:
    hostile = {
        "bomb.yaml": BOMB,
        "utf8.yaml": b"id: utf8\nname: \xff\xfe\n",
        "tabs.yaml": "id: tabs\n\tname: x\n",
        "docs.yaml": "id: docs\nname: a\n---\nid: b\n",
        "empty.yaml": "",
        "list.yaml": "- a\n",
        "tag.yaml": "id: tag\nname: !!python/object/apply:os.system ['true']\n",
        "deep.yaml": "id: deep\nname: " + "[" * 300_000 + "\n",
    }
    for name, content in hostile.items():
        path = reference / "products" / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)
    done = subprocess.run(
        [sys.executable, "-m", "pac", "validate", str(reference), "--today", "2026-11-22"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    reported = {
        line.split(":")[0].rsplit("/", 1)[-1]
        for line in done.stdout.splitlines()
        if " error " in line
    }
    assert reported == set(hostile)
    assert done.stdout.rstrip().splitlines()[-1].startswith("8 errors")


def test_a_broken_link_is_a_finding(reference: Path) -> None:
    (reference / "products" / "ghost.yaml").symlink_to(reference / "nowhere.yaml")
    [finding] = run(reference).findings
    assert (finding.rule, finding.file, finding.line) == (
        "yaml-syntax", "portfolio/products/ghost.yaml", 1)
    assert finding.message.startswith("the file cannot be read")


def test_parsing_on_every_core_gives_the_same_result(reference: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import pac.load.parse

    (reference / "products" / "broken.yaml").write_text("id: broken\nname: [x\n")
    (reference / "teams" / "latin1.yaml").write_bytes(b"id: latin1\nname: caf\xe9\n")
    serial = run(reference)
    monkeypatch.setattr(pac.load.parse, "PARALLEL_FROM", 2)
    parallel = run(reference)
    assert parallel.findings == serial.findings
    assert parallel.portfolio.products == serial.portfolio.products
    assert {f.rule for f in serial.findings} >= {"yaml-syntax"}


def test_a_link_is_not_followed_wherever_it_leads(reference: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: team-secret\nname: top secret value\n")
    (reference / "teams" / "leak.yaml").symlink_to(secret)
    # a link inside the portfolio folder is not read either: git does not follow one (--at)
    (reference / "teams" / "alias").mkdir()
    (reference / "teams" / "alias" / "team-claims.yaml").symlink_to(
        reference / "teams" / "team-claims.yaml")
    # nor is a link to a folder: it is not a YAML file, so it is not read at all, as in git
    (reference / "products" / "more").symlink_to(tmp_path)
    findings = run(reference).findings
    links = [f for f in findings if f.rule == "yaml-syntax"]
    assert [(f.file, f.line, f.message) for f in links] == [
        (f"portfolio/teams/{name}", 1,
         "the file cannot be read: it is a symbolic link, which pac does not follow")
        for name in ("alias/team-claims.yaml", "leak.yaml")]
    assert all("top secret" not in f.message + f.hint for f in findings)
    assert not any(f.rule == "duplicate-id" for f in findings)
