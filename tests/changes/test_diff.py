"""`pac diff`'s comparison of two validated versions (pac/changes/diff.py), called directly
on the reference portfolio and an edited copy of it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import REFERENCE, TODAY
from support import run

from pac.changes.diff import Comparison, compare
from pac.changes.entities import EntityChange, PeriodDelta, Totals
from pac.changes.fields import FieldChange
from pac.findings import Finding, Result, Severity
from pac.render.diff_headlines import headline_texts

D = Decimal
PRODUCTS = Path("products")


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text()
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1))


def compared(base: Path | Result, head: Path | Result) -> Comparison:
    before = base if isinstance(base, Result) else run(base)
    after = head if isinstance(head, Result) else run(head)
    return compare(before, after, base_label="main", head_label="the working tree", today=TODAY)


LISTS = [
    # (file, old text, new text, field, gone, came)
    ("claims-portal", "capabilities: [claims-management]",
     "capabilities: [claims-management, fraud-management]",
     "capabilities", [], ["fraud-management"]),
    ("claims-portal", "capabilities: [claims-management]", "capabilities: []",
     "capabilities", ["claims-management"], []),
    ("customer-identity", "capabilities: [customer-management]",
     "capabilities: [customer-management]\nobjectives: [digital-self-service]",
     "objectives", [], ["digital-self-service"]),
    ("fraud-scoring", "objectives: [digital-self-service]", "objectives: []",
     "objectives", ["digital-self-service"], []),
    ("fraud-scoring", "tags: [ml]", "tags: [ml]\ndepends_on: [customer-identity]",
     "depends_on", [], ["customer-identity"]),
    ("claims-portal", "depends_on: [customer-identity, fraud-scoring]",
     "depends_on: [customer-identity]", "depends_on", ["fraud-scoring"], []),
]


@pytest.mark.parametrize(("stem", "old", "new", "field", "gone", "came"), LISTS)
def test_a_product_gaining_or_losing_one_id_is_one_change(
    reference: Path, stem: str, old: str, new: str, field: str, gone: list[str], came: list[str]
) -> None:
    edit(reference, f"products/{stem}.yaml", old, new)
    c = compared(REFERENCE, reference)
    [change] = c.changes.entities
    assert (change.ref, change.status, change.changes) == (
        f"product:{stem}", "changed", (FieldChange(field, gone, came, "set"),))
    assert (c.changes.count("changed"), c.changes.funding) == (1, [])


def test_nothing_changed_is_an_empty_comparison() -> None:
    c = compared(REFERENCE, REFERENCE)
    assert (c.changes.entities, c.changes.funding, c.introduced, c.resolved) == ([], [], [], [])
    assert (c.levels, c.levels_skipped, c.headlines) == ([], "", [])
    assert (c.base, c.head, c.errors_introduced, c.regressions) == (
        "main", "the working tree", 0, [])


def test_funding_totals_before_and_after(reference: Path) -> None:
    edit(reference, "funding/FY2027.yaml", "envelope: 4000000", "envelope: 4100000")
    edit(reference, "funding/FY2027.yaml", "run: 150000", "run: 150000.50")
    (reference / "funding" / "FY2028.yaml").write_text(
        "period: FY2028\nstart: 2028-01-01\nend: 2028-12-31\nenvelope: 100\nallocations:\n"
        "  - product: claims-portal\n    run: 10\n    change: 5\n")
    c = compared(REFERENCE, reference)
    assert c.changes.funding == [
        PeriodDelta("FY2027", Totals(D(4000000), D(1450000), D(1450000)),
                    Totals(D(4100000), D("1450000.50"), D(1450000))),
        PeriodDelta("FY2028", None, Totals(D(100), D(10), D(5))),
    ]
    assert headline_texts(c.headlines) == [
        # a period's allocations, then its envelope (by field path), then the next period
        "FY2027 run funding for Fraud Scoring Service +0.50 USD (+0%)",
        "FY2027 envelope +100,000 USD (+2%)",
        "New funding period: FY2028",
    ]
    back = compared(reference, REFERENCE)
    assert [(d.period, d.before, d.after) for d in back.changes.funding] == [
        ("FY2027", Totals(D(4100000), D("1450000.50"), D(1450000)),
         Totals(D(4000000), D(1450000), D(1450000))),
        ("FY2028", Totals(D(100), D(10), D(5)), None),
    ]


def test_the_settings_are_an_entity_when_portfolio_yaml_is_read(reference: Path) -> None:
    edit(reference, "portfolio.yaml", "name: Northwind Mutual", "name: Northwind")
    c = compared(REFERENCE, reference)
    assert c.changes.entities == [
        EntityChange("portfolio", "portfolio", "changed", "Northwind",
                     changes=(FieldChange("name", "Northwind Mutual", "Northwind"),))
    ]


def test_an_unreadable_portfolio_yaml_skips_levels(reference: Path) -> None:
    (reference / "portfolio.yaml").write_text("name: [broken\n")
    c = compared(REFERENCE, reference)
    assert (c.levels, c.levels_skipped) == ([], "the working tree")
    assert [e.ref for e in c.changes.entities if e.status == "removed"] == [
        "portfolio:portfolio"]
    assert ("Scorecard levels not compared: portfolio.yaml could not be read in the working "
            "tree") in headline_texts(c.headlines)
    back = compared(reference, REFERENCE)
    assert back.levels_skipped == "main"
    assert [e.ref for e in back.changes.entities if e.status == "added"] == [
        "portfolio:portfolio"]


def test_a_fall_is_a_regression_and_a_key_headline(reference: Path) -> None:
    edit(reference, "products/claims-portal.yaml", "value:\n  annual_estimate: 3400000\n"
         "  basis: Call-centre cost avoided plus faster settlement (FY2026 actuals)\n", "")
    c = compared(REFERENCE, reference)
    [fall] = c.levels
    assert (fall.product, fall.before, fall.after, fall.fell, fall.missing) == (
        "claims-portal", "silver", "bronze", True, ("value-estimated",))
    assert c.regressions == [fall]
    assert c.key_headlines == [fall]
    assert headline_texts(c.headlines) == [
        "Claims Portal falls from silver to bronze on the scorecard (fails value-estimated)",
        "1 info introduced",
    ]
    rise = compared(reference, REFERENCE)
    assert rise.regressions == [] and rise.key_headlines == []
    assert headline_texts(rise.headlines) == [
        "Claims Portal rises from bronze to silver on the scorecard", "1 info resolved"]


def test_key_headlines_come_first_errors_falls_then_money_and_names(reference: Path) -> None:
    edit(reference, "teams/team-risk-data.yaml", "name: Risk Data Team", "name: Risk Team")
    edit(reference, "funding/FY2027.yaml", "change: 650000", "change: 600000")
    edit(reference, "products/fraud-scoring.yaml", "owner: team-risk-data", "owner: team-x")
    edit(reference, "products/claims-portal.yaml", "last_stakeholder_review: 2026-08-20",
         "last_stakeholder_review: 2025-08-20")
    c = compared(REFERENCE, reference)
    assert headline_texts(c.key_headlines) == [
        "1 error introduced",
        "Claims Portal falls from silver to bronze on the scorecard "
        "(fails stakeholder-review-current)",
        "This change takes 50,000 USD out of value at risk (FY2027: 1,550,000 USD → "
        "1,500,000 USD)",
        "FY2027 change funding for Claims Portal -50,000 USD (-8%)",
    ]
    assert headline_texts(c.other_headlines) == [
        "Fraud Scoring Service moves from Risk Data Team to team-x",
        "Risk Team loses a product (1)",
        "team-x gains a product (1)",
        "1 warning introduced",
    ]
    assert c.headlines == c.key_headlines + c.other_headlines
    assert c.errors_introduced == 1
    assert [(f.severity, f.rule) for f in c.introduced] == [
        (Severity.WARNING, "stale-stakeholder-review"), (Severity.ERROR, "unknown-reference")]


def finding(rule: str, *, line: int = 1, severity: Severity = Severity.WARNING,
            path: tuple[str, ...] = ("owner",), file: str = "portfolio/products/a.yaml",
            entity: str = "product:a", message: str = "m") -> Finding:
    return Finding(rule, file, message, entity=entity, loc=path, line=line, severity=severity)


def with_findings(findings: list[Finding]) -> Result:
    return Result(run(REFERENCE).portfolio, findings, 1)


def test_findings_match_by_where_in_the_data_not_by_line() -> None:
    moved = finding("r", line=1), finding("r", line=9)
    assert compared(with_findings([moved[0]]), with_findings([moved[1]])).introduced == []
    for other in (finding("q"), finding("r", path=("name",)), finding("r", message="n"),
                  finding("r", entity="product:b"), finding("r", file="portfolio/b.yaml")):
        c = compared(with_findings([moved[0]]), with_findings([other]))
        assert (c.introduced, c.resolved) == ([other], [moved[0]])


def test_a_second_identical_finding_is_introduced_and_its_removal_resolved() -> None:
    one, again = finding("r", line=3), finding("r", line=7, severity=Severity.ERROR)
    c = compared(with_findings([one]), with_findings([one, again]))
    assert (c.introduced, c.resolved, c.errors_introduced) == ([one, again], [], 1)
    c = compared(with_findings([one, again]), with_findings([again]))
    assert (c.introduced, c.resolved) == ([], [one, again])
