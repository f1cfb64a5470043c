"""Where portfolio files come from: a directory today, a git revision later. Links are not
followed (pac/paths.py holds the policy)."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pac.load.layout import is_read
from pac.paths import LINK, MAX_FILE_BYTES

__all__ = [
    "MAX_FILE_BYTES",
    "Reader",
    "SourceFile",
    "decode",
    "read_directory",
    "read_file",
    "text_of",
    "too_large",
    "without_bom",
]


BOM = b"\xef\xbb\xbf"


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


def text_of(content: bytes) -> str:
    """A file's bytes as text, with CRLF line ends (a Windows checkout) read as '\n' and
    bytes that are not UTF-8 replaced."""
    return content.decode("utf-8", "replace").replace("\r\n", "\n")


def decode(content: bytes) -> str:
    """A file's bytes as UTF-8 text, a leading byte-order mark (harmless) dropped; raises
    UnicodeDecodeError, with positions in `without_bom(content)`, when they are not UTF-8."""
    return without_bom(content).decode("utf-8")


def without_bom(content: bytes) -> bytes:
    return content[3:] if content.startswith(BOM) else content


Reader = Callable[[str], SourceFile | None]  # one file by its path, None if there is none


def read_file(root: Path, relative: str) -> SourceFile | None:
    """One file under `root` by its relative path, as `read_directory` reads files (within
    the size limit, not through a link); None when there is none."""
    path = os.fspath(root)
    for part in relative.split("/"):
        path = os.path.join(path, part)
        if os.path.islink(path):
            return SourceFile(relative, 0, None, LINK)
    if not os.path.lexists(path) or os.path.isdir(path):
        return None
    return _read(path, relative)


def read_directory(root: Path) -> list[SourceFile]:
    """Every YAML file under `root` (hidden folders skipped), each folder's files before its
    subfolders', in name order; read-only. A link is not followed: a YAML one is not read.

    Plain `os` calls and strings rather than `pathlib`: at 10,000 products the difference is
    a tenth of the whole run; `os.scandir` tells links apart without a call per file."""
    files: list[SourceFile] = []
    top = os.fspath(root)
    _walk(top, "", files)
    return files


def _walk(folder: str, prefix: str, files: list[SourceFile]) -> None:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError:
        return  # as os.walk does: a folder that cannot be listed has no files to read
    folders = []
    for entry in entries:
        if _is_folder(entry):
            if not entry.name.startswith("."):
                folders.append(entry)
        elif is_read(entry.name):
            files.append(_read(entry.path, prefix + entry.name))
    for entry in folders:
        _walk(entry.path, prefix + entry.name + "/", files)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _read(path: str, relative: str) -> SourceFile:
    try:
        # O_NOFOLLOW: a link is refused by the open itself, with no moment to swap one in
        with open(os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK), "rb") as handle:
            status = os.fstat(handle.fileno())
            size = status.st_size
            if not stat.S_ISREG(status.st_mode):  # a pipe or a device: reading could not end
                return SourceFile(relative, 0, None, "it is not a regular file")
            if size > MAX_FILE_BYTES:
                return SourceFile(relative, size, None)
            content = handle.read()  # not read(limit): that would allocate the limit each time
        return SourceFile(relative, len(content), content)
    except OSError as e:  # a link, a file without read permission, a folder
        reason = LINK if e.errno == errno.ELOOP else e.strerror or str(e)
        return SourceFile(relative, 0, None, reason)
