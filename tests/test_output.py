"""Where commands write: a path that cannot be written is one line and exit 2, nothing is
left half-written, and builds into one folder at once take turns."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REFERENCE
from support import inside

from pac.cli import cli
from pac.errors import PacError
from pac.output import MARKER, WORK_PREFIX, write_folder

BUILD = ["build", "portfolio", "--no-history", "--today", "2026-11-22"]
EXPORT = ["export", "portfolio", "--today", "2026-11-22"]
OUT = "give --out a path you can write to"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(REFERENCE, tmp_path / "portfolio")
    (tmp_path / "afile").write_text("a file, not a folder\n")
    return tmp_path


def pac(folder: Path, *args: str) -> tuple[int, str]:
    with inside(folder):
        result = CliRunner().invoke(cli, list(args), env={"SOURCE_DATE_EPOCH": "1795000000"})
    return result.exit_code, result.output


def listing(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.mark.parametrize(("args", "message"), [
    ([*BUILD, "--out", "afile/site"],
     f"cannot write afile/site: afile is a file, not a folder: {OUT}"),
    ([*BUILD, "--out", "afile"], f"cannot write afile: it is a file, not a folder: {OUT}"),
    ([*BUILD, "--out", "/proc/x"], f"cannot write /proc/x: no such file or directory: {OUT}"),
    ([*BUILD, "--out", "site", "--project", "afile/p"],
     "cannot write afile/p: afile is a file, not a folder: give --project a path you can write to"),
    ([*EXPORT, "--out", "nodir/x.json"],
     f"cannot write nodir/x.json: the folder nodir does not exist (create it first): {OUT}"),
    ([*EXPORT, "--out", "portfolio"], f"cannot write portfolio: it is a folder, not a file: {OUT}"),
    ([*EXPORT, "--out", "afile/x.json"],
     f"cannot write afile/x.json: afile is a file, not a folder: {OUT}"),
    ([*EXPORT, "--out", "/proc/x.json"],
     f"cannot write /proc/x.json: no such file or directory: {OUT}"),
    ([*EXPORT, "--format", "csv", "--out", "afile"],
     f"cannot write afile: it is a file, not a folder: {OUT}"),
    (["schema", "--out", "afile/schemas"],
     f"cannot write afile/schemas: afile is a file, not a folder: {OUT}"),
], ids=["build-under-a-file", "build-over-a-file", "build-in-proc", "project-under-a-file",
        "json-in-a-missing-folder", "json-over-a-folder", "json-under-a-file", "json-in-proc",
        "csv-over-a-file", "schema-under-a-file"])
def test_a_path_that_cannot_be_written_is_one_line(folder: Path, args: list[str], message: str
                                                   ) -> None:
    before = listing(folder)
    code, out = pac(folder, *args)
    assert (code, out) == (2, f"Error: {message}\n")
    assert listing(folder) == before
    assert not any(name.startswith(".pac-build") for name in os.listdir("/proc"))


def test_codeowners_beside_a_github_file(folder: Path) -> None:
    (folder / ".git").mkdir()
    (folder / ".github").write_text("")
    code, out = pac(folder, "codeowners", "portfolio")
    assert code == 2
    assert out.endswith(": it is a file, not a folder: make "
                        f"{folder.resolve() / '.github'} a folder you can write to\n")
    assert out.count("\n") == 1 and out.startswith(f"Error: cannot write {folder.resolve()}")


def test_export_replaces_a_file_whole(folder: Path) -> None:
    (folder / "out.json").write_text("old")
    assert pac(folder, *EXPORT, "--out", "out.json")[0] == 0
    assert (folder / "out.json").read_text().startswith("{")
    assert sorted(p.name for p in folder.iterdir()) == ["afile", "out.json", "portfolio"]


def _build(folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pac", *BUILD, "--out", "site"], cwd=folder,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "SOURCE_DATE_EPOCH": "1795000000",
                                 "GITHUB_ACTIONS": ""})


def test_concurrent_builds_take_turns_and_clean_up(folder: Path) -> None:
    # someone's folder that only looks like the swap's: pac must not touch it
    (folder / ".site.old").mkdir()
    (folder / ".site.old" / "keep.txt").write_text("mine")
    # a build killed while it works leaves its folder behind ...
    killed = _build(folder)
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(WORK_PREFIX) for p in folder.iterdir()):
        assert killed.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    killed.send_signal(signal.SIGKILL)
    killed.communicate()
    assert any(p.name.startswith(WORK_PREFIX) for p in folder.iterdir())
    # ... which the next builds remove, however many run at once
    builds = [_build(folder) for _ in range(3)]
    outputs = [b.communicate(timeout=300)[0] for b in builds]
    assert [b.returncode for b in builds] == [0] * 3, outputs
    assert sorted(p.name for p in folder.iterdir()) == [".site.old", "afile", "portfolio", "site"]
    assert (folder / ".site.old" / "keep.txt").read_text() == "mine"
    assert (folder / "site" / MARKER).is_file()
    assert (folder / "site" / "products" / "claims-portal.html").is_file()
    assert "Northwind Mutual" in (folder / "site" / "index.html").read_text()


def test_write_folder_replaces_what_pac_wrote_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "catalog"
    write_folder(target, {"a.yaml": "a\n", "b.yaml": "b\n"})
    assert listing(target) == [MARKER, "a.yaml", "b.yaml"]
    write_folder(target, {"c.yaml": "c\n"})  # a file of the last export does not linger
    assert listing(target) == [MARKER, "c.yaml"]
    assert (target / "c.yaml").read_text() == "c\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(WORK_PREFIX)]
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine\n")
    with pytest.raises(PacError, match="exists and pac did not build it"):
        write_folder(mine, {"a.yaml": "a\n"})
    assert listing(mine) == ["notes.txt"]


def test_write_folder_leaves_the_folder_as_it_was_when_a_file_fails(tmp_path: Path) -> None:
    target = tmp_path / "catalog"
    write_folder(target, {"a.yaml": "a\n"})
    with pytest.raises(PacError, match="not UTF-8"):
        write_folder(target, {"b.yaml": "b\n", "c.yaml": "\udc80"})
    assert listing(target) == [MARKER, "a.yaml"]
