"""pac import backstage on a catalog pac exported (pac.importing.backstage_restore and the
decoder, backstage_pac): pac's annotations decide each field, the Backstage mapping only
what they lack, a catalog without them imports as before, and an annotation that cannot be
read is a warning. tests/cli/test_backstage_roundtrip.py has the whole round trip."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from conftest import REFERENCE, TODAY
from support import run

from pac.figures.scorecard import score
from pac.findings import Severity
from pac.importing.backstage import BackstageImport, read_backstage
from pac.importing.backstage_mapping import Options
from pac.importing.entities import Imported
from pac.render.export_backstage import export_backstage
from pac.yaml import dump_documents

EXAMPLES = Path(__file__).parent / "backstage-examples"
NO_IDS: dict[str, set[str]] = {}


def _exported() -> list[dict[str, Any]]:
    result = run(REFERENCE)
    scores = score(result.portfolio, result.findings, TODAY)
    return export_backstage(result.portfolio, scores).entities


def _read(entities: list[dict[str, Any]], tmp_path: Path) -> BackstageImport:
    path = tmp_path / "catalog.yaml"
    path.write_text(dump_documents(entities), encoding="utf-8")
    return read_backstage([path], options=Options(), known=NO_IDS)


def _by_id(read: BackstageImport) -> dict[tuple[str, str], Imported]:
    return {(i.kind, i.id): i for i in read.items}


def _system(entities: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(e for e in entities if e["metadata"]["name"] == name)


def test_a_pac_export_gives_the_portfolio_s_fields(tmp_path: Path) -> None:
    read = _read(_exported(), tmp_path)
    items = _by_id(read)
    fraud = items[("product", "fraud-scoring")].fields
    assert fraud["kind"] == "service"  # spec.type as it is, not through the kind map
    assert fraud["lifecycle"] == {"stage": "build", "since": datetime.date(2026, 2, 1)}
    assert fraud["roadmap"] == [{"quarter": "2027-Q1", "themes": ["Model retraining pipeline"]}]
    assert [f.rule for f in read.findings if f.severity is not Severity.INFO] == []
    organisation = read.outcomes["group:northwind-mutual"]
    assert organisation == (
        "the portfolio: objective:digital-self-service, funding:FY2027, portfolio.yaml"
    )
    assert sorted(items) == [
        ("capability", "claims-and-risk"), ("capability", "claims-management"),
        ("capability", "customer-management"), ("capability", "fraud-management"),
        ("funding", "FY2027"), ("objective", "digital-self-service"),
        ("portfolio", "portfolio"), ("product", "claims-portal"),
        ("product", "customer-identity"), ("product", "fraud-scoring"),
        ("team", "team-claims"), ("team", "team-risk-data"),
    ]


def test_a_theme_mapping_and_the_priorities_come_back_as_written(
    reference: Path, tmp_path: Path
) -> None:
    product = reference / "products" / "fraud-scoring.yaml"
    product.write_text(product.read_text().replace(
        "      - Model retraining pipeline\n",
        "      - theme: Model retraining pipeline\n        status: done\n"
        "        objective: digital-self-service\n      - {theme: Drift alerts}\n"
        "      - Appeals\n"))
    settings = reference / "portfolio.yaml"
    settings.write_text(settings.read_text() + (
        "priorities:\n  - {quarter: 2027-Q1, name: Self-service first, objectives: "
        "[digital-self-service]}\n"))
    result = run(reference)
    scores = score(result.portfolio, result.findings, TODAY)
    items = _by_id(_read(export_backstage(result.portfolio, scores).entities, tmp_path))
    [quarter] = items[("product", "fraud-scoring")].fields["roadmap"]
    assert quarter == {"quarter": "2027-Q1", "themes": [
        {"theme": "Model retraining pipeline", "status": "done",
         "objective": "digital-self-service"},
        {"theme": "Drift alerts"},  # a mapping stays one, its default status left out
        "Appeals"]}
    assert items[("portfolio", "portfolio")].fields["priorities"] == [
        {"quarter": "2027-Q1", "name": "Self-service first",
         "objectives": ["digital-self-service"]}]


def test_funding_and_settings_come_back_as_their_files_hold_them(tmp_path: Path) -> None:
    items = _by_id(_read(_exported(), tmp_path))
    funding = items[("funding", "FY2027")].fields
    assert (funding["start"], funding["envelope"]) == (datetime.date(2027, 1, 1), Decimal(4000000))
    assert funding["allocations"][0] == {
        "product": "claims-portal", "run": Decimal(900000), "change": Decimal(650000),
        "source": "cc-claims-ops",
    }
    assert "period" not in funding  # the id, as `id` is for the other kinds
    assert items[("portfolio", "portfolio")].fields["name"] == "Northwind Mutual"


def test_an_existing_portfolio_yaml_is_reported_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "catalog.yaml"
    path.write_text(dump_documents(_exported()), encoding="utf-8")
    read = read_backstage([path], options=Options(), known={"portfolio": {"portfolio"}})
    assert not [i for i in read.items if i.kind == "portfolio"]
    [note] = [f for f in read.findings if "pac.dev/settings" in f.message]
    assert (note.rule, note.severity) == ("import-backstage-left-out", Severity.INFO)
    assert "an import never changes an existing portfolio.yaml" in note.message
    assert note.hint.startswith("to restore them, write the JSON of pac.dev/settings")
    assert read.outcomes["group:northwind-mutual"].endswith("funding:FY2027")


def test_without_pac_s_annotations_the_backstage_mapping_decides(tmp_path: Path) -> None:
    entities = _exported()
    for e in entities:
        kept = {k: v for k, v in e["metadata"].pop("annotations").items() if "pac.dev" not in k}
        e["metadata"]["annotations"] = kept
    read = _read(entities, tmp_path)
    items = _by_id(read)
    portal = items[("product", "claims-portal")].fields
    # a System's description is the summary; no lifecycle: the default stage, with a note
    assert portal["description"] == (
        "Lets policyholders file, track and settle insurance claims online."
    )
    assert portal["lifecycle"] == {"stage": "live"}
    assert "kpis" not in portal and "summary" not in portal
    assert items[("product", "fraud-scoring")].fields["kind"] == "service"
    assert items[("team", "team-claims")].fields["members"][0] == {"name": "Ana Lima"}
    assert not [k for k in items if k[0] == "objective"]
    assert read.outcomes["group:northwind-mutual"] == "left out"


def test_the_examples_import_as_the_backstage_mapping_says(tmp_path: Path) -> None:
    """Backstage's example catalog has no pac annotation: no field comes from one."""
    read = read_backstage([EXAMPLES], options=Options(), known=NO_IDS)
    origins = [w.label for i in read.items for w in i.field_origins.values()]
    assert origins and not [o for o in origins if "annotations" in o]
    assert read.outcomes["group:acme-corp"] == "left out"


def test_a_removed_stage_annotation_leaves_the_stage_to_the_lifecycle(tmp_path: Path) -> None:
    entities = _exported()
    portal = _system(entities, "claims-portal")
    del portal["metadata"]["annotations"]["pac.dev/stage"]
    portal["spec"]["lifecycle"] = "experimental"
    fields = _by_id(_read(entities, tmp_path))[("product", "claims-portal")].fields
    assert fields["lifecycle"] == {"stage": "discovery"}  # and no stage-since without a stage
    assert fields["kpis"]  # the other annotations still count


def test_an_annotation_that_is_not_json_is_left_out_with_a_warning(tmp_path: Path) -> None:
    entities = _exported()
    _system(entities, "claims-portal")["metadata"]["annotations"]["pac.dev/kpis"] = "[{"
    read = _read(entities, tmp_path)
    fields = _by_id(read)[("product", "claims-portal")].fields
    assert "kpis" not in fields and fields["customers"]
    [warning] = [f for f in read.findings if f.severity is Severity.WARNING]
    assert warning.rule == "import-backstage-value"
    assert warning.entity == "system:claims-portal"
    where = "field 'metadata.annotations.pac.dev/kpis'"
    assert f"{where}: annotation pac.dev/kpis is not valid JSON" in warning.message
