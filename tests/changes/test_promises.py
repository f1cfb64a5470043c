"""pac/changes/promises.py called directly: which deleted themes are promises removed."""

from __future__ import annotations

import datetime
from pathlib import Path

from conftest import REFERENCE
from support import run

from pac.changes.promises import removed_promises
from pac.findings import Finding

PORTAL = "products/claims-portal.yaml"
ROADMAP = """roadmap:
  - quarter: 2027-Q1
    themes:
      - Photo-based damage assessment
      - Claim status notifications
  - quarter: 2027-Q2
    themes:
      - Partner repair-shop booking
"""


def _removed(reference: Path, roadmap: str, *, day: datetime.date) -> list[Finding]:
    text = (reference / PORTAL).read_text()
    (reference / PORTAL).write_text(text.replace(ROADMAP, roadmap))
    base, head = run(REFERENCE).portfolio, run(reference).portfolio
    assert head.products["claims-portal"].roadmap != base.products["claims-portal"].roadmap
    return removed_promises(base, head, [], today=day, read_head=lambda _file: None)


def test_the_quarter_of_today_decides_what_was_promised(reference: Path) -> None:
    gone = "roadmap:\n  - quarter: 2027-Q2\n    themes:\n      - Partner repair-shop booking\n"
    assert _removed(reference, gone, day=datetime.date(2026, 12, 31)) == []  # 2027-Q1 ahead
    found = _removed(reference, gone, day=datetime.date(2027, 1, 1))
    assert [(f.rule, f.entity, f.message, f.line, f.column) for f in found] == [
        ("roadmap-promise-removed", "product:claims-portal",
         f"'{theme}', promised for 2027-Q1, is no longer on the roadmap and was not marked "
         "done or dropped", 1, 1)  # no text to place it in: the first line
        for theme in ("Photo-based damage assessment", "Claim status notifications")
    ]


def test_a_theme_is_its_words_whatever_their_case_spacing_or_form(reference: Path) -> None:
    kept = """roadmap:
  - quarter: 2027-Q3
    themes:
      - photo-based  DAMAGE assessment
      - {theme: Claim status notifications, status: in-progress}
      - Partner repair-shop booking
"""
    assert _removed(reference, kept, day=datetime.date(2027, 5, 1)) == []
