"""Property: whatever the files hold, validation returns findings and never raises."""

from __future__ import annotations

import datetime
import os
from typing import Any

import yaml
from conftest import REFERENCE, TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pac.rules import RULES
from pac.source import SourceFile
from pac.validate import validate

FILES = {
    p.relative_to(REFERENCE).as_posix(): p.read_bytes() for p in sorted(REFERENCE.rglob("*.yaml"))
}
NAMES = sorted(FILES)
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))

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


def _check(mutations: list[tuple[str, bytes]]) -> None:
    files = dict(FILES)
    files.update(mutations)
    sources = [SourceFile(name, len(content), content) for name, content in sorted(files.items())]
    result = validate(sources, today=TODAY)
    for f in result.findings:
        assert f.rule in RULES
        assert f.file in files
        assert f.line >= 1 and f.column >= 1
        assert f.message


@settings(
    max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(mutated_value(), min_size=1, max_size=3))
def test_mutated_values_never_raise(mutations: list[tuple[str, bytes]]) -> None:
    _check(mutations)


@settings(
    max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(mutated_bytes(), min_size=1, max_size=3))
def test_mutated_bytes_never_raise(mutations: list[tuple[str, bytes]]) -> None:
    _check(mutations)
