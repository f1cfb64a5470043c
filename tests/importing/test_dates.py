"""pac.importing.dates: dates in the form a mapping declares."""

from __future__ import annotations

import datetime

from pac.importing.dates import date_format_problem, example, parse_date


def test_dates_in_declared_forms() -> None:
    assert parse_date("31/01/2027", "dd/mm/yyyy") == datetime.date(2027, 1, 31)
    assert parse_date("1/2/2027", "dd/mm/yyyy") == datetime.date(2027, 2, 1)
    assert parse_date("01/31/2027", "mm/dd/yyyy") == datetime.date(2027, 1, 31)
    assert parse_date("2027-01-31", "yyyy-mm-dd") == datetime.date(2027, 1, 31)
    assert parse_date("31.01.27", "dd.mm.yy") == datetime.date(2027, 1, 31)
    assert parse_date("31.01.99", "dd.mm.yy") == datetime.date(1999, 1, 31)


def test_what_is_not_a_date_in_the_form() -> None:
    assert parse_date("2027-01-31", "dd/mm/yyyy") is None
    assert parse_date("13/31/2021", "dd/mm/yyyy") is None  # no 31st month
    assert parse_date("30/02/2023", "dd/mm/yyyy") is None  # no such day
    assert parse_date("31/01/2027 10:00", "dd/mm/yyyy") is None


def test_date_formats() -> None:
    assert date_format_problem("dd/mm/yyyy") is None
    assert date_format_problem("dd/mm") == (
        "'dd/mm' is not a date format: it needs one each of yyyy (or yy), mm and dd")
    assert example("mm/dd/yyyy") == "01/31/2027"
