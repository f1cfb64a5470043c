"""Backstage's rules for the fields pac fills: entity names, tags, link URLs and entity
references, as `@backstage/catalog-model` checks them (its FieldFormatEntityPolicy and
KubernetesValidatorFunctions), and how pac's values are made to pass them.

Every transformation is deterministic, so that the same portfolio always gives the same
names; where one loses something (a shortened id, a lowercased tag) the exporter keeps the
original in an annotation.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

NAME_LENGTH = 63  # metadata.name, a tag, the name part of an annotation key
_NAME = re.compile(r"[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")
# the stricter of Backstage's two tag rules: its current one also allows `:`
_TAG = re.compile(r"[a-z0-9+#]+(-[a-z0-9+#]+)*")
_NOT_TAG = re.compile(r"[^a-z0-9+#]+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_NOT_NAME = re.compile(r"[^A-Za-z0-9_.-]+")
_DIGEST = 8  # hex digits of SHA-256 that tell two shortened names apart
# a host Backstage's URL parser (WHATWG) certainly accepts: ASCII DNS labels
_LABEL = r"[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?"
_HOST = re.compile(rf"{_LABEL}(\.{_LABEL})*\.?")
_OCTET = r"(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_IPV4 = re.compile(rf"{_OCTET}(\.{_OCTET}){{3}}")
_NUMERIC_END = re.compile(r"(^|\.)(0[xX][0-9A-Fa-f]*|[0-9]+)\.?$")


def is_name(text: str) -> bool:
    """Whether Backstage takes `text` as an entity's metadata.name."""
    return len(text) <= NAME_LENGTH and _NAME.fullmatch(text) is not None


def is_tag(text: str) -> bool:
    """Whether Backstage takes `text` as a tag."""
    return len(text) <= NAME_LENGTH and _TAG.fullmatch(text) is not None


def digest(text: str) -> str:
    """A short, stable fingerprint of `text`."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_DIGEST]


def shortened(text: str, key: str | None = None) -> str:
    """`text` cut to fit a name, ended by the digest of `key` (default: `text`), so that
    two long values that begin alike still get two names."""
    head = text[: NAME_LENGTH - _DIGEST - 1].rstrip("-_.")
    fingerprint = digest(text if key is None else key)
    return f"{head}-{fingerprint}" if head else fingerprint


def slug(text: str) -> str:
    """Lowercase ASCII letters and digits, words joined by `-`: `José Núñez` → `jose-nunez`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


def tag(text: str) -> str:
    """A pac tag as Backstage's rules allow: lowercase, other characters turned into `-`,
    at most 63 characters; empty when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_TAG.sub("-", ascii_text.lower()).strip("-")[:NAME_LENGTH].rstrip("-")


def tags(values: Iterable[str]) -> list[str]:
    """Backstage tags for pac's, in their order, without the empty ones or repeats."""
    found: list[str] = []
    for value in values:
        t = tag(value)
        if t and t not in found:
            found.append(t)
    return found


def assign_names(wanted: Iterable[tuple[str, str]], taken: Iterable[str] = ()) -> dict[str, str]:
    """A distinct valid name for each key, first come first served: the name it wants when
    that is valid and free, else the wanted name shortened and ended by the key's digest
    (then by a count, should even that be taken). `taken` names are never given."""
    used = set(taken)
    names: dict[str, str] = {}
    for key, name in wanted:
        base = _NOT_NAME.sub("-", name).strip("-_.")
        candidate = name if is_name(name) and name not in used else shortened(base, key)
        count = 1
        while candidate in used:
            count += 1
            candidate = shortened(f"{base}-{count}", f"{key}-{count}")
        used.add(candidate)
        names[key] = candidate
    return names


def reference(kind: str, name: str) -> str:
    """An entity reference in the default namespace: `group:default/team-claims`."""
    return f"{kind}:default/{name}"


def is_link_url(url: str) -> bool:
    """Whether Backstage's link check (`new URL(url)` in JavaScript) certainly accepts a URL
    that pac's format allows: mailto always; http(s) with a host of ASCII labels or an IPv4
    address, no user part, and a port of at most 65535. Anything more unusual (an IPv6 or
    international host) is left to an annotation, where any text is allowed."""
    if url.startswith("mailto:"):
        return True
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    host = parts.netloc.rsplit(":", 1)[0] if port is not None else parts.netloc
    if port is None and parts.netloc.endswith(":"):
        host = parts.netloc[:-1]
    if "@" in parts.netloc or not host.isascii() or not _HOST.fullmatch(host):
        return False
    if _NUMERIC_END.search(host):  # WHATWG reads the host as an IPv4 address
        return _IPV4.fullmatch(host) is not None
    return not any(label.lower().startswith("xn--") for label in host.split("."))
