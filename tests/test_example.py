"""The example portfolio: realistic, complete, valid, with a few warnings on purpose."""

from __future__ import annotations

from collections import Counter

from conftest import EXAMPLE
from support import run

from pac.findings import Severity
from pac.model import STAGES


def test_example_validates_without_error() -> None:
    result = run(EXAMPLE)
    assert [f for f in result.findings if f.severity == Severity.ERROR] == []
    assert result.count(Severity.WARNING) >= 1


def test_example_shows_the_whole_format() -> None:
    p = run(EXAMPLE).portfolio
    assert 25 <= len(p.products) <= 40
    assert 8 <= len(p.teams) <= 12
    assert 15 <= len(p.capabilities) <= 25
    assert 3 <= len(p.objectives) <= 5
    assert len(p.funding) == 2
    assert set(Counter(prod.lifecycle.stage for prod in p.products.values())) == set(STAGES)
    assert {prod.kind for prod in p.products.values()} >= {
        "application", "platform", "service", "data", "infrastructure"}
    assert {t.type for t in p.teams.values()} == {
        "stream-aligned", "platform", "enabling", "complicated-subsystem"}
    tops = [c for c in p.capabilities.values() if c.parent is None]
    children = [c for c in p.capabilities.values() if c.parent is not None]
    assert tops and children
    assert all(p.capabilities[c.parent].parent is None for c in children if c.parent)
