"""The scanner says where in a template's HTML the next expression stands, so that the
escaping for that place is chosen for it."""

from __future__ import annotations

import pytest

from pac.catalogue.scanner import HtmlScanner


def _after(*parts: str) -> HtmlScanner:
    scanner = HtmlScanner()
    for part in parts:
        scanner.feed(part)
    return scanner


@pytest.mark.parametrize(("html", "place"), [
    ("", "text"),
    ("<p>Hello ", "text"),
    ("a < b and ", "text"),  # not a tag
    ("<p class=\"x\">", "text"),
    ("</p>", "text"),
    ("<p", "a tag"),
    ("<p ", "a tag"),
    ("<p class", "a tag"),
    ("<p class ", "a tag"),
    ("<p class=\"a\" ", "a tag"),
    ("<br/", "a tag"),
    ("<p class=", "an unquoted attribute value"),
    ("<p class= ", "an unquoted attribute value"),
    ("<p class=x", "an unquoted attribute value"),
    ("<p class=x ", "a tag"),
    ("<p class=\"", "attribute"),
    ("<p class='a ", "attribute"),
    ("<p title='say \"hi\" ", "attribute"),
    ("<p title=\"it's ", "attribute"),
    ("<!-- ", "a comment"),
    ("<!-- a -- b ", "a comment"),
    ("<!-- a --> ", "text"),
    ("<script>", "script"),
    ("<SCRIPT type=\"module\">var a = '</p>' + ", "script"),
    ("<script>x</script>", "text"),
    ("<script>x</SCRIPT >", "text"),
    ("<style>", "a style sheet"),
    ("<style>p {}</style><p>", "text"),
    ("</script>", "text"),  # a closing tag opens no script
    ("<p 'x", "a tag"),  # a stray quote is skipped, as browsers do
    ("<p =", "a tag"),
])
def test_the_place_after_some_html(html: str, place: str) -> None:
    assert _after(html).place == place


def test_the_place_is_carried_across_pieces_of_text() -> None:
    assert _after("<a hr", "ef", "=", "  ", '"').place == "attribute"
    assert _after("<scr", "ipt>", "x </scr", "ipt>").place == "text"
    assert _after("<!-", "- x -", "-> ").place == "text"


def test_the_scanner_knows_the_attribute_and_whether_its_value_has_begun() -> None:
    scanner = _after('<A HREF="')
    assert (scanner.tag, scanner.attribute, scanner.value_start) == ("a", "href", True)
    scanner.feed("../")
    assert (scanner.attribute, scanner.value_start) == ("href", False)
    scanner.feed('" data-x="1" title="')
    assert (scanner.attribute, scanner.value_start, scanner.place) == ("title", True,
                                                                      "attribute")
    scanner.feed('" xlink:href=')
    assert (scanner.attribute, scanner.place) == ("xlink:href", "an unquoted attribute value")


def test_an_empty_value_ends_the_attribute() -> None:
    scanner = _after('<a href="" ')
    assert (scanner.place, scanner.attribute) == ("a tag", "href")
