"""Hostile text reaches no terminal, log or workflow as anything but text.

A value from the portfolio, git or the command line may hold line breaks, escape sequences
(window titles, OSC 52 clipboard writes), C1 controls, bidirectional overrides and GitHub
workflow commands. Every output of every command must show it as inert text: no control
byte, and no line that GitHub would run as a command except pac's own annotations.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import REFERENCE
from gitrepo import GitRepo
from support import inside

from pac.cli import cli
from pac.findings import Finding, Result, Severity
from pac.load.files import SourceFile
from pac.load.parse import from_loaded, load
from pac.render.validate import REPORTERS
from pac.rules import RULES
from pac.terminal import one_line

HOSTILE = (
    "::error::lead\n::error file=portfolio/portfolio.yaml,line=1::Injected\r\n"
    "::add-mask::pac\n::stop-commands::tok\x1b]0;title\x07\x1b]52;c;cGFj\x07\x1b[2J"
    "\x9b31m\u2028::warning::sep\u2029\u202eevil\u2066x\u2069 ##[add-mask]pac\x7f\x85end"
)
# what no output may hold: C0 but tab and newline, DEL, C1, separators, bidi controls
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
ANNOTATION = re.compile(
    r"::(error|warning|notice) file=[^:,]*,line=\d+,col=\d+,title=[a-z0-9-]+::\S.*"
    r"|::notice title=pac::\d+ more findings? (is|are) not annotated; .*"
)


def assert_inert(out: str, *, annotations: int = 0) -> None:
    """No control byte; no line GitHub reads as a command but `annotations` of pac's own."""
    assert not UNSAFE.search(out), UNSAFE.search(out)
    commands = [line for line in out.split("\n") if line.lstrip().startswith("::")]
    assert len(commands) == annotations, commands
    assert all(ANNOTATION.fullmatch(line) for line in commands), commands
    assert "##[" not in out


@pytest.mark.parametrize(
    "unsafe",
    [
        "\n",
        "\r",
        "\x1b",
        "\x07",
        "\x00",
        "\x7f",
        "\x85",
        "\x9b",
        "\u2028",
        "\u2029",
        "\u202a",
        "\u202e",
        "\u2066",
        "\u2069",
    ],
)
def test_one_line_turns_each_control_into_a_space(unsafe: str) -> None:
    assert one_line(f"a{unsafe}{unsafe}b") == "a b"


def test_one_line_keeps_a_value_from_starting_a_command() -> None:
    assert one_line("::error::x") == "\\::error::x"
    assert one_line(" \u00a0\n::add-mask::x") == "\\::add-mask::x"
    assert one_line("a ##[add-mask]x") == "a #\\#[add-mask]x"
    assert one_line("Claims: 50% done, a::b") == "Claims: 50% done, a::b"


def _hostile_findings() -> list[Finding]:
    """A finding of each rule and severity with the hostile text in every text field."""
    text = {f.name: HOSTILE for f in dataclasses.fields(Finding) if f.type == "str"}
    assert {"file", "message", "hint", "entity"} <= set(text)
    return [
        Finding(**{**text, "rule": rule}, loc=(HOSTILE, 1), line=1, column=1, severity=severity)
        for rule in sorted(RULES)
        for severity in Severity
    ]


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_every_validate_format_shows_hostile_findings_as_text(fmt: str) -> None:
    out = REPORTERS[fmt](Result(from_loaded(load([])), _hostile_findings(), 1))
    annotations = 10 + 10 + 1 if fmt == "github" else 0
    assert_inert(out, annotations=annotations)
    if fmt in ("json", "sarif"):  # the data itself is kept, escaped
        assert any(HOSTILE in text for text in _strings(json.loads(out)))


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [value] if isinstance(value, str) else []


# --- a hostile portfolio in a real repository, through every command --------------------------


def _format_findings(path: str, text: str) -> list[str]:
    data = text.encode()
    loaded = load([SourceFile(path, len(data), data)])
    return [f.rule for f in loaded.findings if f.rule in ("schema", "unknown-field")]


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path to each text value of a YAML document."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _leaves(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _leaves(v, (*path, i))]
    return [path] if isinstance(value, str) else []


def _set(data: Any, path: tuple[Any, ...], value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=False)


def make_hostile(path: str, text: str) -> str:
    """The file with the hostile text in every text field the format accepts it in: the
    models decide, so a new field is covered without anyone listing it."""
    data = yaml.safe_load(text)
    for leaf in _leaves(data):
        previous = data
        for part in leaf:
            previous = previous[part]
        _set(data, leaf, HOSTILE)
        if _format_findings(path, _dump(data)):
            _set(data, leaf, previous)
    return _dump(data)


@pytest.fixture(scope="module")
def hostile_repo(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    """The reference portfolio at the repository's root (so that a file name can start a
    line), then a commit by a hostile author that makes every file hostile and adds files
    whose names hold line breaks and commands."""
    repo = GitRepo(tmp_path_factory.mktemp("hostile") / "repo")
    for source in REFERENCE.rglob("*"):
        if source.is_file():
            repo.write(str(source.relative_to(REFERENCE)), source.read_text())
    repo.commit("Start")
    for source in REFERENCE.rglob("*.yaml"):
        name = str(source.relative_to(REFERENCE))
        repo.write(name, make_hostile(name, source.read_text()))
    repo.write("::error file=a,line=1::Injected.yaml", "id: x\n")
    repo.write("products/a\n::warning::nl.yaml", "id: y\n")
    repo.commit(HOSTILE, author=HOSTILE.replace("\n", " "))
    return repo


def pac(repo: GitRepo, *args: str) -> tuple[int, str]:
    with inside(repo.path):
        result = CliRunner().invoke(cli, list(args), env={"GITHUB_ACTIONS": ""})
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.output


def test_the_hostile_portfolio_reaches_many_fields(hostile_repo: GitRepo) -> None:
    text = (hostile_repo.path / "products" / "claims-portal.yaml").read_text()
    assert text.count("add-mask") > 20  # names, KPI names, summaries, roles, tags...


VALIDATE = [
    ["validate", ".", "--format", fmt, "--today", "2026-11-22"]
    for fmt in ("text", "json", "github", "sarif")
]
OTHERS = [
    ["diff", "HEAD~1", "--portfolio", ".", "--format", "text", "--today", "2026-11-22"],
    ["diff", "HEAD~1", "--portfolio", ".", "--format", "markdown", "--today", "2026-11-22"],
    ["diff", "HEAD~1", "--portfolio", ".", "--format", "json", "--today", "2026-11-22"],
    ["changelog", "--portfolio", ".", "--format", "markdown"],
    ["changelog", "--portfolio", ".", "--format", "json"],
    ["scorecard", ".", "--today", "2026-11-22"],
    ["scorecard", ".", "--format", "json", "--today", "2026-11-22"],
    ["report", "."],
    ["report", ".", "--format", "markdown"],
    ["report", ".", "--format", "json"],
    ["export", "."],
    ["codeowners", ".", "--check"],
    ["rules"],
]


@pytest.mark.parametrize(
    "args",
    VALIDATE + OTHERS,
    ids=lambda a: "-".join([a[0], *(a[a.index("--format") + 1 :][:1] if "--format" in a else [])]),
)
def test_every_command_shows_a_hostile_portfolio_as_text(
    hostile_repo: GitRepo, args: list[str]
) -> None:
    _code, out = pac(hostile_repo, *args)
    annotations = 0
    if "github" in args:
        summary = json.loads(pac(hostile_repo, *VALIDATE[1])[1])["summary"]
        annotations = min(summary["errors"], 10) + min(summary["warnings"], 10)
        annotations += summary["errors"] + summary["warnings"] > annotations
    assert_inert(out, annotations=annotations)


def test_the_same_portfolio_as_of_the_first_commit_is_still_clean(
    hostile_repo: GitRepo,
) -> None:
    code, out = pac(hostile_repo, "validate", ".", "--at", "HEAD~1", "--today", "2026-11-22")
    assert code == 0, out


@pytest.mark.parametrize(
    "args",
    [
        ["validate", HOSTILE],
        ["validate", ".", "--today", HOSTILE],
        ["rules", HOSTILE],
        ["validate", ".", "--at", HOSTILE],
        ["report", ".", "--period", HOSTILE],
        ["new", "product", HOSTILE, "--portfolio", "."],
        [
            "new",
            "product",
            "p",
            "--portfolio",
            ".",
            "--name",
            "n",
            "--kind",
            HOSTILE,
            "--stage",
            "live",
            "--owner",
            "team-claims",
        ],
        ["schema", "--check", "--out", HOSTILE],
    ],
    ids=lambda a: "-".join(a[:1]),
)
def test_errors_show_arguments_as_text(tmp_path: Path, args: list[str]) -> None:
    repo = GitRepo(tmp_path / "repo")
    shutil.copytree(REFERENCE, repo.path, dirs_exist_ok=True)
    repo.commit("Start")
    code, out = pac(repo, *args)
    assert code in (1, 2), out
    assert_inert(out)
