"""Files -> validated entities and findings. Never raises on bad input, never writes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from pydantic import BaseModel, ValidationError

from pac import yaml
from pac.findings import Finding
from pac.load.files import SourceFile, decode, too_large, without_bom
from pac.load.layout import ID_FIELD, classify
from pac.load.schema_errors import schema_findings
from pac.model import KINDS, Capability, Funding, Objective, Product, Settings, Team
from pac.model.portfolio import FALLBACK_SETTINGS, Portfolio
from pac.parallel import map_chunks

EXTENSIONS_FOLDER = "extensions"  # the organisation's JSON Schemas for `extensions:`


@dataclass(frozen=True, slots=True)
class Document:
    """One parsed file. `text` is kept so that findings can be located later."""

    kind: str  # "portfolio", "product", "team", "capability", "objective" or "funding"
    stem: str
    file: str  # relative to the repository
    text: str | None
    data: Any
    unread: frozenset[yaml.Path] = frozenset()  # values the YAML layer could not read


@dataclass
class Loaded:
    """Everything read from the portfolio: valid entities by kind, and the findings so far."""

    settings: Settings | None = None
    entities: dict[str, dict[str, BaseModel]] = field(
        default_factory=lambda: {kind: {} for kind in KINDS}
    )
    files: dict[tuple[str, str], str] = field(default_factory=dict)
    claimed: dict[tuple[str, str], str] = field(default_factory=dict)
    known: dict[str, set[str]] = field(default_factory=lambda: {kind: set() for kind in KINDS})
    texts: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    file_count: int = 0


PARALLEL_FROM = 2000  # files from which parsing on every core pays for starting processes


class ParseCache:
    """The YAML of the files read last time, by their bytes, for a caller that validates the
    same folder again and again (pac serve): a file whose bytes did not change is not parsed
    again, which is most of a validation's time. Nothing downstream changes a parsed
    document, so one can be shared between runs."""

    def __init__(self) -> None:
        self._parsed: dict[bytes, yaml.Parsed | None] = {}
        self.parsed_last = 0  # how many files the last run parsed

    def parse(self, contents: list[bytes]) -> list[yaml.Parsed | None]:
        """The YAML of each content, in order; only those of the last run are kept."""
        missing = [c for c in dict.fromkeys(contents) if c not in self._parsed]
        fresh = dict(zip(missing, _parse_all(missing), strict=True))
        self._parsed = {c: fresh[c] if c in fresh else self._parsed[c] for c in contents}
        self.parsed_last = len(missing)
        return [self._parsed[c] for c in contents]


def load(
    files: Iterable[SourceFile], *, prefix: str = "", cache: ParseCache | None = None
) -> Loaded:
    """Parse and check every file; `prefix` turns portfolio paths into repository paths."""
    loaded = Loaded()
    sources = list(files)
    readable = [s for s in sources if s.content is not None and classify(s.path)]
    contents = [s.content or b"" for s in readable]
    texts = cache.parse(contents) if cache is not None else _parse_all(contents)
    parsed = dict(zip((s.path for s in readable), texts, strict=True))
    for source in sources:
        loaded.file_count += 1
        document = _parse(source, prefix, loaded.findings, parsed.get(source.path))
        if document is None:
            continue
        loaded.texts[document.file] = document.text or ""
        if document.data is not None:
            _accept(document, loaded)
        elif document.kind != "portfolio":
            loaded.known[document.kind].add(document.stem)
    return loaded


class ModelMemo:
    """The validated model (and schema findings) of each parsed document, for a caller that
    loads many states of one portfolio sharing most of their documents (the history): a
    document seen before, the same data object in the same file, is not validated again.
    The data objects are kept, so that their ids are never reused."""

    def __init__(self) -> None:
        self._seen: dict[tuple[int, str], tuple[Any, Any, list[Finding]]] = {}

    def validate(
        self, document: Document, model: type[BaseModel], entity: str
    ) -> tuple[Any, list[Finding]]:
        key = (id(document.data), document.file)
        if key not in self._seen:
            self._seen[key] = (document.data, *_checked(document, model, entity))
        _data, validated, findings = self._seen[key]
        return validated, findings


def load_documents(documents: Iterable[Document], memo: ModelMemo) -> Loaded:
    """Documents already parsed (from history) -> entities and findings, as `load` does."""
    loaded = Loaded()
    for document in documents:
        loaded.file_count += 1
        _accept(document, loaded, memo)
    return loaded


def _parse_all(contents: list[bytes]) -> list[yaml.Parsed | None]:
    return map_chunks(_parse_texts, contents, minimum=PARALLEL_FROM)


def _parse_texts(contents: Sequence[bytes | None]) -> list[yaml.Parsed | None]:
    """The YAML of each file that decodes; None for the rest (reported when they are read)."""
    out: list[yaml.Parsed | None] = []
    for content in contents:
        text = _text(content or b"")
        out.append(yaml.parse(text) if text is not None else None)
    return out


def _text(content: bytes) -> str | None:
    try:
        return decode(content)
    except UnicodeDecodeError:
        return None


def _parse(
    source: SourceFile, prefix: str, findings: list[Finding], preparsed: yaml.Parsed | None = None
) -> Document | None:
    file = prefix + source.path
    where = classify(source.path)
    if where is None and source.path.startswith(EXTENSIONS_FOLDER + "/"):
        return None
    if where is None:
        findings.append(
            _at_start(
                "unexpected-file",
                file,
                "",
                "pac does not read this file",
                "move it into products/, teams/, capabilities/, objectives/ "
                "or funding/, or rename it if it is not part of the portfolio",
            )
        )
        return None
    kind, stem = where
    entity = kind if kind == "portfolio" else f"{kind}:{stem}"
    if source.error is not None:
        findings.append(
            _at_start(
                "yaml-syntax",
                file,
                entity,
                f"the file cannot be read: {source.error}",
                "replace it with a regular file that pac can read",
            )
        )
        return Document(kind, stem, file, None, None)
    if source.content is None:
        findings.append(
            _at_start(
                "yaml-syntax",
                file,
                entity,
                too_large(source.size),
                "one entity per file is never this large: split it",
            )
        )
        return Document(kind, stem, file, None, None)
    text = _decode(source.content, file, entity, findings)
    if text is None:
        return Document(kind, stem, file, None, None)
    parsed = preparsed if preparsed is not None else yaml.parse(text)
    for p in parsed.problems:
        findings.append(
            Finding(p.rule, file, p.message, p.hint, entity, p.path, line=p.line, column=p.column)
        )
    data = parsed.data
    if data is None and not parsed.problems:
        findings.append(
            _at_start(
                "yaml-syntax",
                file,
                entity,
                "the file is empty",
                "write the entity's fields, at least id and name",
            )
        )
    elif data is not None and not isinstance(data, dict):
        findings.append(
            _at_start(
                "schema",
                file,
                entity,
                "the file must be a mapping of field: value",
                "start each line with a field name, such as 'name: ...'",
            )
        )
        data = None
    unread = frozenset(p.path for p in parsed.problems if p.path)
    return Document(kind, stem, file, text, data, unread)


def _at_start(rule: str, file: str, entity: str, message: str, hint: str) -> Finding:
    return Finding(rule, file, message, hint, entity, line=1, column=1)


def _decode(content: bytes, file: str, entity: str, findings: list[Finding]) -> str | None:
    try:
        return decode(content)
    except UnicodeDecodeError as e:
        content = without_bom(content)
        line = content.count(b"\n", 0, e.start) + 1
        line_start = content.rfind(b"\n", 0, e.start) + 1
        column = len(content[line_start : e.start].decode("utf-8", "replace")) + 1
        message = f"invalid UTF-8: byte 0x{content[e.start]:02x} cannot be read"
        findings.append(
            Finding(
                "yaml-syntax",
                file,
                message,
                "save the file as UTF-8",
                entity,
                line=line,
                column=column,
            )
        )
        return None


def _accept(document: Document, loaded: Loaded, memo: ModelMemo | None = None) -> None:
    validate = memo.validate if memo is not None else _checked
    if document.kind == "portfolio":
        loaded.settings, findings = validate(document, Settings, "portfolio")
        loaded.findings.extend(findings)
        loaded.files[("portfolio", "portfolio")] = document.file
        return
    kind = document.kind
    model = KINDS[kind][1]
    key = ID_FIELD.get(kind, "id")
    declared = document.data.get(key)
    entity_id = declared if isinstance(declared, str) else document.stem
    entity = f"{kind}:{entity_id}"
    _check_identity(document, key, declared, entity, loaded)
    loaded.known[kind].add(entity_id)
    validated, findings = validate(document, model, entity)
    loaded.findings.extend(findings)
    if validated is not None and (kind, entity_id) not in loaded.files:
        loaded.entities[kind][entity_id] = validated
        loaded.files[(kind, entity_id)] = document.file


def _checked(document: Document, model: type[BaseModel], entity: str) -> tuple[Any, list[Finding]]:
    """The model (or what of it can be salvaged) and the schema findings of one document."""
    findings: list[Finding] = []
    validated = _validate(document, model, entity, findings)
    if validated is None and model is not Settings:
        validated = _salvage(document.data, model)
    return validated, findings


def _check_identity(
    document: Document, key: str, declared: Any, entity: str, loaded: Loaded
) -> None:
    if isinstance(declared, str) and declared != document.stem:
        loaded.findings.append(
            Finding(
                "id-mismatch",
                document.file,
                f"{key} '{declared}' does not match the file name '{document.stem}'",
                f"rename the file to {declared}.yaml or set {key}: {document.stem}",
                entity,
                (key,),
            )
        )
    entity_id = declared if isinstance(declared, str) else document.stem
    first = loaded.claimed.setdefault((document.kind, entity_id), document.file)
    if first != document.file:
        loaded.findings.append(
            Finding(
                "duplicate-id",
                document.file,
                f"{document.kind} id '{entity_id}' is already used by {first}",
                "give each entity its own id",
                entity,
                (key,),
            )
        )


def _salvage(data: dict[str, Any], model: type[BaseModel]) -> Any:
    """The entity without its invalid top-level fields, so that cross-file rules still see
    its valid references and values; None when a required field is among them."""
    try:
        model.model_validate(data)
    except ValidationError as e:
        bad = {str(err["loc"][0]) for err in e.errors(include_url=False) if err["loc"]}
    else:
        return None
    if not bad or any(model.model_fields[k].is_required() for k in bad if k in model.model_fields):
        return None
    try:
        return model.model_validate({k: v for k, v in data.items() if k not in bad})
    except ValidationError:
        return None


def _validate(
    document: Document, model: type[BaseModel], entity: str, findings: list[Finding]
) -> Any:
    try:
        return model.model_validate(document.data)
    except ValidationError as e:
        # a value the YAML layer could not read is reported there, once
        findings.extend(
            schema_findings(e, model, file=document.file, entity=entity, unread=document.unread)
        )
        return None


def from_loaded(loaded: Loaded) -> Portfolio:
    e = loaded.entities
    return Portfolio(
        settings=loaded.settings or FALLBACK_SETTINGS,
        products=cast(dict[str, Product], e["product"]),
        teams=cast(dict[str, Team], e["team"]),
        capabilities=cast(dict[str, Capability], e["capability"]),
        objectives=cast(dict[str, Objective], e["objective"]),
        funding=cast(dict[str, Funding], e["funding"]),
        files=loaded.files,
        known=loaded.known,
    )
