"""The resolved portfolio's own indexes, used by the rules, the diff, the export and the site."""

from __future__ import annotations

from conftest import REFERENCE
from support import run


def test_products_by_owner_and_active_products_per_team() -> None:
    portfolio = run(REFERENCE).portfolio
    owned = portfolio.products_by_owner()
    assert all(ids == sorted(ids) for ids in owned.values())
    assert sorted(pid for ids in owned.values() for pid in ids) == sorted(portfolio.products)
    active = portfolio.active_products_per_team()
    for team, count in active.items():
        live = [p for p in owned[team] if portfolio.products[p].lifecycle.stage != "retired"]
        assert count == len(live)
    assert sum(active.values()) <= len(portfolio.products)
