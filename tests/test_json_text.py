"""pac.json_text: the one serialiser of pac's JSON outputs, with exact numbers."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest

from pac.json_text import number_text, to_json


@pytest.mark.parametrize(("value", "text"), [
    ("300000.30", "300000.3"), ("4000000", "4000000"), ("4E+6", "4000000"),
    ("999999999999999.99", "999999999999999.99"), ("0.10", "0.1"), ("0.000001", "0.000001"),
    ("-12.50", "-12.5"), ("0E-8", "0"), ("1e99", "1E+99"), ("1.5e-40", "1.5E-40"),
])
def test_numbers_are_written_exactly_and_shortest(value: str, text: str) -> None:
    assert number_text(Decimal(value)) == text
    assert json.loads(text, parse_float=Decimal, parse_int=Decimal) == Decimal(value)


def test_decimals_are_json_numbers_never_strings_or_floats() -> None:
    document = {"envelope": Decimal("999999999999999.99"), "run": Decimal("4000000.00"),
                "shares": [Decimal("33.34"), Decimal("33.33")], "count": 3, "ratio": 0.5,
                "since": datetime.date(2026, 11, 22), "name": "Ω"}
    assert to_json(document) == (
        '{"envelope": 999999999999999.99, "run": 4000000, "shares": [33.34, 33.33], '
        '"count": 3, "ratio": 0.5, "since": "2026-11-22", "name": "Ω"}'
    )
    assert json.loads(to_json(document), parse_float=Decimal)["envelope"] == \
        Decimal("999999999999999.99")


def test_layout_is_json_dumps_layout() -> None:
    document = {"b": [1, {"x": None}], "a": {}, "c": []}
    for options in ({}, {"indent": 2}, {"indent": 2, "sort_keys": True}):
        assert to_json(document, **options) == json.dumps(document, **options)


def test_text_that_spells_the_placeholder_stays_text() -> None:
    spelled = "\0pac-number-0\0"
    document = [spelled, Decimal("1.5"), "\0pac-number-1\0", Decimal("2.50")]
    assert json.loads(to_json(document), parse_float=Decimal) == [
        spelled, Decimal("1.5"), "\0pac-number-1\0", Decimal("2.5")]


def test_what_json_cannot_hold_is_refused() -> None:
    with pytest.raises(TypeError):
        to_json({"x": object()})
    with pytest.raises(ValueError, match="not a JSON number"):
        to_json(Decimal("NaN"))
