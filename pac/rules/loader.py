"""Rules that the loader applies while it reads files; registered here for their metadata."""

from __future__ import annotations

from pac.findings import Severity
from pac.rules.registry import Rule, register

E = Severity.ERROR
for _rule in (
    Rule("yaml-syntax", E, "The file is not a single, readable YAML document.", locked=True),
    Rule("duplicate-key", E, "A key appears twice in one mapping.", locked=True),
    Rule("schema", E, "A value does not have the type or form the format requires.", locked=True),
    Rule("unknown-field", E, "A key the format does not define.", locked=True),
    Rule("id-mismatch", E, "The id inside the file differs from the file name.", locked=True),
    Rule("duplicate-id", E, "Two files declare the same id.", locked=True),
    Rule("unexpected-file", Severity.WARNING, "A YAML file in a folder pac does not read."),
):
    register(_rule)
