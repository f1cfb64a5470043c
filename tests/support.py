"""Helpers shared by the tests: run validation on a folder, apply a case to a portfolio,
run the CLI inside a git repository."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from conftest import CASES, TODAY
from gitrepo import GitRepo

from pac.cli import cli
from pac.findings import Finding, Result
from pac.load.files import SourceFile, read_directory, read_file
from pac.validate import validate

EXPECTED = "expected.txt"
DELETED = "deleted.txt"


def run(folder: Path, **options: object) -> Result:
    def read(name: str) -> SourceFile | None:
        return read_file(folder, name)

    return validate(read_directory(folder), today=TODAY, prefix="portfolio/", read=read, **options)  # type: ignore[arg-type]


def apply_case(case: Path, portfolio: Path) -> None:
    """Overlay a case's files on a portfolio; deleted.txt lists files to remove first."""
    deleted = case / DELETED
    if deleted.exists():
        for name in deleted.read_text().split():
            (portfolio / name).unlink()
    for source in sorted(case.rglob("*")):
        if source.is_file() and source.name not in (EXPECTED, DELETED):
            target = portfolio / source.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def identity(f: Finding) -> tuple[str, str, str]:
    """A finding apart from where it happens to be (a case may move a file or lines)."""
    return (f.rule, f.entity, f.message)


def beyond_baseline(findings: list[Finding], baseline: list[Finding]) -> list[Finding]:
    """The findings a case adds to those the reference portfolio already has (the
    reference's health warnings and infos), wherever an edit moved their lines."""
    known = {identity(f) for f in baseline}
    return [f for f in findings if identity(f) not in known]


def short(f: Finding) -> str:
    """The line of text output that identifies a finding, without its message."""
    return f"{f.file}:{f.line}:{f.column}: {f.severity} {f.rule}"


def expected_lines(case: Path) -> list[str]:
    """A case's expected.txt, as `pac validate` prints its findings: each finding's
    `file:line:col: severity rule message`, then its `    hint: ...` when it has one.
    Blank lines and lines starting with '#' are left out."""
    path = case / EXPECTED
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.rstrip() for line in lines if line.strip() and not line.startswith("#")]


P = "portfolio/products/"


@contextmanager
def inside(path: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def pac(repo: GitRepo, *args: str) -> tuple[int, str]:
    with inside(repo.path):
        result = CliRunner().invoke(cli, [*args, "--today", "2026-11-22"],
                                    env={"GITHUB_ACTIONS": ""})
    return result.exit_code, result.output


def extension_findings(
    portfolio: Path, schema: dict[str, object], extensions: str
) -> list[Finding]:
    """The extension-schema findings of the reference with `schema` as the product schema
    and `extensions` (YAML lines indented by two) as fraud-scoring's extensions."""
    apply_case(CASES / "invalid" / "extension-schema" / "wrong-values", portfolio)
    (portfolio / "extensions" / "product.schema.json").write_text(json.dumps(schema))
    product = portfolio / "products" / "fraud-scoring.yaml"
    text = product.read_text()
    product.write_text(text[: text.index("extensions:")] + "extensions:\n" + extensions)
    return [f for f in run(portfolio).findings if f.rule == "extension-schema"]


def until(what: Callable[[], Any], timeout: float = 120) -> Any:
    """What `what` gives once it gives something, polling every tenth of a second."""
    deadline = time.monotonic() + timeout
    while True:
        found = what()
        if found:
            return found
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)
