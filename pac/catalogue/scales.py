"""Where a chart's values and periods go: the y axis' round ticks and what it measures, the
periods spread along the x axis with as many labels as fit. The sizes are those of the
viewBox charts.py draws in."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from pac.catalogue.numbers import number
from pac.money import compact_money, format_money

WIDTH, HEIGHT = 500, 260
FONT = 16  # pac.css's font size of a chart's text, in viewBox units
CHAR = FONT * 0.6  # the widest a character of a label is likely to be
TOP, BOTTOM, RIGHT = 30, HEIGHT - 50, 10  # the plot's edges (the left one fits the ticks)
TICKS = 4  # about how many steps the y axis has


@dataclass(frozen=True)
class Axis:
    """What the y axis measures: its label, how a tick and how a value are written, whether
    its steps are whole numbers and the least top it reaches (100 for a percentage)."""

    label: str
    tick: Callable[[Decimal], str]
    value: Callable[[Decimal], str]
    whole: bool = True
    top: Decimal | None = None


def counts(label: str) -> Axis:
    """An axis of counts: products, findings."""
    return Axis(label, number, number)


def money(currency: str) -> Axis:
    """An axis of amounts: compact ticks (1.5M), exact values (1,500,000 GBP) that never
    part at the end of a line."""
    return Axis(
        currency,
        lambda v: compact_money(v, currency).removesuffix(f" {currency}"),
        lambda v: format_money(v, currency).replace(" ", "\u00a0"),
        whole=False,
    )


def percent(label: str) -> Axis:
    """An axis of percentages, from 0 to 100 at least."""
    return Axis(
        label, lambda v: f"{number(v)}%", lambda v: f"{number(v)}%", whole=False, top=Decimal(100)
    )


@dataclass(frozen=True)
class Tick:
    """A mark on an axis and its label."""

    at: float  # its position along the axis, in viewBox units
    text: str  # "" for a tick without a label


def nice_ticks(low: Decimal, high: Decimal, axis: Axis) -> list[Decimal]:
    """The y axis' ticks: round steps (1, 2, 2.5 or 5 times a power of ten) from at most
    zero to at least the highest value, about TICKS of them."""
    low, high = min(low, Decimal(0)), max(high, Decimal(0), axis.top or Decimal(0))
    span = (high - low) or Decimal(1)
    step = _step(span / TICKS, whole=axis.whole)
    start = (low / step).to_integral_value(ROUND_FLOOR) * step
    stop = max((high / step).to_integral_value(ROUND_CEILING) * step, start + step)
    return [_plain(start + i * step) for i in range(int((stop - start) / step) + 1)]


def _step(raw: Decimal, *, whole: bool) -> Decimal:
    magnitude = Decimal(1).scaleb(raw.adjusted())
    for factor in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10)):
        step = factor * magnitude
        if step >= raw and not (whole and step != step.to_integral_value()):
            return max(step, Decimal(1)) if whole else step
    return Decimal(10) * magnitude  # not reached: 10 x magnitude is whole and >= raw


def _plain(value: Decimal) -> Decimal:
    """50, not 5E+1; 0.1, not 0.10."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def y_scale(low: Decimal, high: Decimal) -> Callable[[Decimal], float]:
    def y_at(value: Decimal) -> float:
        return round(BOTTOM - float((value - low) / (high - low)) * (BOTTOM - TOP), 1)

    return y_at


def x_positions(labels: Sequence[str], left: float) -> list[float]:
    """Evenly spread, with room for the first and last labels centred under them."""
    half = max((len(label) for label in labels), default=0) * CHAR / 2 + 2
    first, last = max(left + 10, half), WIDTH - max(RIGHT, half)
    if len(labels) == 1:
        return [round((first + last) / 2, 1)]
    step = (last - first) / max(1, len(labels) - 1)
    return [round(first + i * step, 1) for i in range(len(labels))]


def x_ticks(labels: Sequence[str], xs: list[float]) -> list[Tick]:
    """A tick at every period, a label at every k-th counted back from the latest, so that
    labels never overlap."""
    if len(labels) < 2:
        return [Tick(x, label) for x, label in zip(xs, labels, strict=True)]
    wide = max(len(label) for label in labels) * CHAR + 12
    every = max(1, math.ceil(wide / (xs[1] - xs[0])))
    last = len(labels) - 1
    return [
        Tick(x, label if (last - i) % every == 0 else "")
        for i, (x, label) in enumerate(zip(xs, labels, strict=True))
    ]
