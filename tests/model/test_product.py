"""A product's lifecycle: retire_by cannot come before the stage began."""

from __future__ import annotations

import datetime

import pytest
from pydantic import ValidationError

from pac.model.product import STAGES, Lifecycle


def test_stages_in_lifecycle_order() -> None:
    assert STAGES == ("ideation", "discovery", "build", "live", "sunset", "retired")


def test_retire_by_after_since() -> None:
    day = datetime.date(2027, 6, 30)
    assert Lifecycle(stage="sunset", since=day, retire_by=day).retire_by == day
    assert Lifecycle(stage="sunset", retire_by=day).since is None  # either alone is fine
    assert Lifecycle(stage="sunset", since=day).retire_by is None
    with pytest.raises(ValidationError) as raised:
        Lifecycle(stage="sunset", since=day, retire_by=datetime.date(2027, 6, 29))
    assert [e["msg"] for e in raised.value.errors()] == [
        "Value error, retire_by 2027-06-29 is before since 2027-06-30"]


def test_an_unknown_stage() -> None:
    with pytest.raises(ValidationError) as raised:
        Lifecycle(stage="alive")
    assert [e["msg"] for e in raised.value.errors()] == [
        "Input should be 'ideation', 'discovery', 'build', 'live', 'sunset' or 'retired'"]
