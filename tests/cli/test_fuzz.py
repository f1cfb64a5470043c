"""Property: whatever the files hold, validation returns findings and never raises.

The suite runs a few hundred examples; `PAC_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest
-q -p no:cacheprovider tests/cli/test_fuzz.py` runs many more (README, "Two commands")."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from conftest import REFERENCE, TODAY
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pac.cli import cli
from pac.rules import RULES

FILES = {
    p.relative_to(REFERENCE).as_posix(): p.read_bytes() for p in sorted(REFERENCE.rglob("*.yaml"))
}
NAMES = sorted(FILES)
EXAMPLES = int(os.environ.get("PAC_FUZZ_EXAMPLES", "120"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.text(max_size=20),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    st.dates(min_value=datetime.date(1900, 1, 1)),
    st.sampled_from(["team-claims", "claims-portal", "FY2027", "yes", "1_000", "@x", "- a"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, (*prefix, i))
    return found


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = _replace(data[head], rest, value)
    return copy


@st.composite
def mutated_value(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(NAMES))
    data = yaml.safe_load(FILES[name])
    path = draw(st.sampled_from(_paths(data)))
    new = _replace(data, path, draw(values))
    return name, yaml.safe_dump(new, allow_unicode=True).encode()


@st.composite
def mutated_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(NAMES))
    content = bytearray(FILES[name])
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(content)))
        chunk = draw(
            st.binary(max_size=6)
            | st.sampled_from(
                [b"\t", b"&a ", b"*a", b"---\n", b"!!python/none ", b": ", b"\n  ", b"[", b"\xff"]
            )
        )
        cut = draw(st.integers(0, 4))
        content[at : at + cut] = chunk
    return name, bytes(content)


# values that have broken parsers: huge and odd numbers, dates quoted and not, impossible
# dates and times, tags, anchors, aliases, empty collections
EDGES = st.sampled_from([
    "9" * 400, "9" * 4000, "-" + "9" * 30, "1e999", "-.inf", ".nan", "0x" + "f" * 40, "0o777",
    "1_000_000", "1.5e308", "4.9e-324", "2026-02-30", "2026-13-01", "'2026-01-01'",
    '"2026-01-01"', "2026-01-01T25:61:00", "2026-01-01 12:00:00 +99:00", "0000-00-00",
    "9999-12-31", "1-1-1", "~", "null", "[]", "{}", "!!binary aGk=", "!!timestamp x", "!!int x",
    "!!float x", "&x 1", "*nope", "yes", "<<: {a: 1}", "|\n  text", "'", '"\\x"', "? complex",
    "-",
])


@st.composite
def mutated_structure(draw: st.DrawFn) -> tuple[str, bytes]:
    """The file's text with lines deleted or repeated (a key twice), a value nested deeper,
    or a value swapped for one of the edge cases."""
    name = draw(st.sampled_from(NAMES))
    lines = FILES[name].decode().split("\n")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines) - 1))
        key, colon, value = lines[at].partition(":")
        action = draw(st.sampled_from(["delete", "repeat", "nest", "edge"]))
        if action == "delete":
            del lines[at]
        elif action == "repeat":
            lines.insert(at, lines[at])
        elif colon and action == "nest":
            depth = draw(st.sampled_from([1, 2, 30, 200, 5000]))
            lines[at] = f"{key}: {'[' * depth}{value.strip() or 'x'}{']' * depth}"
        elif colon:
            lines[at] = f"{key}: {draw(EDGES)}"
        if not lines:
            lines = [""]
    return name, "\n".join(lines).encode()


mutations = st.lists(
    st.one_of(mutated_value(), mutated_bytes(), mutated_structure()), min_size=1, max_size=3
)


def _validate(mutations: list[tuple[str, bytes]]) -> tuple[int, str]:
    """`pac validate --format json` on a copy of the reference portfolio with the files
    replaced: the command a user runs, in-process."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "portfolio"
        shutil.copytree(REFERENCE, folder)
        for name, content in mutations:
            (folder / name).write_bytes(content)
        result = CliRunner().invoke(
            cli, ["validate", str(folder), "--format", "json", "--today", TODAY.isoformat()]
        )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


def _check(mutations: list[tuple[str, bytes]]) -> None:
    code, out = _validate(mutations)
    assert code in (0, 1), out
    report = json.loads(out)
    files = {**FILES, **dict(mutations)}
    for f in report["findings"]:
        assert f["rule"] in RULES
        assert f["file"].removeprefix("portfolio/") in files
        assert f["line"] >= 1 and f["column"] >= 1
        assert f["message"]
    assert code == (1 if report["summary"]["errors"] else 0)


@FUZZ
@given(st.lists(mutated_value(), min_size=1, max_size=3))
def test_mutated_values_never_raise(mutations: list[tuple[str, bytes]]) -> None:
    _check(mutations)


@FUZZ
@given(st.lists(mutated_bytes(), min_size=1, max_size=3))
def test_mutated_bytes_never_raise(mutations: list[tuple[str, bytes]]) -> None:
    _check(mutations)


HUGE = FILES["funding/FY2027.yaml"].replace(b"change: 650000", b"change: " + b"9" * 5000)


@FUZZ
@given(st.lists(mutated_structure(), min_size=1, max_size=3))
@example([("funding/FY2027.yaml", HUGE)])  # more digits than Python's int() reads
def test_mutated_structure_never_raises(mutations: list[tuple[str, bytes]]) -> None:
    _check(mutations)


@FUZZ
@given(mutations)
def test_mixed_mutations_never_raise(mutations: list[tuple[str, bytes]]) -> None:
    _check(mutations)


def test_a_real_process_reports_json_for_hostile_files(tmp_path: Path) -> None:
    """The same property through a real `pac` process: stdout, encoding and exit status as
    a CI job sees them."""
    folder = tmp_path / "portfolio"
    shutil.copytree(REFERENCE, folder)
    (folder / "products" / "claims-portal.yaml").write_bytes(b"\xef\xbb\xbfid: \xff\x00\n")
    (folder / "teams" / "team-claims.yaml").write_text("id: team-claims\nid: again\nname: [" * 3)
    (folder / "capabilities" / "claims-management.yaml").write_text("a: " + "[" * 5000)
    done = subprocess.run(
        [sys.executable, "-m", "pac", "validate", str(folder), "--format", "json",
         "--today", TODAY.isoformat()],
        capture_output=True, env={**os.environ, "GITHUB_ACTIONS": ""}, check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr == b""
    report = json.loads(done.stdout)
    assert {f["file"] for f in report["findings"]} >= {
        "portfolio/products/claims-portal.yaml", "portfolio/teams/team-claims.yaml",
        "portfolio/capabilities/claims-management.yaml"}
