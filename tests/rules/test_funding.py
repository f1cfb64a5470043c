"""The funding rules beyond their cases: eliminate-still-funded on the edges."""

from __future__ import annotations

from pathlib import Path

from support import run

from pac.findings import Finding


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def _eliminate(reference: Path) -> None:
    _edit(reference / "products" / "customer-identity.yaml", "migrate", "eliminate")


def _found(reference: Path) -> list[Finding]:
    return [f for f in run(reference).findings if f.rule == "eliminate-still-funded"]


def test_eliminate_still_funded_points_at_the_disposition(reference: Path) -> None:
    _eliminate(reference)
    [finding] = _found(reference)
    assert (finding.file, finding.line, finding.entity, finding.path) == (
        "portfolio/products/customer-identity.yaml", 15, "product:customer-identity",
        "disposition")
    assert finding.severity == "warning"


def test_eliminate_still_funded_adds_up_every_allocation_of_the_period(
    reference: Path,
) -> None:
    _eliminate(reference)
    funding = reference / "funding" / "FY2027.yaml"
    _edit(funding, "run: 400000", "run: 0")
    assert _found(reference) == []  # an allocation of nothing is no funding
    funding.write_text(funding.read_text() + "  - product: customer-identity\n    run: 0.50\n")
    [finding] = _found(reference)
    assert finding.message == "'Customer Identity' is to be eliminated but still funded in FY2027"


def test_eliminate_without_a_current_period_is_not_judged(reference: Path) -> None:
    _eliminate(reference)
    _edit(reference / "portfolio.yaml", "current_period: FY2027", "current_period: FY2028")
    assert _found(reference) == []


def test_other_dispositions_may_be_funded(reference: Path) -> None:
    for disposition in ("tolerate", "invest"):
        _edit(reference / "products" / "customer-identity.yaml", "migrate", disposition)
        assert _found(reference) == []
        _edit(reference / "products" / "customer-identity.yaml", disposition, "migrate")


def test_eliminate_still_funded_can_be_switched_off(reference: Path) -> None:
    _eliminate(reference)
    _edit(reference / "portfolio.yaml", "roadmap-overloaded: error",
          "roadmap-overloaded: error\n  eliminate-still-funded: 'off'")
    assert _found(reference) == []
