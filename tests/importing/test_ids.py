"""pac.importing.ids: ids made from names always fit the format's id pattern."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pac.generate.new import check_id
from pac.importing.ids import is_id, slug


def test_slugs() -> None:
    assert slug("Claims Portal (EU)") == "claims-portal-eu"
    assert slug("Straße Café") == "strasse-cafe"
    assert slug("Claims", prefix="team") == "team-claims"
    assert slug("Claims", prefix="team-") == "team-claims"
    assert slug("APM0001234") == "apm0001234"
    assert slug("=cmd|' /C calc'!A0") == "cmd-c-calc-a0"
    assert slug("***") == ""
    assert slug("x" * 80) == "x" * 64
    assert slug("a" * 63 + " b") == "a" * 63  # no hyphen left at the end


@given(st.text(), st.text(max_size=10))
def test_a_slug_is_a_valid_id_or_nothing(text: str, prefix: str) -> None:
    made = slug(text, prefix=prefix)
    assert made == "" or (is_id(made) and check_id(made) is None)
    assert slug(made) == made  # a valid id is its own slug
