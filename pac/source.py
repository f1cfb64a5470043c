"""Where portfolio files come from: a directory today, a git revision later."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pac.layout import is_read

MAX_FILE_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One YAML file of the portfolio; `content` is None when it is too large, or when it
    cannot be read at all (`error` says why: a broken link, no permission)."""

    path: str  # relative to the portfolio directory, with '/' separators
    size: int
    content: bytes | None
    error: str | None = None


def read_directory(root: Path) -> list[SourceFile]:
    """Every YAML file under `root` (hidden entries skipped), sorted by path; read-only."""
    files = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(folder)
        for name in sorted(names):
            if not is_read(name):
                continue
            files.append(_read(base / name, root))
    return files


def _read(path: Path, root: Path) -> SourceFile:
    relative = path.relative_to(root).as_posix()
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return SourceFile(relative, size, None)
        return SourceFile(relative, size, path.read_bytes())
    except OSError as e:  # a link to nowhere, a file without read permission
        return SourceFile(relative, 0, None, e.strerror or str(e))
