"""pac.importing.references: references to entities in neither the portfolio nor the
import, followed until nothing changes."""

from __future__ import annotations

from pathlib import Path

from conftest import REFERENCE

from pac.findings import Finding
from pac.importing.entities import Imported, Where
from pac.importing.references import unknown_references
from pac.load.files import read_directory
from pac.load.parse import from_loaded, load

KNOWN = from_loaded(load(read_directory(REFERENCE)))


def capability(row: int, entity_id: str, parent: str) -> Imported:
    return Imported("capability", entity_id, {"name": entity_id, "parent": parent},
                    Where("c.csv", row), {"parent": Where("c.csv", row, 3, "Parent")})


def test_a_parent_in_the_import_or_the_portfolio() -> None:
    found: list[Finding] = []
    items = [capability(2, "intake", "claims-management"), capability(3, "triage", "intake"),
             capability(4, "lost", "nowhere"), capability(5, "orphan", "lost")]
    kept = unknown_references(items, KNOWN, found)
    assert [i.id for i in kept] == ["intake", "triage"]
    assert [(f.line, f.column, f.message) for f in found] == [
        (4, 3, "row 4, column 'Parent': parent 'nowhere' is not a capability in the portfolio "
               "or the import"),
        (5, 3, "row 5, column 'Parent': parent 'lost' is not a capability in the portfolio or "
               "the import"),
    ]
    assert found[0].hint.startswith("add the capability first (pac new capability nowhere")


def test_unwritten_entities_are_checked_but_do_not_count() -> None:
    found: list[Finding] = []
    items = [capability(2, "intake", "claims-management"), capability(3, "triage", "intake")]
    kept = unknown_references(items, KNOWN, found, unwritten={id(items[0])})
    assert kept == []
    assert [f.line for f in found] == [3]


def test_teams_have_no_references(tmp_path: Path) -> None:
    found: list[Finding] = []
    team = Imported("team", "team-x", {"name": "X"}, Where("t.csv", 2))
    assert unknown_references([team], KNOWN, found) == [team]
    assert found == []
