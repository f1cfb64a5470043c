"""The site's search index across partial builds.

A dirty MkDocs build indexes only the pages it converted (Material's search plugin keeps
the rest only when one plugin object lives across builds, which a fresh configuration per
build does not give). The index of the whole site is kept here: each partial build's
entries replace those of the pages it converted, in their place, so that the index reads
as a full build of the same pages would write it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection
from pathlib import Path
from typing import Any

INDEX = Path("search") / "search_index.json"

SearchIndex = dict[str, Any]  # {"config": {...}, "docs": [{"location": ..., ...}]}


def read_index(site: Path) -> SearchIndex | None:
    """The search index a build wrote into `site`, if the site has one."""
    try:
        data = json.loads((site / INDEX).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return data if isinstance(data, dict) and isinstance(data.get("docs"), list) else None


def merge(whole: SearchIndex, part: SearchIndex, *, pages: Collection[str]) -> SearchIndex:
    """`whole` with the entries of `pages` (site paths such as products/x.html: the pages
    the partial build converted, and those removed) replaced by `part`'s entries."""
    new: dict[str, list[Any]] = {}
    for entry in part["docs"]:
        new.setdefault(page_of(entry), []).append(entry)
    docs: list[Any] = []
    for entry in whole["docs"]:
        page = page_of(entry)
        if page not in pages:
            docs.append(entry)
        elif page in new:  # the page's new entries where its first old one stood
            docs.extend(new.pop(page))
    for entries in new.values():  # pages that are new to the site
        docs.extend(entries)
    return {**whole, "config": part.get("config", whole.get("config")), "docs": docs}


def page_of(entry: Any) -> str:
    """The page a search entry belongs to: its location without the section anchor."""
    location = entry.get("location", "") if isinstance(entry, dict) else ""
    return str(location).partition("#")[0]


def write_index(site: Path, index: SearchIndex) -> None:
    """Write the index as Material does (compact JSON, non-ASCII escaped), whole or not at
    all: a browser that asks for it while it is written gets the old one, never half."""
    text = json.dumps(index, separators=(",", ":"), default=str)
    target = site / INDEX
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, target)  # a link at the name is replaced, never followed
