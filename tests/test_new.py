"""pac new: a valid file to start from, never over an existing one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from conftest import REFERENCE
from test_diff import inside

from pac.cli import cli


def repo_with_portfolio(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(REFERENCE, repo / "portfolio")
    (repo / ".git").mkdir()
    return repo


def run(repo: Path, *args: str) -> tuple[int, str]:
    with inside(repo):
        result = CliRunner().invoke(cli, list(args), env={"GITHUB_ACTIONS": ""})
    return result.exit_code, result.output


def test_new_product_is_valid_and_names_its_schema(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    code, out = run(repo, "new", "product", "payments-hub", "--name", "Payments: Hub #1",
                    "--kind", "service", "--stage", "discovery", "--owner", "team-claims")
    assert code == 0, out
    text = (repo / "portfolio" / "products" / "payments-hub.yaml").read_text()
    assert text.splitlines()[0] == (
        "# yaml-language-server: $schema=../../schemas/product.schema.json")
    assert 'name: "Payments: Hub #1"' in text
    code, out = run(repo, "validate", "--today", "2026-11-22")
    assert code == 0, out
    assert "4 products" in out


def test_every_kind(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    assert run(repo, "new", "team", "team-new", "--name", "New Team")[0] == 0
    assert run(repo, "new", "capability", "claims-intake", "--name", "Claims Intake",
               "--parent", "claims-and-risk")[0] == 0
    assert run(repo, "new", "objective", "faster-claims", "--name", "Faster claims")[0] == 0
    code, out = run(repo, "validate", "--today", "2026-11-22")
    assert code == 0, out


def test_refuses_to_overwrite_and_bad_ids(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    before = (repo / "portfolio" / "teams" / "team-claims.yaml").read_text()
    code, out = run(repo, "new", "team", "team-claims", "--name", "Other")
    assert code == 2 and "never overwrites" in out
    assert (repo / "portfolio" / "teams" / "team-claims.yaml").read_text() == before
    code, out = run(repo, "new", "team", "Team_X", "--name", "X")
    assert code == 2 and "lowercase letters" in out
    code, out = run(repo, "new", "product", "half", "--name", "Half")
    assert code == 2 and "needs --kind" in out
    assert not (repo / "portfolio" / "products" / "half.yaml").exists()


def test_asks_on_a_terminal(tmp_path: Path) -> None:
    import pty

    repo = repo_with_portfolio(tmp_path)
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "pac", "new", "product", "asked"],
                            stdin=follower, stdout=follower, stderr=follower, cwd=repo,
                            env={**os.environ, "GITHUB_ACTIONS": ""})
    os.close(follower)
    seen = ""
    for answer in ("Asked Product", "application", "", "team-claims"):
        while not seen.rstrip().endswith(":") and not seen.rstrip().endswith("]:"):
            seen += os.read(leader, 1024).decode()
        os.write(leader, (answer + "\n").encode())
        seen = ""
    proc.wait(timeout=60)
    os.close(leader)
    assert proc.returncode == 0
    text = (repo / "portfolio" / "products" / "asked.yaml").read_text()
    assert 'name: "Asked Product"' in text and 'stage: "ideation"' in text


def test_odd_names_round_trip_and_yml_counts_as_taken(tmp_path: Path) -> None:
    from pac.yaml import parse

    repo = repo_with_portfolio(tmp_path)
    name = 'Tab\there "quoted" \\ back: #x caf\u00e9\u2028next\x7f'
    assert run(repo, "new", "objective", "odd", "--name", name)[0] == 0
    text = (repo / "portfolio" / "objectives" / "odd.yaml").read_text()
    assert parse(text).data["name"] == name
    (repo / "portfolio" / "teams" / "team-yml.yml").write_text("id: team-yml\nname: Y\n")
    code, out = run(repo, "new", "team", "team-yml", "--name", "Again")
    assert code == 2 and "team-yml.yml already exists" in out
    assert run(repo, "new", "team", "zz\n", "--name", "Z")[0] == 2
