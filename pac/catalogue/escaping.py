"""The one way data reaches a page: each place a value can stand gets its own escaping,
chosen by where the expression stands in the template, not by the template's author.

- HTML text: Jinja's autoescape (`&`, `<`, `>` and both quotes escaped);
- an attribute value: `attribute`, HTML-escaped whatever the value (markup included),
  lists and mappings written as JSON first; a URL attribute that the expression starts
  (`href="{{ url }}"`) keeps only http(s), mailto and relative addresses;
- a `<script>` block: `script_json`, JSON that cannot end the script;
- front matter: `front_matter_string`, a double-quoted YAML scalar of escaped text;
- a file path in HTML text: `path_html`, escaped segments that break only after a `/`;
- a field path in HTML text: `field_path_html`, which breaks after a `.` or at a space.

`ContextualEscape` reads each template's HTML while Jinja compiles it and adds the filter
for its place to every expression in an attribute value or a script. An expression where
no escaping is right (an attribute name, an unquoted value, a comment, a style sheet)
stops the template from compiling, and so do `tojson`, `safe` and `{% autoescape %}`:
none of them is needed, each has let data become markup.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any, NoReturn

import jinja2
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup, escape

from pac.catalogue.sanitize import printable
from pac.catalogue.scanner import URL_ATTRIBUTES, HtmlScanner
from pac.json_text import to_json

UNSAFE_FILTERS = ("tojson", "safe")
BLOCKED_URL = "#blocked-url"

_SCRIPT_ESCAPES = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "'": "\\u0027",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


def attribute(value: object) -> Markup:
    """A value for inside a quoted attribute: lists and mappings as JSON, then every
    `&`, `<`, `>`, `"` and `'` escaped, even in a value that is already markup."""
    text = to_json(value) if isinstance(value, list | tuple | dict) else str(value)
    return escape(text)  # `text` is a plain str, so escape leaves nothing out


# What browsers drop from a URL before reading its scheme: leading spaces and controls,
# and tabs and line breaks anywhere ("java\tscript:" is "javascript:").
_URL_IGNORED = re.compile(r"^[\x00-\x20]+|[\t\n\r]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
SAFE_SCHEMES = {"http", "https", "mailto"}


def url_attribute(value: object) -> Markup:
    """An address for href or src: http(s), mailto or relative, else a harmless anchor."""
    scheme = _SCHEME.match(_URL_IGNORED.sub("", str(value)))
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return Markup(BLOCKED_URL)
    return attribute(value)


def script_json(value: Any) -> Markup:
    """JSON for inside a `<script>`: nothing in it can end the script or the string."""
    return Markup(to_json(value).translate(_SCRIPT_ESCAPES))


# PyYAML reads a \u escape one UTF-16 unit at a time, so an escaped surrogate pair (what
# json.dumps makes of an emoji) becomes two lone surrogates and MkDocs drops the page's
# front matter, title and all: characters beyond the Basic Multilingual Plane go in as
# they are, every other non-ASCII character as a \u escape.
_BMP_NON_ASCII = re.compile("[\u0080-\uffff]")


def front_matter_string(text: object) -> Markup:
    """A double-quoted YAML scalar holding the HTML-escaped text, without the control
    characters HTML forbids (the title goes into the page's <title> as it is)."""
    quoted = json.dumps(html.escape(printable(str(text))), ensure_ascii=False)
    return Markup(_BMP_NON_ASCII.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted))


def path_html(path: object) -> Markup:
    """A file path as HTML text in `<code>`: each segment escaped and kept on one line, a
    line allowed to break only after a `/` (never inside a name such as `claims-portal`)."""
    segments = re.split(r"(?<=/)", str(path))
    spans = "<wbr>".join(f"<span>{escape(segment)}</span>" for segment in segments if segment)
    return Markup(f'<code class="pac-path">{spans}</code>')


def field_path_html(path: object) -> Markup:
    """A field path (`roadmap[2027-Q1].themes[Apple Pay].status`) as HTML text in `<code>`:
    each segment escaped and kept on one line, a line allowed to break after a `.` and at a
    space, which only a record's key holds (a theme's sentence can be long)."""
    words = (re.split(r"(?<=\.)", word) for word in str(path).split(" "))
    spans = " ".join(
        "<wbr>".join(f"<span>{escape(segment)}</span>" for segment in segments if segment)
        for segments in words
    )
    return Markup(f'<code class="pac-path">{spans}</code>')


class ContextualEscape(Extension):
    """Adds `attribute`, `url_attribute` or `script_json` to each expression by where it
    stands in the template's HTML; refuses expressions where no escaping is right."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        scanner = HtmlScanner()
        closing: list[Token] = []
        for token in stream:  # stream.current is the token after `token`
            if token.type == "block_begin" and stream.current.test("name:autoescape"):
                self._refuse(stream, stream.current, "{% autoescape %} turns escaping off")
            if token.type == "data":
                scanner.feed(token.value)
            elif token.type == "variable_begin":
                name = self._filter_for(scanner, stream, token)
                scanner.value_start = False  # what follows is no longer the start
                if name:
                    yield token
                    yield Token(token.lineno, "lparen", "(")
                    closing = [
                        Token(token.lineno, "rparen", ")"),
                        Token(token.lineno, "pipe", "|"),
                        Token(token.lineno, "name", name),
                    ]
                    continue
            elif token.type == "variable_end":
                yield from closing
                closing = []
            yield token

    def _filter_for(self, scanner: HtmlScanner, stream: TokenStream, token: Token) -> str:
        place = scanner.place
        if place == "text":
            return ""  # autoescape
        if place == "attribute":
            url = scanner.attribute in URL_ATTRIBUTES and scanner.value_start
            return "url_attribute" if url else "attribute"
        if place == "script":
            return "script_json"
        self._refuse(stream, token, f"an expression in {place} has no safe escaping")

    @staticmethod
    def _refuse(stream: TokenStream, token: Token, why: str) -> NoReturn:
        raise jinja2.TemplateSyntaxError(why, token.lineno, stream.name, stream.filename)


def html_environment(loader: jinja2.BaseLoader, **options: Any) -> jinja2.Environment:
    """A Jinja environment whose templates escape every value for where it stands."""
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        extensions=[ContextualEscape],
        undefined=jinja2.StrictUndefined,
        **options,
    )
    for name in UNSAFE_FILTERS:
        del env.filters[name]
    env.filters.update(
        attribute=attribute,
        url_attribute=url_attribute,
        script_json=script_json,
        frontmatter=front_matter_string,
        path=path_html,
        field_path=field_path_html,
    )
    return env
