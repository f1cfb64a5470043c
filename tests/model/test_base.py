"""The building blocks of the format: exact numbers, ISO dates, ids and bounds."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from pac.model import Allocation, Capability
from pac.model.base import Measure


def _errors(model: type, **data: Any) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(ValidationError) as raised:
        model(**data)
    return [(e["loc"], e["msg"]) for e in raised.value.errors()]


def test_numbers_are_exact_decimals() -> None:
    kpi = Measure(name="Time to settle", baseline=14, target=Decimal("10.50"), actual=0.1)
    assert (kpi.baseline, kpi.target, kpi.actual) == (Decimal(14), Decimal("10.50"), Decimal("0.1"))
    assert type(kpi.baseline) is Decimal and type(kpi.actual) is Decimal
    assert str(kpi.actual) == "0.1"  # through repr, not the binary value of 0.1


def test_text_booleans_and_infinities_are_not_numbers() -> None:
    not_a_number = [(("target",), "Input should be a valid number")]
    assert _errors(Measure, name="x", target="5") == not_a_number
    assert _errors(Measure, name="x", target=True) == not_a_number
    assert _errors(Measure, name="x", actual=float("inf")) == [
        (("actual",), "Input should be a finite number")]
    assert _errors(Measure, name="x", actual=float("nan")) == [
        (("actual",), "Input should be a finite number")]


def test_iso_dates_as_text_are_dates() -> None:
    assert Measure(name="x", as_of="2026-10-31").as_of == datetime.date(2026, 10, 31)
    assert Measure(name="x", as_of=datetime.date(2026, 1, 2)).as_of == datetime.date(2026, 1, 2)
    for bad in ("2026-02-30", "2026-2-3", "31/10/2026", 20261031):
        assert _errors(Measure, name="x", as_of=bad) == [
            (("as_of",), "Input should be a valid date")], bad


def test_money_is_bounded() -> None:
    assert Allocation(product="a", run=10**15).run == Decimal(10**15)
    assert _errors(Allocation, product="a", run=10**15 + 1) == [
        (("run",), "Input should be less than or equal to 1000000000000000")]
    assert _errors(Allocation, product="a", change=-1) == [
        (("change",), "Input should be greater than or equal to 0")]


def test_entities_are_strict() -> None:
    assert _errors(Capability, id="Claims", name="") == [
        (("id",), "String should match pattern '^[a-z0-9]+(-[a-z0-9]+)*$'"),
        (("name",), "String should have at least 1 character"),
    ]
    assert _errors(Capability, id="claims", name="Claims", owner="x") == [
        (("owner",), "Extra inputs are not permitted")]
    assert _errors(Capability, id="claims\n", name="Claims") == [
        (("id",), "String should match pattern '^[a-z0-9]+(-[a-z0-9]+)*$'")]
    assert _errors(Capability, id="claims", name="Claims", parent="a" * 65) == [
        (("parent",), "String should have at most 64 characters")]
