"""Roadmap themes as the rules and the pages read them: a theme is written as a sentence or
as a mapping (theme, status, objective); these give either as a mapping, and say which
themes still count and which objectives each serves."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pac.model import Product
from pac.model.product import Quarter, Theme

DROPPED = "dropped"


def as_theme(theme: str | Theme) -> Theme:
    """A theme as a mapping: a sentence is a planned theme that names no objective."""
    # the sentence was validated with its file: constructing skips validating it again
    return theme if isinstance(theme, Theme) else Theme.model_construct(theme=theme)


def theme_text(theme: str | Theme) -> str:
    return theme.theme if isinstance(theme, Theme) else theme


def theme_key(text: str) -> str:
    """A theme's text as it is matched across versions and quarters: its words, whatever
    their case and spacing (`pac diff` and `pac trends` alike)."""
    return " ".join(text.split()).casefold()


def is_dropped(theme: str | Theme) -> bool:
    # a sentence is planned: no mapping is made for it, as every rule asks of every theme
    return isinstance(theme, Theme) and theme.status == DROPPED


def counted(themes: Iterable[str | Theme]) -> list[str | Theme]:
    """The themes that still count for their quarter: every one but those dropped."""
    return [theme for theme in themes if not is_dropped(theme)]


def theme_objectives(product: Product, theme: str | Theme) -> tuple[str, ...]:
    """The objectives a theme serves: its own when it names one, else its product's; a
    dropped theme serves none."""
    if is_dropped(theme):
        return ()
    if isinstance(theme, Theme) and theme.objective:
        return (theme.objective,)
    return tuple(product.objectives)


def quarter_entries(product: Product, quarter: str) -> Iterator[tuple[int, Quarter]]:
    """(position, entry) of each of the product's roadmap entries for the quarter."""
    for i, entry in enumerate(product.roadmap):
        if entry.quarter == quarter:
            yield i, entry
