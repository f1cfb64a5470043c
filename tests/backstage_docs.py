"""Backstage descriptors written in the tests, and a Mapper over them, for the tests of the
Backstage import's modules."""

from __future__ import annotations

from pathlib import Path

from pac.importing.backstage import _assign_ids
from pac.importing.backstage_files import read_catalog
from pac.importing.backstage_mapping import Mapper, Options


def doc(kind: str, name: str, spec: str = "", metadata: str = "") -> str:
    """One descriptor; an empty spec is written as `{}`."""
    head = f"apiVersion: backstage.io/v1alpha1\nkind: {kind}\nmetadata:\n  name: {name}\n"
    return head + metadata + "spec:\n" + (spec or "  {}\n")


def mapper(tmp_path: Path, *documents: str, **options: object) -> Mapper:
    """A Mapper over a catalog file of these documents, its ids assigned."""
    (tmp_path / "catalog.yaml").write_text("---\n".join(documents), encoding="utf-8")
    found = Mapper(read_catalog([tmp_path]), Options(**options), {})  # type: ignore[arg-type]
    _assign_ids(found)
    return found
