"""The periods of a trend (pac.history.periods): labels, last days, and a series cut at its
end."""

from __future__ import annotations

import datetime

import pytest

from pac.history.periods import period_end, period_label, periods

D = datetime.date


@pytest.mark.parametrize(
    ("day", "every", "label", "end"),
    [
        (D(2026, 1, 1), "quarter", "2026-Q1", D(2026, 3, 31)),
        (D(2026, 6, 30), "quarter", "2026-Q2", D(2026, 6, 30)),
        (D(2026, 12, 31), "quarter", "2026-Q4", D(2026, 12, 31)),
        (D(2024, 2, 10), "month", "2024-02", D(2024, 2, 29)),  # a leap year
        (D(2026, 12, 5), "month", "2026-12", D(2026, 12, 31)),
    ],
)
def test_label_and_last_day(day: D, every: str, label: str, end: D) -> None:
    assert period_label(day, every) == label
    assert period_end(day, every) == end


def test_a_series_runs_from_the_period_of_its_start_and_is_cut_at_its_end() -> None:
    assert list(periods(D(2026, 2, 14), D(2026, 8, 1), "quarter")) == [
        ("2026-Q1", D(2026, 3, 31)), ("2026-Q2", D(2026, 6, 30)), ("2026-Q3", D(2026, 8, 1))]
    assert list(periods(D(2026, 11, 20), D(2027, 1, 3), "month")) == [
        ("2026-11", D(2026, 11, 30)), ("2026-12", D(2026, 12, 31)), ("2027-01", D(2027, 1, 3))]
    assert list(periods(D(2026, 5, 1), D(2026, 5, 1), "month")) == [("2026-05", D(2026, 5, 1))]
    assert list(periods(D(2026, 5, 2), D(2026, 5, 1), "month")) == []
