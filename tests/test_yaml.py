"""The YAML reader: YAML 1.2 scalars, no silent data loss, bounded work on hostile input."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from conftest import BOMB

from pac.yaml import (
    MAX_VALUES,
    _parse_with,
    _PurePython,
    _PythonWriter,
    _Writer,
    dump_documents,
    locate,
    parse,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yes", "yes"),
        ("No", "No"),
        ("on", "on"),
        ("OFF", "OFF"),
        ("y", "y"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("", None),
        ("1_000", "1_000"),
        ("1,000", "1,000"),
        ("12", 12),
        ("-3", -3),
        ("0o17", 15),
        ("0x1F", 31),
        ("12.5", Decimal("12.5")),
        ("1e3", Decimal("1e3")),
        ("3.10", Decimal("3.10")),
        ("2026-11-22", "2026-11-22"),  # a date is text until a date field reads it
        ("2026-13-01", "2026-13-01"),
        ("2026-11-22T10:00:00Z", "2026-11-22T10:00:00Z"),
        ("1:20", "1:20"),
        ('"12"', "12"),
        ("'true'", "true"),
        ("!!str 12", "12"),
    ],
)
def test_scalars_are_read_the_yaml_1_2_way(text: str, value: object) -> None:
    parsed = parse(f"v: {text}\n")
    assert parsed.problems == []
    assert parsed.data == {"v": value}
    assert type(parsed.data["v"]) is type(value)


def test_duplicate_key_names_both_lines_and_keeps_the_first() -> None:
    parsed = parse("a: 1\nb: 2\na: 3\n")
    [problem] = parsed.problems
    assert (problem.rule, problem.line, problem.column) == ("duplicate-key", 3, 1)
    assert "first on line 1, again on line 3" in problem.message
    assert parsed.data == {"a": 1, "b": 2}


def test_alias_bomb_is_stopped_quickly() -> None:
    bomb = BOMB
    assert len(bomb) < 450
    started = time.perf_counter()
    parsed = parse(bomb)
    assert time.perf_counter() - started < 1.0
    assert parsed.data is None
    assert parsed.problems[0].message == (
        f"aliases expand this document to more than {MAX_VALUES:,} values"
    )


def test_a_large_file_without_aliases_is_told_its_size() -> None:
    text = "v: [" + ", ".join(["1"] * MAX_VALUES) + "]\n"
    started = time.perf_counter()
    parsed = parse(text)
    # about 1.5 s quiet: a bound against quadratic parsing, with room for a loaded machine
    assert time.perf_counter() - started < 15.0
    assert parsed.data is None
    assert [p.message for p in parsed.problems] == [
        f"the file holds more than {MAX_VALUES:,} values, the most pac reads in one file"
    ]
    assert "alias" not in parsed.problems[0].hint


def test_alias_expansion_past_the_limit_names_the_aliases() -> None:
    text = "a: &a [" + ", ".join(["1"] * 60_000) + "]\nb: *a\n"
    [problem] = parse(text).problems
    assert problem.message == f"aliases expand this document to more than {MAX_VALUES:,} values"
    assert "alias bomb" in problem.hint


def test_aliases_within_the_limit_are_expanded() -> None:
    parsed = parse("base: &b {x: 1}\ncopy: *b\n")
    assert parsed.problems == []
    assert parsed.data == {"base": {"x": 1}, "copy": {"x": 1}}


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    parsed = parse("v: " + "[" * 200_000)
    assert parsed.data is None
    assert [(p.rule, p.line, p.column, p.message) for p in parsed.problems] == [
        ("yaml-syntax", 1, 67, "nesting deeper than 64 levels")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "v: " + "[" * 1_500,  # libyaml 0.2.5 in PyYAML 6.0.4 stops at 1,000 flow levels
        "v: " + "{a: " * 1_500,
        "x: 1\nv: " + "[" * 999 + "1" + "]" * 999 + "\n",
        "a:\n" + "".join("  " * i + "b:\n" for i in range(1, 90)),
        "- " * 70 + "x\n",
    ],
    ids=["flow-sequences", "flow-mappings", "closed-flow", "block-mappings", "block-sequences"],
)
def test_too_deep_is_one_finding_whatever_libyaml_does(text: str) -> None:
    """pac's 64-level limit, not the library's, at the same place from either parser."""
    ours = _parse_with(_PurePython, text).problems
    assert [p.message for p in ours] == ["nesting deeper than 64 levels"]
    assert parse(text).problems == ours


def test_locate_finds_keys_and_values() -> None:
    text = "id: x\nkpis:\n  - name: a\n  - name: b\n    target: 7\n"
    places = locate(text, {("kpis", 1, "target"), ("kpis", 1), ("id",), ("nope",)})
    assert places[("id",)] == (1, 1, 1, 5)
    assert places[("kpis", 1, "target")] == (5, 5, 5, 13)
    assert places[("kpis", 1)][2:] == (4, 5)
    assert ("nope",) not in places


# text that YAML 1.1 (PyYAML) or 1.2 (pac, JavaScript's yaml) reads as another type, or that
# YAML writes only in quotes or escapes
TRICKY_TEXT = ["1e3", "0o17", "0x1F", "12", "-3", "12.5", ".inf", "yes", "No", "on", "true",
               "null", "~", "", "2026-11-22", "1:20", "1_000", "- a", "a: b", "#c", "[x]",
               "{y}", "*z", "&w", "!t", "@n", "`b", "%d", "'q'", '"d"', " lead", "trail ",
               "two\nlines\n", "no end\nline", "  indented\nblock", "tab\there",
               "line\u2028separator", "nel\x85cr\r", "ps\u2029",
               "ls\u2028\nand lf\n", "bom\ufeff", "nul\x00", "é ü 日本", "1" * 5000]


def test_written_text_reads_back_as_the_same_text() -> None:
    documents = [{"text": t, "list": [t], t or "empty": "key"} for t in TRICKY_TEXT]
    text = dump_documents(documents)
    assert text.startswith("---\n")
    read = [parse(part) for part in text.split("---\n")[1:]]
    assert [r.problems for r in read] == [[] for _ in documents]
    assert [r.data for r in read] == documents


def test_writing_is_plain_where_it_can_be_and_the_same_every_time() -> None:
    documents = [{"name": "claims-portal", "tags": ["tier-1"], "n": "1e3", "d": "a\nb\n"}]
    assert dump_documents(documents) == (
        "---\nname: claims-portal\ntags:\n- tier-1\nn: '1e3'\nd: |\n  a\n  b\n"
    )
    assert dump_documents(documents) == dump_documents(documents)


def test_libyaml_and_pyyaml_write_the_same_text() -> None:
    """Where PyYAML has libyaml its emitter writes; elsewhere PyYAML's own: the same bytes."""
    from conftest import EXAMPLE, TODAY
    from support import run

    from pac.figures.scorecard import score
    from pac.render.export_backstage import export_backstage

    assert _Writer.__mro__[1].__name__ == "CSafeDumper"  # the lock's PyYAML has libyaml
    result = run(EXAMPLE)
    entities = export_backstage(
        result.portfolio, score(result.portfolio, result.findings, TODAY)
    ).entities
    tricky = [{"text": t, "list": [t], t or "empty": "key"} for t in TRICKY_TEXT]
    for documents in (tricky, entities):
        assert dump_documents(documents) == dump_documents(documents, writer=_PythonWriter)
