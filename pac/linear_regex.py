"""The only module that imports re2: patterns matched in time linear in the text.

Extension schemas are the organisation's own JSON Schemas, and their `pattern`s run on every
value a pull request brings. Python's backtracking engine takes exponential time on some
patterns (`^(a+)+$` against `aaaa…!`); RE2 never backtracks. Its syntax is close to
ECMA-262's, as JSON Schema asks: `$` is the end of the text (not before a final newline,
as in Python), `\\d`, `\\w` and `\\b` are ASCII. It differs in that `\\s` is ASCII white
space only, and it refuses lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`) and backreferences
(`\\1`), which cannot be matched in linear time.
"""

from __future__ import annotations

import functools
from typing import Any

import re2  # type: ignore[import-untyped]

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # the refusal becomes pac's finding, not a line on stderr


class PatternError(ValueError):
    """A pattern RE2 cannot match: its message says why."""


@functools.lru_cache(maxsize=1024)
def _compile(pattern: str) -> Any:
    try:
        return re2.compile(pattern, _OPTIONS)
    except re2.error as e:
        reason = e.args[0].decode() if e.args and isinstance(e.args[0], bytes) else str(e)
        raise PatternError(f"pattern {pattern!r} cannot be matched in linear time: {reason}") from e


def check_pattern(pattern: str) -> None:
    """Raise PatternError for a pattern RE2 refuses."""
    _compile(pattern)


def search(pattern: str, text: str) -> bool:
    """Whether the pattern matches anywhere in the text, as JSON Schema's `pattern` asks."""
    return _compile(pattern).search(text) is not None
