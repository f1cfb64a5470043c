"""The reports of `pac validate`: text, json, github and sarif."""

from __future__ import annotations

from collections.abc import Callable

from pac.findings import Result
from pac.render.validate_github import render_github
from pac.render.validate_json import render_json
from pac.render.validate_sarif import render_sarif
from pac.render.validate_text import render_text

REPORTERS: dict[str, Callable[..., str]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
}


def render(result: Result, fmt: str, *, colour: bool = False) -> str:
    return REPORTERS[fmt](result, colour=colour)


__all__ = ["REPORTERS", "render"]
