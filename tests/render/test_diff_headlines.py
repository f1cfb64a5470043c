"""The headlines of `pac diff`: data from pac/changes, one sentence each from pac/report."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pac.changes.headlines import (
    EntityHeadline,
    FindingsHeadline,
    FundingHeadline,
    Headline,
    LevelsSkipped,
    RiskHeadline,
    TeamLoadHeadline,
)
from pac.changes.levels import LevelChange
from pac.render.diff_headlines import headline_text

D = Decimal


@pytest.mark.parametrize(
    ("headline", "text"),
    [
        (EntityHeadline("added", "funding", "FY2028"), "New funding period: FY2028"),
        (EntityHeadline("removed", "product", "Gift Cards"), "Removed product: Gift Cards"),
        (
            EntityHeadline("renamed", "product", "Till", "store-till", "store-pos"),
            "Till: product renamed from store-till to store-pos",
        ),
        (
            EntityHeadline("stage", "product", "Till", "live", "sunset"),
            "Till moves from live to sunset",
        ),
        (
            EntityHeadline("owner", "product", "Till", "Stores", "Checkout"),
            "Till moves from Stores to Checkout",
        ),
        (
            FundingHeadline("envelope", "FY2026", "", D(400), D(300), "GBP"),
            "FY2026 envelope -100 GBP (-25%)",
        ),
        (
            FundingHeadline("envelope", "FY2026", "", D(300), D(300), "GBP"),
            "FY2026 envelope +0 GBP (+0%)",  # no change is +0, not -0
        ),
        (
            FundingHeadline("run", "FY2026", "Till", D(0), D(50), "GBP"),
            "FY2026 run funding for Till +50 GBP (new)",
        ),
        (
            FundingHeadline("funded", "FY2026", "Till", D(0), D("12445"), "EUR"),
            "FY2026: Till newly funded, 12,445 EUR",
        ),
        (
            FundingHeadline("unfunded", "FY2026", "Till", D(0), D(0), "GBP"),
            "FY2026: Till no longer funded",
        ),
        (TeamLoadHeadline("Stores", 1, 2, 5), "Stores gains a product (2)"),
        (TeamLoadHeadline("Stores", 2, 7, 5), "Stores gains 5 products (7, over the limit of 5)"),
        (TeamLoadHeadline("Stores", 4, 5, 5), "Stores gains a product (5)"),  # at the limit
        (TeamLoadHeadline("Stores", 3, 2, 5), "Stores loses a product (2)"),
        (
            LevelChange("till", "Till", "", "Gold", None, True, ("has-kpis", "funded")),
            "Till falls from Gold to no level on the scorecard (fails has-kpis, funded)",
        ),
        (
            LevelChange("till", "Till", "", None, "Bronze", False, ()),
            "Till rises from no level to Bronze on the scorecard",
        ),
        (
            LevelsSkipped("main"),
            "Scorecard levels not compared: portfolio.yaml could not be read in main",
        ),
        (
            RiskHeadline("FY2027", "FY2027", D(1200000), D(850000), "GBP"),
            "This change takes 350,000 GBP out of value at risk "
            "(FY2027: 1,200,000 GBP → 850,000 GBP)",
        ),
        (
            RiskHeadline("FY2027", "FY2027", D("0.50"), D("120000.50"), "GBP"),
            "This change puts 120,000 GBP more at risk (FY2027: 0.50 GBP → 120,000.50 GBP)",
        ),
        (
            RiskHeadline("FY2026", "FY2027", D(100), D(300), "EUR"),  # current_period moved
            "This change puts 200 EUR more at risk (FY2026: 100 EUR → FY2027: 300 EUR)",
        ),
        (
            RiskHeadline("FY2027", None, D(100), D(0), "EUR"),
            "This change takes 100 EUR out of value at risk (FY2027: 100 EUR → 0 EUR)",
        ),
        (FindingsHeadline("introduced", "error", 1), "1 error introduced"),
        (FindingsHeadline("resolved", "warning", 2), "2 warnings resolved"),
    ],
)
def test_each_headline_reads_as_one_sentence(headline: Headline, text: str) -> None:
    assert headline_text(headline) == text
