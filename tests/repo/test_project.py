"""The project's own hygiene, run with the suite: lint, types, and the README's promises."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
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


# --- the lock: what the two commands install ---------------------------------------------------


def _pip_installs() -> dict[str, str]:
    """Every `pip install` the project runs to install pac, by where it is written."""
    places = {
        "README.md": "\n".join(_readme_commands()),
        ".ci/run": (REPO / ".ci" / "run").read_text(),
    }
    for workflow in sorted((REPO / ".github" / "workflows").glob("*.yml")):
        places[f".github/workflows/{workflow.name}"] = workflow.read_text()
    return {
        f"{place}: {line}": line
        for place, text in places.items()
        for line in re.findall(r"[^\n]*pip install[^\n]*", text)
    }


def test_every_install_of_pac_uses_the_lock() -> None:
    installs = _pip_installs()
    assert len(installs) >= 4  # the README's two commands, .ci/run and two workflows
    for where, line in installs.items():
        assert "-c constraints.txt" in line, where


def _locked() -> dict[str, str]:
    lines = (REPO / "constraints.txt").read_text().splitlines()
    pins = [line.split("==") for line in lines if line and not line.startswith("#")]
    return {_normal(name): version for name, version in pins}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_lock_pins_every_release_this_suite_runs_with() -> None:
    """The README's test command installs from the lock, so what is installed is locked.

    `.ci/latest` and `.ci/oldest` install other releases on purpose and set PAC_UNLOCKED.
    """
    from importlib.metadata import distributions

    if os.environ.get("PAC_UNLOCKED"):
        pytest.skip("running on releases other than the lock's, on purpose")
    locked = _locked()
    installed = {_normal(d.metadata["Name"]): d.version for d in distributions()}
    for name in ("pac", "pip", "setuptools", "wheel"):
        installed.pop(name, None)
    assert {n: v for n, v in installed.items() if locked.get(n) != v} == {}


def test_lower_bounds_become_pins_for_the_oldest_run() -> None:
    sys.path.insert(0, str(REPO / ".ci"))
    try:
        from bounds import lower_bounds  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    pins = lower_bounds(REPO / "pyproject.toml")
    assert "pydantic==2.11" in pins and "pyyaml==6.0.2" in pins
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+==[0-9][0-9A-Za-z.]*", pin) for pin in pins), pins


# --- Backstage's validators: what the test runs install from npm ---------------------------------

NPM_CI = (
    "npm ci --prefix tests/backstage --no-audit --no-fund --no-update-notifier --loglevel=error"
)


def test_every_test_run_installs_backstages_validators_as_locked() -> None:
    """The README's test command, .ci/latest and .ci/oldest install tests/backstage from its
    lock (npm ci), after Node.js and npm from Debian when there is no npm (a machine with
    NodeSource's nodejs, which holds npm, keeps it)."""
    _, tests = _readme_commands()
    for where, text in [("README.md", tests), (".ci/latest", (REPO / ".ci" / "latest").read_text()),
                        (".ci/oldest", (REPO / ".ci" / "oldest").read_text())]:
        assert NPM_CI in text, where
        install = "(command -v npm >/dev/null || (apt-get update -q && apt-get install -y -q " \
            "nodejs npm))"
        assert install in text, where
        assert text.index(install) < text.index(NPM_CI) < text.index("-m pytest"), where


def test_the_npm_packages_are_pinned_and_locked() -> None:
    folder = REPO / "tests" / "backstage"
    pins = json.loads((folder / "package.json").read_text())["dependencies"]
    assert set(pins) == {"@backstage/catalog-model", "yaml"}
    assert all(re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", version) for version in pins.values())
    lock = json.loads((folder / "package-lock.json").read_text())["packages"]
    assert lock[""]["dependencies"] == pins
    for name, version in pins.items():
        assert lock[f"node_modules/{name}"]["version"] == version
    # every package comes from the registry npm is set to, checked against its hash
    assert all(p.get("integrity", "").startswith("sha512-") for k, p in lock.items() if k)
    assert not [k for k, p in lock.items() if p.get("hasInstallScript")]
