"""Writes leanix-hostile.xlsx, kept beside this script: `python make_leanix_xlsx.py`.

The kept file is what the tests read; this script only says how it was made. openpyxl
stores a text that starts with '=' as a formula, as Excel does when one is typed in.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl

ROWS = [
    ["Name", "Description", "Lifecycle Phase", "Lifecycle Phase Start", "Owning Team",
     "Business Criticality", "Tags"],
    ["Claims Portal EU", '=HYPERLINK("https://evil.example","Open")', "Active",
     datetime.datetime(2022, 4, 1), "Claims", "Mission Critical", "customer-facing, eu"],
    ["Broker Gateway", "=cmd|' /C calc'!A0", "Phase In", "2023-03-01", "Claims",
     "Business Critical", ""],
    ["Lead Scoring", "+1 when a lead converts", "Active", "2024-01-15", "Risk Data",
     "Administrative Service", "@sales"],
    ["Claims Portal EU", "the same name again", "Plan", None, "Claims", "Mission Critical", ""],
    ["Fraud Radar", "-5 points a miss", "Actve", "2024-02-01", "Fraud", "Business Critical",
     ""],
    ["Old CRM", "@SUM(1+1)*cmd|' /C calc'!A0", "End Of Life", "31/12/2019", "Claims",
     "Administrative Service", ""],
    ["Quote Engine", 'Says "hello"', "Active", datetime.datetime(2021, 6, 30), "Claims",
     "Business Operational", 42],
]


def main() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Applications"
    for row in ROWS:
        sheet.append(row)
    book.create_sheet("Notes").append(["Exported for the pac tests"])
    book.save(Path(__file__).with_name("leanix-hostile.xlsx"))


if __name__ == "__main__":
    main()
