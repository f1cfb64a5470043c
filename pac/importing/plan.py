"""The shared half of every import, step one: from `Imported` entities to a plan of which
files to write, whatever the source. An entity is left out, with a finding at its row, when
its reader found a problem, when another row makes the same id, when its fields do not fit
the format, when it names an entity that is neither in the portfolio nor in the import, or
when its file exists and `update` is off. Nothing here writes: see write.py.
"""

from __future__ import annotations

import functools
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pac import yaml
from pac.changes.entities import EntityChange
from pac.changes.fields import diff_values
from pac.findings import Finding
from pac.generate.entity_yaml import render_entity_yaml
from pac.importing.entities import SETTINGS, Imported, identity, import_finding
from pac.importing.references import unknown_references
from pac.load.files import read_file, text_of
from pac.load.layout import SETTINGS_FILES
from pac.load.schema_errors import schema_findings
from pac.model import FILE_MODELS, FOLDER_OF
from pac.model.portfolio import Portfolio
from pac.roundtrip_yaml import RoundTripError, update_text

NEW, UPDATE, UNCHANGED = "new", "update", "unchanged"


@dataclass(frozen=True)
class Planned:
    """One file an import writes (`new`, `update`) or leaves as it is (`unchanged`)."""

    item: Imported
    path: str  # relative to the portfolio folder: products/claims-portal.yaml
    action: str
    text: str  # the whole file after the import
    before: str | None = None  # the file before an update


@dataclass(frozen=True)
class Plan:
    """What an import would do: the files, sorted by kind and id, and every finding."""

    planned: tuple[Planned, ...]
    findings: tuple[Finding, ...]
    entities: int  # how many entities the source held, read or not

    def count(self, action: str) -> int:
        return sum(1 for p in self.planned if p.action == action)

    @property
    def skipped(self) -> int:
        """Entities that are not written because of a finding."""
        return self.entities - len(self.planned)


def plan_import(
    items: Sequence[Imported],
    *,
    known: Portfolio,
    portfolio: Path,
    schemas: Path,
    update: bool = False,
    findings: Iterable[Finding] = (),
    unread: int = 0,
) -> Plan:
    """Decide, for each entity, what to write into the portfolio folder `portfolio`, whose
    entities `known` holds; `findings` are the reader's own (a bad mapping, a bad file),
    `unread` the entities it could not make at all (rows without an id, say)."""
    _names.cache_clear()  # the folders as they are now
    found: list[Finding] = [*findings]
    found += [f for item in items for f in item.problems]
    blocked = _duplicates(items, found)
    unique = [i for i in items if id(i) not in blocked]
    drafts = {id(i): _draft(i, portfolio, schemas, update, found) for i in unique if not i.problems}
    misfits = {id(i) for i in unique if (d := drafts.get(id(i))) is None or _misfits(d, found)}
    passed = unknown_references(unique, known, found, unwritten=misfits)
    planned = [d for i in passed if (d := drafts[id(i)]) is not None]
    planned.sort(key=lambda p: (p.item.kind, p.item.id))
    return Plan(tuple(planned), tuple(sorted(found, key=Finding.sort_key)), len(items) + unread)


def _duplicates(items: Sequence[Imported], found: list[Finding]) -> set[int]:
    """Rows that make an id another row makes too: each is reported, none is written."""
    by_id: dict[tuple[str, str], list[Imported]] = defaultdict(list)
    for item in items:
        by_id[(item.kind, item.id)].append(item)
    blocked: set[int] = set()
    for (kind, entity_id), group in by_id.items():
        if len(group) < 2:
            continue
        for item in group:
            others = ", ".join(str(o.origin.line) for o in group if o is not item)
            found.append(
                import_finding(
                    "import-duplicate-id",
                    item.origin,
                    f"{item.origin.describe()}: the {kind} id '{entity_id}' is also made by "
                    f"{item.origin.unit} {others}; neither is imported",
                    "give each row an id of its own (an id column, or names that differ)",
                    entity=f"{kind}:{entity_id}",
                )
            )
            blocked.add(id(item))
    return blocked


def _misfits(draft: Planned, found: list[Finding]) -> bool:
    """Whether the entity breaks the format, each problem a finding at its cell: a new
    entity's fields, or the whole file after an update."""
    item = draft.item
    model = FILE_MODELS[item.kind]
    data = item.data() if draft.before is None else _data(draft.text)
    try:
        model.model_validate(data)
    except ValidationError as e:
        ref = f"{item.kind}:{item.id}"
        key = tuple(identity(item.kind, item.id))
        for f in schema_findings(e, model, file=item.origin.file, entity=ref):
            where = item.where(".".join(str(p) for p in f.loc if isinstance(p, str)))
            rule = "import-missing-value" if f.message.startswith("missing") else ""
            found.append(
                import_finding(
                    rule or ("import-bad-id" if f.loc == key else "import-invalid-value"),
                    where,
                    f"{where.describe()}: {f.message}",
                    f.hint,
                    entity=ref,
                )
            )
        return True
    return False


def _draft(
    item: Imported, portfolio: Path, schemas: Path, update: bool, found: list[Finding]
) -> Planned | None:
    """The file the entity would make or change; None, with a finding, when its file
    exists and cannot be changed (portfolio.yaml never is)."""
    path, existing = _paths(portfolio, item.kind, item.id)
    if existing is None:
        folder = (portfolio / path).parent
        text = render_entity_yaml(item.kind, item.id, item.fields, schemas=schemas, folder=folder)
        return Planned(item, path, NEW, text)
    if item.kind == SETTINGS:
        before, problem = None, "an import never changes portfolio.yaml"
    else:
        before, problem = _read_existing(portfolio, existing, update)
    if before is not None:
        try:
            text = update_text(before, item.fields, order=field_order(item.kind))
            return Planned(item, existing, UPDATE if text != before else UNCHANGED, text, before)
        except RoundTripError as e:
            problem = f"it cannot be updated: {e}"
    found.append(
        import_finding(
            "import-file-exists",
            item.origin,
            f"{item.origin.describe()}: {item.kind} '{item.id}' exists in {existing}: {problem}",
            _hint(problem),
            entity=f"{item.kind}:{item.id}",
        )
    )
    return None


_EXISTS_HINT = (
    "give --update to change the fields the import maps and keep the rest of the file, "
    "or leave the row out"
)
_SETTINGS_HINT = "edit portfolio.yaml yourself: an import writes it only into a new portfolio"


def _hint(problem: str) -> str:
    if "--update" in problem:
        return _EXISTS_HINT
    return _SETTINGS_HINT if "portfolio.yaml" in problem else "correct the file, then import again"


def _paths(portfolio: Path, kind: str, entity_id: str) -> tuple[str, str | None]:
    """The path a new file of the entity gets, and the file that holds it already."""
    if kind == SETTINGS:
        names = _names(portfolio)
        return SETTINGS_FILES[0], next((n for n in SETTINGS_FILES if n in names), None)
    folder = FOLDER_OF[kind]
    return f"{folder}/{entity_id}.yaml", _existing(portfolio, folder, entity_id)


def _existing(portfolio: Path, folder: str, entity_id: str) -> str | None:
    """The file that holds the id already, as .yaml or .yml (a link counts too)."""
    names = _names(portfolio / folder)
    for suffix in (".yaml", ".yml"):
        if f"{entity_id}{suffix}" in names:
            return f"{folder}/{entity_id}{suffix}"
    return None


@functools.lru_cache(maxsize=8)  # one listing per folder and import, not a look-up per row
def _names(folder: Path) -> frozenset[str]:
    try:
        return frozenset(os.listdir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return frozenset()


def _read_existing(portfolio: Path, path: str, update: bool) -> tuple[str | None, str]:
    """The text of a file an update changes, or why it cannot be changed."""
    if not update:
        return None, "an import never overwrites a file unless --update is given"
    found = read_file(portfolio, path)  # within the size limit, never through a link
    if found is None or found.content is None:
        return None, f"it cannot be read ({found.unread if found else 'it is gone'})"
    text = text_of(found.content).removeprefix("\ufeff")
    if yaml.parse(text).data is None:
        return None, "it is not valid YAML: 'pac validate' says where"
    return text, ""


def field_order(kind: str) -> dict[str, Sequence[str]]:
    """The model's field order, for each nested mapping by its dotted path."""
    from pac.load.schema_errors import model_at

    model = FILE_MODELS[kind]
    order: dict[str, Sequence[str]] = {"": list(model.model_fields)}
    for name in model.model_fields:
        inner = model_at(model, (name,))
        if inner is not None:
            order[name] = list(inner.model_fields)
    return order


def planned_change(p: Planned) -> EntityChange:
    """What the file's entity gains or loses, field by field: the plan as a semantic diff."""
    before = _data(p.before) if p.before is not None else {}
    after = _data(p.text)
    status = {NEW: "added", UPDATE: "changed"}.get(p.action, "unchanged")
    key = identity(p.item.kind, p.item.id)
    changes = tuple(diff_values("", _without(key, before), _without(key, after)))
    return EntityChange(p.item.kind, p.item.id, status, str(after.get("name", "")), None, changes)


def _data(text: str) -> dict[str, Any]:
    data = yaml.parse(text).data
    return data if isinstance(data, dict) else {}


def _without(key: dict[str, str], data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in key}
