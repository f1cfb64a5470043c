"""Dates as spreadsheets write them, in the form a mapping declares: `dd/mm/yyyy`,
`mm/dd/yyyy`, `yyyy-mm-dd`, `dd.mm.yy`... (`d` and `m` take one or two digits alike)."""

from __future__ import annotations

import datetime
import re

_TOKENS = {
    "yyyy": r"(?P<y>[0-9]{4})",
    "yy": r"(?P<y2>[0-9]{2})",
    "mm": r"(?P<m>[0-9]{1,2})",
    "m": r"(?P<m>[0-9]{1,2})",
    "dd": r"(?P<d>[0-9]{1,2})",
    "d": r"(?P<d>[0-9]{1,2})",
}
_TOKEN = re.compile("yyyy|yy|mm|dd|m|d")
ISO = "yyyy-mm-dd"


def _pattern(form: str) -> re.Pattern[str]:
    parts, end = [], 0
    for match in _TOKEN.finditer(form):
        parts += [re.escape(form[end : match.start()]), _TOKENS[match.group()]]
        end = match.end()
    parts.append(re.escape(form[end:]))
    return re.compile("".join(parts))


def date_format_problem(form: str) -> str | None:
    """Why `form` is not a date format, or None."""
    found = _TOKEN.findall(form)
    years = [t for t in found if t.startswith("y")]
    if (
        len(years) != 1
        or sum(t[0] == "m" for t in found) != 1
        or sum(t[0] == "d" for t in found) != 1
    ):
        return f"'{form}' is not a date format: it needs one each of yyyy (or yy), mm and dd"
    return None


def parse_date(text: str, form: str) -> datetime.date | None:
    """The date `text` is in the form `form`; None when it is not one (31/02/2027 is not).
    A two-digit year is in 2000-2068 below 69, else in the 1900s, as Python's %y reads it."""
    match = _pattern(form).fullmatch(text.strip())
    if match is None:
        return None
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else _century(int(groups["y2"]))
    try:
        return datetime.date(year, int(groups["m"]), int(groups["d"]))
    except ValueError:
        return None


def _century(year: int) -> int:
    return year + (2000 if year < 69 else 1900)


def example(form: str) -> str:
    """31 January 2027 in the form `form`, for a hint."""
    values = {"yyyy": "2027", "yy": "27", "mm": "01", "m": "1", "dd": "31", "d": "31"}
    return _TOKEN.sub(lambda m: values[m.group()], form)
