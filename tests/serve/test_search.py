"""The search index across partial builds: a partial build's entries replace those of the
pages it converted, in their place, and removed pages leave the index."""

from __future__ import annotations

import json
from pathlib import Path

from pac.serve.search import merge, page_of, read_index, write_index

CONFIG = {"lang": ["en"], "separator": "[\\s\\-]+"}


def entry(location: str, text: str = "") -> dict[str, str]:
    return {"location": location, "title": location, "text": text}


WHOLE = {"config": CONFIG, "docs": [
    entry("index.html"), entry("index.html#funding"),
    entry("products/a.html"), entry("products/a.html#kpis"),
    entry("products/b.html"),
    entry("teams/t.html"),
]}


def test_a_rebuilt_page_has_its_new_entries_where_its_old_ones_stood() -> None:
    part = {"config": CONFIG, "docs": [entry("products/a.html", "new"),
                                       entry("products/a.html#roadmap", "new")]}
    merged = merge(WHOLE, part, pages=["products/a.html"])
    assert [(e["location"], e["text"]) for e in merged["docs"]] == [
        ("index.html", ""), ("index.html#funding", ""),
        ("products/a.html", "new"), ("products/a.html#roadmap", "new"),
        ("products/b.html", ""), ("teams/t.html", "")]
    assert merged["config"] == CONFIG
    assert [e["location"] for e in WHOLE["docs"]][2:4] == ["products/a.html",
                                                          "products/a.html#kpis"]  # untouched


def test_removed_pages_leave_and_new_pages_join_at_the_end() -> None:
    part = {"config": CONFIG, "docs": [entry("products/c.html"), entry("index.html", "2")]}
    merged = merge(WHOLE, part, pages=["products/b.html", "products/c.html", "index.html"])
    assert [(e["location"], e["text"]) for e in merged["docs"]] == [
        ("index.html", "2"), ("products/a.html", ""), ("products/a.html#kpis", ""),
        ("teams/t.html", ""), ("products/c.html", "")]


def test_a_page_excluded_from_search_loses_its_entries() -> None:
    merged = merge(WHOLE, {"config": CONFIG, "docs": []}, pages=["teams/t.html"])
    assert "teams/t.html" not in [e["location"] for e in merged["docs"]]
    assert len(merged["docs"]) == len(WHOLE["docs"]) - 1


def test_the_page_of_an_entry_is_its_location_without_the_anchor() -> None:
    assert page_of(entry("products/a.html#kpis")) == "products/a.html"
    assert page_of(entry("index.html")) == "index.html"
    assert page_of({"title": "no location"}) == ""


def test_the_index_is_read_and_written_as_material_writes_it(tmp_path: Path) -> None:
    assert read_index(tmp_path) is None
    (tmp_path / "search").mkdir()
    index = {"config": CONFIG, "docs": [entry("products/é.html", "Zürich")]}
    write_index(tmp_path, index)
    text = (tmp_path / "search" / "search_index.json").read_text()
    assert text == json.dumps(index, separators=(",", ":"))
    assert "\\u00e9" in text  # non-ASCII escaped, as json.dumps does by default
    assert read_index(tmp_path) == index
    (tmp_path / "search" / "search_index.json").write_text('{"docs": "not a list"}')
    assert read_index(tmp_path) is None
