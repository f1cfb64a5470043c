"""The Trends page's charts: an SVG read back as XML, its axes, ticks and marks where the
figures put them, its legend and table saying the same, and hostile labels as text."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from pac.catalogue.charts import MARK, Series, area_chart, line_chart
from pac.catalogue.scales import BOTTOM, TOP, WIDTH, counts, money, percent

SVG = "{http://www.w3.org/2000/svg}"
QUARTERS = ["2026-Q1", "2026-Q2", "2026-Q3"]
HOSTILE = "<script>alert(\"x\")</script> & 'y'"


def parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))


def svg_of(figure: ET.Element) -> ET.Element:
    svg = figure.find(f"{SVG}svg")
    assert svg is not None
    return svg


def y_ticks(figure: ET.Element) -> list[tuple[str, float]]:
    axis = svg_of(figure).find(f"{SVG}g[@class='pac-axis pac-axis-y']")
    assert axis is not None
    return [(t.text or "", float(t.get("y", ""))) for t in axis.findall(f"{SVG}text")
            if t.get("class") != "pac-axis-label"]


def x_labels(figure: ET.Element) -> list[tuple[str, float]]:
    axis = svg_of(figure).find(f"{SVG}g[@class='pac-axis pac-axis-x']")
    assert axis is not None
    return [(t.text or "", float(t.get("x", ""))) for t in axis.findall(f"{SVG}text")
            if t.get("class") != "pac-axis-label"]


def series(figure: ET.Element, name: str) -> ET.Element:
    found = [g for g in svg_of(figure).findall(f"{SVG}g[@class='pac-series']")
             if g.get("data-series") == name]
    assert len(found) == 1
    return found[0]


def points(group: ET.Element) -> list[tuple[float, float, str]]:
    return [(float(c.get("cx", "")), float(c.get("cy", "")), c.findtext(f"{SVG}title") or "")
            for c in group.findall(f"{SVG}circle")]


def paths(group: ET.Element) -> list[list[tuple[float, float]]]:
    """Each path's corners, from its `M x,y L x,y ... [Z]`."""
    out = []
    for path in group.findall(f"{SVG}path"):
        corners = path.get("d", "").replace("M", "").replace("L", "").replace("Z", "").split()
        out.append([(float(x), float(y)) for x, y in (c.split(",") for c in corners)])
    return out


def table(figure: ET.Element) -> list[list[str]]:
    rows = figure.findall("details/table//tr")
    return [["".join(cell.itertext()) for cell in row] for row in rows]


def legend(figure: ET.Element) -> list[str]:
    return ["".join(li.itertext()) for li in figure.findall("ul[@class='pac-key']/li")]


def test_a_line_chart_puts_each_value_where_its_axes_say() -> None:
    figure = parse(line_chart("c", "Findings", QUARTERS,
                              [Series("errors", [1, 3, 6]), Series("warnings", [0, 2, 4])],
                              axis=counts("findings"), x_label="end of quarter"))
    # 0 at the bottom of the plot, 6 at its top, 2 a third of the way up
    assert y_ticks(figure) == [("0", BOTTOM), ("2", 150.0), ("4", 90.0), ("6", TOP)]
    labels = x_labels(figure)
    assert [text for text, _ in labels] == QUARTERS
    xs = [x for _, x in labels]
    assert xs[1] - xs[0] == pytest.approx(xs[2] - xs[1]) and xs[0] < xs[1] < xs[2] < WIDTH
    errors = series(figure, "errors")
    assert points(errors) == [(xs[0], 180.0, "2026-Q1, errors: 1"),
                              (xs[1], 120.0, "2026-Q2, errors: 3"),
                              (xs[2], TOP, "2026-Q3, errors: 6")]
    assert paths(errors) == [[(xs[0], 180.0), (xs[1], 120.0), (xs[2], TOP)]]
    assert paths(series(figure, "warnings")) == [[(xs[0], BOTTOM), (xs[1], 150.0), (xs[2], 90.0)]]
    axis_labels = [t.text for t in svg_of(figure).iter(f"{SVG}text")
                   if t.get("class") == "pac-axis-label"]
    assert axis_labels == ["findings", "end of quarter"]
    assert legend(figure) == ["errors: 6", "warnings: 4"]
    assert table(figure) == [["end of quarter", "errors", "warnings"], ["2026-Q1", "1", "0"],
                             ["2026-Q2", "3", "2"], ["2026-Q3", "6", "4"]]


def test_a_chart_is_an_image_named_by_its_title_and_described_by_its_latest_values() -> None:
    figure = parse(line_chart("trends-findings", "Findings", QUARTERS,
                              [Series("errors", [1, 3, 6]), Series("warnings", [0, None, None])],
                              axis=counts("findings"), x_label="end of quarter"))
    svg = svg_of(figure)
    assert svg.get("role") == "img"
    named = {e.get("id"): "".join(e.itertext()) for e in svg.iter() if e.get("id")}
    assert [named[i] for i in svg.get("aria-labelledby", "").split()] == [
        "Findings", "Findings, 2026-Q1 to 2026-Q3. At 2026-Q3: errors 6, warnings no data."]
    assert svg.get("viewBox") == "0 0 500 260"


def test_a_gap_breaks_the_line_and_a_lone_value_is_a_dot() -> None:
    labels = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]
    figure = parse(line_chart("c", "Value at risk", labels,
                              [Series("at risk", [10, 20, None, 40, None])],
                              axis=money("GBP"), x_label="end of month"))
    group = series(figure, "at risk")
    assert [len(p) for p in paths(group)] == [2]  # 10 to 20; 40 stands alone
    assert [title for *_, title in points(group)] == [
        "2026-01, at risk: 10\u00a0GBP", "2026-02, at risk: 20\u00a0GBP",
        "2026-04, at risk: 40\u00a0GBP"]
    assert legend(figure) == ["at risk: no data"]
    assert table(figure)[3:] == [["2026-03", "—"], ["2026-04", "40\u00a0GBP"], ["2026-05", "—"]]


def test_a_stacked_chart_puts_each_band_on_the_ones_below() -> None:
    figure = parse(area_chart("c", "Products by stage", QUARTERS,
                              [Series("build", [2, 2, 1]), Series("live", [2, 4, 7])],
                              axis=counts("products"), x_label="end of quarter"))
    assert y_ticks(figure) == [("0", BOTTOM), ("2", 165.0), ("4", 120.0), ("6", 75.0),
                               ("8", TOP)]
    xs = [x for _, x in x_labels(figure)]
    # its top edge left to right, then the one below right to left
    assert paths(series(figure, "build")) == [
        [(xs[0], 165.0), (xs[1], 165.0), (xs[2], 187.5),
         (xs[2], BOTTOM), (xs[1], BOTTOM), (xs[0], BOTTOM)]]
    assert paths(series(figure, "live")) == [
        [(xs[0], 120.0), (xs[1], 75.0), (xs[2], TOP),
         (xs[2], 187.5), (xs[1], 165.0), (xs[0], 165.0)]]
    assert table(figure)[0] == ["end of quarter", "build", "live", "In all"]
    assert table(figure)[3] == ["2026-Q3", "1", "7", "8"]
    desc = svg_of(figure).findtext(f"{SVG}desc")
    assert desc == "Products by stage, 2026-Q1 to 2026-Q3. At 2026-Q3: build 1, live 7; in all 8."


def test_a_stacked_chart_has_a_gap_where_no_series_has_a_value() -> None:
    labels = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    figure = parse(area_chart("c", "Funding", labels,
                              [Series("run", [4, None, 4, 4]),
                               Series("change", [4, None, None, 2])],
                              axis=money("GBP"), x_label="end of quarter"))
    xs = [x for _, x in x_labels(figure)]
    run, change = paths(series(figure, "run")), paths(series(figure, "change"))
    # Q1 alone is a bar; Q3 to Q4 a band; a None beside a value counts as nothing
    assert [sorted({x for x, _ in p}) for p in run] == [
        [xs[0] - MARK / 2, xs[0] + MARK / 2], [xs[2], xs[3]]]
    assert change[1] == [(xs[2], 120.0), (xs[3], 75.0), (xs[3], 120.0), (xs[2], 120.0)]
    assert table(figure)[2] == ["2026-Q2", "—", "—", "—"]


def test_one_period_all_zero_and_a_single_series_still_make_a_chart() -> None:
    figure = parse(line_chart("c", "Coverage", ["2026-Q3"], [Series("served", [0])],
                              axis=counts("leaves"), x_label="end of quarter"))
    assert y_ticks(figure) == [("0", BOTTOM), ("1", TOP)]
    ((label, x),) = x_labels(figure)
    assert label == "2026-Q3" and 0 < x < WIDTH
    assert points(series(figure, "served")) == [(x, BOTTOM, "2026-Q3, served: 0")]
    assert paths(series(figure, "served")) == []
    bar = parse(area_chart("c", "Stages", ["2026-Q3"], [Series("live", [3])],
                           axis=counts("products"), x_label="end of quarter"))
    assert paths(series(bar, "live")) == [[(x - MARK / 2, TOP), (x + MARK / 2, TOP),
                                           (x + MARK / 2, BOTTOM), (x - MARK / 2, BOTTOM)]]


def test_a_chart_without_periods_says_it_has_no_data() -> None:
    figure = parse(line_chart("c", "Coverage", [], [Series("served", [])],
                              axis=percent("% of leaf capabilities"), x_label="end of quarter"))
    assert svg_of(figure).findtext(f"{SVG}desc") == "Coverage: no data yet."
    assert x_labels(figure) == []
    assert [t for t, _ in y_ticks(figure)] == ["0%", "25%", "50%", "75%", "100%"]


def test_many_periods_label_fewer_ticks_the_latest_always() -> None:
    labels = [f"{2024 + m // 12}-{m % 12 + 1:02}" for m in range(36)]
    figure = parse(line_chart("c", "Products", labels, [Series("all", list(range(36)))],
                              axis=counts("products"), x_label="end of month"))
    shown = [(text, x) for text, x in x_labels(figure) if text]
    assert 3 <= len(shown) <= 6
    assert shown[-1][0] == "2026-12"
    gaps = [b - a for (_, a), (_, b) in itertools.pairwise(shown)]
    assert min(gaps) > 7 * 16 * 0.6  # wider than a label: none overlaps the next
    ticks = svg_of(figure).findall(f"{SVG}g[@class='pac-axis pac-axis-x']/{SVG}line")
    assert len(ticks) == 1 + 36  # the axis, and a tick at every month


def test_money_ticks_are_short_and_values_exact() -> None:
    figure = parse(area_chart("c", "Funding", ["2026-Q3"],
                              [Series("run", [Decimal("1250000")]),
                               Series("change", [Decimal("750000.50")])],
                              axis=money("GBP"), x_label="end of quarter"))
    assert [t for t, _ in y_ticks(figure)] == ["0", "1M", "2M", "3M"]
    assert legend(figure) == ["run: 1,250,000\u00a0GBP", "change: 750,000.50\u00a0GBP"]
    assert table(figure)[1] == ["2026-Q3", "1,250,000\u00a0GBP", "750,000.50\u00a0GBP",
                                "2,000,000.50\u00a0GBP"]


def test_series_take_the_colour_classes_in_turn_or_the_one_asked_for() -> None:
    many = [Series(f"s{i}", [i]) for i in range(9)] + [Series("error", [1], colour=8)]
    figure = parse(line_chart("c", "Many", ["2026-Q3"], many, axis=counts("n"),
                              x_label="end of quarter"))
    classes = [series(figure, s.name).find(f"{SVG}circle").get("class")  # type: ignore[union-attr]
               for s in many]
    assert classes == [f"pac-point pac-series-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 1, 8)]
    marks = figure.findall(f"ul/li/{SVG}svg/{SVG}line")
    assert [m.get("class") for m in marks][-1] == "pac-line pac-series-8"


def test_hostile_labels_stay_text() -> None:
    markup = str(area_chart("c", HOSTILE, ["2026-Q2", HOSTILE],
                            [Series(HOSTILE, [1, 2]), Series("b", [1, 1])],
                            axis=counts(HOSTILE), x_label=HOSTILE))
    assert "<script" not in markup and "\"x\")" not in markup and "'y'" not in markup
    figure = parse(markup)
    assert not [e for e in figure.iter() if e.tag.endswith("script")]
    svg = svg_of(figure)
    assert svg.findtext(f"{SVG}title") == HOSTILE
    assert series(figure, HOSTILE).get("data-series") == HOSTILE
    assert x_labels(figure)[-1][0] == HOSTILE
    texts = ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]
    assert texts.count(HOSTILE) == 3  # a period, the y and the x axis' labels
    assert legend(figure)[0] == f"{HOSTILE}: 2"
    assert table(figure)[0][:2] == [HOSTILE, HOSTILE]
    assert table(figure)[2][0] == HOSTILE
    assert figure.findtext("details/summary") == f"The figures of “{HOSTILE}”"


def test_control_characters_become_spaces() -> None:
    figure = parse(line_chart("c", "a\x00b\x1bc", QUARTERS, [Series("s\x07", [1, 2, 3])],
                              axis=counts("n"), x_label="q"))
    assert svg_of(figure).findtext(f"{SVG}title") == "a b c"
    assert series(figure, "s ").get("data-series") == "s "
