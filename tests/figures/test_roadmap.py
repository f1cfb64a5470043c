"""pac.figures.roadmap: a theme written as a sentence or as a mapping, read the same way by
the rules and the pages."""

from __future__ import annotations

from typing import Any

import pytest

from pac.figures.roadmap import (
    as_theme,
    counted,
    is_dropped,
    quarter_entries,
    theme_objectives,
    theme_text,
)
from pac.model import Product
from pac.model.product import Theme


def _product(objectives: list[str], roadmap: list[dict[str, Any]] | None = None) -> Product:
    return Product.model_validate({
        "id": "p", "name": "P", "kind": "service", "lifecycle": {"stage": "live"},
        "owner": "t", "objectives": objectives, "roadmap": roadmap or []})


def test_a_sentence_is_a_planned_theme_with_no_objective_of_its_own() -> None:
    assert as_theme("Guest checkout") == Theme(theme="Guest checkout")
    assert as_theme("Guest checkout").status == "planned"
    mapping = Theme(theme="Apple Pay", status="done", objective="grow")
    assert as_theme(mapping) is mapping
    assert (theme_text("Guest checkout"), theme_text(mapping)) == ("Guest checkout", "Apple Pay")


@pytest.mark.parametrize(("theme", "expected"), [
    ("x", ("b", "a")),  # a sentence serves its product's objectives, in their order
    (Theme(theme="x"), ("b", "a")),
    (Theme(theme="x", status="done"), ("b", "a")),  # a promise kept still served them
    (Theme(theme="x", objective="c"), ("c",)),  # its own objective, instead of the product's
    (Theme(theme="x", status="in-progress", objective="c"), ("c",)),
    (Theme(theme="x", status="dropped"), ()),  # a dropped theme serves nothing
    (Theme(theme="x", status="dropped", objective="c"), ()),
])
def test_the_objectives_a_theme_serves(theme: str | Theme, expected: tuple[str, ...]) -> None:
    assert theme_objectives(_product(["b", "a"]), theme) == expected


def test_a_theme_of_a_product_without_objectives_serves_its_own_or_none() -> None:
    assert theme_objectives(_product([]), "x") == ()
    assert theme_objectives(_product([]), Theme(theme="x", objective="c")) == ("c",)


def test_only_dropped_themes_stop_counting() -> None:
    themes: list[str | Theme] = [
        "a", Theme(theme="b", status="dropped"), Theme(theme="c", status="done"),
        Theme(theme="d", status="in-progress"), Theme(theme="e")]
    assert [theme_text(t) for t in counted(themes)] == ["a", "c", "d", "e"]
    assert [is_dropped(t) for t in themes] == [False, True, False, False, False]


def test_each_entry_of_a_quarter_with_its_position() -> None:
    product = _product([], [{"quarter": "2027-Q1", "themes": ["a"]},
                            {"quarter": "2027-Q2", "themes": ["b"]},
                            {"quarter": "2027-Q1", "themes": ["c"]}])
    found = [(i, [theme_text(t) for t in e.themes])
             for i, e in quarter_entries(product, "2027-Q1")]
    assert found == [(0, ["a"]), (2, ["c"])]
    assert list(quarter_entries(product, "2026-Q4")) == []
