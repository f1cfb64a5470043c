"""One state of the portfolio in history, checked as `pac validate` checks the working tree:
the documents the walk already parsed become entities, and every rule runs on them."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from types import MappingProxyType

from pac.changes.walk import State
from pac.findings import Finding
from pac.load.files import SourceFile
from pac.load.layout import classify
from pac.load.parse import Document, ModelMemo, from_loaded, load_documents
from pac.model.portfolio import Portfolio
from pac.rules import RULES, Context, run_checks
from pac.validate import apply_severities

FileAt = Callable[[str], SourceFile | None]  # a repository path -> the file at that commit


def check_state(
    state: State,
    *,
    prefix: str,
    today: datetime.date,
    memo: ModelMemo,
    read_repository: FileAt = lambda _path: None,
    unread: Mapping[str, str] = MappingProxyType({}),
) -> tuple[Portfolio, list[Finding]]:
    """The portfolio of `state` and its findings (unlocated: only counted), judged on
    `today`; `read_repository` reads the other files a rule needs (extension schemas,
    CODEOWNERS) as of the same commit. A file in `unread` (path -> why) could not be read
    at that commit: it is a finding, as pac validate would have reported it then, and its
    entity is left out."""
    documents = []
    for path, (kind, _id, data) in sorted(state.items()):
        where = classify(path[len(prefix) :])
        if where is not None and path not in unread:
            documents.append(Document(kind, where[1], path, None, data))
    loaded = load_documents(documents, memo)
    loaded.findings.extend(_unreadable(unread, prefix))
    portfolio = from_loaded(loaded)
    ctx = Context(
        portfolio,
        today,
        prefix,
        lambda name: read_repository(prefix + name),
        read_repository,
    )
    readable = not any(RULES[f.rule].locked for f in loaded.findings)
    checked = run_checks(ctx, health=readable)
    return portfolio, apply_severities([*loaded.findings, *checked], portfolio)


def _unreadable(unread: Mapping[str, str], prefix: str) -> list[Finding]:
    """A yaml-syntax finding for each file that could not be read, as validate gives."""
    found = []
    for path, why in sorted(unread.items()):
        where = classify(path[len(prefix) :])
        if where is not None:
            entity = "portfolio" if where[0] == "portfolio" else f"{where[0]}:{where[1]}"
            hint = "fix the file so that it reads as YAML"
            found.append(Finding("yaml-syntax", path, why, hint, entity, line=1, column=1))
    return found
