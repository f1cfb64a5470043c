"""Counted nouns, for every message and page a user reads: 0 findings, 1 finding, 2 findings."""

from __future__ import annotations


def plural(n: int, noun: str, nouns: str = "") -> str:
    """`n` and the noun, singular for exactly one; `nouns` when the plural is not noun + s."""
    return f"{n} {noun if n == 1 else nouns or noun + 's'}"
