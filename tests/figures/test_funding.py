"""pac/figures/funding.py called directly: funding splits that add up, period figures,
KPI, key result and support status, freshness, quarters and roadmaps."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import REFERENCE, TODAY
from support import run

from pac.figures.funding import (
    Split,
    current_funding,
    has_roadmap,
    is_live,
    key_result_status,
    kpi_fresh,
    kpi_status,
    next_quarter,
    period_figures,
    periods_in_order,
    product_funding,
    quarter_of,
    review_current,
    spread,
    support_status,
)
from pac.model import Funding, KeyResult, Kpi, Product
from pac.model.product import Technology

D = Decimal
DAY = datetime.timedelta(days=1)


def test_spread_gives_equal_shares_that_add_up_exactly() -> None:
    shares = dict(spread(Split(Decimal("100.00"), Decimal("1")), ["a", "b", "c"], Decimal("0.01")))
    assert shares == {
        "a": Split(D("33.34"), D("0.34")),
        "b": Split(D("33.33"), D("0.33")),
        "c": Split(D("33.33"), D("0.33")),
    }
    assert list(spread(Split(D(7), D(3)), ["only"], D("0.01"))) == [("only", Split(D(7), D(3)))]
    assert list(spread(Split(Decimal(1)), [], Decimal("0.01"))) == []


def test_a_split_adds_up() -> None:
    assert Split(D("1.5"), D(2)).total == D("3.5")
    assert Split(D(1), D(2)) + Split(D("0.5"), D(0)) == Split(D("1.5"), D(2))
    assert Split() == Split(D(0), D(0))


@pytest.mark.parametrize(("day", "quarter"), [
    (datetime.date(2026, 1, 1), "2026-Q1"), (datetime.date(2026, 3, 31), "2026-Q1"),
    (datetime.date(2026, 4, 1), "2026-Q2"), (datetime.date(2026, 6, 30), "2026-Q2"),
    (datetime.date(2026, 7, 1), "2026-Q3"), (datetime.date(2026, 10, 1), "2026-Q4"),
    (datetime.date(2026, 11, 22), "2026-Q4"), (datetime.date(2026, 12, 31), "2026-Q4"),
])
def test_quarter_of(day: datetime.date, quarter: str) -> None:
    assert quarter_of(day) == quarter


def test_next_quarter() -> None:
    assert [next_quarter(q) for q in ("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")] == [
        "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"]
    assert next_quarter("1999-Q4") == "2000-Q1"


def _period(folder: Path, name: str, start: str, allocations: str) -> None:
    (folder / "funding" / f"{name}.yaml").write_text(
        f"period: {name}\nstart: {start}\nend: {start[:4]}-12-31\nenvelope: 9000000\n"
        f"allocations:\n{allocations}"
    )


def test_period_figures_of_the_reference() -> None:
    portfolio = run(REFERENCE).portfolio
    figures = period_figures(portfolio, portfolio.funding["FY2027"])
    assert figures.period == "FY2027"
    assert (figures.envelope, figures.allocated, figures.unallocated) == (
        D(4000000), Split(D(1450000), D(1450000)), D(1100000))
    assert figures.by_product == {"claims-portal": Split(D(900000), D(650000)),
                                  "fraud-scoring": Split(D(150000), D(800000)),
                                  "customer-identity": Split(D(400000), D(0))}
    assert figures.by_team == {"team-claims": Split(D(900000), D(650000)),
                               "team-risk-data": Split(D(550000), D(800000))}


def test_period_figures_share_and_sort(reference: Path) -> None:
    product = reference / "products" / "claims-portal.yaml"
    product.write_text(product.read_text().replace(
        "capabilities: [claims-management]",
        "capabilities: [fraud-management, claims-management, customer-management]"))
    _period(reference, "FY2027", "2027-01-01",
            "  - product: ghost\n    change: 5\n"  # no such product: no team, no capability
            "  - product: claims-portal\n    run: 0.10\n    change: 100\n"
            "  - product: claims-portal\n    run: 0.01\n"  # two allocations: added up
            "  - product: customer-identity\n    run: 33.34\n")
    portfolio = run(reference).portfolio
    figures = period_figures(portfolio, portfolio.funding["FY2027"])
    assert figures.allocated == Split(D("33.45"), D(105))
    assert figures.unallocated == D("8999861.55")
    assert figures.by_product == {"claims-portal": Split(D("0.11"), D(100)),
                                  "customer-identity": Split(D("33.34"), D(0)),
                                  "ghost": Split(D(0), D(5))}
    assert figures.by_team == {"team-claims": Split(D("0.11"), D(100)),
                               "team-risk-data": Split(D("33.34"), D(0))}
    # 0.11 and 100 in three, in cents, the leftover cents to the capabilities listed first
    # (fraud-management, then claims-management); largest total first
    assert figures.by_capability == {
        "customer-management": Split(D("33.37"), D("33.33")),
        "fraud-management": Split(D("0.04"), D("33.34")),
        "claims-management": Split(D("0.04"), D("33.33")),
    }


def test_periods_in_order_and_product_funding(reference: Path) -> None:
    _period(reference, "B-first", "2025-01-01", "  - product: claims-portal\n    run: 1\n")
    _period(reference, "A-second", "2026-01-01",
            "  - product: claims-portal\n    run: 2\n    change: 3\n"
            "  - product: claims-portal\n    change: 4\n")
    _period(reference, "A-also-second", "2026-01-01", "  - product: fraud-scoring\n    run: 6\n")
    portfolio = run(reference).portfolio
    assert [f.period for f in periods_in_order(portfolio)] == [
        "B-first", "A-also-second", "A-second", "FY2027"]
    funding = product_funding(portfolio)
    assert list(funding["claims-portal"].items()) == [
        ("B-first", Split(D(1))), ("A-second", Split(D(2), D(7))),
        ("FY2027", Split(D(900000), D(650000)))]
    assert funding["fraud-scoring"] == {"A-also-second": Split(D(6)),
                                        "FY2027": Split(D(150000), D(800000))}
    assert funding["customer-identity"] == {"FY2027": Split(D(400000))}


def test_current_funding(reference: Path) -> None:
    assert current_funding(run(REFERENCE).portfolio) == {
        "claims-portal": D(1550000), "fraud-scoring": D(950000), "customer-identity": D(400000)}
    _period(reference, "FY2027", "2027-01-01",
            "  - product: claims-portal\n    run: 1\n    change: 2\n"
            "  - product: claims-portal\n    change: 0.5\n")
    assert current_funding(run(reference).portfolio) == {"claims-portal": D("3.5")}
    settings = reference / "portfolio.yaml"
    settings.write_text(settings.read_text().replace("current_period: FY2027",
                                                     "current_period: FY2028"))
    assert current_funding(run(reference).portfolio) is None  # no such period
    settings.write_text(settings.read_text().replace("current_period: FY2028", ""))
    assert current_funding(run(reference).portfolio) is None  # no current period


def measure(cls: Any, **fields: Any) -> Any:
    return cls.model_validate({"name": "m", **fields})


@pytest.mark.parametrize(("fields", "status"), [
    ({}, "no data"), ({"target": 10}, "no data"), ({"actual": 10}, "no data"),
    ({"target": 10, "actual": 10}, "met"), ({"target": 10, "actual": 11}, "met"),
    ({"target": 10, "actual": D("9.9")}, "missed"),
    ({"target": 10, "actual": 10, "direction": "lower"}, "met"),
    ({"target": 10, "actual": 9, "direction": "lower"}, "met"),
    ({"target": 10, "actual": D("10.1"), "direction": "lower"}, "missed"),
    ({"target": 0, "actual": 0}, "met"),
])
def test_kpi_status(fields: dict[str, Any], status: str) -> None:
    assert kpi_status(measure(Kpi, **fields)) == status
    assert kpi_status(measure(KeyResult, **fields)) == status


def test_key_result_status_waits_for_its_period() -> None:
    period = Funding.model_validate({"period": "FY2027", "start": datetime.date(2027, 1, 1),
                                     "end": datetime.date(2027, 12, 31), "envelope": 1})
    met = measure(KeyResult, target=1, actual=1)
    missed = measure(KeyResult, target=1, actual=0)
    start = datetime.date(2027, 1, 1)
    assert key_result_status(met, period, start - DAY) == "not started"
    assert key_result_status(met, period, start) == "met"
    assert key_result_status(missed, period, start + DAY) == "missed"
    assert key_result_status(measure(KeyResult), period, start) == "no data"
    assert key_result_status(missed, None, start - DAY) == "missed"


@pytest.mark.parametrize(("days_left", "status"), [
    (-1, "unsupported"), (0, "ending soon"), (1, "ending soon"), (180, "ending soon"),
    (181, "supported"), (3650, "supported"),
])
def test_support_status(days_left: int, status: str) -> None:
    technology = Technology(name="PostgreSQL", end_of_support=TODAY + days_left * DAY)
    assert support_status(technology, TODAY) == status


def test_support_status_without_a_date() -> None:
    assert support_status(Technology(name="PostgreSQL"), TODAY) == "unknown"


@pytest.mark.parametrize(("fields", "fresh"), [
    ({"actual": 1, "as_of": TODAY}, True), ({"actual": 1, "as_of": TODAY - 90 * DAY}, True),
    ({"actual": 1, "as_of": TODAY - 91 * DAY}, False),
    ({"actual": 1, "as_of": TODAY + DAY}, True),
    ({"as_of": TODAY}, False), ({"actual": 1}, False), ({"actual": 0, "as_of": TODAY}, True),
])
def test_kpi_fresh(fields: dict[str, Any], fresh: bool) -> None:
    assert kpi_fresh(measure(Kpi, **fields), TODAY) is fresh


def _product(**update: Any) -> Product:
    return run(REFERENCE).portfolio.products["claims-portal"].model_copy(update=update)


def test_review_current() -> None:
    assert review_current(_product(last_stakeholder_review=TODAY - 60 * DAY), TODAY, 60)
    assert not review_current(_product(last_stakeholder_review=TODAY - 61 * DAY), TODAY, 60)
    assert review_current(_product(last_stakeholder_review=TODAY), TODAY, 0)
    assert not review_current(_product(last_stakeholder_review=None), TODAY, 10000)


@pytest.mark.parametrize(("roadmap", "planned"), [
    ([("2026-Q4", ["Next release"])], True),  # TODAY is in 2026-Q4
    ([("2027-Q1", ["Next release"])], True),
    ([("2027-Q2", ["Later"])], False),
    ([("2026-Q3", ["Done"])], False),
    ([("2026-Q4", []), ("2027-Q1", [])], False),  # quarters without themes plan nothing
    ([("2026-Q3", ["Done"]), ("2027-Q1", ["Next"])], True),
    ([], False),
    ([("2026-Q4", [{"theme": "Gone", "status": "dropped"}])], False),  # a promise let go
    ([("2026-Q4", [{"theme": "Gone", "status": "dropped"}, {"theme": "Shipped",
                                                             "status": "done"}])], True),
    ([("2027-Q1", [{"theme": "Next", "objective": "grow"}])], True),
])
def test_has_roadmap(roadmap: list[tuple[str, list[Any]]], planned: bool) -> None:
    product = Product.model_validate(_product().model_dump() | {
        "roadmap": [{"quarter": q, "themes": t} for q, t in roadmap]})
    assert has_roadmap(product, TODAY) is planned


def test_has_roadmap_at_the_turn_of_the_year() -> None:
    product = Product.model_validate(_product().model_dump() | {
        "roadmap": [{"quarter": "2027-Q1", "themes": ["Next"]}]})
    assert has_roadmap(product, datetime.date(2026, 12, 31))
    assert has_roadmap(product, datetime.date(2027, 3, 31))
    assert not has_roadmap(product, datetime.date(2027, 4, 1))
    assert not has_roadmap(product, datetime.date(2026, 9, 30))


def test_is_live() -> None:
    products = run(REFERENCE).portfolio.products
    assert {pid: is_live(p) for pid, p in products.items()} == {
        "claims-portal": True, "customer-identity": False, "fraud-scoring": False}
