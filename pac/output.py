"""Files on disk: every path a command writes to is checked here first, a file is written
whole or not at all, and a folder pac built is swapped in under a lock.

Work happens in a `.pac-build-*` folder beside the target (the same file system, so that
the swap is a rename). Each holds a lock while its build runs, so a later build can tell
the folder of a killed one, and remove it, from the folder of one still running.

No write goes through a link (pac/paths.py holds the policy): a file is renamed over its
name, which replaces a link there and never follows it, and a folder pac writes into, or
any folder between the repository (`root`) and it, is refused when it is a link.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from pac.errors import PacError
from pac.paths import linked_folder

MARKER = ".pac-output"  # marks a folder pac wrote, and so may replace
WORK_PREFIX = ".pac-build-"


OUT = "give --out a path you can write to"


def cannot_write(path: Path, error: OSError | str, fix: str = OUT) -> PacError:
    """The one-line error for a path that cannot be written, with what to do instead."""
    reason = error if isinstance(error, str) else (error.strerror or str(error)).lower()
    return PacError(f"cannot write {path}: {reason}: {fix}")


def _existing_ancestor(path: Path, fix: str) -> Path:
    """The nearest folder above `path` that exists; a file there is an error."""
    for ancestor in path.parents:
        if ancestor.exists():
            if not ancestor.is_dir():
                raise cannot_write(path, f"{ancestor} is a file, not a folder", fix)
            return ancestor
    return Path(path.anchor or os.curdir)


def _refuse_links(path: Path, root: Path | None, fix: str) -> None:
    """No folder between the repository and `path` may be a link."""
    linked = linked_folder(path, root) if root is not None else None
    if linked:
        raise cannot_write(path, linked, fix)


def check_file(path: Path, *, fix: str = OUT, root: Path | None = None) -> Path:
    """`path` with its folder resolved (a link at `path` itself is replaced, not followed),
    once it is sure a file can be written there: its folder exists, it is not itself a
    folder, and no folder between `root` and it is a link."""
    _refuse_links(path, root, fix)
    nearest = _existing_ancestor(path, fix)
    if path.is_dir() and not path.is_symlink():
        raise cannot_write(path, "it is a folder, not a file", fix)
    if nearest != path.parent:
        raise cannot_write(path, f"the folder {path.parent} does not exist (create it first)", fix)
    return path.parent.resolve() / path.name


def check_folder(
    path: Path, *, fix: str = OUT, create: bool = False, root: Path | None = None
) -> Path:
    """`path` resolved with its parent folders (and, `create`, itself) created, once it is
    sure a folder can be written there: nothing above it and nothing at it is a file, and
    neither it nor a folder between `root` and it is a link."""
    _refuse_links(path, root, fix)
    _existing_ancestor(path, fix)
    if path.is_symlink():
        raise cannot_write(path, "it is a symbolic link, which pac does not write through", fix)
    if path.exists() and not path.is_dir():
        raise cannot_write(path, "it is a file, not a folder", fix)
    try:
        (path if create else path.parent).mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise cannot_write(path, e, fix) from e
    return path.resolve()


def write_file(path: Path, text: str | bytes, *, fix: str = OUT, exclusive: bool = False) -> None:
    """Write a whole file or nothing: into a temporary file beside it, then renamed over it
    (or, `exclusive`, linked to its name, which fails when a file is there)."""
    try:
        data = text.encode("utf-8") if isinstance(text, str) else text
    except UnicodeEncodeError as e:
        raise cannot_write(path, "the text holds characters that are not UTF-8", fix) from e
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        if exclusive:
            os.link(temporary, path)
        else:
            os.replace(temporary, path)
    except FileExistsError as e:
        raise PacError(f"{path} already exists: nothing was written") from e
    except OSError as e:
        raise cannot_write(path, e, fix) from e
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def check_replaceable(target: Path) -> None:
    """Refuse to replace a folder that pac did not write: it may hold someone's work, or be
    a link to it."""
    if target.is_symlink() or (target.exists() and not _built_by_pac(target)):
        raise PacError(
            f"{target} exists and pac did not build it: choose another folder or remove it yourself"
        )


def _built_by_pac(folder: Path) -> bool:
    return folder.is_dir() and (not any(folder.iterdir()) or (folder / MARKER).is_file())


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[int]:
    """An exclusive lock on a folder, released when the block ends or the process dies."""
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield handle
    finally:
        os.close(handle)


@contextlib.contextmanager
def work_folder(target: Path, *, fix: str = OUT) -> Iterator[Path]:
    """A new folder beside `target` to build in, locked while the block runs and removed
    afterwards, whatever happens; folders that killed builds left there are removed first."""
    try:
        with _locked(target.parent):
            _remove_abandoned(target.parent)
            work = Path(tempfile.mkdtemp(dir=target.parent, prefix=WORK_PREFIX))
            handle = os.open(work, os.O_RDONLY | os.O_DIRECTORY)
            fcntl.flock(handle, fcntl.LOCK_EX)  # taken before the parent's lock is released
    except OSError as e:
        raise cannot_write(target, e, fix) from e
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)
        os.close(handle)


def _remove_abandoned(parent: Path) -> None:
    """Remove the work folders of builds that are no longer running (their lock is free)."""
    with os.scandir(parent) as scan:
        found = [e.path for e in scan if e.name.startswith(WORK_PREFIX) and _is_folder(e)]
    for path in found:
        try:
            handle = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            continue  # not ours to clean up if we cannot even open it
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # a build is running in it
        else:
            shutil.rmtree(path, ignore_errors=True)
        finally:
            os.close(handle)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    return entry.is_dir(follow_symlinks=False)


def replace_folder(new: Path, target: Path, *, work: Path) -> None:
    """Put `new` where `target` is, under the lock of their folder, so that concurrent
    builds take turns and a reader never sees a half-written tree. The previous folder is
    moved into `work` (removed with it); nothing else beside `target` is touched."""
    with _locked(target.parent):
        check_replaceable(target)  # again: something may have appeared while pac built
        (new / MARKER).write_text("written by pac; replaced the next time pac writes here\n")
        old = Path(tempfile.mkdtemp(dir=work)) / "previous"
        if target.exists():
            target.rename(old)
        try:
            new.rename(target)
        except OSError:
            if old.exists():
                old.rename(target)
            raise


def write_folder(target: Path, files: Mapping[str, str], *, fix: str = OUT) -> None:
    """Make `files` (name -> text) the whole content of the folder `target`, which pac
    wrote before or which is empty or missing: it is replaced only once every file is
    written, so a failed write leaves it as it was."""
    check_replaceable(target)
    try:
        with work_folder(target, fix=fix) as tmp:
            new = tmp / "out"
            new.mkdir()
            for name, text in files.items():
                write_file(new / name, text, fix=fix)
            replace_folder(new, target, work=tmp)
    except OSError as e:  # a full disk, a folder made read-only meanwhile
        raise cannot_write(target, e, fix) from e
