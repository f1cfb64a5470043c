"""Where portfolio files come from: a directory today, a git revision later."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One YAML file of the portfolio; `content` is None when it is too large to read."""

    path: str  # relative to the portfolio directory, with '/' separators
    size: int
    content: bytes | None


def read_directory(root: Path) -> list[SourceFile]:
    """Every YAML file under `root` (hidden entries skipped), sorted by path; read-only."""
    files = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(folder)
        for name in sorted(names):
            if name.startswith(".") or not name.endswith(YAML_SUFFIXES):
                continue
            files.append(_read(base / name, root))
    return files


def _read(path: Path, root: Path) -> SourceFile:
    relative = path.relative_to(root).as_posix()
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return SourceFile(relative, size, None)
    return SourceFile(relative, size, path.read_bytes())
