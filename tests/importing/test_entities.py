"""pac.importing.entities: where an imported value came from, and findings there."""

from __future__ import annotations

import pytest

from pac.findings import Severity
from pac.importing.entities import Imported, Where, import_finding


def test_where_describes_a_cell_a_row_and_a_yaml_field() -> None:
    assert Where("apps.csv", 7, 3, "Status").describe() == "row 7, column 'Status'"
    assert Where("apps.csv", 7).describe() == "row 7"
    yaml_field = Where("catalog-info.yaml", 12, 5, "spec.owner", unit="line", label_kind="field")
    assert yaml_field.describe() == "line 12, field 'spec.owner'"
    assert Where("apps.csv").describe() == "apps.csv"


def test_a_field_is_found_where_it_or_its_parent_came_from() -> None:
    row, cell = Where("a.csv", 4), Where("a.csv", 4, 2, "Stage")
    item = Imported("product", "x", {"lifecycle": {"stage": "live"}}, row, {"lifecycle": cell})
    assert item.where("lifecycle.stage") == cell
    assert item.where("owner") == row


def test_import_finding_is_an_error_at_the_place() -> None:
    f = import_finding("import-bad-date", Where("a.csv", 4, 2, "Since"), "row 4: bad", "fix")
    assert (f.file, f.line, f.column, f.rule, f.severity) == (
        "a.csv",
        4,
        2,
        "import-bad-date",
        Severity.ERROR,
    )
    assert import_finding("import-bad-id", Where("a.csv"), "m").line == 1
    with pytest.raises(ValueError, match="unknown import rule"):
        import_finding("import-nonsense", Where("a.csv"), "m")


def test_each_kind_names_its_entity_by_its_own_field() -> None:
    where = Where("c.yaml", 1)
    assert Imported("team", "team-a", {"name": "A"}, where).data() == {"id": "team-a", "name": "A"}
    assert Imported("funding", "FY2028", {}, where).data() == {"period": "FY2028"}
    assert Imported("portfolio", "portfolio", {"name": "N"}, where).data() == {"name": "N"}
