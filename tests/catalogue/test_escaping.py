"""Each place a value stands in a template gets its own escaping, whatever the template's
author wrote; a place with no safe escaping, or a way around escaping, stops the template."""

from __future__ import annotations

import html
import json
import traceback
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest
import yaml
from markupsafe import Markup

from pac.catalogue.escaping import (
    BLOCKED_URL,
    attribute,
    field_path_html,
    front_matter_string,
    html_environment,
    path_html,
    script_json,
    url_attribute,
)


def env() -> jinja2.Environment:
    """A new environment each time, so that every test runs html_environment itself."""
    return html_environment(jinja2.DictLoader({}))


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
    parser.feed(env().from_string(template).render(**values))
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
    text = env().from_string("<script>var x = {{ v }};</script>").render(v=HOSTILE)
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
        env().from_string(template)


@pytest.mark.parametrize("template", [
    '<p data-x="{{ v | tojson }}">',
    "<p>{{ v | safe }}</p>",
    "{% autoescape false %}<p>{{ v }}</p>{% endautoescape %}",
])
def test_the_ways_around_escaping_are_gone(template: str) -> None:
    with pytest.raises(jinja2.TemplateError):
        env().from_string(template)


def test_text_stays_text_and_markup_built_by_pac_stays_markup() -> None:
    page = _parse("<p>{{ v }}</p>{{ m }}", v=HOSTILE[1], m=Markup("<em>pac's</em>"))
    assert [tag for tag, _ in page.found] == ["p", "em"]


# Each escaping function on its own: the exact text a page gets for what an author wrote.

@pytest.mark.parametrize(("value", "written"), [
    ('x" onmouseover="alert(1)', "x&#34; onmouseover=&#34;alert(1)"),
    ("it's <b>&amp;", "it&#39;s &lt;b&gt;&amp;amp;"),
    (Markup("<i>pac's</i>"), "&lt;i&gt;pac&#39;s&lt;/i&gt;"),  # markup too: it is a value
    (3, "3"),
    (["a", "<b>"], "[&#34;a&#34;, &#34;&lt;b&gt;&#34;]"),
    (("a", "b"), "[&#34;a&#34;, &#34;b&#34;]"),
    ({"k": ['"']}, "{&#34;k&#34;: [&#34;\\&#34;&#34;]}"),
])
def test_attribute_escapes_every_value_and_writes_lists_as_json(value: object,
                                                                written: str) -> None:
    assert attribute(value) == Markup(written)


@pytest.mark.parametrize(("url", "written"), [
    ("https://x.example/?a=1&b=2", "https://x.example/?a=1&amp;b=2"),
    ("HTTP://X.EXAMPLE/", "HTTP://X.EXAMPLE/"),
    ("MailTo:a@x.example", "MailTo:a@x.example"),
    (" https://x.example/", " https://x.example/"),  # a browser drops the space: still web
    ("\thttps://x.example/", "\thttps://x.example/"),
    ("ht\ntps://x.example/", "ht\ntps://x.example/"),
    ("../products/a.html", "../products/a.html"),
    ("a.html#x:y", "a.html#x:y"),
    ("javascript:alert(1)", BLOCKED_URL),
    ("\x00\x10 javascript:alert(1)", BLOCKED_URL),
    ("jav\ra\nscript:alert(1)", BLOCKED_URL),
    ("data:text/html,<script>alert(1)</script>", BLOCKED_URL),
    ("file:///etc/passwd", BLOCKED_URL),
    ("https+evil:x", BLOCKED_URL),
])
def test_url_attribute_keeps_web_and_mail_addresses_and_blocks_the_rest(url: str,
                                                                       written: str) -> None:
    assert url_attribute(url) == Markup(written)


def test_script_json_cannot_end_the_script_or_its_string() -> None:
    value = {"name": "</script><script>alert('x')</script>", "rest": "a & b\u2028\u2029"}
    assert script_json(value) == Markup(
        '{"name": "\\u003c/script\\u003e\\u003cscript\\u003ealert(\\u0027x\\u0027)\\u003c'
        '/script\\u003e", "rest": "a \\u0026 b\\u2028\\u2029"}')


def test_front_matter_string_is_one_yaml_scalar_of_escaped_text() -> None:
    text = 'Caf\u00e9 <b>"q"</b>\ntitle: x \U0001f600 \u2028'
    written = front_matter_string(text)
    assert written == Markup(
        '"Caf\\u00e9 &lt;b&gt;&quot;q&quot;&lt;/b&gt;\\ntitle: x \U0001f600 \\u2028"')
    assert yaml.safe_load(f"title: {written}\n") == {"title": html.escape(text)}


def test_front_matter_string_drops_the_control_characters_html_forbids() -> None:
    # MkDocs writes the title into <title> as it reads it: a \u0001 escape would reach it
    written = front_matter_string("a\x01b\x1b[2J\x85c\td")
    assert written == Markup('"a b [2J c\\td"')
    assert yaml.safe_load(f"title: {written}\n") == {"title": "a b [2J c\td"}


def test_the_filters_are_there_by_name_for_templates_that_ask_for_them() -> None:
    page = env().from_string("title: {{ t | frontmatter }}\n<p>{{ t }}</p>").render(t="<x>")
    assert page == 'title: "&lt;x&gt;"\n<p>&lt;x&gt;</p>'


def test_adjacent_expressions_are_checked_as_a_url_only_at_the_start() -> None:
    page = _parse('<a href="{{ root }}{{ path }}" title="{{ path }}">', root="../",
                  path="javascript:alert(1)")
    assert page.found[0][1] == {"href": "../javascript:alert(1)", "title": "javascript:alert(1)"}
    assert _parse('<a href="{{ a }}{{ b }}">', a="javascript:x", b="y").found[0][1] == {
        "href": BLOCKED_URL + "y"}


def test_a_url_attribute_of_every_kind_is_checked() -> None:
    template = ('<form action="{{ u }}"><button formaction="{{ u }}"><img src="{{ u }}">'
                '<video poster="{{ u }}"><q cite="{{ u }}"><use xlink:href="{{ u }}">')
    page = _parse(template, u="javascript:alert(1)")
    assert [attrs for _, attrs in page.found] == [
        {"action": BLOCKED_URL}, {"formaction": BLOCKED_URL}, {"src": BLOCKED_URL},
        {"poster": BLOCKED_URL}, {"cite": BLOCKED_URL}, {"xlink:href": BLOCKED_URL}]


@pytest.mark.parametrize(("template", "why", "line"), [
    ("<p>\n<p {{ v }}>", "an expression in a tag has no safe escaping", 2),
    ("<p title={{ v }}>", "an expression in an unquoted attribute value has no safe escaping", 1),
    ("<p title=\n\n{{ v }}>", "an expression in an unquoted attribute value has no safe "
                              "escaping", 3),
    ("<!-- {{ v }} -->", "an expression in a comment has no safe escaping", 1),
    ("<style>{{ v }}</style>", "an expression in a style sheet has no safe escaping", 1),
    ("<p>\n{% autoescape false %}{{ v }}{% endautoescape %}",
     "{% autoescape %} turns escaping off", 2),
])
def test_a_refused_template_says_why_and_where(tmp_path: Path, template: str, why: str,
                                               line: int) -> None:
    (tmp_path / "page.md.j2").write_text(template)
    env = html_environment(jinja2.FileSystemLoader(tmp_path))
    with pytest.raises(jinja2.TemplateSyntaxError) as caught:
        env.get_template("page.md.j2")
    error = caught.value
    assert (error.message, error.lineno, error.name, error.filename) == (
        why, line, "page.md.j2", str(tmp_path / "page.md.j2"))


def test_a_value_named_autoescape_is_only_a_value() -> None:
    assert env().from_string("<p>{{ autoescape }}</p>").render(autoescape="<x>") == (
        "<p>&lt;x&gt;</p>")


def test_an_unknown_name_in_a_template_is_an_error_not_a_blank() -> None:
    with pytest.raises(jinja2.UndefinedError, match="'titel' is undefined"):
        env().from_string("<p>{{ titel }}</p>").render(title="x")


def test_the_environment_takes_jinja_options() -> None:
    env = html_environment(jinja2.DictLoader({"p": "{% if x %}\n<p>{{ x }}</p>\n{% endif %}\n"}),
                           trim_blocks=True)
    assert env.get_template("p").render(x="a&b") == "<p>a&amp;b</p>\n"


def test_an_error_in_an_attribute_expression_is_reported_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "syntax.md.j2").write_text('<p>\n<p title="{{ v + }}">\n')
    (tmp_path / "runtime.md.j2").write_text(
        '<p>\n<p title="{% if a %}\n{{ v.missing }}{% endif %}">\n')
    env = html_environment(jinja2.FileSystemLoader(tmp_path))
    with pytest.raises(jinja2.TemplateSyntaxError) as syntax:
        env.get_template("syntax.md.j2")
    assert (syntax.value.message, syntax.value.lineno) == ("unexpected ')'", 2)
    with pytest.raises(jinja2.UndefinedError) as runtime:
        env.get_template("runtime.md.j2").render(a=True, v={})
    template = str(tmp_path / "runtime.md.j2")
    assert [frame.lineno for frame in traceback.extract_tb(runtime.value.__traceback__)
            if frame.filename == template] == [3]


def test_a_path_breaks_only_after_a_slash_and_each_segment_is_escaped() -> None:
    assert path_html("portfolio/products/claims-portal.yaml:12") == (
        '<code class="pac-path"><span>portfolio/</span><wbr><span>products/</span><wbr>'
        "<span>claims-portal.yaml:12</span></code>")
    assert path_html('a/<script>"x"/') == (
        '<code class="pac-path"><span>a/</span><wbr>'
        "<span>&lt;script&gt;&#34;x&#34;/</span></code>")
    assert path_html("") == '<code class="pac-path"></code>'


def test_a_field_path_breaks_after_a_dot_or_at_a_space_and_is_escaped() -> None:
    assert field_path_html("roadmap[2027-Q1].themes[Apple Pay].status") == (
        '<code class="pac-path"><span>roadmap[2027-Q1].</span><wbr><span>themes[Apple</span> '
        "<span>Pay].</span><wbr><span>status</span></code>")
    assert field_path_html("kpis[<b> & \"x\"]") == (
        '<code class="pac-path"><span>kpis[&lt;b&gt;</span> <span>&amp;</span> '
        "<span>&#34;x&#34;]</span></code>")
    assert field_path_html("owner") == '<code class="pac-path"><span>owner</span></code>'
    assert field_path_html("") == '<code class="pac-path"></code>'
