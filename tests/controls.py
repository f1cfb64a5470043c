"""Every control of a catalogue page, found on the page and driven in the browser: each
option of each filter, the search box, each sortable column and the map's mode buttons.
What a control should show is worked out here from the rows' data-* attributes (as the
browser's HTML parser read them), never from pac.js. Each control is driven by the
events a user's action fires, from inside the page: one round trip per control keeps
a hundred pages of them within seconds. keyboard.py drives each again from the keyboard."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MARKS = ("pac-filters", "data-sortable", "pac-heat-modes")

# For each control of a form: the rows' attributes, then the rows shown and the count
# after each choice a user can make, "all" last.
_FILTERS = """form => {
  const rows = Array.from(document.getElementById(form.dataset.table).tBodies[0].rows);
  const state = () => ({shown: rows.map(r => !r.hidden),
                        count: form.querySelector(".pac-count").textContent});
  const fire = (control, value) => {
    control.value = value;
    control.dispatchEvent(new Event("input", {bubbles: true}));
    control.dispatchEvent(new Event("change", {bubbles: true}));
  };
  const attrs = rows.map(r =>
    Object.fromEntries(Array.from(r.attributes, a => [a.name, a.value])));
  const selects = Array.from(form.querySelectorAll("select"), select => {
    const choices = Array.from(select.options, option => {
      fire(select, option.value);
      return {value: option.value, ...state()};
    });
    fire(select, "");
    return {name: select.name, listed: select.hasAttribute("data-list"), choices};
  });
  const search = form.querySelector("input[type=search]");
  const queries = [attrs[Math.floor(rows.length / 2)]["data-text"].split(" ")[0],
                   "No-Such-Thing", ""].map(query => {
    fire(search, query);
    return {query, ...state()};
  });
  return {attrs, selects, queries};
}"""
# Each sortable column clicked twice: whether its keys are then in order, up then down.
_SORTING = """table => Array.from(table.tHead.rows[0].cells).flatMap((header, index) => {
  if (!header.hasAttribute("data-sort")) return [];
  const numeric = header.dataset.sort === "number";
  const order = numeric ? (a, b) => (parseFloat(a) || 0) - (parseFloat(b) || 0)
                        : (a, b) => a.localeCompare(b);
  return [1, -1].map(sign => {
    header.click();
    const keys = Array.from(table.tBodies[0].rows, row => {
      const cell = row.cells[index];
      return cell.hasAttribute("data-value") ? cell.dataset.value : cell.textContent.trim();
    });
    return {column: header.textContent, sign, aria: header.getAttribute("aria-sort"),
            sorted: keys.every((k, i) => i === 0 || sign * order(keys[i - 1], k) <= 0),
            rows: Array.from(table.tBodies[0].rows, r => r.textContent).sort()};
  });
})"""
_MODES = """view => {
  const buttons = Array.from(view.querySelectorAll(".pac-heat-modes button[data-mode]"));
  return buttons.map(button => {
    button.click();
    return {mode: button.dataset.mode, view: view.dataset.mode,
            pressed: Array.from(buttons, b => b.getAttribute("aria-pressed") === "true"),
            shown: Array.from(view.querySelectorAll("[data-show]"),
                              e => [e.dataset.show, e.checkVisibility()])};
  });
}"""


def pages_with_controls(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if any(mark in p.read_text() for mark in MARKS))


def check_filters(form: Any) -> list[str]:
    """Each option of each select shows exactly the rows it matches, and "all" every
    row; the search box shows the rows whose text holds the query. The filters tried."""
    done = form.evaluate(_FILTERS)
    rows = done["attrs"]
    for select in done["selects"]:
        for choice in select["choices"]:
            value = choice["value"]
            expected = [not value or holds(r, select["name"], value, select["listed"])
                        for r in rows]
            expect_shown(choice, expected, f"{select['name']}={value!r}")
    for search in done["queries"]:
        query = search["query"].lower()
        expect_shown(search, [query in r["data-text"] for r in rows], search["query"])
    return [select["name"] for select in done["selects"]]


def holds(attrs: dict[str, str], name: str, value: str, listed: bool) -> bool:
    held = attrs.get(f"data-{name}", "")
    return value in json.loads(held or "[]") if listed else held == value


def expect_shown(state: dict[str, Any], expected: list[bool], what: str) -> None:
    assert state["shown"] == expected, what
    assert state["count"].startswith(f"{sum(expected)} of {len(expected)} "), what


def check_sorting(table: Any) -> int:
    """Each sortable column sorts the rows up, then down. How many columns."""
    before = sorted(table.evaluate("t => Array.from(t.tBodies[0].rows, r => r.textContent)"))
    clicks = table.evaluate(_SORTING)
    for click in clicks:
        direction = "ascending" if click["sign"] > 0 else "descending"
        assert click["sorted"], (click["column"], direction)
        assert click["aria"] == direction
        assert click["rows"] == before
    return len(clicks) // 2


def check_modes(view: Any) -> int:
    """Each mode button colours the map its way and shows only its own legend."""
    presses = view.evaluate(_MODES)
    for i, press in enumerate(presses):
        assert press["view"] == press["mode"]
        assert press["pressed"] == [j == i for j in range(len(presses))]
        assert any(visible for show, visible in press["shown"] if show == press["mode"])
        assert not any(visible for show, visible in press["shown"] if show != press["mode"])
    return len(presses)


def check_controls(page: Any, base: str, site: Path) -> dict[str, Any]:
    """Every control of every page that has one: the filters tried, and how many
    sortable columns and map modes."""
    done: dict[str, Any] = {"filters": [], "columns": 0, "modes": 0}
    for path in pages_with_controls(site):
        page.goto(base + path)
        for form in page.locator("form.pac-filters").all():
            done["filters"] += check_filters(form)
        for table in page.locator("table[data-sortable]").all():
            done["columns"] += check_sorting(table)
        for view in page.locator(".pac-heat-view").all():
            done["modes"] += check_modes(view)
    return done
