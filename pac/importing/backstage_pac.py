"""pac's own annotations (`pac.dev/...`) read back from a catalog that `pac export --format
backstage` wrote: the decoder of what pac/render/backstage_entities.py encodes, with its
keys. It takes plain entity data and gives a pac entity's fields as its file holds them,
for `pac import backstage` (backstage_restore.py) and for the export's tests alike.

Entity refs are not resolved here: a product's owner and a capability's parent are
Backstage fields (`spec.owner`, `spec.subdomainOf`) that the caller resolves to ids.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pac.render.backstage_entities import ID_LISTS, RECORDS, annotation

Path = tuple[str | int, ...]
ANNOTATIONS = ("metadata", "annotations")
PAC_KINDS = ("portfolio", "team", "member", "capability", "product")


@dataclass
class Decoded:
    """A pac entity's fields from one Backstage entity, where in the entity each came from,
    and the annotations that could not be read (left out), with the reason."""

    fields: dict[str, Any] = field(default_factory=dict)
    origins: dict[str, Path] = field(default_factory=dict)
    problems: list[tuple[Path, str]] = field(default_factory=list)


def annotations_of(data: dict[str, Any]) -> dict[str, Any]:
    metadata = data.get("metadata")
    found = metadata.get("annotations") if isinstance(metadata, dict) else None
    return found if isinstance(found, dict) else {}


def pac_value(data: dict[str, Any], name: str) -> str | None:
    """The text of the annotation of a pac field (`depends_on`: `pac.dev/depends-on`)."""
    value = annotations_of(data).get(annotation(name))
    return value if isinstance(value, str) else None


def pac_kind(data: dict[str, Any]) -> str | None:
    """The kind of pac entity an exported entity holds (`pac.dev/entity`), else None."""
    kind = pac_value(data, "entity")
    return kind if kind in PAC_KINDS else None


class _Reader:
    """Reads one entity's values into a Decoded, a problem for each it cannot read."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.out = Decoded()

    def put(self, name: str, value: Any, origin: Path) -> None:
        """A field's value, unless it is empty (a file leaves such a field out)."""
        if value is not None and value != [] and value != {}:
            self.out.fields[name] = value
            self.out.origins[name] = origin

    def metadata(self, name: str, key: str) -> None:
        value = _get(self.data, ("metadata", key))
        self.put(name, value if isinstance(value, str) else None, ("metadata", key))

    def text(self, name: str, key: str | None = None) -> None:
        """A field whose annotation is its text (`key`: when named otherwise)."""
        self.put(name, pac_value(self.data, key or name), _at(key or name))

    def ids(self, name: str) -> None:
        text = pac_value(self.data, name)
        self.put(name, text.split(",") if text else None, _at(name))

    def json(self, name: str, key: str | None = None) -> Any:
        text = pac_value(self.data, key or name)
        if text is None:
            return None
        try:
            value = json.loads(text, parse_float=Decimal)
        except ValueError as e:
            self.out.problems.append((_at(key or name), f"is not valid JSON ({e}): left out"))
            return None
        self.put(name, value, _at(key or name))
        return value


def decode_team(data: dict[str, Any]) -> Decoded:
    """A team from its Group: the name, contact and the annotations."""
    r = _Reader(data)
    r.metadata("name", "title")
    r.text("type", "team_type")
    r.text("github")
    r.text("capacity_fte")
    fte = r.out.fields.get("capacity_fte")
    if fte is not None:
        r.out.fields["capacity_fte"] = _number(fte)
    email = _get(data, ("spec", "profile", "email"))
    contact = {
        "chat": pac_value(data, "chat"),
        "email": email if isinstance(email, str) else None,
        "url": pac_value(data, "contact_url"),
    }
    origin = ("spec", "profile", "email") if contact["email"] else _at("chat")
    r.put("contact", {k: v for k, v in contact.items() if v is not None}, origin)
    r.json("members")
    r.json("extensions")
    return r.out


def decode_capability(data: dict[str, Any]) -> Decoded:
    """A capability from its Domain (its parent is `spec.subdomainOf`'s, for the caller)."""
    r = _Reader(data)
    r.metadata("name", "title")
    r.metadata("description", "description")
    r.text("importance")
    r.json("extensions")
    return r.out


def decode_product(data: dict[str, Any]) -> Decoded:
    """A product from its System (its owner is `spec.owner`'s, for the caller)."""
    r = _Reader(data)
    r.metadata("name", "title")
    r.metadata("summary", "description")
    kind = _get(data, ("spec", "type"))
    r.put("kind", kind if isinstance(kind, str) else None, ("spec", "type"))
    lifecycle = {
        "stage": pac_value(data, "stage"),
        "since": pac_value(data, "stage_since"),
        "retire_by": pac_value(data, "retire_by"),
    }
    if lifecycle["stage"] is not None:  # without a stage, the Backstage lifecycle decides
        r.put("lifecycle", {k: v for k, v in lifecycle.items() if v is not None}, _at("stage"))
    for name in ("description", "product_manager", "disposition", "last_stakeholder_review"):
        r.text(name)
    for name in ID_LISTS:
        r.ids(name)
    for name in RECORDS:
        r.json(name)
    if r.json("links") is None:  # all the links are Backstage's own
        links = _get(data, ("metadata", "links"))
        named = {
            link["title"]: link["url"]
            for link in (links if isinstance(links, list) else [])
            if isinstance(link, dict) and isinstance(link.get("title"), str)
        }
        r.put("links", named, ("metadata", "links"))
    if r.json("tags") is None:  # the tags are as pac wrote them
        tags = _get(data, ("metadata", "tags"))
        r.put("tags", tags if isinstance(tags, list) else None, ("metadata", "tags"))
    return r.out


DECODERS = {"team": decode_team, "capability": decode_capability, "product": decode_product}


@dataclass(frozen=True)
class Organisation:
    """What the organisation's Group carries: portfolio.yaml's settings, the objectives
    and the funding periods, as their files hold them."""

    settings: dict[str, Any] | None
    objectives: list[dict[str, Any]]
    funding: list[dict[str, Any]]
    problems: list[tuple[Path, str]]


def decode_organisation(data: dict[str, Any]) -> Organisation:
    r = _Reader(data)
    settings = r.json("settings")
    objectives = r.json("objectives", "objective_records")
    funding = r.json("funding", "funding_records")
    return Organisation(
        settings if isinstance(settings, dict) else None,
        [o for o in objectives or [] if isinstance(o, dict)],
        [f for f in funding or [] if isinstance(f, dict)],
        r.out.problems,
    )


def _at(name: str) -> Path:
    return (*ANNOTATIONS, annotation(name))


def _get(data: Any, path: Path) -> Any:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _number(text: str) -> Decimal | str:
    """An exact number, or the text as it is (the format's check then reports it)."""
    try:
        return Decimal(text)
    except ArithmeticError:
        return text
