"""Value at risk across two versions: what a change does to the current period's funding
on products with a value-leakage finding (pac/figures/value_at_risk.py)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pac.changes.entities import EntityChange
from pac.changes.levels import unscorable
from pac.figures.value_at_risk import value_at_risk
from pac.findings import Result
from pac.history.model import ValueAtRisk
from pac.rules import RULES

Named = tuple[tuple[str, str], ...]  # (product id, name), in the order of the figures


@dataclass(frozen=True)
class RiskChange:
    """The value at risk of each version, in its own current period."""

    before: ValueAtRisk
    after: ValueAtRisk
    currency: str  # the head's
    entered: Named  # at risk in the head only (head ids)
    left: Named  # at risk in the base only (head ids for a renamed product, else base ids)

    @property
    def change(self) -> Decimal:
        return self.after.total - self.before.total

    @property
    def changed(self) -> bool:
        return bool(self.change or self.entered or self.left)


def risk_change(base: Result, head: Result, entities: list[EntityChange]) -> RiskChange | None:
    """None when a version's findings cannot be trusted for it: a file that does not read
    (the health rules did not run) or no portfolio.yaml (no current period, no policies)."""
    if not (_judged(base) and _judged(head)):
        return None
    before = value_at_risk(base.portfolio, base.findings)
    after = value_at_risk(head.portfolio, head.findings)
    renamed = {e.old_id: e.id for e in entities if e.kind == "product" and e.old_id}
    was = {renamed.get(pid, pid) for pid in before.products}
    entered = [pid for pid in after.products if pid not in was]
    left = [renamed.get(pid, pid) for pid in before.products]
    left = [pid for pid in left if pid not in after.products]
    names = {**_names(base), **_names(head)}
    return RiskChange(
        before,
        after,
        head.portfolio.settings.currency,
        tuple((pid, names.get(pid, pid)) for pid in entered),
        tuple((pid, names.get(pid, pid)) for pid in left),
    )


def _judged(side: Result) -> bool:
    readable = not any(f.rule in RULES and RULES[f.rule].locked for f in side.findings)
    return readable and not unscorable(side, "unscorable")


def _names(side: Result) -> dict[str, str]:
    return {pid: product.name for pid, product in side.portfolio.products.items()}
