"""The periods a trend is sampled at: quarters (2026-Q3) or months (2026-07)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

EVERY = ("quarter", "month")


def period_label(day: datetime.date, every: str) -> str:
    if every == "month":
        return f"{day.year}-{day.month:02d}"
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def period_end(day: datetime.date, every: str) -> datetime.date:
    """The last day of the period that holds `day`."""
    months = 1 if every == "month" else 3
    last_month = (day.month - 1) // months * months + months  # 1..12
    year, month = (day.year + 1, 1) if last_month == 12 else (day.year, last_month + 1)
    return datetime.date(year, month, 1) - datetime.timedelta(days=1)


def periods(
    start: datetime.date, end: datetime.date, every: str
) -> Iterator[tuple[str, datetime.date]]:
    """(label, last day) of each period from the one holding `start` to the one holding
    `end`; the last is cut at `end`, as the portfolio is not known beyond it."""
    day = start
    while day <= end:
        last = period_end(day, every)
        yield period_label(day, every), min(last, end)
        day = last + datetime.timedelta(days=1)
