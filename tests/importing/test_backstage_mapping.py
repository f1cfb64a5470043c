"""The mapping's choices and the fields every kind carries over
(pac.importing.backstage_mapping): the defaults, links, refs that are not text."""

from __future__ import annotations

from pathlib import Path

from backstage_docs import doc as _doc
from backstage_docs import mapper as _mapper

from pac.findings import Severity
from pac.importing.backstage_mapping import KIND_MAP, STAGE_MAP, Options


def test_the_defaults_are_the_issue_s_mapping() -> None:
    options = Options()
    assert (options.products_from, options.team_types) == ("system", ("team",))
    assert (
        dict(options.stage_map)
        == STAGE_MAP
        == {
            "experimental": "discovery",
            "production": "live",
            "deprecated": "sunset",
        }
    )
    assert dict(options.kind_map) == KIND_MAP
    assert (options.default_stage, options.default_kind) == ("live", "application")


def test_links_are_named_by_title_type_or_icon(tmp_path: Path) -> None:
    links = (
        "  links:\n"
        "    - url: https://a.example\n      title: Runbook\n"
        "    - url: https://b.example\n      type: runbook\n"
        "    - url: mailto:team@example.com\n"
        "    - url: javascript:alert(1)\n      title: Bad\n"
        "    - just text\n"
    )
    mapper = _mapper(tmp_path, _doc("System", "s", "  owner: x\n", links))
    assert mapper.links(mapper.catalog.descriptors[0]) == {
        "Runbook": "https://a.example",
        "runbook": "https://b.example",
        "link": "mailto:team@example.com",
    }
    assert [(f.line, f.severity) for f in mapper.findings] == [
        (11, Severity.WARNING),
        (13, Severity.WARNING),
    ]
