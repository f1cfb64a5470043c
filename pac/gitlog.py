"""What git prints, parsed: `git log -z --raw` records, `git cat-file --batch` output and
raw commit objects. No GitPython here: plain text and bytes in, plain data out."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

# Only what git itself writes goes through the log (ids, and the committer date: when the
# change reached the branch, in first-parent order), NUL-separated like the paths of -z.
# Authors and messages, which may hold any byte, are read from the commit objects, whose
# header gives their length.
LOG_FORMAT = "%H %P%x00%cI"
_HEADER = re.compile(r"[0-9a-f]{40,64}( [0-9a-f]{40,64})*")


@dataclass(frozen=True)
class Change:
    """One file changed by a commit: the blob id is None where the commit removed it."""

    path: str  # relative to the repository
    new_blob: str | None


def parse_batch(output: bytes) -> dict[str, bytes]:
    """`<sha> <type> <size>\\n<content>\\n`, repeated; missing objects are left out."""
    found: dict[str, bytes] = {}
    at = 0
    while at < len(output):
        end = output.index(b"\n", at)
        header = output[at:end].split()
        at = end + 1
        if len(header) < 3:
            continue  # "<sha> missing"
        size = int(header[2])
        found[header[0].decode()] = output[at : at + size]
        at += size + 1
    return found


@dataclass(frozen=True)
class LogStep:
    """One commit as `git log` lists it: ids, committer date and the files it changed."""

    sha: str
    parents: tuple[str, ...]
    date: datetime.datetime
    changes: list[Change]


def parse_log(output: str) -> Iterator[LogStep]:
    """`<sha> <parents> NUL <date> NUL`, each followed by its raw changes,
    `:old_mode new_mode old_blob new_blob status NUL path NUL`, repeated. A path is taken
    by its place after its change line, so no path can pass for anything else."""
    tokens = output.split("\0")
    step: LogStep | None = None
    at = 0
    while at + 1 < len(tokens):
        token = tokens[at].strip("\n ")  # a root commit's header ends in a space
        if token.startswith(":") and step is not None:
            fields = token[1:].split()
            step.changes.append(Change(tokens[at + 1], _blob(fields[3])))
            at += 2
        elif _HEADER.fullmatch(token):
            if step is not None:
                yield step
            sha, *parents = token.split()
            date = datetime.datetime.fromisoformat(tokens[at + 1])
            step = LogStep(sha, tuple(parents), date, [])
            at += 2
        else:
            at += 1
    if step is not None:
        yield step


def _blob(sha: str) -> str | None:
    return None if not sha.strip("0") else sha  # all zeros: the file is absent


def parse_commit_object(raw: bytes) -> tuple[str, str, str]:
    """(author's name, e-mail, message) of a raw commit object, whatever bytes they hold:
    the header ends at the first blank line; `author Name <email> time zone` is its line."""
    header, _, body = raw.partition(b"\n\n")
    encoding = "utf-8"
    author = b""
    for line in header.split(b"\n"):
        if line.startswith(b"author "):
            author = line[len(b"author ") :]
        elif line.startswith(b"encoding "):
            encoding = line[len(b"encoding ") :].decode("ascii", "replace").strip()
    ident, found, _when = author.rpartition(b"> ")
    ident = ident if found else author
    name, found, email = ident.rpartition(b" <")
    if not found:
        name, email = ident, b""
    return _decode(name, encoding), _decode(email, encoding), _decode(body, encoding).strip()


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding, "replace")
    except LookupError:  # an encoding Python does not know
        return data.decode("utf-8", "replace")
