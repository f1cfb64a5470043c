"""Roadmap promises a change deletes: a theme that the base plans for the current quarter or
an earlier one, not marked done or dropped there, that the head's product no longer has
under any quarter. A theme moved to a later quarter is carried, not removed; a product
removed whole is the removal's to say, not each of its themes'."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator

from pac import yaml
from pac.changes.entities import EntityChange
from pac.figures.funding import quarter_of
from pac.figures.roadmap import theme_key
from pac.findings import Finding
from pac.model import Product
from pac.model.portfolio import Portfolio
from pac.model.product import Theme

RULE = "roadmap-promise-removed"
CLOSED = ("done", "dropped")
HINT = (
    "mark it `status: done` or `status: dropped` instead of deleting it, so the record of "
    "promises kept stays true"
)
ReadText = Callable[[str], str | None]  # a head file's text, by the name findings give it


def removed_promises(
    base: Portfolio,
    head: Portfolio,
    entities: list[EntityChange],
    *,
    today: datetime.date,
    read_head: ReadText,
    unread: Collection[str] = (),
) -> list[Finding]:
    """One finding per theme removed, on the head's product file at its `roadmap` (line 1
    when it has none), following renames; severities are not applied yet. A head file in
    `unread` (one that does not read reliably: a schema error drops what it cannot take)
    is not judged."""
    now = quarter_of(today)
    renamed = {e.old_id: e.id for e in entities if e.kind == "product" and e.old_id}
    found = []
    for old_id, before in sorted(base.products.items()):
        pid = renamed.get(old_id, old_id)
        after = head.products.get(pid)
        if after is None or head.file_of("product", pid) in unread:
            continue  # removed whole, or not read reliably
        kept = {_key(theme) for entry in after.roadmap for theme in entry.themes}
        gone = {text: q for text, q in _promised(before, now).items() if _key(text) not in kept}
        if gone:
            file = head.file_of("product", pid)
            place = _roadmap_place(read_head(file))
            found += [_finding(file, pid, text, quarters, place) for text, quarters in gone.items()]
    return found


def _finding(
    file: str, pid: str, text: str, quarters: list[str], place: tuple[int, int]
) -> Finding:
    return Finding(
        RULE,
        file,
        f"'{text}', promised for {', '.join(quarters)}, is no longer on the roadmap and was "
        "not marked done or dropped",
        HINT,
        f"product:{pid}",
        ("roadmap",),
        at_key=True,
        line=place[0],
        column=place[1],
    )


def _promised(product: Product, now: str) -> dict[str, list[str]]:
    """Each theme of the quarters up to `now` not marked done or dropped in that quarter,
    with the quarters it is planned in."""
    closed = {
        (q, _key(t)) for q, t in _themes(product) if isinstance(t, Theme) and t.status in CLOSED
    }
    out: dict[str, list[str]] = defaultdict(list)
    for quarter, theme in _themes(product):
        if quarter <= now and (quarter, _key(theme)) not in closed:
            out[_text(theme)].append(quarter)
    return {text: sorted(set(quarters)) for text, quarters in out.items()}


def _themes(product: Product) -> Iterator[tuple[str, str | Theme]]:
    for entry in product.roadmap:
        for theme in entry.themes:
            yield entry.quarter, theme


def _text(theme: str | Theme) -> str:
    return theme.theme if isinstance(theme, Theme) else theme


def _key(theme: str | Theme) -> str:
    return theme_key(_text(theme))


def _roadmap_place(text: str | None) -> tuple[int, int]:
    """The line and column of the `roadmap` key, or the file's start."""
    places = yaml.locate(text, {("roadmap",)}) if text else {}
    place = places.get(("roadmap",))
    return (place[0], place[1]) if place else (1, 1)
