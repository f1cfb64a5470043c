"""pac.render.importing: the report of an import in text and JSON."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from pac.importing.entities import Imported, Where, import_finding
from pac.importing.run import Reading, import_into
from pac.render.importing import IMPORT_FORMATS, counts_line, next_step

TODAY = datetime.date(2026, 11, 22)


def team(row: int, name: str) -> Imported:
    return Imported("team", f"team-{name.lower()}", {"name": name}, Where("t.csv", row))


def test_a_dry_run_in_text(reference: Path) -> None:
    bad = import_finding("import-bad-id", Where("t.csv", 4, 1, "Team"), "row 4, column 'Team': "
                         "'***' makes no id", "fill the cell")
    outcome = import_into(reference, Reading([team(2, "Ops"), team(3, "Data")], [bad], 1),
                          source="t.csv", today=TODAY, dry_run=True)
    lines = IMPORT_FORMATS["text"](outcome).splitlines()
    assert lines[:7] == [
        "t.csv:4:1: error import-bad-id row 4, column 'Team': '***' makes no id",
        "    hint: fill the cell",
        "added team:team-data: Data (teams/team-data.yaml)",
        "    name: (none) → Data",
        "added team:team-ops: Ops (teams/team-ops.yaml)",
        "    name: (none) → Ops",
        "Would write 2 files from t.csv: 2 new, 0 updated, 0 unchanged; 1 row not imported.",
    ]
    assert lines[7].startswith("Validation: ")
    assert lines[-1] == ("Next: correct the rows above in the source (or the mapping) and "
                         "import again; rows already written are reported as existing unless "
                         "you give --update.")


def test_an_import_in_json(reference: Path) -> None:
    outcome = import_into(reference, Reading([team(2, "Ops")], []), source="t.csv", today=TODAY)
    document = json.loads(IMPORT_FORMATS["json"](outcome))
    assert document["summary"] == {"entities": 1, "new": 1, "updated": 0, "unchanged": 0,
                                   "not_imported": 0, "errors": 0}
    assert document["files"] == [{
        "path": "portfolio/teams/team-ops.yaml", "action": "new", "entity": "team:team-ops",
        "kind": "team", "id": "team-ops", "status": "added", "name": "Ops", "old_id": None,
        "changes": [{"path": "name", "kind": "value", "old": None, "new": "Ops"}]}]
    assert document["validation"]["errors"] == 0
    assert document["next"] == next_step(outcome)
    assert counts_line(outcome) == "Wrote 1 file from t.csv: 1 new, 0 updated, 0 unchanged."
