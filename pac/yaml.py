"""The only module that imports PyYAML.

Documents are built straight from libyaml's event stream rather than through PyYAML's
composer and constructor, because those keep the last of two duplicate keys, turn
`yes`/`no`/`on`/`off` into booleans, read `1_000` as a number, crash on deeply nested
input and expand aliases without limit. Here scalars follow the YAML 1.2 core schema
(a date is text, as in JSON), duplicate keys, tags, recursive aliases and alias bombs are
problems with a line and column, and nothing raises on bad input. A portfolio file holds one
document (`parse`: a second one is a problem); `parse_documents` reads the several documents
of a file written for another tool (a Backstage catalog), with the same limits per file.

Written YAML (`dump_documents`, for `pac export --format backstage`) keeps text text for
YAML 1.1 and 1.2 readers alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.parser import Parser as _PythonParser
from yaml.reader import Reader as _PythonReader
from yaml.scanner import Scanner as _PythonScanner

try:
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

MAX_DEPTH = 64
_TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels"
_TOO_DEEP_HINT = "portfolio files need only a few levels: flatten the structure"


class _PurePython(_PythonReader, _PythonScanner, _PythonParser):
    """PyYAML's parser written in Python: events only, no limits of libyaml's."""

    def __init__(self, text: str) -> None:
        _PythonReader.__init__(self, text)
        _PythonScanner.__init__(self)
        _PythonParser.__init__(self)


MAX_VALUES = 100_000  # values a document may hold, its aliases expanded

Path = tuple[str | int, ...]

_CORE = "tag:yaml.org,2002:"
_INT = re.compile(r"[-+]?[0-9]+$")
_OCT = re.compile(r"0o[0-7]+$")
_HEX = re.compile(r"0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INFS = {
    ".inf": 1,
    ".Inf": 1,
    ".INF": 1,
    "+.inf": 1,
    "+.Inf": 1,
    "+.INF": 1,
    "-.inf": -1,
    "-.Inf": -1,
    "-.INF": -1,
}
_NANS = frozenset({".nan", ".NaN", ".NAN"})
# Python's own limit for turning text into an int, applied to every number: far beyond any
# value in a portfolio, and a number this long would fail wherever a tool reads it as JSON
MAX_DIGITS = 4300
_MAX_BITS = 14_284  # no int of this many bits has more than MAX_DIGITS digits


@dataclass(frozen=True)
class Problem:
    """Something wrong with the YAML itself, at a 1-based line and column."""

    rule: str
    line: int
    column: int
    message: str
    hint: str = ""
    path: Path = ()  # the value's field path, for a problem with one value


@dataclass
class Parsed:
    """A parsed document: `data` is None when the file cannot be trusted at all."""

    data: Any
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Document:
    """One document of a file of several: `data` is None when the document is empty or
    `broken` (it cannot be trusted at all); `line` is the 1-based line where it starts."""

    data: Any
    line: int
    problems: list[Problem] = field(default_factory=list)
    broken: bool = False


class _Stop(Exception):
    """Ends the walk over a document that cannot be read any further."""


class NumberTooLong(ValueError):
    """A number with more than MAX_DIGITS digits."""


def resolve_plain(text: str) -> Any:
    """Read an unquoted scalar the YAML 1.2 core-schema way.

    Numbers with a point or an exponent are Decimals, exactly as written (never a binary
    float); raises NumberTooLong for a number of more than MAX_DIGITS digits. A date is text
    here, quoted or not, as in JSON and in the published schemas (`format: date`): the
    model's date fields read it, and a text field keeps it as written.
    """
    if text in _NULLS:
        return None
    first = text[0]
    if first in "0123456789-+.":
        return _resolve_number_or_date(text)
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return text


def _resolve_number_or_date(text: str) -> Any:
    if len(text) > MAX_DIGITS:
        _check_length(text)
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return Decimal(text)
    if _OCT.match(text):
        return _within_limit(int(text[2:], 8))
    if _HEX.match(text):
        return _within_limit(int(text[2:], 16))
    if text in _INFS:
        return _INFS[text] * float("inf")
    if text in _NANS:
        return float("nan")
    return text


def _check_length(text: str) -> None:
    number = _INT.match(text) or _FLOAT.match(text)
    if number and sum(c in "0123456789" for c in text) > MAX_DIGITS:
        raise NumberTooLong


def _within_limit(value: int) -> int:
    if value.bit_length() > _MAX_BITS:
        raise NumberTooLong
    return value


_EXPLICIT = {
    _CORE + "str": str,
    _CORE + "int": int,
    _CORE + "float": float,
    _CORE + "bool": None,
    _CORE + "null": None,
}


def _scalar(event: ScalarEvent) -> Any:
    if event.tag is None or event.tag == "!":
        return resolve_plain(event.value) if event.implicit[0] else event.value
    if event.tag == _CORE + "str":
        return event.value
    if event.tag in _EXPLICIT:
        return resolve_plain(event.value)
    raise _TagError(event.tag)


class _TagError(Exception):
    def __init__(self, tag: str) -> None:
        super().__init__(tag)
        self.tag = tag


def _tag_problem(tag: str, mark: Any) -> Problem:
    shown = tag.replace(_CORE, "!!")
    return Problem(
        "yaml-syntax",
        mark.line + 1,
        mark.column + 1,
        f"YAML tag '{shown}' is not allowed",
        "remove the tag: portfolio files hold plain text, numbers, dates, lists and mappings",
    )


class _Frame:
    __slots__ = ("anchor", "container", "is_map", "key", "key_marks", "size", "start_mark")

    def __init__(self, container: dict[str, Any] | list[Any], event: Any) -> None:
        self.container = container
        self.is_map = type(container) is dict
        self.anchor: str | None = event.anchor
        self.start_mark = event.start_mark
        self.key: str | None = None
        self.key_marks: dict[str, Any] = {}
        self.size = 1


class _Builder:
    """Turns one document's events into plain Python data, collecting problems.

    This is the hot loop of `pac validate`: one call per event, few attribute lookups.
    """

    def __init__(self, *, several: bool = False) -> None:
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.values = 0  # in the whole file: the limit is per file, however many documents
        self.expanded = 0  # of those values, the ones that aliases repeat
        self.root: Any = None
        self.problems: list[Problem] = []
        self.fatal = False
        self.several = several
        self.documents: list[Document] = []
        self.opened: tuple[int, int] | None = None  # the open document's line, first problem

    def begin(self, event: Any) -> None:
        """A document starts: anchors are the document's own, as YAML says."""
        self.opened = (event.start_mark.line + 1, len(self.problems))
        self.anchors = {}
        self.root = None
        self.fatal = False

    def finish(self) -> None:
        """The open document ends (or the file stops being readable inside it)."""
        if self.opened is None:
            return
        line, first = self.opened
        problems = self.problems[first:]
        if not self.fatal:
            _leave_out_all(self.root, problems)
        data = None if self.fatal else self.root
        self.documents.append(Document(data, line, problems, self.fatal))
        self.opened = None

    def problem(self, rule: str, mark: Any, message: str, hint: str = "") -> None:
        self.problems.append(Problem(rule, mark.line + 1, mark.column + 1, message, hint))
        if rule == "yaml-syntax":
            self.fatal = True

    def too_long(self, event: Any) -> Any:
        """A number too long to read: a problem at its path, and no value (a key stays
        text, as keys are)."""
        stack = self.stack
        if stack and stack[-1].is_map and stack[-1].key is None:
            return event.value
        path = tuple(f.key if f.is_map else len(f.container) for f in stack)
        mark = event.start_mark
        self.problems.append(
            Problem(
                "schema",
                mark.line + 1,
                mark.column + 1,
                f"a number of more than {MAX_DIGITS:,} digits is too long to read",
                "check the value: no portfolio figure needs this many digits; "
                "quote it if it is text",
                path,  # type: ignore[arg-type]
            )
        )
        return None

    def open(self, container: dict[str, Any] | list[Any], event: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self.problem("yaml-syntax", event.start_mark, _TOO_DEEP, _TOO_DEEP_HINT)
            raise _Stop
        self.count(1, event)
        self.stack.append(_Frame(container, event))

    def count(self, size: int, event: Any) -> None:
        """Count the values a document holds once aliases are expanded; stop a bomb early."""
        self.values += size
        if self.values <= MAX_VALUES:
            return
        if self.expanded:
            self.problem(
                "yaml-syntax",
                event.start_mark,
                f"aliases expand this document to more than {MAX_VALUES:,} values",
                "a document this large is almost certainly an alias bomb: "
                "write the values out instead of using aliases",
            )
        else:
            self.problem(
                "yaml-syntax",
                event.start_mark,
                f"the file holds more than {MAX_VALUES:,} values, the most pac reads in one file",
                "no portfolio entity needs this many: remove what does not belong in this file",
            )
        raise _Stop

    def alias(self, event: AliasEvent) -> None:
        if event.anchor not in self.anchors:
            open_anchors = {f.anchor for f in self.stack}
            what = "refers to itself" if event.anchor in open_anchors else "is not defined"
            self.problem(
                "yaml-syntax",
                event.start_mark,
                f"alias '*{event.anchor}' {what}",
                "define the anchor (&name) before using it, outside its own value",
            )
            raise _Stop
        value, size = self.anchors[event.anchor]
        self.expanded += size
        self.count(size, event)
        self.add(value, size, event)

    def add(self, value: Any, size: int, event: Any) -> None:
        stack = self.stack
        if not stack:
            self.root = value
            return
        frame = stack[-1]
        frame.size += size
        if not frame.is_map:
            frame.container.append(value)  # type: ignore[union-attr]
        elif frame.key is None:
            self.take_key(frame, value, event)
        else:
            if frame.key is not _DUPLICATE:
                frame.container[frame.key] = value  # type: ignore[call-overload]
            frame.key = None

    def take_key(self, frame: _Frame, value: Any, event: Any) -> None:
        if isinstance(event, _Frame):
            self.problem(
                "yaml-syntax",
                event.start_mark,
                "a mapping key must be plain text, not a list or mapping",
                "write the key as text",
            )
            raise _Stop
        key = event.value if type(event) is ScalarEvent else str(value)
        first = frame.key_marks.get(key)
        if first is not None:
            line = event.start_mark.line + 1
            self.problem(
                "duplicate-key",
                event.start_mark,
                f"duplicate key '{key}' (first on line {first.line + 1}, again on line {line})",
                "keep one of them: YAML tools disagree on which one wins",
            )
            key = _DUPLICATE
        else:
            frame.key_marks[key] = event.start_mark
        frame.key = key


_DUPLICATE = "\0duplicate"


def parse(text: str) -> Parsed:
    """Parse one YAML document; never raises on bad input.

    libyaml stops some documents before pac's own limits are reached (PyYAML 6.0.4's
    libyaml refuses 1,000 flow levels while scanning ahead for a key). When libyaml gives
    up, the pure-Python parser, which has no limits of its own, reads the document again
    so that pac's nesting finding wins, at the line where the 65th level opens, whatever
    release of PyYAML is installed.
    """
    parsed = _parse_with(_Parser, text)
    if parsed.data is None and _library_refused(parsed.problems):
        again = _parse_with(_PurePython, text)
        if any(p.message == _TOO_DEEP for p in again.problems):
            return again
    return parsed


def parse_documents(text: str) -> list[Document]:
    """Parse every document of a file; never raises on bad input.

    Each document is checked as `parse` checks a file (tags, duplicate keys, nesting,
    aliases, which refer within their own document), and the values of all of them count
    towards the one limit per file. A syntax error ends the file: the documents before it
    are read, the one it is in is broken, and those after it are not read. An empty file
    has no documents.
    """
    documents = _documents_with(_Parser, text)
    if documents and documents[-1].broken and _library_refused(documents[-1].problems):
        again = _documents_with(_PurePython, text)
        if again and any(p.message == _TOO_DEEP for p in again[-1].problems):
            return again
    return documents


def _documents_with(parser_class: Any, text: str) -> list[Document]:
    builder = _Builder(several=True)
    _run(builder, parser_class, text)
    if builder.opened is None and builder.fatal:  # refused before any document started
        line = builder.problems[0].line if builder.problems else 1
        builder.opened = (line, 0)
    builder.finish()
    return builder.documents


def _library_refused(problems: list[Problem]) -> bool:
    return any(p.rule == "yaml-syntax" and p.message != _TOO_DEEP for p in problems)


def _parse_with(parser_class: Any, text: str) -> Parsed:
    builder = _Builder()
    _run(builder, parser_class, text)
    if builder.fatal:
        return Parsed(None, builder.problems)
    _leave_out_all(builder.root, builder.problems)
    return Parsed(builder.root, builder.problems)


def _run(builder: _Builder, parser_class: Any, text: str) -> None:
    """Feed the parser's events to the builder; what goes wrong becomes a problem."""
    parser = None
    try:
        parser = parser_class(text)  # the pure-Python reader checks characters here
        _build(builder, parser.get_event)
    except _Stop:
        pass
    except yaml.MarkedYAMLError as e:
        builder.problems.append(_syntax_problem(e, text))
        builder.fatal = True
    except yaml.YAMLError as e:  # ReaderError: a character YAML does not allow
        builder.problems.append(_reader_problem(e, text))
        builder.fatal = True
    except RecursionError:  # pragma: no cover - the pure-Python parser on a pathological file
        builder.problems.append(Problem("yaml-syntax", 1, 1, _TOO_DEEP, _TOO_DEEP_HINT))
        builder.fatal = True
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()


def _leave_out_all(root: Any, problems: list[Problem]) -> None:
    for problem in problems:
        if problem.path:
            _leave_out(root, problem.path)


def _leave_out(root: Any, path: Path) -> None:
    """A value that could not be read is not in its mapping at all (in a list, None keeps
    the place of the items after it), so that nothing else reports it again."""
    parent = root
    for part in path[:-1]:
        parent = parent[part]
    if isinstance(path[-1], str):
        parent.pop(path[-1], None)


def _build(builder: _Builder, get_event: Any) -> None:
    add = builder.add
    documents = 0
    while True:
        event: Any = get_event()
        kind = type(event)
        if kind is ScalarEvent:
            try:
                if event.tag is None:
                    value = resolve_plain(event.value) if event.implicit[0] else event.value
                else:
                    value = _tagged(builder, event)
            except NumberTooLong:
                value = builder.too_long(event)
            if event.anchor is not None:
                builder.anchors[event.anchor] = (value, 1)
            builder.values += 1
            if builder.values > MAX_VALUES:
                builder.count(0, event)
            add(value, 1, event)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            _check_collection_tag(builder, event)
            builder.open({} if kind is MappingStartEvent else [], event)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = builder.stack.pop()
            if frame.anchor is not None:
                builder.anchors[frame.anchor] = (frame.container, frame.size)
            add(frame.container, frame.size, frame)
        elif kind is AliasEvent:
            builder.alias(event)
        elif kind is DocumentStartEvent:
            documents += 1
            if builder.several:
                builder.begin(event)
            elif documents > 1:
                builder.problem(
                    "yaml-syntax",
                    event.start_mark,
                    "several YAML documents in one file",
                    "keep one entity per file: remove the '---' and what follows "
                    "or move it to a file of its own",
                )
                raise _Stop
        elif kind is DocumentEndEvent:
            builder.finish()
        elif kind is StreamEndEvent:
            return


def _tagged(builder: _Builder, event: Any) -> Any:
    try:
        return _scalar(event)
    except _TagError as e:
        builder.problems.append(_tag_problem(e.tag, event.start_mark))
        builder.fatal = True
        return event.value


def _check_collection_tag(builder: _Builder, event: Any) -> None:
    tag = event.tag
    if tag is None or tag == "!" or tag in (_CORE + "map", _CORE + "seq"):
        return
    builder.problems.append(_tag_problem(tag, event.start_mark))
    builder.fatal = True


def _syntax_problem(e: yaml.MarkedYAMLError, text: str) -> Problem:
    mark: Any = e.problem_mark or e.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    message = " ".join(part for part in (e.context, e.problem) if part) or "invalid YAML"
    context: Any = e.context_mark
    if context is not None and mark is not None and context.line != mark.line:
        message += f" (from line {context.line + 1})"
    found = text[mark.index] if mark is not None and mark.index < len(text) else ""
    return Problem("yaml-syntax", line, column, message, _syntax_hint(e, found))


def _syntax_hint(e: yaml.MarkedYAMLError, found: str) -> str:
    problem = e.problem or ""
    if found == "\t" or "tab" in problem:
        return "indent with spaces: YAML does not allow tabs for indentation"
    if "cannot start any token" in problem:
        return (
            f"quote the value: '{found}' cannot start plain text in YAML; or close a "
            "quote opened on an earlier line"
        )
    if "mapping values are not allowed" in problem:
        return "quote the value if it contains ': ', or check the indentation"
    return "check the indentation and quoting on this line and the one before"


def _reader_problem(e: yaml.YAMLError, text: str) -> Problem:
    position = getattr(e, "position", 0)
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    reason = str(getattr(e, "reason", e)) or "unreadable character"
    return Problem(
        "yaml-syntax",
        line,
        column,
        reason,
        "remove the control character: YAML allows only printable text",
    )


class _Composer(_Parser):
    """libyaml's own composer, with no tag resolution: only the node tree and its marks."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return "?"

    def descend_resolver(self, parent: Any, index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


Place = tuple[int, int, int, int]


def locate(text: str, wanted: set[Path], *, document: int = 0) -> dict[Path, Place]:
    """Find where each wanted path is: (key line, key column, value line, value column).

    For a list item the key position is the item's own. Paths that are not in the
    document (the first, or the `document`th from 0 of a file of several) are left out.
    Only documents that `parse` or `parse_documents` accepted are located, so libyaml's
    composer (fast, in C) is safe on them: they are at most 64 levels deep.
    """
    if not wanted:
        return {}
    if document:
        return _locate_by_walking(text, wanted, document)
    composer = _Composer(text) if hasattr(_Parser, "get_single_node") else None
    try:
        root = composer.get_single_node() if composer is not None else None
    except Exception:  # anything libyaml's composer refuses: walk the events instead
        root = None
    finally:
        dispose = getattr(composer, "dispose", None)
        if dispose is not None:
            dispose()
    if root is None:
        return _locate_by_walking(text, wanted)
    found: dict[Path, Place] = {}
    for path in wanted:
        place = _find(root, path)
        if place is not None:
            found[path] = place
    return found


def _find(root: Any, path: Path) -> Place | None:
    node, key_mark = root, None
    for part in path:
        if isinstance(part, int):
            items = node.value if isinstance(node, yaml.SequenceNode) else None
            if items is None or part >= len(items):
                return None
            node = items[part]
            key_mark = node.start_mark
            continue
        if not isinstance(node, yaml.MappingNode):
            return None
        pair = next(
            ((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == part),
            None,
        )
        if pair is None:
            return None
        key_mark, node = pair[0].start_mark, pair[1]
    km = key_mark or node.start_mark
    return km.line + 1, km.column + 1, node.start_mark.line + 1, node.start_mark.column + 1


def _locate_by_walking(text: str, wanted: set[Path], document: int = 0) -> dict[Path, Place]:
    """The same, from the event stream: for a document libyaml's composer refused, or one
    after the first."""
    found: dict[Path, Place] = {}
    try:
        for _, path, key_mark, value_mark in _walk(text, document):
            if path in wanted:
                found[path] = _place(key_mark, value_mark)
                if len(found) == len(wanted):
                    break
    except yaml.YAMLError:
        pass
    return found


def locate_documents(text: str) -> list[dict[Path, Place]]:
    """Where every value of every document is, as `locate` gives it, by document (from 0),
    in one pass over the file: for files that `parse_documents` read. A document after a
    syntax error has no places."""
    found: list[dict[Path, Place]] = []
    try:
        for document, path, key_mark, value_mark in _walk(text, None):
            while len(found) <= document:
                found.append({})
            found[document][path] = _place(key_mark, value_mark)
    except yaml.YAMLError:
        pass
    return found


def _place(key_mark: Any, value_mark: Any) -> Place:
    km = key_mark or value_mark
    return km.line + 1, km.column + 1, value_mark.line + 1, value_mark.column + 1


def _walk(text: str, document: int | None) -> Iterator[tuple[int, Path, Any, Any]]:
    """Yield (document, path, key mark, value mark) for every value of one document (from
    0), or of every document when `document` is None."""
    parser = _Parser(text)
    # each frame: [path, is mapping, next index or pending key, pending key mark]
    stack: list[list[Any]] = []
    started = -1
    try:
        while True:
            event: Any = parser.get_event()
            kind = type(event)
            if kind is DocumentStartEvent:
                started += 1
                if document is not None and started > document:
                    return
            if kind is StreamEndEvent:
                return
            if document is not None and started != document:
                continue
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                continue
            if kind not in (ScalarEvent, AliasEvent, MappingStartEvent, SequenceStartEvent):
                continue
            if len(stack) >= MAX_DEPTH:
                return
            here = _child_path(stack, event)
            if here is None:
                continue
            path, key_mark = here
            yield started, path, key_mark, event.start_mark
            if kind is MappingStartEvent:
                stack.append([path, True, None, None])
            elif kind is SequenceStartEvent:
                stack.append([path, False, 0, None])
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()


def _child_path(stack: list[list[Any]], event: Any) -> tuple[Path, Any] | None:
    """The path of the value this event starts, or None when the event is a mapping key."""
    if not stack:
        return (), None
    frame = stack[-1]
    parent: Path = frame[0]
    if not frame[1]:
        index = frame[2]
        frame[2] = index + 1
        return (*parent, index), event.start_mark
    if frame[2] is None:  # this event is a key
        frame[2] = event.value if isinstance(event, ScalarEvent) else "\0"
        frame[3] = event.start_mark
        if isinstance(event, MappingStartEvent | SequenceStartEvent):
            stack.append([(*parent, "\0"), isinstance(event, MappingStartEvent), None, None])
        return None
    key, key_mark = frame[2], frame[3]
    frame[2] = frame[3] = None
    return (*parent, key), key_mark


try:
    from yaml.cyaml import CSafeDumper as _SafeDumper
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeDumper as _SafeDumper  # type: ignore[assignment]


class _Writer(_SafeDumper):
    """PyYAML's safe writer, with text kept text for a YAML 1.2 reader too: libyaml's
    emitter (eight times as fast as PyYAML's, which writes the same text) where PyYAML has
    it."""


class _PythonWriter(yaml.SafeDumper):
    """The same writer in Python, which a test holds to the same text."""


def _text(writer: Any, text: str) -> yaml.ScalarNode:
    """Text on several lines as a block (`|`); text that a YAML 1.2 reader would take for
    something else quoted. PyYAML quotes only what YAML 1.1 reads as another type, and
    leaves `1e3` and `0o17` plain, which YAML 1.2 (and JavaScript's `yaml`) reads as numbers.
    Text with a line break of YAML 1.1's that YAML 1.2 reads as a character (U+0085, U+2028,
    U+2029) is written with escapes in double quotes, which both read alike."""
    if _OTHER_BREAKS.search(text):
        style: str | None = '"'
    elif "\n" in text:
        style = "|"
    else:
        try:
            plain = resolve_plain(text) if text else None
        except NumberTooLong:
            plain = None
        style = None if isinstance(plain, str) else "'"
    node: yaml.ScalarNode = writer.represent_scalar(f"{_CORE}str", text, style=style)
    return node


_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029]")


_Writer.add_representer(str, _text)
_PythonWriter.add_representer(str, _text)


def dump_documents(documents: list[dict[str, Any]], *, writer: Any = _Writer) -> str:
    """YAML text of several documents, each after a `---`, keys in the order given, any
    character written as itself where YAML allows it, no line folded: the same documents
    always give the same text, which YAML 1.1 and 1.2 readers read back alike. `writer`
    is the class that writes (a test compares libyaml's with PyYAML's)."""
    text: str = yaml.dump_all(
        documents,
        Dumper=writer,
        explicit_start=True,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=2**30,  # no line folded: libyaml takes no wider
    )
    return text
