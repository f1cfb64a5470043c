"""Backstage entity references and the ids they become in pac.

A descriptor names another entity in any of the forms Backstage allows: `team-a`,
`group:team-a`, `group:default/team-a`, or `default/team-a`. The kind, when not written,
is the one the field implies (an owner is a Group, a system a System); the namespace, when
not written, is the referring entity's own, as Backstage resolves it (`default` unless the
entity says otherwise). Kinds, namespaces and names compare without regard to case, as in
Backstage's catalog.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pac.suggest import closest

DEFAULT_NAMESPACE = "default"
NAME_LENGTH = 63
_NAME = re.compile(r"[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?")
_NAMESPACE = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?")
_NOT_ID = re.compile(r"[^a-z0-9]+")
ID_LENGTH = 64


@dataclass(frozen=True, order=True, slots=True)
class Ref:
    """An entity's identity in the catalog, in lower case: kind, namespace and name."""

    kind: str
    namespace: str
    name: str

    def __str__(self) -> str:
        """The shortest full form: `group:team-a`, `component:alternative/x`."""
        if self.namespace == DEFAULT_NAMESPACE:
            return f"{self.kind}:{self.name}"
        return f"{self.kind}:{self.namespace}/{self.name}"


def entity_ref(kind: str, namespace: str, name: str) -> Ref:
    return Ref(kind.lower(), namespace.lower(), name.lower())


def name_problem(name: object) -> str | None:
    """Why a metadata.name is not one Backstage accepts, or None."""
    if not isinstance(name, str) or not name:
        return "metadata.name is missing: every entity needs a name"
    if len(name) > NAME_LENGTH or not _NAME.fullmatch(name):
        return (
            f"metadata.name '{name}' is not a valid Backstage name: letters and digits, "
            f"with - _ . between them, at most {NAME_LENGTH} characters"
        )
    return None


def namespace_problem(namespace: object) -> str | None:
    """Why a metadata.namespace is not one Backstage accepts, or None."""
    if not isinstance(namespace, str) or len(namespace) > NAME_LENGTH:
        return "metadata.namespace must be text of at most 63 characters"
    if not _NAMESPACE.fullmatch(namespace):
        return (
            f"metadata.namespace '{namespace}' is not a valid namespace: lower-case letters "
            "and digits, with - between them"
        )
    return None


def parse_ref(text: str, *, kind: str | None, namespace: str) -> Ref | None:
    """The entity `text` names, its kind and namespace defaulting to `kind` and
    `namespace`; None when it names no kind and the field implies none, or when a part of
    it is empty."""
    written_kind, colon, rest = text.partition(":")
    if not colon:
        written_kind, rest = "", text
    written_namespace, slash, name = rest.partition("/")
    if not slash:
        written_namespace, name = "", rest
    final_kind = written_kind or kind
    if (
        not final_kind
        or not name
        or (colon and not written_kind)
        or (slash and not written_namespace)
    ):
        return None
    return entity_ref(final_kind, written_namespace or namespace, name)


def pac_id(ref: Ref) -> str:
    """The pac id an entity gets: its name in lower case, each run of characters pac ids
    do not allow (`_`, `.`) a single hyphen; an entity outside the default namespace gets
    its namespace in front (`alternative-x`). At most 64 characters, cut at the end."""
    base = ref.name if ref.namespace == DEFAULT_NAMESPACE else f"{ref.namespace}-{ref.name}"
    return _NOT_ID.sub("-", base).strip("-")[:ID_LENGTH].rstrip("-")


def suggestion(ref: Ref, known: Iterable[Ref]) -> str:
    """'did you mean ...?' for a ref that names no entity: the same name as another kind
    (`user:team-b` for the Group team-b) or in another namespace, else the closest name of
    its kind and namespace; '' if none."""
    refs = sorted(known)
    same_name = [r for r in refs if r.name == ref.name]
    if same_name:
        best = min(same_name, key=lambda r: (r.namespace != ref.namespace, r.kind != ref.kind, r))
        return f"did you mean '{best}'?"
    names = {r.name: r for r in refs if r.kind == ref.kind and r.namespace == ref.namespace}
    match = closest(ref.name, names)
    return f"did you mean '{names[match]}'?" if match else ""
