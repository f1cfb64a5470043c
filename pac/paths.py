"""How pac treats paths and symbolic links, in the working tree and in git: one policy.

pac never follows a symbolic link, whether it reads or writes, from the working tree or from
git. A link where pac would read a file (an entity, an extension schema, CODEOWNERS,
mkdocs.yml, a file of site/) is not read: for portfolio data it is a finding, for site/ a
one-line error that names it. Git stores a link as the name of its target, so the working
tree and a commit (`--at`) give the same result. A file pac writes replaces a link at its
name (an atomic rename, which never follows one); a folder pac writes into (`--out`,
`.github/`, `portfolio/products/`...) and every folder between the repository and it must be
a real folder, not a link. Paths taken from a git tree are plain names only (no `..`, `.`,
empty or `.git` parts, in any case, and no backslashes).

Every read is bounded: 1 MiB for a file of the portfolio or beside it and for a commit
object (a longer commit message is cut), 16 MiB for a file of site/, which holds the
images and PDFs of hand-written pages rather than text a person types.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pac.errors import PacError

MAX_FILE_BYTES = 1024 * 1024
MAX_SITE_FILE_BYTES = 16 * MAX_FILE_BYTES
LINK = "it is a symbolic link, which pac does not follow"


def unplain(path: str) -> str | None:
    """Why a '/'-separated relative path from a git tree cannot be written as it is, if so."""
    if "\\" in path:
        return "it holds a backslash"
    for part in path.split("/"):
        if part in ("", ".", ".."):
            return f"'{part}' is not a file name" if part else "it has an empty part"
        if part.casefold().rstrip(". ") == ".git":
            return "a .git folder is git's own"
    return None


def shown(path: str) -> str:
    """A path from the data as a terminal shows it safely: control characters escaped."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in path)


def within(path: str, folder: str) -> bool:
    """Whether `path` is `folder` or under it (both resolved)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def linked_folder(path: Path, root: Path) -> str | None:
    """Why `path` cannot be written when a folder between `root` and it is a link or leads
    out of `root`; None when none does, or when `path` is not under `root` at all."""
    top = Path(os.path.abspath(root))
    here = Path(os.path.abspath(path))
    if not here.is_relative_to(top):
        return None
    folder = top
    for part in here.relative_to(top).parts[:-1]:
        folder = folder / part
        if folder.is_symlink():
            return f"{folder} is a symbolic link, which pac does not write through"
    if not within(os.path.realpath(path.parent), os.path.realpath(top)):
        return f"{path.parent} leads out of {top}"  # through a link and '..'
    return None


def over_site_limit(size: int) -> str | None:
    """Why a file of site/ of this size is not copied, if it is too large."""
    if size <= MAX_SITE_FILE_BYTES:
        return None
    return f"it is {size:,} bytes, over the limit of {MAX_SITE_FILE_BYTES:,}"


def site_file_refused(where: str, why: str) -> PacError:
    """The one-line error for a file of site/ that pac does not copy into the site."""
    from pac.errors import PacError  # here: reading the portfolio must not import click

    return PacError(
        f"{shown(where)} is not copied into the site: {why}: replace it with a regular file "
        f"of at most {MAX_SITE_FILE_BYTES // MAX_FILE_BYTES} MiB, or remove it"
    )
