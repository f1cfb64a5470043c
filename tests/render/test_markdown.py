"""Portfolio text in Markdown that shows as the text it is."""

from __future__ import annotations

from pac.render.markdown import cell, md


def test_markdown_and_html_are_shown_literally() -> None:
    assert md("**bold** [link](http://x) `code` #1 a|b") == (
        "\\*\\*bold\\*\\* \\[link\\]\\(http://x\\) \\`code\\` \\#1 a\\|b")
    assert md("<script>alert(1)</script> & co") == (
        "&lt;script&gt;alert\\(1\\)&lt;/script&gt; &amp; co")
    assert md("a_b~c>d+e!f{g}\\h") == "a\\_b\\~c&gt;d\\+e\\!f\\{g\\}\\\\h"


def test_no_mentions_and_one_line() -> None:
    assert md("ask @northwind/claims") == "ask @\u200bnorthwind/claims"
    assert md("first\nsecond\x1b[2J") == "first second \\[2J"
    assert md(12.5) == "12.5"


def test_cell_shortens_long_text() -> None:
    assert cell("Claims Portal", 13) == "Claims Portal"
    assert cell("Claims Portal", 10) == "Claims Po…"
    assert cell("Claims  Portal", 8) == "Claims…"  # no space left before the ellipsis
    assert cell("a*b*c*d", 4) == "a\\*b…"  # shortened first, then escaped
    assert cell("one\ntwo", 20) == "one two"
