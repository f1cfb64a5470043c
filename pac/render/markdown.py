"""Portfolio text in Markdown that GitHub and MkDocs render as the text it is."""

from __future__ import annotations

import html
import re

from pac.terminal import one_line

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")


def md(text: object) -> str:
    """Portfolio text as Markdown that shows it literally: no markup, no HTML, no
    @mentions (a zero-width space after each @), on one line."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(one_line(text), quote=False))
    return escaped.replace("@", "@\u200b")


def cell(text: object, width: int) -> str:
    """`md(text)` of at most `width` characters of the text, for a table cell or a list
    item of a comment that must stay short whatever the portfolio holds."""
    line = one_line(text)
    return md(line if len(line) <= width else line[: width - 1].rstrip() + "…")
