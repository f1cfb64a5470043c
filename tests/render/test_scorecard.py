"""pac/render/scorecard.py: levels and what each product misses, as text and JSON, exactly."""

from __future__ import annotations

import dataclasses
import json

from conftest import REFERENCE
from support import run

from pac.figures.scorecard import Score
from pac.model.portfolio import Portfolio
from pac.model.settings import Scorecard, ScorecardLevel
from pac.render.scorecard import render_checks, render_scorecard_json, render_scorecard_text


def with_card(portfolio: Portfolio, card: Scorecard) -> Portfolio:
    settings = portfolio.settings.model_copy(update={"scorecard": card})
    return dataclasses.replace(portfolio, settings=settings)


# Scores as score() gives them, chosen to show every case: the top level, a level with a
# next one, no level at all
SCORES = {
    "claims-portal": Score("gold", 3, None, ()),
    "customer-identity": Score(None, 0, "bronze", ("has-summary", "has-customers")),
    "fraud-scoring": Score("bronze", 1, "silver", ("funded",)),
}


def test_text_lines_up_products_and_levels() -> None:
    assert render_scorecard_text(run(REFERENCE).portfolio, SCORES) == (
        "3 products scored (live): 1 gold, 0 silver, 1 bronze, 1 with no level.\n"
        "claims-portal      gold\n"  # the top level: nothing to reach, no trailing spaces
        "customer-identity  -       to reach bronze: has-summary, has-customers\n"
        "fraud-scoring      bronze  to reach silver: funded\n"
    )


def test_text_of_a_custom_scorecard() -> None:
    card = Scorecard(stages=["build", "live"], levels=[  # type: ignore[list-item]
        ScorecardLevel(name="listed", checks=["has-summary"]),  # type: ignore[list-item]
        ScorecardLevel(name="measured-and-funded", checks=["funded"]),  # type: ignore[list-item]
    ])
    portfolio = with_card(run(REFERENCE).portfolio, card)
    scores = {"fraud-scoring": Score("listed", 1, "measured-and-funded", ("funded",)),
              "claims-portal": Score("measured-and-funded", 2, None, ())}
    assert render_scorecard_text(portfolio, scores) == (
        "2 products scored (build, live): 1 measured-and-funded, 1 listed, 0 with no level.\n"
        "fraud-scoring  listed               to reach measured-and-funded: funded\n"
        "claims-portal  measured-and-funded\n"
    )


def test_text_with_nothing_scored() -> None:
    assert render_scorecard_text(run(REFERENCE).portfolio, {}) == (
        "0 products scored (live): 0 gold, 0 silver, 0 bronze, 0 with no level.\n"
    )


def test_one_product_is_singular() -> None:
    scores = {"fraud-scoring": SCORES["fraud-scoring"]}
    assert render_scorecard_text(run(REFERENCE).portfolio, scores) == (
        "1 product scored (live): 0 gold, 0 silver, 1 bronze, 0 with no level.\n"
        "fraud-scoring  bronze  to reach silver: funded\n"
    )


def test_json() -> None:
    assert json.loads(render_scorecard_json(run(REFERENCE).portfolio, SCORES)) == {
        "version": 1,
        "stages": ["live"],
        "levels": [
            {"name": "bronze", "checks": ["owner-has-members", "has-summary", "has-customers",
                                         "serves-capability"]},
            {"name": "silver", "checks": ["stakeholder-review-current", "kpis-have-targets",
                                         "funded", "value-estimated"]},
            {"name": "gold", "checks": ["kpis-measured", "has-roadmap", "technology-supported",
                                       "no-warnings"]},
        ],
        "counts": {"gold": 1, "silver": 0, "bronze": 1, "none": 1},
        "products": [
            {"product": "claims-portal", "name": "Claims Portal", "owner": "team-claims",
             "level": "gold", "next_level": None, "missing": []},
            {"product": "customer-identity", "name": "Customer Identity",
             "owner": "team-risk-data", "level": None, "next_level": "bronze",
             "missing": ["has-summary", "has-customers"]},
            {"product": "fraud-scoring", "name": "Fraud Scoring Service",
             "owner": "team-risk-data", "level": "bronze", "next_level": "silver",
             "missing": ["funded"]},
        ],
    }


def test_the_checks_and_what_passing_means() -> None:
    assert render_checks() == """\
owner-has-members           its owner team lists its members
has-product-manager         a product manager is named
has-summary                 it has a one-sentence summary
has-customers               its customers are named
has-stakeholders            its stakeholders are named
serves-capability           it serves a business capability
serves-objective            it serves a business objective
stakeholder-review-current  its stakeholders were asked within the policy's stakeholder_review_days
has-kpis                    it has a KPI
kpis-have-targets           it has KPIs, each with a target
kpis-measured               it has KPIs, each measured within 90 days
kpis-on-target              it has KPIs, each meeting its target
funded                      it has funding in the current period
value-estimated             its annual value is estimated
value-on-target             its value per unit of funding meets the policy's value_ratio_target
has-roadmap                 it has a roadmap theme for this quarter or the next
has-disposition             its TIME disposition is decided
technology-listed           the technology it runs on is listed
technology-supported        none of its technology is past its end of support
team-has-required-skills    its owner team has every skill the policy's required_skills names
no-errors                   pac reports no error about it
no-warnings                 pac reports no error or warning about it
"""
