"""pac.importing.write: the plan's files, each whole, never through a link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pac.errors import PacError
from pac.importing.entities import Imported, Where
from pac.importing.plan import NEW, UNCHANGED, UPDATE, Plan, Planned
from pac.importing.write import write_plan


def planned(path: str, action: str, text: str = "id: x\n") -> Planned:
    return Planned(Imported("team", "x", {}, Where("t.csv", 2)), path, action, text)


def test_new_and_updated_files_are_written(tmp_path: Path) -> None:
    folder = tmp_path / "portfolio"
    (folder / "teams").mkdir(parents=True)
    (folder / "teams" / "old.yaml").write_text("id: old\n")
    plan = Plan(
        (
            planned("teams/new.yaml", NEW, "id: new\n"),
            planned("teams/old.yaml", UPDATE, "id: old\nname: Old\n"),
            planned("teams/same.yaml", UNCHANGED),
        ),
        (),
        3,
    )
    written = write_plan(plan, portfolio=folder, root=tmp_path)
    assert written == [folder / "teams" / "new.yaml", folder / "teams" / "old.yaml"]
    assert (folder / "teams" / "new.yaml").read_text() == "id: new\n"
    assert (folder / "teams" / "old.yaml").read_text() == "id: old\nname: Old\n"
    assert not (folder / "teams" / "same.yaml").exists()
    assert sorted(os.listdir(folder / "teams")) == ["new.yaml", "old.yaml"]  # no temporary file


def test_a_new_file_never_replaces_one_that_appeared(tmp_path: Path) -> None:
    folder = tmp_path / "portfolio"
    (folder / "teams").mkdir(parents=True)
    (folder / "teams" / "new.yaml").write_text("mine\n")
    with pytest.raises(PacError, match="already exists: nothing was written"):
        write_plan(Plan((planned("teams/new.yaml", NEW),), (), 1), portfolio=folder, root=tmp_path)
    assert (folder / "teams" / "new.yaml").read_text() == "mine\n"


def test_never_through_a_linked_folder(tmp_path: Path) -> None:
    folder = tmp_path / "portfolio"
    folder.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (folder / "teams").symlink_to(elsewhere)
    with pytest.raises(PacError, match="symbolic link"):
        write_plan(Plan((planned("teams/x.yaml", NEW),), (), 1), portfolio=folder, root=tmp_path)
    assert list(elsewhere.iterdir()) == []


def test_portfolio_yaml_is_written_in_the_portfolio_folder(tmp_path: Path) -> None:
    folder = tmp_path / "portfolio"
    folder.mkdir()
    plan = Plan((planned("portfolio.yaml", NEW, "name: New\n"),), (), 1)
    assert write_plan(plan, portfolio=folder, root=tmp_path) == [folder / "portfolio.yaml"]
    assert (folder / "portfolio.yaml").read_text() == "name: New\n"
    with pytest.raises(PacError):  # never replaced, should one appear since the plan
        write_plan(plan, portfolio=folder, root=tmp_path)
