"""Text for terminals, CI logs and GitHub workflow commands.

Every value pac prints as plain text (names, messages, file names, git output, arguments)
goes through `one_line`: a value from the portfolio must not move the cursor, set the
window title, write to the clipboard (OSC 52), hide text behind a bidirectional override,
or start a line of its own that GitHub Actions would run as a workflow command.
"""

from __future__ import annotations

import re

# C0 (line breaks and ESC among them), DEL, C1, the line and paragraph separators, and
# the bidirectional embeddings, overrides and isolates that can reorder or hide text
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")


def one_line(text: object) -> str:
    """`text` on one line, shown as the text it is: each run of control characters,
    separators and bidirectional controls becomes a space, so that escape sequences do
    nothing and no line break gets through. GitHub reads a line as a command when it starts
    with `::` (after spaces), and anywhere from `##[`: a leading `::` is written `\\::` and
    `##[` is written `#\\#[`, so that the value may start a line and still be only text."""
    line = _UNSAFE.sub(" ", str(text)).strip().replace("##[", "#\\#[")
    return "\\" + line if line.startswith("::") else line
