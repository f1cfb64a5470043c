"""A Backstage catalog as pac reads it: its entities (`Descriptor`), where each value is
(for the line and column of a finding or of a field an entity takes), the findings of the
import, and what makes a document a valid Backstage entity. The files are read by
backstage_files.py.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from pac import yaml
from pac.findings import Finding, Severity, format_loc
from pac.importing.backstage_refs import (
    DEFAULT_NAMESPACE,
    Ref,
    name_problem,
    namespace_problem,
)
from pac.importing.entities import Where, import_finding

API_VERSIONS = ("backstage.io/v1alpha1", "backstage.io/v1beta1")


@dataclass(frozen=True, slots=True)
class Descriptor:
    """One Backstage entity as its file holds it, and where it is."""

    ref: Ref
    data: dict[str, Any]
    file: str  # as the user named it: the PATH joined with the path inside it
    document: int  # which document of the file, from 0
    line: int  # where the document starts

    @property
    def kind(self) -> str:
        return str(self.data["kind"])

    @property
    def metadata(self) -> dict[str, Any]:
        return _mapping(self.data.get("metadata"))

    @property
    def spec(self) -> dict[str, Any]:
        return _mapping(self.data.get("spec"))


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def found(
    rule: str,
    where: Where,
    message: str,
    hint: str = "",
    severity: Severity = Severity.ERROR,
    *,
    entity: str = "",
) -> Finding:
    """An import finding of this severity (a warning: a value is left out; info: the
    mapping leaves something out by design)."""
    finding = import_finding(rule, where, message, hint, entity=entity)
    return (
        finding if severity is Severity.ERROR else dataclasses.replace(finding, severity=severity)
    )


def where_in(places: dict[yaml.Path, yaml.Place], file: str, path: yaml.Path) -> Where:
    """A value's place in a document (or its nearest parent's), labelled with its path."""
    loc = path
    while loc and loc not in places:
        loc = loc[:-1]
    place = places.get(loc)
    line, column = (place[2], place[3]) if place else (0, 0)
    return Where(file, line, column, label=format_loc(path), unit="line", label_kind="field")


@dataclass
class Catalog:
    """The entities of a catalog, in the order they were read, with the problems found."""

    descriptors: list[Descriptor] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # by file as shown
    files: int = 0
    rejected: list[str] = field(default_factory=list)  # entities that are not valid, as refs
    _places: dict[str, list[dict[yaml.Path, yaml.Place]]] = field(default_factory=dict)

    def where(self, file: str, document: int, path: yaml.Path) -> Where:
        """The place of a value (or of the nearest of its parents that is there)."""
        if file not in self._places:
            self._places[file] = yaml.locate_documents(self.texts.get(file, ""))
        places = self._places[file]
        return where_in(places[document] if document < len(places) else {}, file, path)

    def at(self, descriptor: Descriptor, path: yaml.Path) -> Where:
        return self.where(descriptor.file, descriptor.document, path)


def written_ref(data: dict[str, Any]) -> str:
    """An invalid entity's ref as written, to account for it: `component:invalid name`."""
    metadata = _mapping(data.get("metadata"))
    namespace = metadata.get("namespace", DEFAULT_NAMESPACE)
    kind, name = str(data.get("kind")).lower(), str(metadata.get("name"))
    return f"{kind}:{name}" if namespace == DEFAULT_NAMESPACE else f"{kind}:{namespace}/{name}"


def entity_problem(data: dict[str, Any]) -> tuple[str, yaml.Path]:
    """What makes a document not a valid Backstage entity, and where; ('', ()) if nothing."""
    api_version, kind, metadata = data.get("apiVersion"), data.get("kind"), data.get("metadata")
    if api_version not in API_VERSIONS:
        return f"apiVersion '{api_version}' is not one of {', '.join(API_VERSIONS)}", (
            "apiVersion",
        )
    if not isinstance(kind, str) or not kind:
        return "kind must be text, such as Component or Group", ("kind",)
    if not isinstance(metadata, dict):
        return "metadata is missing: every entity needs metadata.name", ("metadata",)
    problem = name_problem(metadata.get("name"))
    if problem:
        return problem, ("metadata", "name")
    if "namespace" in metadata and (problem := namespace_problem(metadata["namespace"])):
        return problem, ("metadata", "namespace")
    if "spec" in data and not isinstance(data["spec"], dict):
        return "spec must be a mapping", ("spec",)
    return "", ()


ENTITY_FIX = "correct the entity as Backstage's descriptor format describes, or remove it"
