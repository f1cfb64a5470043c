"""Where a template's HTML stands after a stretch of it: in text, inside a tag, in an
attribute value, a script, a style sheet or a comment. Enough of the HTML tokenizer to
place an expression; template text is pac's own, so the scanner need not recover from
broken markup the way a browser does."""

from __future__ import annotations

import re

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "cite"}
RAW_TEXT = {"script": "script", "style": "a style sheet"}

_TAG_OPEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)")
_ATTRIBUTE_NAME = re.compile(r"[^\s\"'>/=]+")
_SPACE = re.compile(r"\s*")
_UNQUOTED = re.compile(r"[^\s>]*")


class HtmlScanner:
    """Feed it template text in order; `place` says where the next expression lands."""

    def __init__(self) -> None:
        self.state = "text"
        self.tag = ""  # the open tag, lower case
        self.closing = False
        self.attribute = ""  # the attribute whose name or value the scanner is in
        self.quote = ""
        self.value_start = False  # nothing of the attribute's value read yet

    @property
    def place(self) -> str:
        if self.state == "value":
            return "attribute"
        if self.state == "raw":
            return "script" if self.tag == "script" else RAW_TEXT[self.tag]
        return {
            "text": "text",
            "comment": "a comment",
            "unquoted": "an unquoted attribute value",
            "before_value": "an unquoted attribute value",
        }.get(self.state, "a tag")

    def feed(self, text: str) -> None:
        i = 0
        while i < len(text):
            i = getattr(self, f"_{self.state}")(text, i)

    def _text(self, text: str, i: int) -> int:
        start = text.find("<", i)
        if start < 0:
            return len(text)
        if text.startswith("<!--", start):
            self.state = "comment"
            return start + 4
        tag = _TAG_OPEN.match(text, start)
        if not tag:
            return start + 1
        self.state, self.closing, self.tag = "tag", bool(tag.group(1)), tag.group(2).lower()
        return tag.end()

    def _comment(self, text: str, i: int) -> int:
        end = text.find("-->", i)
        if end < 0:
            return len(text)
        self.state = "text"
        return end + 3

    def _raw(self, text: str, i: int) -> int:
        end = text.lower().find(f"</{self.tag}", i)
        if end < 0:
            return len(text)
        self.state, self.closing = "tag", True
        return end + 2 + len(self.tag)

    def _tag(self, text: str, i: int) -> int:
        i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
        if i >= len(text):
            return i
        if text[i] == ">":
            raw = not self.closing and self.tag in RAW_TEXT
            self.state = "raw" if raw else "text"
            return i + 1
        if text[i] == "/":
            return i + 1
        name = _ATTRIBUTE_NAME.match(text, i)
        if not name:  # a stray quote or "=": skip it, as browsers do
            return i + 1
        self.state, self.attribute = "after_name", name.group().lower()
        return name.end()

    def _after_name(self, text: str, i: int) -> int:
        i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
        if i < len(text):
            if text[i] == "=":
                self.state = "before_value"
                return i + 1
            self.state = "tag"
        return i

    def _before_value(self, text: str, i: int) -> int:
        i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
        if i < len(text):
            self.value_start = True
            if text[i] in "\"'":
                self.state, self.quote = "value", text[i]
                return i + 1
            self.state = "unquoted"
        return i

    def _value(self, text: str, i: int) -> int:
        end = text.find(self.quote, i)
        self.value_start = self.value_start and end == i
        if end < 0:
            return len(text)
        self.state = "tag"
        return end + 1

    def _unquoted(self, text: str, i: int) -> int:
        end = _UNQUOTED.match(text, i).end()  # type: ignore[union-attr]
        if end < len(text):
            self.state = "tag"
        return end
