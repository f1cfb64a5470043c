"""Jinja templates compiled once a process.

pac serve renders pages and runs MkDocs again on every save, and compiling the templates
(pac's, with the escaping extension reading their HTML, and Material's) is a large part of
a small rebuild. A template is found by its name, its file and the checksum of its source,
so one whose source changes compiles again. One cache serves one kind of environment
(pac's pages, or MkDocs' theme), whose compiling options are the same each time.
"""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket


class Compiled(jinja2.BytecodeCache):
    """Compiled templates kept in memory."""

    def __init__(self) -> None:
        self._code: dict[tuple[str, str], bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[(bucket.key, bucket.checksum)] = bucket.bytecode_to_string()

    def __len__(self) -> int:
        return len(self._code)
