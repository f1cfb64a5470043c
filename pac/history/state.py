"""One state of the portfolio in history, checked as `pac validate` checks the working tree:
the documents the walk already parsed become entities, and every rule runs on them."""

from __future__ import annotations

import datetime
from collections.abc import Callable

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
) -> tuple[Portfolio, list[Finding]]:
    """The portfolio of `state` and its findings (unlocated: only counted), judged on
    `today`; `read_repository` reads the other files a rule needs (extension schemas,
    CODEOWNERS) as of the same commit."""
    documents = []
    for path, (kind, _id, data) in sorted(state.items()):
        where = classify(path[len(prefix) :])
        if where is not None:
            documents.append(Document(kind, where[1], path, None, data))
    loaded = load_documents(documents, memo)
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
