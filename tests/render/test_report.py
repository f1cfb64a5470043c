"""pac/render/report.py: a small report, worded as text, Markdown and JSON, exactly."""

from __future__ import annotations

from decimal import Decimal

from pac.figures.funding import PeriodFigures, Split
from pac.figures.report import ProductLine, Report
from pac.figures.value_at_risk import LEAKAGE_RULES
from pac.history.model import ValueAtRisk
from pac.render.report import render_report_json, render_report_markdown, render_report_text

D = Decimal


def small_report(previous: str | None = "FY2026") -> Report:
    """Two products on one team: Alpha (two capabilities, an objective, more than last
    period, at risk for two reasons) and Beta (no capability, the same as last period)."""
    alpha = Split(D("600.25"), D("100"))
    beta = Split(D(0), D("100"))
    figures = PeriodFigures(
        period="FY2027",
        envelope=D("1000"),
        allocated=Split(D("600.25"), D("200")),
        by_product={"alpha": alpha, "beta": beta},
        by_team={"team-a": Split(D("600.25"), D("200"))},
        by_capability={"cap-a": Split(D("300.13"), D("50")), "cap-b": Split(D("300.12"), D(50))},
    )
    return Report(
        period="FY2027",
        previous=previous,
        currency="EUR",
        figures=figures,
        by_objective={"grow": alpha, "(none)": beta},
        by_stage={"live": alpha, "build": beta},
        by_disposition={"invest": alpha, "none": beta},
        value_at_risk=ValueAtRisk(
            "FY2027",
            alpha.total,
            {**dict.fromkeys(LEAKAGE_RULES, D(0)), "stale-stakeholder-review": alpha.total,
             "technology-end-of-support": alpha.total},
            {"alpha": ("stale-stakeholder-review", "technology-end-of-support")},
        ),
        products=[
            ProductLine("alpha", "Alpha *new*", alpha, Split(D(500)) if previous else None,
                        D(2000)),
            ProductLine("beta", "Beta", beta, Split(D(100)) if previous else None, None),
        ],
    )


def test_text() -> None:
    assert render_report_text(small_report()) == """\
Funding FY2027: 800.25 EUR allocated of 1,000 EUR (199.75 EUR unallocated); run 600.25 EUR, \
change 200 EUR.

By team:
  team-a                                             800.25 EUR

By capability (a product serving several capabilities counts an equal share towards each):
  cap-a                                              350.13 EUR
  cap-b                                              350.12 EUR

By objective (a product serving several objectives counts an equal share towards each):
  grow                                               700.25 EUR
  (none)                                                100 EUR

By stage:
  live                                               700.25 EUR
  build                                                 100 EUR

By disposition:
  invest                                             700.25 EUR
  none                                                  100 EUR

Value at risk: 700.25 EUR, 87.5% of allocated funding, on 1 product with a value-leakage finding.
By reason (a product with several reasons counts under each):
  stale-stakeholder-review                           700.25 EUR
  technology-end-of-support                          700.25 EUR
Products at risk:
  alpha                                              700.25 EUR  stale-stakeholder-review, \
technology-end-of-support

Products (against FY2026):
  alpha                                              700.25 EUR  +200  value x2.86
  beta                                                  100 EUR  +0
"""


def test_text_without_a_previous_period() -> None:
    assert render_report_text(small_report(previous=None)).endswith("""
Products (against no previous period):
  alpha                                              700.25 EUR  value x2.86
  beta                                                  100 EUR
""")


def test_markdown() -> None:
    assert render_report_markdown(small_report()) == r"""# Funding FY2027

800.25 EUR allocated of 1,000 EUR (199.75 EUR unallocated): run 600.25 EUR, change 200 EUR.

## By team

| | Run | Change | Total |
|---|---:|---:|---:|
| team-a | 600 | 200 | 800 |

## By capability

_A product serving several capabilities counts an equal share towards each._

| | Run | Change | Total |
|---|---:|---:|---:|
| cap-a | 300 | 50 | 350 |
| cap-b | 300 | 50 | 350 |

## By objective

_A product serving several objectives counts an equal share towards each._

| | Run | Change | Total |
|---|---:|---:|---:|
| grow | 600 | 100 | 700 |
| \(none\) | 0 | 100 | 100 |

## By stage

| | Run | Change | Total |
|---|---:|---:|---:|
| live | 600 | 100 | 700 |
| build | 0 | 100 | 100 |

## By disposition

| | Run | Change | Total |
|---|---:|---:|---:|
| invest | 600 | 100 | 700 |
| none | 0 | 100 | 100 |

## Value at risk

Value at risk: 700.25 EUR, 87.5% of allocated funding, on 1 product with a value-leakage finding.

_By reason: a product with several reasons counts under each._

| Reason | Total |
|---|---:|
| `stale-stakeholder-review` | 700 |
| `technology-end-of-support` | 700 |

| Product at risk | Total | Reasons |
|---|---:|---|
| Alpha \*new\* | 700 | `stale-stakeholder-review`, `technology-end-of-support` |

## Products

| Product | Total | Change from FY2026 | Value per unit |
|---|---:|---:|---:|
| Alpha \*new\* | 700 | +200 | 2.86 |
| Beta | 100 | +0 | — |
"""


def test_markdown_without_a_previous_period() -> None:
    assert render_report_markdown(small_report(previous=None)).endswith("""
| Product | Total | Change from — | Value per unit |
|---|---:|---:|---:|
| Alpha \\*new\\* | 700 | — | 2.86 |
| Beta | 100 | — | — |
""")


def test_json() -> None:
    assert render_report_json(small_report()) == """\
{
  "version": 2,
  "period": "FY2027",
  "previous_period": "FY2026",
  "currency": "EUR",
  "envelope": 1000,
  "allocated": 800.25,
  "unallocated": 199.75,
  "run": 600.25,
  "change": 200,
  "by_team": [
    {
      "id": "team-a",
      "run": 600.25,
      "change": 200,
      "total": 800.25
    }
  ],
  "by_capability": [
    {
      "id": "cap-a",
      "run": 300.13,
      "change": 50,
      "total": 350.13
    },
    {
      "id": "cap-b",
      "run": 300.12,
      "change": 50,
      "total": 350.12
    }
  ],
  "by_objective": [
    {
      "id": "grow",
      "run": 600.25,
      "change": 100,
      "total": 700.25
    },
    {
      "id": "(none)",
      "run": 0,
      "change": 100,
      "total": 100
    }
  ],
  "by_stage": [
    {
      "id": "live",
      "run": 600.25,
      "change": 100,
      "total": 700.25
    },
    {
      "id": "build",
      "run": 0,
      "change": 100,
      "total": 100
    }
  ],
  "by_disposition": [
    {
      "id": "invest",
      "run": 600.25,
      "change": 100,
      "total": 700.25
    },
    {
      "id": "none",
      "run": 0,
      "change": 100,
      "total": 100
    }
  ],
  "notes": {
    "by_capability": "a product serving several capabilities counts an equal share towards each",
    "by_objective": "a product serving several objectives counts an equal share towards each"
  },
  "value_at_risk": {
    "total": 700.25,
    "share_of_allocated": 0.8750390502967822555451421431,
    "by_reason": [
      {
        "rule": "stale-stakeholder-review",
        "total": 700.25
      },
      {
        "rule": "overdue-retirement",
        "total": 0
      },
      {
        "rule": "eliminate-still-funded",
        "total": 0
      },
      {
        "rule": "value-below-target",
        "total": 0
      },
      {
        "rule": "value-unknown",
        "total": 0
      },
      {
        "rule": "technology-end-of-support",
        "total": 700.25
      }
    ],
    "products": [
      {
        "product": "alpha",
        "name": "Alpha *new*",
        "total": 700.25,
        "reasons": [
          "stale-stakeholder-review",
          "technology-end-of-support"
        ]
      }
    ]
  },
  "products": [
    {
      "product": "alpha",
      "name": "Alpha *new*",
      "run": 600.25,
      "change": 100,
      "total": 700.25,
      "previous_total": 500,
      "change_from_previous": 200.25,
      "value": 2000,
      "value_per_unit": 2.85612281328097108175651553
    },
    {
      "product": "beta",
      "name": "Beta",
      "run": 0,
      "change": 100,
      "total": 100,
      "previous_total": 100,
      "change_from_previous": 0,
      "value": null,
      "value_per_unit": null
    }
  ]
}
"""
