"""'Did you mean' suggestions for misspelt names and ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like `word`, if one is close enough to be a likely typo."""
    matches = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.75)
    return matches[0] if matches else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A hint sentence, or '' when nothing is close."""
    match = closest(word, candidates)
    return f"did you mean '{match}'?" if match else ""
