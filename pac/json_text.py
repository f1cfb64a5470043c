"""JSON text for every JSON output of pac: Decimals as exact JSON numbers, dates as ISO text.

The standard library's encoder writes a Decimal only as a string (or through a float,
which changes it). Here each Decimal is first written as a placeholder string, which the
encoder escapes like any other, and then replaced by the number's exact text. A placeholder
that a string of the document happens to spell would be counted twice: the count gives it
away, and another placeholder is tried, so the output never depends on the data's text.
"""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal
from typing import Any

_PLACEHOLDER = "\0pac-number-{}\0"
# Written as \u escapes, though JSON allows them as they are: DEL, C1 controls (a terminal
# may read U+009B as the start of an escape sequence), separators that end a line in
# JavaScript and editors, bidirectional controls that reorder what a reader sees, and the
# byte order mark. They can only occur inside strings, whose value stays the same, as does
# that of `##[`, written `##\u005b` so that GitHub Actions cannot read it as a command.
_INVISIBLE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_PLAIN_UP_TO = 30  # digits before or after the point written out in full: 1e15, 0.000001


def number_text(value: Decimal) -> str:
    """The shortest exact JSON number: `300000.30` -> `300000.3`, `4E+6` -> `4000000`,
    and exponent notation only for numbers of more than 30 zeros (`1E+99`)."""
    if not value.is_finite():
        raise ValueError(f"{value} is not a JSON number")
    value = value.normalize()
    exponent: int = value.as_tuple().exponent  # type: ignore[assignment]
    if -_PLAIN_UP_TO <= exponent <= _PLAIN_UP_TO:
        return format(value, "f")
    return str(value)


def to_json(document: Any, *, indent: int | None = None, sort_keys: bool = False) -> str:
    """`json.dumps` of `document` (non-ASCII kept as is), with Decimals as exact numbers."""
    attempt = 0
    while True:
        placeholder = _PLACEHOLDER.format(attempt)
        text, numbers = _encode(document, placeholder, indent=indent, sort_keys=sort_keys)
        parts = text.split(json.dumps(placeholder)) if numbers else [text]
        if len(parts) == len(numbers) + 1:
            text = _INVISIBLE.sub(_escape, "".join(_interleave(parts, numbers)))
            return text.replace("##[", "##\\u005b")
        attempt += 1


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _encode(
    document: Any, placeholder: str, *, indent: int | None, sort_keys: bool
) -> tuple[str, list[str]]:
    numbers: list[str] = []

    def default(value: Any) -> Any:
        if isinstance(value, Decimal):
            numbers.append(number_text(value))
            return placeholder
        if isinstance(value, datetime.date):
            return value.isoformat()
        raise TypeError(f"{type(value).__name__} is not JSON")

    text = json.dumps(
        document, indent=indent, ensure_ascii=False, sort_keys=sort_keys, default=default
    )
    return text, numbers


def _interleave(parts: list[str], numbers: list[str]) -> list[str]:
    out = [parts[0]]
    for number, part in zip(numbers, parts[1:], strict=False):
        out += [number, part]
    return out
