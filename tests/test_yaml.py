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
    locate_documents,
    parse,
    parse_documents,
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


def test_several_documents_are_read_each_with_its_line() -> None:
    text = "# a comment\na: 1\n---\nb: [1, 2]\n---\n---\nc: {d: e}\n"
    documents = parse_documents(text)
    assert [(d.data, d.line, d.broken) for d in documents] == [
        ({"a": 1}, 2, False),
        ({"b": [1, 2]}, 3, False),
        (None, 5, False),  # an empty document: nothing in it, nothing wrong
        ({"c": {"d": "e"}}, 6, False),
    ]
    assert parse_documents("") == []


def test_one_document_s_problem_leaves_the_others_readable() -> None:
    text = "a: 1\na: 2\n---\nb: !!binary eA==\n---\nc: 3\n"
    first, tagged, last = parse_documents(text)
    assert first.data == {"a": 1}
    assert [(p.rule, p.line) for p in first.problems] == [("duplicate-key", 2)]
    assert (tagged.data, tagged.broken) == (None, True)
    assert [(p.rule, p.line, p.message) for p in tagged.problems] == [
        ("yaml-syntax", 4, "YAML tag '!!binary' is not allowed")
    ]
    assert (last.data, last.problems) == ({"c": 3}, [])


def test_a_syntax_error_ends_the_file_after_the_documents_before_it() -> None:
    documents = parse_documents("a: 1\n---\nb: [\n---\nc: 1\n")
    assert [(d.data, d.broken) for d in documents] == [({"a": 1}, False), (None, True)]
    assert documents[1].problems[0].rule == "yaml-syntax"


def test_anchors_belong_to_their_own_document() -> None:
    first, second = parse_documents("a: &x 1\nb: *x\n---\nc: *x\n")
    assert first.data == {"a": 1, "b": 1}
    assert (second.broken, second.problems[0].message) == (True, "alias '*x' is not defined")


def test_the_value_limit_is_per_file_not_per_document() -> None:
    part = "v: [" + ", ".join(["1"] * (MAX_VALUES * 2 // 5)) + "]\n"
    documents = parse_documents(part + "---\n" + part + "---\n" + part)
    assert [d.broken for d in documents] == [False, False, True]
    assert documents[-1].problems[0].message.startswith("the file holds more than")


def test_nesting_and_bombs_are_bounded_in_every_document() -> None:
    deep = parse_documents("a: 1\n---\nv: " + "[" * 1_500)
    assert [p.message for p in deep[-1].problems] == ["nesting deeper than 64 levels"]
    bomb = parse_documents("a: 1\n---\n" + BOMB)
    assert bomb[-1].problems[0].message.startswith("aliases expand this document")


def test_locate_finds_a_value_in_a_later_document() -> None:
    text = "a: 1\n---\nb: 2\n---\nspec:\n  owner: x\n"
    assert locate(text, {("spec", "owner")}, document=2) == {("spec", "owner"): (6, 3, 6, 10)}
    assert locate(text, {("a",)}, document=2) == {}
    assert locate(text, {("b",)}, document=1) == {("b",): (3, 1, 3, 4)}


def test_locate_documents_places_every_value_of_every_document_in_one_pass() -> None:
    text = "a: 1\n---\nspec:\n  targets: [x, y]\n"
    first, second = locate_documents(text)
    assert first == {(): (1, 1, 1, 1), ("a",): (1, 1, 1, 4)}
    assert second[("spec", "targets", 1)] == (4, 16, 4, 16)
    assert locate_documents("a: 1\n---\nb: [\n")[0][("a",)] == (1, 1, 1, 4)


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
