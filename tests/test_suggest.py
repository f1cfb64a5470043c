"""'Did you mean' for misspelt ids and names."""

from __future__ import annotations

from pac.suggest import closest, did_you_mean

TEAMS = ["team-risk-data", "team-claims", "team-platform"]


def test_closest() -> None:
    assert closest("team-clams", TEAMS) == "team-claims"
    assert closest("team-risk", TEAMS) == "team-risk-data"
    assert closest("billing", TEAMS) is None
    assert closest("team-claims", []) is None


def test_a_tie_is_decided_whatever_the_order() -> None:
    assert closest("ab", {"ax", "ay"}) is None  # 0.5: not a likely typo
    assert closest("abcd", ["abcy", "abcx"]) == "abcy"
    assert closest("abcd", ["abcx", "abcy"]) == "abcy"


def test_did_you_mean() -> None:
    assert did_you_mean("servce", ["application", "service"]) == "did you mean 'service'?"
    assert did_you_mean("widget", ["application", "service"]) == ""
