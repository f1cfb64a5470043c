"""A description's Markdown becomes HTML with nothing in it that runs or leaves the page:
raw HTML removed, only web and mail links kept; control characters leave every value."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from pac.catalogue.sanitize import markdown_to_safe_html, printable

REL = 'rel="noopener noreferrer nofollow"'


@pytest.mark.parametrize(("markdown", "html"), [
    ("*a* and **b**", "<p><em>a</em> and <strong>b</strong></p>"),
    ("- a\n- b", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
    ("1. a\n2. b", "<ol>\n<li>a</li>\n<li>b</li>\n</ol>"),
    ("`x < y`", "<p><code>x &lt; y</code></p>"),
    ("> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>"),
    ("### Risks", "<h3>Risks</h3>"),
    ("# Title", "Title"),  # the page has its own h1: a description's heading is only text
    ("a  \nb", "<p>a<br>\nb</p>"),
    ("---", "<hr>"),
])
def test_markdown_keeps_its_formatting(markdown: str, html: str) -> None:
    assert markdown_to_safe_html(markdown) == html


@pytest.mark.parametrize(("markdown", "html"), [
    ("[site](https://x.example/a?b=1&c=2 \"Title\")",
     f'<p><a href="https://x.example/a?b=1&amp;c=2" title="Title" {REL}>site</a></p>'),
    ("[mail](mailto:team@x.example)", f'<p><a href="mailto:team@x.example" {REL}>mail</a></p>'),
    ("[run](javascript:alert(1))", f"<p><a {REL}>run</a></p>"),
    ("[data](data:text/html,x)", f"<p><a {REL}>data</a></p>"),
    ('<a href="https://x.example" onclick="alert(1)" class="c">x</a>',
     f'<p><a href="https://x.example" {REL}>x</a></p>'),
])
def test_only_web_and_mail_links_survive(markdown: str, html: str) -> None:
    assert markdown_to_safe_html(markdown) == html


@pytest.mark.parametrize(("markdown", "html"), [
    ("<script>alert(1)</script>x", "\n<p>x</p>"),
    ("<img src=x onerror=alert(1)>", "<p></p>"),
    ("<!-- hidden -->text", "\n<p>text</p>"),
    ("a <iframe src='https://x.example'></iframe> b", "<p>a  b</p>"),
    ("<style>body{display:none}</style>", ""),
    ("<b onmouseover='alert(1)'>bold</b>", "<p>bold</p>"),
])
def test_raw_html_is_removed(markdown: str, html: str) -> None:
    assert markdown_to_safe_html(markdown) == html


def test_printable_replaces_the_control_characters_html_forbids() -> None:
    assert printable("a\x00b\x1b[31m\x7f\x85c") == "a b [31m  c"
    # tabs and line breaks are allowed in HTML: they stay
    assert printable("c\td\ne\rf") == "c\td\ne\rf"


def test_printable_keeps_markup_markup_and_leaves_other_values_alone() -> None:
    cleaned = printable(Markup("<b>\x01</b>"))
    assert isinstance(cleaned, Markup) and cleaned == Markup("<b> </b>")
    assert printable(3) == 3
    assert printable(None) is None
    plain = "caf\u00e9"
    assert printable(plain) is plain
