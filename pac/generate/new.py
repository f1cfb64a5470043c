"""`pac new`: the smallest valid file for a new entity, with its schema line for editors."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pac.errors import PacError
from pac.generate.entity_yaml import quote, render_entity_yaml
from pac.load.files import SourceFile
from pac.load.parse import from_loaded, load
from pac.model import FOLDER_OF
from pac.model.base import ID_PATTERN
from pac.model.portfolio import Portfolio
from pac.model.product import STAGES
from pac.output import check_folder, write_file
from pac.suggest import did_you_mean
from pac.terminal import one_line

__all__ = ["quote", "render_entity", "write_entity"]

REQUIRED = {
    "product": ("name", "kind", "stage", "owner"),
    "team": ("name",),
    "capability": ("name",),
    "objective": ("name",),
}


def check_id(entity_id: str) -> str | None:
    """Why an id is not valid, or None."""
    if not re.fullmatch(ID_PATTERN.strip("^$"), entity_id) or len(entity_id) > 64:
        return (
            "ids use lowercase letters, digits and single hyphens, at most 64 characters, "
            "such as 'claims-portal'"
        )
    return None


WRITE_FIX = "pac new writes into the portfolio's folders: make them folders you can write to"


def fields(kind: str) -> tuple[str, ...]:
    """The options a kind of entity takes: its required fields, and a capability's parent."""
    return (*REQUIRED[kind], "parent") if kind == "capability" else REQUIRED[kind]


def read_portfolio(files: list[SourceFile]) -> Portfolio:
    """The portfolio a new file joins: its taxonomy and the ids already taken."""
    return from_loaded(load(files))


def choices(field: str, portfolio: Portfolio) -> list[str] | None:
    """The values a field may take in this portfolio, or None when any text will do."""
    allowed: dict[str, Iterable[str]] = {
        "kind": portfolio.settings.taxonomy.product_kinds,  # in the organisation's order
        "stage": STAGES,  # in lifecycle order
        "owner": sorted(portfolio.known["team"]),
        "parent": sorted(portfolio.known["capability"]),
    }
    return list(allowed[field]) if field in allowed else None


_FIXES = {
    "kind": "use one of {allowed}, or add it to taxonomy.product_kinds in portfolio.yaml",
    "stage": "use one of {allowed}",
    "owner": "name an existing team, or create it first with 'pac new team {value}'",
    "parent": "name an existing capability, or create it first with 'pac new capability {value}'",
}
_WHAT = {"kind": "product kinds", "stage": "stages", "owner": "teams", "parent": "capabilities"}


def check_value(field: str, value: str, portfolio: Portfolio) -> str | None:
    """Why a value cannot go in the new file (it would fail validation), or None."""
    allowed = choices(field, portfolio)
    if allowed is None or value in allowed:
        return None
    shown = one_line(value)
    fix = did_you_mean(value, allowed) or _FIXES[field].format(
        allowed=", ".join(allowed), value=shown
    )
    return f"--{field} '{shown}' is not one of the portfolio's {_WHAT[field]}: {fix}"


def target(portfolio: Path, kind: str, entity_id: str) -> Path:
    return portfolio / FOLDER_OF[kind] / f"{entity_id}.yaml"


def existing(portfolio: Path, kind: str, entity_id: str) -> Path | None:
    """A file that already holds this id, as .yaml or .yml."""
    for suffix in (".yaml", ".yml"):
        path = portfolio / FOLDER_OF[kind] / f"{entity_id}{suffix}"
        if path.exists():
            return path
    return None


def render_entity(
    kind: str, entity_id: str, values: dict[str, str], *, schemas: Path, folder: Path
) -> str:
    """The file's text, written as an import writes a new file (generate/entity_yaml.py)."""
    fields: dict[str, Any] = {"name": values["name"]}
    if kind == "product":
        fields |= {
            "kind": values["kind"],
            "lifecycle": {"stage": values["stage"]},
            "owner": values["owner"],
        }
    if kind == "capability" and values.get("parent"):
        fields["parent"] = values["parent"]
    return render_entity_yaml(kind, entity_id, fields, schemas=schemas, folder=folder)


def write_entity(
    portfolio: Path,
    kind: str,
    entity_id: str,
    values: dict[str, str],
    *,
    known: Portfolio,
    root: Path,
) -> Path:
    """Check the values against the portfolio `known` so far, then write the new entity's
    file, never over an existing one; raises PacError with what to fix."""
    for field in fields(kind):
        problem = check_value(field, values[field], known) if field in values else None
        if problem:
            raise PacError(problem)
    path = target(portfolio, kind, entity_id)
    text = render_entity(kind, entity_id, values, schemas=root / "schemas", folder=path.parent)
    folder = check_folder(path.parent, create=True, fix=WRITE_FIX, root=root)
    write_file(folder / path.name, text, exclusive=True, fix=WRITE_FIX)
    return path
