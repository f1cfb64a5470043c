"""The reports of `pac diff`: text, markdown (the pull-request comment) and json."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pac.render.diff_comment import render_diff_markdown
from pac.render.diff_text import render_diff_json, render_diff_text

if TYPE_CHECKING:
    from pac.changes.diff import Comparison

DIFF_REPORTERS: dict[str, Callable[[Comparison], str]] = {
    "text": render_diff_text,
    "markdown": render_diff_markdown,
    "json": render_diff_json,
}
