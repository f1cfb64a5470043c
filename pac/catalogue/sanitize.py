"""The only module that turns portfolio Markdown into HTML: Python-Markdown, then nh3.

Descriptions may use Markdown lists, emphasis and links; raw HTML is removed and only
http(s) and mailto links survive. nh3 (a binding to the ammonia sanitiser) does the
removing, not hand-written patterns.
"""

from __future__ import annotations

import re
from typing import Any

import markdown
import nh3
from markupsafe import Markup

TAGS = {
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "a",
    "hr",
    "h3",
    "h4",
    "h5",
    "h6",
}
ATTRIBUTES = {"a": {"href", "title"}}
SCHEMES = {"http", "https", "mailto"}


def markdown_to_safe_html(text: str) -> str:
    """Render a description's Markdown and keep only harmless HTML."""
    html = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def printable(value: Any) -> Any:
    """A value as a page shows it: without the control characters that HTML and SVG
    forbid, which a commit's author or message (or a path in git) may hold."""
    if not isinstance(value, str) or not _CONTROL.search(value):
        return value
    cleaned = _CONTROL.sub(" ", value)
    return Markup(cleaned) if isinstance(value, Markup) else cleaned
