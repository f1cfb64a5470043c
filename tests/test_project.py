"""The project's own hygiene, run with the suite: lint, types, and the README's promises."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO

BIN = Path(sys.executable).parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, cwd=REPO, timeout=300)


def test_ruff_lint() -> None:
    done = _run(str(BIN / "ruff"), "check", "pac", "tests", "benchmarks")
    assert done.returncode == 0, done.stdout


def test_ruff_format() -> None:
    done = _run(str(BIN / "ruff"), "format", "--check", "pac")
    assert done.returncode == 0, done.stdout


def test_mypy_strict() -> None:
    done = _run(str(BIN / "mypy"))
    assert done.returncode == 0, done.stdout


def _readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text()
    section = text.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_ci_runs_the_readme_test_command() -> None:
    main_job, tests = _readme_commands()
    assert "pac validate portfolio" in main_job and "pac build portfolio" in main_job
    ci = (REPO / ".ci" / "run").read_text().strip().splitlines()[-1]
    assert ci == tests
