"""Every control of a catalogue page driven from the keyboard alone, as controls.py drives
them with events: Tab reaches each filter field, sortable header
and map mode button; its focus shows; and its keys work it (arrows for a select, typing
for the search box, Enter and Space for a button), with the state announced (the count's
live region, aria-sort, aria-pressed). What each should show is worked out as in
controls.py, from the rows' data-* attributes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from controls import expect_shown, holds, pages_with_controls

# The keyboard's targets: each filter field, sortable header and mode button, numbered.
_MARK = """() => {
  const controls = [["form.pac-filters :is(input, select)", "filter"],
                    ["table[data-sortable] th[data-sort]", "sort"],
                    [".pac-heat-modes button[data-mode]", "mode"]]
    .flatMap(([selector, kind]) => Array.from(document.querySelectorAll(selector), e => [e, kind]));
  controls.forEach(([e, kind], i) => { e.dataset.pacKey = i; e.dataset.pacKind = kind; });
  return controls.length;
}"""
# The control the keyboard is in, if any, and whether its focus shows: an outline, or a
# look of its own (shadow, colours) that it loses when it loses the focus.
_FOCUS = """async () => {
  const e = document.activeElement;
  const control = e.closest("[data-pac-key]");
  if (!control) return {key: null};
  const settle = () => Promise.all(document.getAnimations().map(a => a.finished));
  const look = () => {
    const s = getComputedStyle(e);
    return [s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0,
            s.boxShadow, s.backgroundColor, s.borderColor, s.color];
  };
  await settle();
  const focused = look(), visible = e.matches(":focus-visible");
  e.blur();
  await settle();
  const rest = look();
  e.focus();
  await settle();
  return {key: Number(control.dataset.pacKey), kind: control.dataset.pacKind, tag: e.tagName,
          name: e.name || e.textContent.trim(),
          shows: visible && (focused[0] || focused.some((v, i) => i > 0 && v !== rest[i]))};
}"""
_ROWS = """form => {
  const rows = Array.from(document.getElementById(form.dataset.table).tBodies[0].rows);
  const count = form.querySelector(".pac-count");
  const attrs = r => Object.fromEntries(Array.from(r.attributes, a => [a.name, a.value]));
  return {attrs: rows.map(attrs), shown: rows.map(r => !r.hidden), count: count.textContent,
          live: count.getAttribute("aria-live"),
          field: {name: document.activeElement.name, value: document.activeElement.value,
                  listed: document.activeElement.hasAttribute("data-list")}};
}"""
_SORTED = """header => {
  const index = Array.from(header.parentElement.cells).indexOf(header);
  const numeric = header.dataset.sort === "number";
  const order = numeric ? (a, b) => (parseFloat(a) || 0) - (parseFloat(b) || 0)
                        : (a, b) => a.localeCompare(b);
  const keys = Array.from(header.closest("table").tBodies[0].rows, row => {
    const cell = row.cells[index];
    return cell.hasAttribute("data-value") ? cell.dataset.value : cell.textContent.trim();
  });
  return {aria: header.getAttribute("aria-sort"), focused: header.contains(document.activeElement),
          up: keys.every((k, i) => i === 0 || order(keys[i - 1], k) <= 0),
          down: keys.every((k, i) => i === 0 || order(keys[i - 1], k) >= 0)};
}"""
_MODE = """view => ({mode: view.dataset.mode,
  pressed: Array.from(view.querySelectorAll(".pac-heat-modes button[data-mode]"),
                      b => [b.dataset.mode, b.getAttribute("aria-pressed")]),
  focused: document.activeElement.dataset.mode})"""
_AWAY = """() => Array.from(document.activeElement.parentElement.children)
  .find(b => b.dataset.mode && b !== document.activeElement).click()"""
# Tab from the element before a control comes back to it when, and only when, the control
# is in the page's tab order (walking each page from the top costs a Tab, 40 ms, per link).
_NEAR = """key => {
  const control = document.querySelector(`[data-pac-key="${key}"]`);
  (control.querySelector("button") || control).focus();
  return control.name || control.textContent.trim();
}"""


def _active(page: Any, closest: str) -> Any:
    return page.evaluate_handle("s => document.activeElement.closest(s)", closest)


def _key_filter(page: Any, at: dict[str, Any], done: dict[str, Any]) -> None:
    """A select moves to its first choice with the down arrow and back to "all" with the
    up arrow; the search box filters as it is typed into and shows all once emptied."""
    form = _active(page, "form")
    before = form.evaluate(_ROWS)
    field = before["field"]
    assert before["live"] == "polite", "the count of rows shown is not announced"
    if at["tag"] == "SELECT":
        page.keyboard.press("ArrowDown")
        now = form.evaluate(_ROWS)
        value = now["field"]["value"]
        assert value, f"the down arrow left {field['name']} at all"
        expected = [holds(r, field["name"], value, field["listed"]) for r in now["attrs"]]
        page.keyboard.press("ArrowUp")
    else:
        query = before["attrs"][len(before["attrs"]) // 2]["data-text"].split(" ")[0]
        page.keyboard.type(query)
        now = form.evaluate(_ROWS)
        expected = [query in r["data-text"] for r in now["attrs"]]
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
    expect_shown(now, expected, f"{field['name']} from the keyboard")
    expect_shown(form.evaluate(_ROWS), [True] * len(expected), f"{field['name']} back to all")
    done["filters"].append(field["name"])


def _key_sort(page: Any, at: dict[str, Any], done: dict[str, Any]) -> None:
    """A sortable header's button sorts up with Enter, then down with Space."""
    assert at["tag"] == "BUTTON", f"the keyboard reaches the header {at['name']!r}, not a button"
    header = _active(page, "th")
    for key, aria, order in (("Enter", "ascending", "up"), ("Space", "descending", "down")):
        page.keyboard.press(key)
        sorted_ = header.evaluate(_SORTED)
        assert (sorted_["aria"], sorted_[order], sorted_["focused"]) == (aria, True, True), (
            f"{key} on {at['name']!r}")
    done["columns"] += 1


def _key_mode(page: Any, at: dict[str, Any], done: dict[str, Any]) -> None:
    """A mode button shows its mode with Enter, and again with Space after another mode."""
    view = _active(page, ".pac-heat-view")
    for key in ("Enter", "Space"):
        page.evaluate(_AWAY)
        page.keyboard.press(key)
        state = view.evaluate(_MODE)
        mode = state["focused"]
        assert state["mode"] == mode, f"{key} on {at['name']!r}"
        assert state["pressed"] == [[m, str(m == mode).lower()] for m, _ in state["pressed"]]
    done["modes"] += 1


_KEYS = {"filter": _key_filter, "sort": _key_sort, "mode": _key_mode}


def check_keyboard(page: Any) -> dict[str, Any]:
    """Tab reaches every control, each shows its focus and its keys work it. The filters,
    columns and modes worked."""
    done: dict[str, Any] = {"filters": [], "columns": 0, "modes": 0}
    for key in range(page.evaluate(_MARK)):
        name = page.evaluate(_NEAR, key)
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        at = page.evaluate(_FOCUS)
        assert at["key"] == key, f"Tab does not reach {name!r} on {page.url}"
        assert at["shows"], f"the keyboard's focus does not show on {name!r} on {page.url}"
        _KEYS[at["kind"]](page, at, done)
    return done


def check_keyboard_controls(page: Any, base: str, site: Path) -> dict[str, Any]:
    """check_keyboard on every page that has a control, added up."""
    done: dict[str, Any] = {"filters": [], "columns": 0, "modes": 0}
    for path in pages_with_controls(site):
        page.goto(base + path)
        for name, value in check_keyboard(page).items():
            done[name] += value
    return done
