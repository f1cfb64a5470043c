"""A small portfolio that leaks value, written into a folder: the figures of value at risk
known in advance, for the tests of the figure, the report, the diff and the catalogue.

As of TODAY (2026-11-22), with FY2027 current:

- healthy  1,000,000 GBP: no leakage finding
- stale      350,000 GBP: stale-stakeholder-review
- tangled    200,000.50 GBP: eliminate-still-funded, overdue-retirement,
             technology-end-of-support, value-below-target (counts once)
- unknown    120,000 GBP: value-unknown
- soon        80,000 GBP: technology out of support within 180 days (info): not a leak
- idle             0 GBP: stale-stakeholder-review, but no funding to put at risk
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

D = Decimal
TOTAL = D("670000.50")
ALLOCATED = D("1750000.50")
BY_REASON = {
    "stale-stakeholder-review": D("350000"),
    "overdue-retirement": D("200000.50"),
    "eliminate-still-funded": D("200000.50"),
    "value-below-target": D("200000.50"),
    "value-unknown": D("120000"),
    "technology-end-of-support": D("200000.50"),
}
PRODUCTS = {
    "stale": ("stale-stakeholder-review",),
    "tangled": (
        "eliminate-still-funded",
        "overdue-retirement",
        "technology-end-of-support",
        "value-below-target",
    ),
    "unknown": ("value-unknown",),
}

SETTINGS = """\
name: Leaky Ltd
currency: GBP
current_period: FY2027
policies:
  required_skills: [engineering]
  max_products_per_team: 10
rules:
  capability-gap: 'off'
  live-product-without-roadmap: 'off'
"""
TEAM = """\
id: team-a
name: Team A
members:
  - name: Ann
    skills: [engineering]
"""
LIVE = "lifecycle:\n  stage: live\n"
RECENT = "last_stakeholder_review: 2026-10-01\n"
VALUED = "value:\n  annual_estimate: 90000000\n"
PRODUCTS_YAML = {
    "healthy": LIVE + RECENT + VALUED,
    "stale": LIVE + VALUED + "last_stakeholder_review: 2025-01-01\n",
    "tangled": (
        "lifecycle:\n  stage: sunset\n  since: 2025-01-01\n  retire_by: 2026-06-30\n"
        "disposition: eliminate\nvalue:\n  annual_estimate: 100000\n"
        "technology:\n  - name: COBOL\n    end_of_support: 2024-01-01\n"
    ),
    "unknown": LIVE + RECENT,
    "soon": LIVE + RECENT + VALUED + "technology:\n  - {name: Java, end_of_support: 2027-02-01}\n",
    "idle": LIVE + VALUED,
}
FY2027 = """\
period: FY2027
start: 2027-01-01
end: 2027-12-31
envelope: 2000000
allocations:
  - {product: healthy, run: 500000, change: 500000}
  - {product: stale, run: 300000, change: 50000}
  - {product: tangled, run: 200000, change: 0.50}
  - {product: unknown, change: 120000}
  - {product: soon, run: 80000}
"""
FY2026 = """\
period: FY2026
start: 2026-01-01
end: 2026-12-31
envelope: 2000000
allocations:
  - {product: stale, run: 100000}
  - {product: tangled, run: 400000}
  - {product: idle, run: 75000}
"""


def write_leaky(folder: Path) -> Path:
    """The portfolio in `folder` (made if need be); returns the folder."""
    for sub in ("teams", "products", "funding"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "portfolio.yaml").write_text(SETTINGS)
    (folder / "teams" / "team-a.yaml").write_text(TEAM)
    for pid, body in PRODUCTS_YAML.items():
        head = f"id: {pid}\nname: {pid.capitalize()}\nkind: service\nowner: team-a\n"
        (folder / "products" / f"{pid}.yaml").write_text(head + body)
    (folder / "funding" / "FY2027.yaml").write_text(FY2027)
    (folder / "funding" / "FY2026.yaml").write_text(FY2026)
    return folder
