"""Each place a value stands in a template gets its own escaping, whatever the template's
author wrote; a place with no safe escaping, or a way around escaping, stops the template."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import jinja2
import pytest
from markupsafe import Markup

from pac.catalogue.escaping import BLOCKED_URL, html_environment

ENV = html_environment(jinja2.DictLoader({}))
HOSTILE = ["x\" autofocus onfocus=alert(1) '", "</script><script>alert(2)</script>",
           "\u2028\u2029 & <b>"]


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.script = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self.lasttag == "script":
            self.script += data


def _parse(template: str, **values: object) -> _Attributes:
    parser = _Attributes()
    parser.feed(ENV.from_string(template).render(**values))
    parser.close()
    return parser


@pytest.mark.parametrize("value", [*HOSTILE, Markup('<a href="x">markup</a>')])
def test_a_value_in_an_attribute_stays_that_attribute(value: str) -> None:
    page = _parse('<p title="{{ v }}" class=\'a {{ v }}\'></p>', v=value)
    assert page.found == [("p", {"title": str(value), "class": f"a {value}"})]


def test_a_list_in_an_attribute_is_json_the_browser_can_read() -> None:
    page = _parse('<tr data-tag="{{ tags }}" data-x="{{ mapping }}">', tags=HOSTILE,
                  mapping={"k": HOSTILE})
    attrs = page.found[0][1]
    assert json.loads(attrs["data-tag"] or "") == HOSTILE
    assert json.loads(attrs["data-x"] or "") == {"k": HOSTILE}


def test_a_value_in_a_script_is_json_that_cannot_end_it() -> None:
    text = ENV.from_string("<script>var x = {{ v }};</script>").render(v=HOSTILE)
    script = text.removeprefix("<script>var x = ").removesuffix(";</script>")
    assert not any(c in script for c in "<>&'\u2028\u2029")
    assert json.loads(script) == HOSTILE
    assert _parse("<script>var x = {{ v }};</script><p>", v=HOSTILE).found[-1][0] == "p"


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)",
                                 "java\tscript:alert(1)", "\x01data:text/html,<script>",
                                 "vbscript:x"])
def test_a_url_attribute_keeps_only_web_and_mail_addresses(url: str) -> None:
    assert _parse('<a href="{{ u }}">', u=url).found[0][1]["href"] == BLOCKED_URL


@pytest.mark.parametrize("url", ["https://x.example/?a=1&b=\"2\"", "mailto:a@x.example",
                                 "../teams/team-a.html", "", "#top", "x.html?at=12:30"])
def test_a_url_attribute_keeps_safe_addresses_as_written(url: str) -> None:
    assert _parse('<a href="{{ u }}">', u=url).found[0][1]["href"] == url


def test_only_the_start_of_a_url_is_checked_as_one() -> None:
    page = _parse('<a href="mailto:{{ e }}" src="{{ root }}x/{{ id }}.html">', e="javascript:x",
                  root="../", id="a")
    assert page.found[0][1] == {"href": "mailto:javascript:x", "src": "../x/a.html"}


@pytest.mark.parametrize("template", [
    "<p {{ v }}>",  # an attribute name
    "<p title={{ v }}>",  # an unquoted value
    "<p title=x{{ v }}>",
    "<!-- {{ v }} -->",
    "<style>p { color: {{ v }} }</style>",
])
def test_a_value_where_no_escaping_is_right_stops_the_template(template: str) -> None:
    with pytest.raises(jinja2.TemplateSyntaxError, match="has no safe escaping"):
        ENV.from_string(template)


@pytest.mark.parametrize("template", [
    '<p data-x="{{ v | tojson }}">',
    "<p>{{ v | safe }}</p>",
    "{% autoescape false %}<p>{{ v }}</p>{% endautoescape %}",
])
def test_the_ways_around_escaping_are_gone(template: str) -> None:
    with pytest.raises(jinja2.TemplateError):
        ENV.from_string(template)


def test_text_stays_text_and_markup_built_by_pac_stays_markup() -> None:
    page = _parse("<p>{{ v }}</p>{{ m }}", v=HOSTILE[1], m=Markup("<em>pac's</em>"))
    assert [tag for tag, _ in page.found] == ["p", "em"]
