"""Line and stacked area charts of series over periods, drawn at build time as inline SVG,
with their legend and their figures as HTML: no script, nothing to download.

A chart is drawn in a 500 x 260 viewBox that takes its column's width (pac.css caps it), with
text 16 units high: about 11.5 px on a 390 px phone and 18 px on a desktop. Under the SVG come
the legend (each series with its latest value) and a table of every figure, folded away, for
screen readers, search and anyone who wants the numbers; the SVG itself is an image whose
name is the title and whose description gives the latest values.

Every label reaches the page through `chart.html.j2`, where the contextual escaping of
pac/catalogue/escaping.py escapes it for where it stands (text or attribute).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

import jinja2
from markupsafe import Markup

from pac.catalogue.escaping import html_environment
from pac.catalogue.sanitize import printable
from pac.catalogue.scales import (
    BOTTOM,
    CHAR,
    HEIGHT,
    RIGHT,
    TOP,
    WIDTH,
    Axis,
    Tick,
    nice_ticks,
    x_positions,
    x_ticks,
    y_scale,
)

Value = int | Decimal
COLOURS = 8  # .pac-series-1 to -8 in pac.css
MARK = 14  # the width of a stacked bar drawn for a single period


@dataclass(frozen=True)
class Series:
    """One named series, a value (or None: no data) for each period of the chart;
    `colour` picks a .pac-series-N class (by default, the series' place)."""

    name: str
    values: Sequence[Value | None]
    colour: int | None = None


@dataclass(frozen=True)
class Point:
    """A value of a line, where it is drawn and what its tooltip says."""

    x: float
    y: float
    label: str  # the period
    text: str  # the value, written


@dataclass(frozen=True)
class Drawn:
    """A series as drawn: its colour class, its paths, its points and its latest value."""

    name: str
    css: str
    paths: list[str]
    points: list[Point]
    latest: str


@dataclass(frozen=True)
class Chart:
    """What chart.html.j2 draws: all positions worked out, all figures written."""

    id: str
    title: str
    kind: str  # line | area
    left: float
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    y_label: str
    x_label: str
    series: list[Drawn]
    summary: str
    rows: list[tuple[str, list[str]]]  # each period and its figures, for the table
    total: bool  # the table has a total column (a stacked chart)
    width: int = WIDTH
    height: int = HEIGHT
    top: int = TOP
    bottom: int = BOTTOM
    right: int = WIDTH - RIGHT

    @property
    def tick_x(self) -> float:
        """Where the y axis' labels end."""
        return round(self.left - 6, 1)


def line_chart(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    axis: Axis,
    x_label: str,
) -> Markup:
    """A line per series over the periods `labels`; a gap where a value is None, a dot at
    every value (so that a lone value shows)."""
    return _render(_layout(chart_id, title, labels, series, axis, x_label, stacked=False))


def area_chart(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    axis: Axis,
    x_label: str,
) -> Markup:
    """The series stacked, the first at the bottom; a period where every value is None is a
    gap, a None among values counts as 0; a period alone between gaps is a bar."""
    return _render(_layout(chart_id, title, labels, series, axis, x_label, stacked=True))


def _layout(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    axis: Axis,
    x_label: str,
    *,
    stacked: bool,
) -> Chart:
    values = [[_decimal(v) for v in s.values[: len(labels)]] for s in series]
    values = [v + [None] * (len(labels) - len(v)) for v in values]
    tops = _stack(values) if stacked else values
    shown = [v for row in tops for v in row if v is not None]
    ticks = nice_ticks(min(shown, default=Decimal(0)), max(shown, default=Decimal(0)), axis)
    left = 10 + max(len(axis.tick(t)) for t in ticks) * CHAR
    y_at = y_scale(ticks[0], ticks[-1])
    xs = x_positions(labels, left)
    frame = _Frame(labels, xs, y_at, axis)
    edges = [[None if t is None else Decimal(0) for t in tops[0]], *tops] if tops else []
    drawn = [
        _draw(s, i, values[i], (edges[i], edges[i + 1]) if stacked else None, frame)
        for i, s in enumerate(series)
    ]
    return Chart(
        id=chart_id,
        title=title,
        kind="area" if stacked else "line",
        left=round(left, 1),
        y_ticks=[Tick(y_at(t), axis.tick(t)) for t in ticks],
        x_ticks=x_ticks(labels, xs),
        y_label=axis.label,
        x_label=x_label,
        series=drawn,
        summary=_summary(title, labels, series, drawn, tops, axis, stacked),
        rows=_rows(labels, values, tops, axis, stacked),
        total=stacked,
    )


def _decimal(value: Value | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _stack(values: list[list[Decimal | None]]) -> list[list[Decimal | None]]:
    """Each series' top edge: the running sum of the series up to it; None where every
    series has no value."""
    if not values:
        return []
    present = [any(row[i] is not None for row in values) for i in range(len(values[0]))]
    tops: list[list[Decimal | None]] = []
    running = [Decimal(0)] * len(present)
    for row in values:
        running = [r + (v or 0) for r, v in zip(running, row, strict=True)]
        tops.append([r if p else None for r, p in zip(running, present, strict=True)])
    return tops


@dataclass(frozen=True)
class _Frame:
    """Where a chart's periods and values go."""

    labels: Sequence[str]
    xs: list[float]
    y_at: Callable[[Decimal], float]
    axis: Axis


def _draw(
    series: Series,
    index: int,
    values: list[Decimal | None],
    band: tuple[list[Decimal | None], list[Decimal | None]] | None,
    frame: _Frame,
) -> Drawn:
    """A series: its band between two edges (stacked), else its line and dots."""
    colour = series.colour or index % COLOURS + 1
    latest = values[-1] if values else None
    y_at, axis = frame.y_at, frame.axis
    points = [
        Point(x, y_at(v), label, axis.value(v))
        for x, v, label in zip(frame.xs, values, frame.labels, strict=True)
        if v is not None
    ]
    return Drawn(
        name=series.name,
        css=f"pac-series-{colour}",
        paths=_areas(frame.xs, *band, y_at) if band else _lines(frame.xs, values, y_at),
        points=[] if band else points,
        latest=axis.value(latest) if latest is not None else "no data",
    )


def _runs(values: list[Decimal | None]) -> list[range]:
    """The stretches of periods with a value."""
    runs, start = [], None
    for i, v in enumerate([*values, None]):
        if v is not None and start is None:
            start = i
        elif v is None and start is not None:
            runs.append(range(start, i))
            start = None
    return runs


def _lines(
    xs: list[float], values: list[Decimal | None], y_at: Callable[[Decimal], float]
) -> list[str]:
    return [
        "M" + " L".join(f"{xs[i]},{y_at(values[i])}" for i in run)  # type: ignore[arg-type]
        for run in _runs(values)
        if len(run) > 1
    ]


def _areas(
    xs: list[float],
    below: list[Decimal | None],
    above: list[Decimal | None],
    y_at: Callable[[Decimal], float],
) -> list[str]:
    """A band between two edges for each stretch of periods; a bar for a period alone."""
    paths = []
    for run in _runs(above):
        edge = [(xs[i], y_at(above[i]), y_at(below[i])) for i in run]  # type: ignore[arg-type]
        if len(edge) == 1:
            x, top, bottom = edge[0]
            edge = [(x - MARK / 2, top, bottom), (x + MARK / 2, top, bottom)]
        upper = " L".join(f"{round(x, 1)},{top}" for x, top, _ in edge)
        lower = " L".join(f"{round(x, 1)},{bottom}" for x, _, bottom in reversed(edge))
        paths.append(f"M{upper} L{lower} Z")
    return paths


def _summary(
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    drawn: list[Drawn],
    tops: list[list[Decimal | None]],
    axis: Axis,
    stacked: bool,
) -> str:
    """The text alternative: the span of the chart and the latest value of each series."""
    if not labels:
        return f"{title}: no data yet."
    span = labels[0] if len(labels) == 1 else f"{labels[0]} to {labels[-1]}"
    latest = ", ".join(f"{s.name} {d.latest}" for s, d in zip(series, drawn, strict=True))
    total = tops[-1][-1] if stacked and tops else None
    and_total = f"; in all {axis.value(total)}" if total is not None else ""
    return f"{title}, {span}. At {labels[-1]}: {latest or 'no series'}{and_total}."


def _rows(
    labels: Sequence[str],
    values: list[list[Decimal | None]],
    tops: list[list[Decimal | None]],
    axis: Axis,
    stacked: bool,
) -> list[tuple[str, list[str]]]:
    def written(v: Decimal | None) -> str:
        return "—" if v is None else axis.value(v)

    rows = []
    for i, label in enumerate(labels):
        cells = [written(row[i]) for row in values]
        if stacked:
            cells.append(written(tops[-1][i] if tops else None))
        rows.append((label, cells))
    return rows


@functools.cache
def _template() -> jinja2.Template:
    env = html_environment(
        jinja2.PackageLoader("pac.catalogue", "templates"),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=printable,
    )
    return env.get_template("chart.html.j2")


def _render(chart: Chart) -> Markup:
    return Markup(_template().render(c=chart))
