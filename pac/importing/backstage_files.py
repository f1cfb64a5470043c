"""Reading a Backstage catalog: descriptor files, several entities each, and the files
their `kind: Location` entities name.

Each PATH is a folder (every YAML file under it, hidden ones left out) or a file. A
Location's targets are followed when they are local files inside one of the PATHs (a
file's PATH is its folder), with pac's policy for links (pac/paths.py): no link is
followed, and no file outside the PATHs is read. Web addresses are never fetched. A file
is read once however many Locations name it, and Locations that lead back to themselves
are reported. Nothing raises on bad input: each problem is a finding at its file and line.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from pac import yaml
from pac.errors import PacError
from pac.findings import Finding, Severity
from pac.importing.backstage_catalog import (
    ENTITY_FIX,
    Catalog,
    Descriptor,
    entity_problem,
    found,
    written_ref,
)
from pac.importing.backstage_refs import DEFAULT_NAMESPACE, Ref, entity_ref
from pac.importing.entities import Where
from pac.load.files import SourceFile, decode, read_directory, read_file
from pac.paths import LINK, shown, within

_WEB = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_LOOP_SHOWN = 8  # files of a loop of Locations that its finding names


@dataclass(frozen=True, slots=True)
class _Root:
    given: str  # as the user wrote it, for messages
    folder: str  # absolute, not resolved: nothing under it is followed through a link


@dataclass(frozen=True, slots=True)
class _File:
    root: _Root
    relative: str  # '/'-separated, inside the root
    named: bool  # named by the user or a Location, rather than found in a folder

    @property
    def absolute(self) -> str:
        return os.path.normpath(os.path.join(self.root.folder, self.relative))

    @property
    def shown(self) -> str:
        given = self.root.given.replace(os.sep, "/")
        return posixpath.normpath(posixpath.join(given, self.relative))


def read_catalog(paths: list[Path]) -> Catalog:
    """Every entity under `paths` and the files their Locations name; raises PacError
    only when a PATH itself cannot be read (it does not exist, or it is a link)."""
    reader = _Reader()
    for given in paths:
        reader.add(given)
    reader.run()
    reader.report_cycles()
    return reader.catalog


class _Reader:
    def __init__(self) -> None:
        self.catalog = Catalog()
        self.roots: list[_Root] = []
        self.queue: deque[tuple[_File, SourceFile]] = deque()
        self.seen: set[str] = set()
        self.refs: dict[Ref, Descriptor] = {}
        # a Location's file -> the files it names, with where each is named
        self.edges: dict[str, list[tuple[str, Where]]] = {}

    def add(self, given: Path) -> None:
        text = os.fspath(given)
        if os.path.islink(text):
            raise PacError(f"{shown(text)} is a symbolic link, which pac does not follow: {_FIX}")
        if os.path.isdir(text):
            root = _Root(text, os.path.abspath(text))
            self.roots.append(root)
            for each in read_directory(given):
                self._enqueue(_File(root, each.path, named=False), each)
            return
        if not os.path.isfile(text):
            raise PacError(f"{shown(text)} does not exist: {_FIX}")
        root = _Root(os.path.dirname(text) or ".", os.path.abspath(os.path.dirname(text) or "."))
        self.roots.append(root)
        source = read_file(Path(root.folder), os.path.basename(text))
        if source is not None:
            self._enqueue(_File(root, source.path, named=True), source)

    def _enqueue(self, file: _File, source: SourceFile) -> None:
        if file.absolute not in self.seen:
            self.seen.add(file.absolute)
            self.queue.append((file, source))

    def run(self) -> None:
        while self.queue:
            file, source = self.queue.popleft()
            self._read(file, source)

    def _read(self, file: _File, source: SourceFile) -> None:
        name = file.shown
        self.catalog.files += 1
        if source.content is None:
            self._file_problem(name, f"{name} is not read: {source.unread}", _READABLE)
            return
        try:
            text = decode(source.content)
        except UnicodeDecodeError:
            self._file_problem(name, f"{name} is not UTF-8 text", "save the file as UTF-8")
            return
        self.catalog.texts[name] = text
        entities = problems = 0
        for index, document in enumerate(yaml.parse_documents(text)):
            problems += len(document.problems)
            for problem in document.problems:
                where = Where(name, problem.line, problem.column, unit="line", label_kind="field")
                message = f"{where.describe()}: {problem.message}"
                self._add(found("import-backstage-file", where, message, problem.hint))
            if document.broken or document.data is None:
                continue
            entities += self._document(file, index, document)
        if entities == 0 and problems == 0 and not file.named:
            where = Where(name, unit="line", label_kind="field")
            message = f"{name} holds no Backstage entity: it is left out"
            self._add(found("import-backstage-left-out", where, message, _NOT_OURS, Severity.INFO))

    def _document(self, file: _File, index: int, document: yaml.Document) -> int:
        """Take one document; returns 1 when it is an entity (valid or not), else 0."""
        data = document.data
        name = file.shown
        looks = isinstance(data, dict) and "apiVersion" in data and "kind" in data
        if not looks:
            if file.named:
                where = self.catalog.where(name, index, ())
                message = f"{where.describe()}: this document is not a Backstage entity"
                self._add(found("import-backstage-entity", where, message, ENTITY_FIX))
            return 0
        problem, path = entity_problem(data)
        if problem:
            written = written_ref(data)
            self.catalog.rejected.append(written)
            where = self.catalog.where(name, index, path)
            message = f"{where.describe()}: {problem}"
            self._add(found("import-backstage-entity", where, message, ENTITY_FIX, entity=written))
            return 1
        metadata = data["metadata"]
        ref = entity_ref(
            data["kind"], metadata.get("namespace", DEFAULT_NAMESPACE), metadata["name"]
        )
        descriptor = Descriptor(ref, data, name, index, document.line)
        if ref.kind == "location":
            self._follow(file, descriptor)
        else:
            self._take(descriptor)
        return 1

    def _take(self, descriptor: Descriptor) -> None:
        """An entity joins the catalog, unless one of its ref is there already."""
        ref = descriptor.ref
        first = self.refs.get(ref)
        if first is None:
            self.refs[ref] = descriptor
            self.catalog.descriptors.append(descriptor)
            return
        where = self.catalog.at(descriptor, ("metadata", "name"))
        line = self.catalog.at(first, ("metadata", "name")).line
        message = (
            f"{where.describe()}: {ref} is defined again (first in {first.file}, line "
            f"{line}): only the first is imported"
        )
        again = f"{ref} ({descriptor.file}, line {where.line})"
        self._add(
            found("import-backstage-entity", where, message, "keep one of them", entity=again)
        )
        self.catalog.rejected.append(again)

    def _follow(self, file: _File, location: Descriptor) -> None:
        spec = location.spec
        targets: list[tuple[yaml.Path, object]] = []
        if "target" in spec:
            targets.append((("spec", "target"), spec["target"]))
        listed = spec.get("targets")
        if isinstance(listed, list):
            targets += [(("spec", "targets", i), t) for i, t in enumerate(listed)]
        web = spec.get("type") == "url"
        for path, target in targets:
            where = self.catalog.at(location, path)
            self._target(file, where, target, web=web)

    def _target(self, file: _File, where: Where, target: object, *, web: bool) -> None:
        if not isinstance(target, str) or not target:
            self._not_followed(
                where, "a Location target must be a path as text", "", Severity.ERROR
            )
            return
        if web or _WEB.match(target):
            why = f"'{target}' is a web address: pac reads local files only and fetches nothing"
            self._not_followed(where, why, _WEB_FIX, Severity.INFO)
            return
        if any(c in target for c in "*?["):
            why = f"'{target}' is a pattern: pac follows targets that name one file"
            self._not_followed(where, why, "name each file in targets:", Severity.WARNING)
            return
        absolute = os.path.normpath(os.path.join(os.path.dirname(file.absolute), target))
        root = next((r for r in self.roots if within(absolute, r.folder)), None)
        if root is None:
            why = f"'{target}' is outside the folders given to pac import backstage"
            self._not_followed(where, why, _OUTSIDE_FIX, Severity.ERROR)
            return
        self.edges.setdefault(file.absolute, []).append((absolute, where))
        if absolute in self.seen:
            return
        relative = os.path.relpath(absolute, root.folder).replace(os.sep, "/")
        self._open(_File(root, relative, named=True), where, target)

    def _open(self, file: _File, where: Where, target: str) -> None:
        if os.path.isdir(file.absolute) and not os.path.islink(file.absolute):
            self._not_followed(where, f"'{target}' is a folder", _FILE_FIX, Severity.ERROR)
            return
        source = read_file(Path(file.root.folder), file.relative)
        if source is None:
            self._not_followed(where, f"'{target}' does not exist", _FILE_FIX, Severity.ERROR)
        elif source.error == LINK or (source.content is None and source.error):
            why = f"'{target}' {LINK}" if source.error == LINK else f"'{target}': {source.error}"
            self._not_followed(where, why, _LINK_FIX, Severity.ERROR)
        else:
            self._enqueue(file, source)

    def _not_followed(self, where: Where, why: str, hint: str, severity: Severity) -> None:
        message = f"{where.describe()}: not followed: {why}"
        self._add(found("import-backstage-location", where, message, hint, severity))

    def _file_problem(self, name: str, message: str, hint: str) -> None:
        self._add(
            found(
                "import-backstage-file", Where(name, unit="line", label_kind="field"), message, hint
            )
        )

    def _add(self, finding: Finding) -> None:
        self.catalog.findings.append(finding)

    def report_cycles(self) -> None:
        """A finding at each Location target that closes a loop of Locations."""
        for where, loop in back_edges(self.edges):
            files = [self._shown(path) for path in loop]
            if len(files) > _LOOP_SHOWN:  # the first files and the one it closes on
                more = f"... ({len(loop) - 1} files)"
                files = [*files[: _LOOP_SHOWN - 2], more, files[-1]]
            shown_loop = " -> ".join(files)
            message = f"{where.describe()}: Locations lead back to themselves: {shown_loop}"
            hint = "each file is read once, so nothing is lost: remove the target that loops"
            self._add(
                found("import-backstage-location-cycle", where, message, hint, Severity.WARNING)
            )

    def _shown(self, absolute: str) -> str:
        for root in self.roots:
            if within(absolute, root.folder):
                relative = os.path.relpath(absolute, root.folder).replace(os.sep, "/")
                return _File(root, relative, named=True).shown
        return absolute  # pragma: no cover - every followed file is inside a root


def back_edges(edges: dict[str, list[tuple[str, Where]]]) -> list[tuple[Where, list[str]]]:
    """Each target that leads back to a file on the path that reached it, with the loop.
    A walk with a stack of its own: a chain of Locations, however long, cannot exhaust
    Python's."""
    loops: list[tuple[Where, list[str]]] = []
    done: set[str] = set()
    for start in sorted(edges):
        if start in done:
            continue
        path, on_path = [start], {start}
        pending = [iter(edges.get(start, []))]
        while pending:
            step = next(pending[-1], None)
            if step is None:
                finished = path.pop()
                on_path.discard(finished)
                done.add(finished)
                pending.pop()
                continue
            target, where = step
            if target in on_path:
                loops.append((where, [*path[path.index(target) :], target]))
            elif target not in done:
                path.append(target)
                on_path.add(target)
                pending.append(iter(edges.get(target, [])))
    return loops


_FIX = "name the folder or file itself"
_READABLE = "make it a regular file of at most 1 MiB"
_NOT_OURS = "a Backstage entity has apiVersion: backstage.io/v1alpha1 and a kind"
_WEB_FIX = "download the file into a folder given to the import, or leave it out"
_OUTSIDE_FIX = "give its folder to pac import backstage as a PATH too"
_FILE_FIX = "name an existing file, relative to the Location's file"
_LINK_FIX = "name the file the link points to, inside a folder given to the import"
