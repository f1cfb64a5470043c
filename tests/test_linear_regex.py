"""Extension schemas' patterns, matched by RE2 in time linear in the text."""

from __future__ import annotations

import time

import pytest

from pac.linear_regex import PatternError, check_pattern, search


def test_search_as_json_schema_asks() -> None:
    assert search("b", "abc") is True  # anywhere in the text, not anchored
    assert search("^b", "abc") is False
    assert search("^[A-Z]{2}-[0-9]+$", "CC-123") is True
    assert search("^[A-Z]{2}-[0-9]+$", "CC-123\n") is False  # `$` is the end of the text
    assert search(r"^\d+$", "\u0663") is False  # \d is ASCII
    assert search(r"^\w+$", "caf\u00e9") is False
    assert search("^caf\u00e9$", "caf\u00e9") is True


def test_a_pathological_pattern_takes_linear_time() -> None:
    started = time.perf_counter()
    assert search(r"^(a+)+$", "a" * 50_000 + "!") is False
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(("pattern", "reason"), [
    ("(?=a)", "invalid perl operator: (?="),
    ("(?<!x)y", "invalid perl operator: (?<!"),
    (r"(a)\1", "invalid escape sequence: \\1"),
    ("[a-", "missing ]: [a-"),
])
def test_refused_patterns_say_why(pattern: str, reason: str) -> None:
    with pytest.raises(PatternError) as raised:
        check_pattern(pattern)
    assert str(raised.value) == f"pattern {pattern!r} cannot be matched in linear time: {reason}"
    with pytest.raises(PatternError):
        search(pattern, "a")


def test_an_accepted_pattern_passes() -> None:
    assert check_pattern("^[a-z]+(-[a-z]+)*$") is None
