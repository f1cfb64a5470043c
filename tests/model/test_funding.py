"""A funding period: totals per allocation and per period, and dates in order."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from pydantic import ValidationError

from pac.model.funding import Allocation, Funding

START, END = datetime.date(2027, 1, 1), datetime.date(2027, 12, 31)


def test_totals() -> None:
    period = Funding(period="FY2027", start=START, end=END, envelope=4000000, allocations=[
        Allocation(product="claims-portal", run=900000, change=Decimal("650000.10")),
        Allocation(product="fraud-scoring", change=Decimal("0.20")),
        Allocation(product="customer-identity"),
    ])
    assert [a.total for a in period.allocations] == [
        Decimal("1550000.10"), Decimal("0.20"), Decimal(0)]
    assert period.allocated == Decimal("1550000.30")
    assert Funding(period="FY2028", start=START, end=END, envelope=0).allocated == Decimal(0)


def test_a_period_may_be_one_day_but_not_end_before_it_starts() -> None:
    assert Funding(period="D1", start=START, end=START, envelope=1).end == START
    with pytest.raises(ValidationError) as raised:
        Funding(period="FY2027", start=END, end=START, envelope=1)
    assert [e["msg"] for e in raised.value.errors()] == [
        "Value error, end 2027-01-01 is before start 2027-12-31"]
