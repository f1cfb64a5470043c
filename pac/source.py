"""Where portfolio files come from: a directory today, a git revision later."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pac.layout import is_read

MAX_FILE_BYTES = 1024 * 1024


def too_large(size: int) -> str:
    """Why a file over the limit is not read."""
    return f"file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,}"


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One YAML file of the portfolio; `content` is None when it is too large, or when it
    cannot be read at all (`error` says why: a broken link, no permission)."""

    path: str  # relative to the portfolio directory, with '/' separators
    size: int
    content: bytes | None
    error: str | None = None

    @property
    def unread(self) -> str:
        """Why `content` is None: the error, or the size over the limit."""
        return self.error or too_large(self.size)


Reader = Callable[[str], SourceFile | None]  # one file by its path, None if there is none


def read_file(root: Path, relative: str) -> SourceFile | None:
    """One file under `root` by its relative path, as `read_directory` reads files (within
    the size limit, a link leading outside `root` not followed); None when there is none."""
    top = os.fspath(root)
    path = os.path.join(top, *relative.split("/"))
    if not os.path.lexists(path) or os.path.isdir(path):
        return None
    if not _within(os.path.realpath(path), os.path.realpath(top)):
        return SourceFile(relative, 0, None, OUTSIDE)
    return _read(path, relative)


def read_directory(root: Path) -> list[SourceFile]:
    """Every YAML file under `root` (hidden folders skipped), each folder's files before its
    subfolders', in name order; read-only. A link to a file outside `root` is not followed.

    Plain `os` calls and strings rather than `pathlib`: at 10,000 products the difference is
    a tenth of the whole run; `os.scandir` tells links apart without a call per file."""
    files: list[SourceFile] = []
    top = os.fspath(root)
    _walk(top, "", os.path.realpath(top), files)
    return files


def _walk(folder: str, prefix: str, inside: str, files: list[SourceFile]) -> None:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError:
        return  # as os.walk does: a folder that cannot be listed has no files to read
    folders = []
    for entry in entries:
        if _is_folder(entry):
            if not entry.name.startswith(".") and not entry.is_symlink():
                folders.append(entry)
        elif is_read(entry.name):
            relative = prefix + entry.name
            if entry.is_symlink() and not _within(os.path.realpath(entry.path), inside):
                files.append(SourceFile(relative, 0, None, OUTSIDE))
            else:
                files.append(_read(entry.path, relative))
    for entry in folders:
        _walk(entry.path, prefix + entry.name + "/", inside, files)


OUTSIDE = "it is a link to a file outside the portfolio folder, which pac does not follow"


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _read(path: str, relative: str) -> SourceFile:
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                return SourceFile(relative, size, None)
            content = handle.read()  # not read(limit): that would allocate the limit each time
        return SourceFile(relative, len(content), content)
    except OSError as e:  # a link to nowhere, a file without read permission, a folder
        return SourceFile(relative, 0, None, e.strerror or str(e))
