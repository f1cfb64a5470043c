"""Files pac reads beside the entities (extension schemas, CODEOWNERS), from the working tree
and from git (`--at`): the same size limit and link policy as the entity files, and a finding,
never a read of a file that is too large or leads elsewhere."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLE, REPO, TODAY
from gitrepo import GitRepo

from pac.cli import cli
from pac.load.files import MAX_FILE_BYTES

SCHEMA = "extensions/product.schema.json"
HUGE = MAX_FILE_BYTES + 10


def _validate(portfolio: Path, *extra: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(
        cli, ["validate", str(portfolio), "--format", "json", "--today", TODAY.isoformat(), *extra]
    )
    assert result.exit_code in (0, 1), result.output
    findings: list[dict[str, object]] = json.loads(result.output)["findings"]
    return findings


def _messages(findings: list[dict[str, object]], rule: str) -> list[str]:
    return [str(f["message"]) for f in findings if f["rule"] == rule]


def _huge_schema() -> str:
    return '{"type": "object", "description": "' + "x" * HUGE + '"}'


def test_an_extension_schema_over_the_limit_is_not_read(tmp_path: Path) -> None:
    portfolio = tmp_path / "portfolio"
    shutil.copytree(EXAMPLE, portfolio)
    (portfolio / SCHEMA).write_text(_huge_schema())
    (message,) = set(_messages(_validate(portfolio), "extension-schema"))
    size = len(_huge_schema().encode())
    assert message == (
        f"extension schema '{SCHEMA}' cannot be read: file is {size:,} bytes, "
        f"over the limit of {MAX_FILE_BYTES:,}"
    )


def test_an_extension_schema_linked_outside_the_portfolio_is_not_followed(tmp_path: Path) -> None:
    portfolio = tmp_path / "portfolio"
    shutil.copytree(EXAMPLE, portfolio)
    secret = tmp_path / "secret.json"
    secret.write_text('{"type": "object", "title": "TOP SECRET"}')
    (portfolio / SCHEMA).unlink()
    (portfolio / SCHEMA).symlink_to(secret)
    (message,) = set(_messages(_validate(portfolio), "extension-schema"))
    assert message == (
        f"extension schema '{SCHEMA}' cannot be read: it is a symbolic link, which pac does not "
        "follow"
    )
    assert "TOP SECRET" not in message


def test_side_files_over_the_limit_in_git_are_not_read(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.copy(EXAMPLE, "portfolio")
    repo.write(".github/CODEOWNERS", "# " + "x" * HUGE + "\n")
    repo.write(f"portfolio/{SCHEMA}", _huge_schema())
    repo.commit("Files too large to read")
    shutil.rmtree(repo.path / "portfolio")  # --at reads git objects, not the working tree
    (repo.path / "portfolio").mkdir()
    findings = _validate(repo.path / "portfolio", "--at", "HEAD")
    assert _messages(findings, "codeowners-drift") == [
        f".github/CODEOWNERS cannot be read: file is {HUGE + 3:,} bytes, "
        f"over the limit of {MAX_FILE_BYTES:,}"
    ]
    assert "cannot be read: file is" in _messages(findings, "extension-schema")[0]


def test_the_committed_codeowners_is_read_as_before() -> None:
    findings = _validate(REPO / "portfolio")
    assert _messages(findings, "codeowners-drift") == []
