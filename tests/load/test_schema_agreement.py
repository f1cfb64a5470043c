"""pac and its published JSON Schemas agree: a differential, property-based test.

Hypothesis takes each file of the reference portfolio, mutates it (a value replaced by another
of any type, a key removed, an unknown key added, a date quoted, a number written as text) or
leaves it valid, and writes it as YAML the way scripts do (`yaml.safe_dump`). check-jsonschema,
with pac's schema for that kind of file, must accept the file exactly when pac reports no
per-file format finding for it. Cross-file rules (references, taxonomy, ids matching file
names) are not the schema's business and are left out.

Where the two cannot agree, the example is an exception named in EXCEPTIONS, with its reason.
`PAC_AGREEMENT_EXAMPLES=5000 .venv/bin/python -m pytest tests/load/test_schema_agreement.py` runs
many more examples than the suite's default.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from check_jsonschema import main as check_jsonschema
from click.testing import CliRunner
from conftest import REFERENCE, REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pac.load.files import SourceFile
from pac.load.parse import load

FORMAT_RULES = {"schema", "unknown-field", "yaml-syntax", "duplicate-key"}
EXAMPLES = int(os.environ.get("PAC_AGREEMENT_EXAMPLES", "0")) or 150
DERANDOMIZE = "PAC_AGREEMENT_EXAMPLES" not in os.environ  # the suite's run is the same each time
BATCH = 8  # variants of one file per example

FILES = sorted(
    str(p.relative_to(REFERENCE)) for p in REFERENCE.rglob("*.yaml") if "extensions" not in p.parts
)
SCHEMAS = {
    "portfolio": "portfolio",
    "products": "product",
    "teams": "team",
    "capabilities": "capability",
    "objectives": "objective",
    "funding": "funding",
}


def _schema_for(path: str) -> Path:
    folder = path.split("/", 1)[0] if "/" in path else "portfolio"
    return REPO / "schemas" / f"{SCHEMAS[folder]}.schema.json"


# --- where they cannot agree, and why -----------------------------------------------------------


def _cross_field(findings: list[str], _text: str) -> bool:
    """A model's check across two fields (an end before its start, a level named twice):
    a JSON Schema cannot compare two values."""
    markers = ("is before", "must differ", "level names", "levels must")
    return bool(findings) and all(any(m in f for m in markers) for f in findings)


def _not_json(_findings: list[str], text: str) -> bool:
    """YAML's .inf and .nan have no JSON counterpart; a JSON Schema cannot say "finite"
    where it states no bound (pac refuses them everywhere)."""
    return bool(re.search(r"(^|[\s:\[,-])[-+]?\.(inf|Inf|INF|nan|NaN|NAN)\b", text))


def _digit_separators(_findings: list[str], text: str) -> bool:
    """`1_000` is text in YAML 1.2's core schema, as pac reads it (and says so); the YAML
    reader of check-jsonschema (ruamel) still reads it as the number 1000."""
    return bool(re.search(r":\s+[-+]?[0-9][0-9]*_[0-9_]*\s*$", text, re.MULTILINE))


EXCEPTIONS: list[Callable[[list[str], str], bool]] = [_cross_field, _not_json, _digit_separators]


# --- the two judges -----------------------------------------------------------------------------


def pac_findings(path: str, text: bytes) -> list[str]:
    loaded = load([SourceFile(path, len(text), text)])
    return [f"{f.rule}: {f.message}" for f in loaded.findings if f.rule in FORMAT_RULES]


def schema_verdicts(files: list[Path], schema: Path) -> list[bool]:
    """check-jsonschema's verdict on each file (one run for all: it loads the schema once)."""
    args = ["--schemafile", str(schema), "-o", "json", *map(str, files)]
    result = CliRunner().invoke(check_jsonschema, args)
    if result.exit_code not in (0, 1):
        raise AssertionError(f"check-jsonschema failed: {result.output}") from result.exception
    report = json.loads(result.output)
    problems = report.get("errors", []) + report.get("parse_errors", [])
    refused = {e["filename"] for e in problems}
    return [str(file) not in refused for file in files]


def schema_accepts(file: Path, schema: Path) -> bool:
    return schema_verdicts([file], schema)[0]


# --- documents: the reference files, mutated ---------------------------------------------------

DATES = st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2040, 12, 31))
TEXTS = st.sampled_from(
    [
        "claims-portal",
        "Claims Portal",
        "team-claims",
        "@acme/claims",
        "2027-Q1",
        "2027-Q1",
        "FY2027",
        "USD",
        "usd",
        "https://example.com/x",
        "javascript:alert(1)",
        "live",
        "yes",
        "1_000",
        "3.10",
        "2024-1-1",
        "2022-13-45",
        "2023-02-29",
        "2024-02-29",
        "2024-01-01T10:00:00",
        "",
        " ",
    ]
) | st.text(max_size=12)
SCALARS = st.one_of(
    TEXTS,
    DATES,
    DATES.map(datetime.date.isoformat),  # a quoted date, as scripts write them
    st.integers(min_value=-(10**17), max_value=10**17),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.sampled_from([1e15, 1e15 + 2, 0.5, -0.01, 1e-7]),
    st.booleans(),
    st.none(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXTS, inner, max_size=3),
    max_leaves=6,
)


def _containers(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every mapping and list in the document, the root first."""
    found = [path] if isinstance(doc, dict | list) else []
    children = (
        doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else []
    )
    for key, value in children:
        found.extend(_containers(value, (*path, key)))
    return found


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[str]]:
    """One reference file and a few variants of it, as YAML text (checked in one
    check-jsonschema run): mutated as data and written by `yaml.safe_dump`, as scripts do,
    then perhaps edited as text, as people do."""
    path = draw(st.sampled_from(FILES))
    texts = []
    for _ in range(draw(st.integers(min_value=1, max_value=BATCH))):
        doc = yaml.safe_load((REFERENCE / path).read_text())
        for _ in range(draw(st.integers(min_value=0, max_value=2))):
            _mutate(draw, doc)
        text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
        if draw(st.integers(min_value=0, max_value=3)) == 0:
            text = _edit(draw, text)
        texts.append(text)
    return path, texts


PLAIN_SCALARS = [
    "yes", "no", "on", "off", "True", "1_000", "0x1F", "0o17", ".inf", "-.inf", ".nan", "~",
    "null", "2024-01-01", "2024-1-1", "2024-02-30", "2024-01-01 10:00:00", "!!str 12",
    "!!python/object:os.system", "12:30", "1e3", "0.1e-2", "-0", "+12", "'quoted'", "@x",
]  # fmt: skip


def _edit(draw: st.DrawFn, text: str) -> str:
    """One line changed the way a person would: a plain value retyped, a line repeated."""
    lines = text.splitlines()
    candidates = [i for i, line in enumerate(lines) if re.match(r"^\s*(- )?[\w-]+: \S", line)]
    if not candidates:
        return text
    i = draw(st.sampled_from(candidates))
    if draw(st.booleans()):
        lines.insert(i, lines[i])  # a key twice, or an item twice
    else:
        key = lines[i].split(": ", 1)[0]
        lines[i] = f"{key}: {draw(st.sampled_from(PLAIN_SCALARS))}"
    return "\n".join(lines) + "\n"


def _mutate(draw: st.DrawFn, doc: dict[str, Any]) -> None:
    container = _at(doc, draw(st.sampled_from(_containers(doc))))
    keys = list(container) if isinstance(container, dict) else list(range(len(container)))
    action = draw(st.sampled_from(["perturb", "perturb", "replace", "remove", "add", "quote"]))
    if action == "add":
        if isinstance(container, dict):
            container[draw(TEXTS)] = draw(VALUES)
        else:
            container.append(draw(VALUES))
    elif not keys:
        return
    elif action == "replace":
        container[draw(st.sampled_from(keys))] = draw(VALUES)
    elif action == "perturb":
        key = draw(st.sampled_from(keys))
        container[key] = draw(st.sampled_from(_near(container[key])))
    elif action == "remove":
        del container[draw(st.sampled_from(keys))]
    else:  # write a date or a number as text, as a converter might
        key = draw(st.sampled_from(keys))
        value = container[key]
        if isinstance(value, datetime.date | int | float) and not isinstance(value, bool):
            container[key] = value.isoformat() if isinstance(value, datetime.date) else str(value)


def _near(value: Any) -> list[Any]:
    """Values close to a valid one: where a format's edges are."""
    if isinstance(value, bool):
        return [str(value).lower(), "yes", int(value)]
    if isinstance(value, str):
        return [
            value + "\n",
            "\n" + value,
            value.upper(),
            f" {value}",
            value + "x" * 70,
            "",
            value.replace("-", "_"),
            value + "-",
            value * 2,
        ]
    if isinstance(value, datetime.date):
        return [
            value.isoformat(),
            value.isoformat() + "T00:00:00",
            value.strftime("%d/%m/%Y"),
            value.isoformat().replace("-0", "-"),
            f"{value.year}-02-30",
            str(value.year),
        ]
    if isinstance(value, int | float):
        return [-value, str(value), value + 0.5, value * 10**15, value / 1000, float(value)]
    if isinstance(value, list):
        return [[], value[:1] * 2, value[0] if value else None, {"items": value}]
    if isinstance(value, dict):
        return [{}, list(value.values())[:1], str(value)]
    return [0, "", [], {}]


# --- the property -------------------------------------------------------------------------------


@settings(
    max_examples=EXAMPLES,
    derandomize=DERANDOMIZE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(documents())
def test_pac_and_its_schemas_agree(tmp_path: Path, variants: tuple[str, list[str]]) -> None:
    path, texts = variants
    files = [tmp_path / f"doc{i}.yaml" for i in range(len(texts))]
    for file, text in zip(files, texts, strict=True):
        file.write_text(text, encoding="utf-8")
    verdicts = schema_verdicts(files, _schema_for(path))
    for text, accepted in zip(texts, verdicts, strict=True):
        findings = pac_findings(path, text.encode())
        if accepted == (not findings):
            continue
        if any(exception(findings, text) for exception in EXCEPTIONS):
            continue
        verdict = "accepts" if accepted else "refuses"
        pytest.fail(f"check-jsonschema {verdict} {path} but pac says {findings}:\n{text}")


# --- the judges themselves, on known cases ------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        (datetime.date(2024, 1, 1), True),
        ("2024-01-01", True),  # quoted: a date, as the schema says
        ("2024-02-29", True),
        ("2023-02-29", False),
        ("2022-13-45", False),
        ("2024-1-1", False),
        ("2024-01-01T00:00:00", False),
        ("next spring", False),
    ],
)
def test_both_judge_dates_alike(tmp_path: Path, value: Any, valid: bool) -> None:
    path = "products/claims-portal.yaml"
    doc = yaml.safe_load((REFERENCE / path).read_text())
    doc["lifecycle"]["since"] = value
    text = yaml.safe_dump(doc, sort_keys=False)
    (tmp_path / "doc.yaml").write_text(text)
    assert (pac_findings(path, text.encode()) == []) is valid
    assert schema_accepts(tmp_path / "doc.yaml", _schema_for(path)) is valid


def test_every_reference_file_is_valid_for_both(tmp_path: Path) -> None:
    for path in FILES:
        text = (REFERENCE / path).read_bytes()
        (tmp_path / "doc.yaml").write_bytes(text)
        assert pac_findings(path, text) == [], path
        assert schema_accepts(tmp_path / "doc.yaml", _schema_for(path)), path


@pytest.mark.parametrize(
    ("old", "new", "pac_accepts", "schema_accepts_it"),
    [
        ("name: Claims Portal", "name: yes", True, True),  # YAML 1.2: text for both
        ("target: 70", "target: 0x1F", True, True),
        ("name: Claims Portal", "name: 12:30", True, True),
        ("since: 2022-04-01", 'since: "2022-04-01"', True, True),
        ("since: 2022-04-01", "since: 2024-1-1", False, False),
        ("name: Claims Portal", "name: Claims Portal\nname: x", False, False),  # duplicate key
        ("annual_estimate: 3400000", "annual_estimate: 1_000", False, True),  # an exception
        ("target: 70", "target: .inf", False, True),  # an exception
    ],
)
def test_known_texts_and_the_exceptions(
    tmp_path: Path, old: str, new: str, pac_accepts: bool, schema_accepts_it: bool
) -> None:
    """Each exception is real (the two judges do disagree there) and names its case."""
    path = "products/claims-portal.yaml"
    reference = (REFERENCE / path).read_text()
    text = reference.replace(old, new, 1)
    assert text != reference
    (tmp_path / "doc.yaml").write_text(text)
    findings = pac_findings(path, text.encode())
    assert (findings == []) is pac_accepts
    assert schema_accepts(tmp_path / "doc.yaml", _schema_for(path)) is schema_accepts_it
    excused = any(exception(findings, text) for exception in EXCEPTIONS)
    assert excused is (pac_accepts != schema_accepts_it)
