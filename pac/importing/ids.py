"""Ids made from names: `Claims Portal (EU)` -> `claims-portal-eu`, the form the format's
id pattern takes (lowercase letters, digits, single hyphens, at most 64 characters)."""

from __future__ import annotations

import re
import unicodedata

from pac.model.base import ID_PATTERN

MAX_LENGTH = 64
_NOT_ID = re.compile("[^a-z0-9]+")
_ID = re.compile(ID_PATTERN)


def slug(text: str, *, prefix: str = "") -> str:
    """`prefix` + the id `text` makes: accents dropped (é -> e, ß -> ss), every run of other
    characters a hyphen, cut to 64 characters at most; "" when no letter or digit is left."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    ascii_only = plain.encode("ascii", "ignore").decode("ascii")
    body = _NOT_ID.sub("-", ascii_only).strip("-")
    if not body:
        return ""
    made = _NOT_ID.sub("-", prefix.casefold()).strip("-")
    whole = f"{made}-{body}" if made else body
    return whole[:MAX_LENGTH].rstrip("-")


def is_id(text: str) -> bool:
    return len(text) <= MAX_LENGTH and _ID.fullmatch(text) is not None
