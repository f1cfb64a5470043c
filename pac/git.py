"""The only module that imports GitPython.

Everything is read from git objects, never by checking anything out: trees with one
`git ls-tree`, file contents through GitPython's persistent `git cat-file --batch`, and
history with one `git log --raw` (parsed in pac/gitlog.py).
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pac.errors import PacError
from pac.gitlog import LOG_FORMAT, Change, parse_batch, parse_commit_object, parse_log
from pac.load.files import SourceFile
from pac.load.layout import is_read
from pac.paths import (
    LINK,
    MAX_FILE_BYTES,
    over_site_limit,
    site_file_refused,
    unplain,
    within,
)

SYMLINK = "120000"  # git's mode for a symbolic link
_FULL_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")  # a commit named by its full id
CHUNK = 1024 * 1024  # how much of a file is in memory at once while it is exported


@dataclass(frozen=True)
class Commit:
    """A commit of the first-parent history and the files it changed under the folder."""

    sha: str
    parents: tuple[str, ...]
    author: str
    email: str
    date: datetime.datetime
    message: str
    changes: tuple[Change, ...]


def head_commit_time(path: Path) -> int | None:
    """Seconds since the epoch of the commit checked out where `path` is, if it is in git."""
    import git

    try:
        repo = git.Repo(path, search_parent_directories=True)
        return int(repo.head.commit.committed_date)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, ValueError):
        return None  # not a repository, or one with no commit yet
    except git.GitCommandNotFound:
        return None


class Repository:
    """A git repository, read through one persistent `git cat-file --batch`."""

    def __init__(self, path: Path) -> None:
        import git

        try:
            self._repo = git.Repo(path, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError) as e:
            raise PacError(f"{path} is not inside a git repository") from e
        except git.GitCommandNotFound as e:
            raise PacError("git is not installed: pac needs it to read history") from e
        self._git = self._repo.git
        self.root = Path(self._repo.working_tree_dir or path).resolve()

    def _run(self, *args: str) -> str:
        import git

        try:
            # typed loosely: GitPython's overloads of execute differ from release to release
            execute: Callable[..., Any] = self._git.execute
            return str(
                execute(["git", *args], stdout_as_string=True, strip_newline_in_stdout=False)
            )
        except git.GitCommandError as e:
            detail = (e.stderr or "").strip().removeprefix("stderr: ").strip("'\n ")
            raise PacError(f"git {args[0]} failed: {detail or e}") from e

    def resolve(self, ref: str) -> str:
        """The commit id a branch, tag or commit name stands for."""
        if ref.startswith("-"):
            raise PacError(f"'{ref}' is not a revision")
        try:
            return self._run(
                "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"
            ).strip()
        except PacError:
            raise PacError(f"'{ref}' is not a branch, tag or commit of {self.root}") from None

    def commit_time(self, ref: str) -> int:
        return int(self._run("show", "-s", "--format=%ct", self.resolve(ref)).strip())

    def count_commits(self, folder: str, rev: str = "HEAD") -> int:
        """How many first-parent commits touch `folder`: the length of a progress bar."""
        out = self._run(
            "rev-list",
            "--count",
            "--first-parent",
            self.resolve(rev),
            "--",
            folder.strip("/") or ".",
        )
        return int(out.strip() or 0)

    def is_shallow(self) -> bool:
        return self._run("rev-parse", "--is-shallow-repository").strip() == "true"

    def default_branch(self) -> str:
        """origin's default branch if known, else main, else master."""
        for ref in ("refs/remotes/origin/HEAD",):
            try:
                return self._run("symbolic-ref", "--short", ref).strip()
            except PacError:
                pass
        for name in ("main", "master", "origin/main", "origin/master"):
            try:
                self.resolve(name)
                return name
            except PacError:
                continue
        raise PacError("cannot tell the default branch: name the base revision")

    def merge_base(self, a: str, b: str) -> str:
        return self._run("merge-base", self.resolve(a), self.resolve(b)).strip()

    def read_blob(self, blob: str) -> bytes | None:
        """A blob's bytes, or None when it is over the size limit (then it is not read)."""
        name = bytes.fromhex(blob)
        if self._repo.odb.info(name).size > MAX_FILE_BYTES:
            return None  # not even opened: GitPython reads a stream left unread to its end
        return bytes(self._repo.odb.stream(name).read())

    def read_blobs(self, blobs: list[str]) -> dict[str, bytes]:
        """Many blobs through one `git cat-file --batch`, without a round trip for each;
        those over the size limit are left out, unread."""
        sizes = self.object_sizes(blobs)
        return self._read_objects([b for b in blobs if sizes.get(b, 0) <= MAX_FILE_BYTES])

    def read_file(self, ref: str, path: str) -> SourceFile | None:
        """A file of the repository as of `ref`, or None if it is not there; as in `tree`,
        a file over the size limit or a link is not read (`unread` says why). The tree is
        walked through the persistent `git cat-file`, without a process of its own."""
        commit = ref if _FULL_ID.fullmatch(ref) else self.resolve(ref)
        try:
            item = self._repo.commit(commit).tree[path]
        except (KeyError, ValueError):
            return None  # not there (a name that cannot be in a tree is not there either)
        if item.type != "blob":
            return None
        if item.mode == int(SYMLINK, 8):
            return SourceFile(path, 0, None, LINK)
        size = int(item.size)
        content = self.read_blob(item.hexsha) if size <= MAX_FILE_BYTES else None
        return SourceFile(path, size, content)

    def export(self, ref: str, folder: str, target: Path) -> bool:
        """Write the files under `folder` as of `ref` into `target`, a new folder; False when
        the folder is not there. As pac/paths.py has it, a link, a name that is not plain or
        a file over the site limit stops it with an error naming the path, before any write."""
        top = folder.strip("/")
        listing = self._run("ls-tree", "-r", "-l", "-z", self.resolve(ref), "--", top)
        entries = []
        for entry in listing.split("\0"):
            meta, _, path = entry.partition("\t")
            if not path.startswith(top + "/") and not (path == top and meta.startswith(SYMLINK)):
                continue  # a file where the folder would be: there is no folder
            mode, kind, blob, size = meta.split()
            if kind != "blob":
                continue  # a submodule has no content here to export
            relative = path[len(top) + 1 :]
            why = LINK if mode == SYMLINK else unplain(relative) or over_site_limit(int(size))
            if why is not None:
                raise site_file_refused(f"{path} at {ref}", why)
            entries.append((relative, blob))
        for relative, blob in entries:
            self._export_blob(blob, target, relative, f"{top}/{relative} at {ref}")
        return bool(entries)

    def _export_blob(self, blob: str, target: Path, relative: str, where: str) -> None:
        """One blob written to `target / relative`, never through a link, a chunk at a time."""
        destination = os.path.join(target, *relative.split("/"))
        if not within(os.path.realpath(destination), os.path.realpath(target)):
            raise site_file_refused(where, f"it would be written outside {target}")
        try:
            os.makedirs(os.path.dirname(destination), exist_ok=True)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
            with open(os.open(destination, flags, 0o666), "wb") as out:
                stream = self._repo.odb.stream(bytes.fromhex(blob))
                while chunk := stream.read(CHUNK):
                    out.write(chunk)
        except OSError as e:  # two entries of one name, a file where a folder must go
            raise site_file_refused(where, (e.strerror or str(e)).lower()) from e

    def tree(self, ref: str, folder: str) -> list[SourceFile]:
        """The YAML files under `folder` (relative to the repository) as of `ref`."""
        commit = self.resolve(ref)
        prefix = folder.strip("/") + "/" if folder.strip("/") else ""
        listing = self._run("ls-tree", "-r", "-l", "-z", commit, "--", prefix or ".")
        files = []
        for entry in listing.split("\0"):
            if not entry:
                continue
            meta, path = entry.split("\t", 1)
            mode, kind, blob, size = meta.split()
            relative = path[len(prefix) :]
            if kind != "blob" or not is_read(relative):
                continue
            if mode == SYMLINK:
                files.append(SourceFile(relative, 0, None, LINK))
                continue
            content = self.read_blob(blob) if int(size) <= MAX_FILE_BYTES else None
            files.append(SourceFile(relative, int(size), content))
        return sorted(files, key=lambda f: f.path)

    def first_parent_log(self, folder: str, *, rev: str = "HEAD") -> Iterator[Commit]:
        """The first-parent history that touches `folder`, oldest first, with the files each
        commit changed there (a merge's changes are those against its first parent)."""
        args = [
            "log",
            "--first-parent",
            "--reverse",
            "--raw",
            "--no-renames",
            "--no-abbrev",
            "-z",
            "--diff-merges=first-parent",
            f"--format={LOG_FORMAT}",
        ]
        output = self._run(*args, self.resolve(rev), "--", folder.strip("/") or ".")
        steps = list(parse_log(output))
        for start in range(0, len(steps), _COMMITS_PER_READ):
            window = steps[start : start + _COMMITS_PER_READ]
            objects = self._read_commits([step.sha for step in window])
            for step in window:
                author, email, message = parse_commit_object(objects.get(step.sha, b""))
                yield Commit(
                    step.sha,
                    step.parents,
                    author,
                    email,
                    step.date,
                    message,
                    tuple(step.changes),
                )

    def first_parent_dates(
        self, folder: str, *, rev: str = "HEAD"
    ) -> list[tuple[str, datetime.datetime]]:
        """(commit, committer date) of the first-parent history that touches `folder`,
        oldest first: what first_parent_log walks, without the files."""
        output = self._run(
            "log", "--first-parent", "--reverse", "--format=%H %cI", self.resolve(rev), "--",
            folder.strip("/") or ".",
        )  # fmt: skip
        dates = []
        for line in output.splitlines():
            sha, _, date = line.partition(" ")
            dates.append((sha, datetime.datetime.fromisoformat(date)))
        return dates

    def commit_on(self, day: datetime.date, rev: str = "HEAD") -> str | None:
        """The last commit of the first-parent history of `rev` made on or before `day`."""
        found = self._run(
            "rev-list", "-1", "--first-parent", f"--before={day.isoformat()}T23:59:59+00:00",
            self.resolve(rev),
        )  # fmt: skip
        return found.strip() or None

    def object_sizes(self, ids: list[str]) -> dict[str, int]:
        """The size of each object, from `git cat-file --batch-check`, without reading it."""
        sizes = {}
        for header in self._batch("--batch-check", ids).splitlines():
            fields = header.split()
            if len(fields) == 3:  # "<id> missing" has two
                sizes[fields[0].decode()] = int(fields[2])
        return sizes

    def _read_objects(self, ids: list[str]) -> dict[str, bytes]:
        return parse_batch(self._batch("--batch", ids)) if ids else {}

    def _read_commits(self, ids: list[str]) -> dict[str, bytes]:
        """Commit objects; of one over the size limit (a huge message), only its beginning,
        which holds the author and the start of the message."""
        sizes = self.object_sizes(ids)
        large = {sha for sha in ids if sizes.get(sha, 0) > MAX_FILE_BYTES}
        objects = self._read_objects([sha for sha in ids if sha not in large])
        for sha in sorted(large):
            objects[sha] = self._head(sha, MAX_FILE_BYTES)
        return objects

    def _head(self, sha: str, limit: int) -> bytes:
        """The first `limit` bytes of an object, without reading the rest."""
        with subprocess.Popen(
            ["git", "cat-file", "commit", sha], cwd=self.root, stdout=subprocess.PIPE
        ) as done:
            assert done.stdout is not None
            head = done.stdout.read(limit)
            done.kill()  # the rest is never read
        return head

    def _batch(self, mode: str, ids: list[str]) -> bytes:
        """The output of one `git cat-file` for many objects, without a round trip for each."""
        if not ids:
            return b""
        done = subprocess.run(
            ["git", "cat-file", mode],
            cwd=self.root,
            input="\n".join(ids).encode() + b"\n",
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            raise PacError(f"git cat-file failed: {done.stderr.decode(errors='replace')}")
        return done.stdout


_COMMITS_PER_READ = 2000  # commit objects read from git in one batch
