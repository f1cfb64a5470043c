"""A funding period: the envelope and how it is allocated to products."""

from __future__ import annotations

from decimal import Decimal

from pydantic import model_validator

from pac.model.base import Date, Id, Label, Money, Period, Strict


class Allocation(Strict):
    """Funding for one product in the period."""

    product: Id
    """The product's id."""
    run: Money = Decimal(0)
    """Funding for keeping the product running."""
    change: Money = Decimal(0)
    """Funding for improving it."""
    source: Label | None = None
    """The cost centre or business unit that funds it."""

    @property
    def total(self) -> Decimal:
        return self.run + self.change


class Funding(Strict):
    """One funding period; the file is named after the period."""

    period: Period
    """The period's name; must equal the file name without `.yaml`."""
    start: Date
    """The first day of the period."""
    end: Date
    """The last day of the period."""
    envelope: Money
    """The total the portfolio may allocate in this period."""
    allocations: list[Allocation] = []
    """Funding per product."""
    extensions: dict[str, object] | None = None
    """Your organisation's own fields (see `extension_schemas` in portfolio.yaml)."""

    @model_validator(mode="after")
    def _end_after_start(self) -> Funding:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    @property
    def allocated(self) -> Decimal:
        return sum((a.total for a in self.allocations), Decimal(0))
