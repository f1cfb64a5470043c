"""pac new: a valid file to start from, never over an existing one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from conftest import REFERENCE
from support import inside

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
    commands = {
        "teams/team-new.yaml": ("team", "team-new", "--name", "New Team"),
        "capabilities/claims-intake.yaml": ("capability", "claims-intake", "--name",
                                            "Claims Intake", "--parent", "claims-and-risk"),
        "objectives/faster-claims.yaml": ("objective", "faster-claims", "--name",
                                          "Faster claims"),
    }
    for name, args in commands.items():
        assert run(repo, "new", *args) == (
            0, f"Wrote portfolio/{name}. Run 'pac validate' to check it against the rest.\n")
    written = {name: (repo / "portfolio" / name).read_text() for name in commands}
    assert written == {
        "teams/team-new.yaml": (
            "# yaml-language-server: $schema=../../schemas/team.schema.json\n"
            'id: team-new\nname: New Team\n'),
        "capabilities/claims-intake.yaml": (
            "# yaml-language-server: $schema=../../schemas/capability.schema.json\n"
            'id: claims-intake\nname: Claims Intake\nparent: claims-and-risk\n'),
        "objectives/faster-claims.yaml": (
            "# yaml-language-server: $schema=../../schemas/objective.schema.json\n"
            'id: faster-claims\nname: Faster claims\n'),
    }
    code, out = run(repo, "validate", "--today", "2026-11-22", "--format", "json")
    assert code == 0, out
    report = json.loads(out)
    assert report["summary"]["entities"] == {
        "products": 3, "teams": 3, "capabilities": 5, "objectives": 2, "funding": 1}
    # no error, and only the health signals a new, unused entity is expected to have
    assert [(f["file"], f["severity"], f["rule"]) for f in report["findings"]
            if f["entity"] in ("team:team-new", "capability:claims-intake",
                               "objective:faster-claims")] == [
        ("portfolio/capabilities/claims-intake.yaml", "info", "capability-gap"),
        ("portfolio/objectives/faster-claims.yaml", "warning", "objective-unserved"),
    ]
    assert report["summary"]["errors"] == 0


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
    assert "name: Asked Product\n" in text and "stage: ideation\n" in text


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


def test_an_argument_that_is_not_utf8_writes_nothing(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    done = subprocess.run([sys.executable.encode(), b"-m", b"pac", b"new", b"team", b"team-x",
                           b"--name", b"caf\xe9 \xff"], cwd=repo, capture_output=True,
                          env={**os.environ, "GITHUB_ACTIONS": ""})
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "Error: the argument 'caf\\xe9 \\xff' is not valid UTF-8: give names, ids and paths "
        "as UTF-8 text\n")
    assert not (repo / "portfolio" / "teams" / "team-x.yaml").exists()
    assert run(repo, "new", "team", "team-x", "--name", "Café")[0] == 0
    assert run(repo, "validate", "--today", "2026-11-22")[0] == 0


def test_kind_owner_stage_and_parent_come_from_the_portfolio(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    product = ["new", "product", "widget-hub", "--name", "Widget Hub"]
    code, out = run(repo, *product, "--kind", "widget", "--stage", "live", "--owner", "team-claims")
    assert code == 2
    assert out == ("Error: --kind 'widget' is not one of the portfolio's product kinds: use one "
                   "of application, platform, service, data, infrastructure, or add it to "
                   "taxonomy.product_kinds in portfolio.yaml\n")
    code, out = run(repo, *product, "--kind", "servce", "--stage", "live", "--owner", "team-claims")
    assert (code, out) == (2, "Error: --kind 'servce' is not one of the portfolio's product "
                              "kinds: did you mean 'service'?\n")
    code, out = run(repo, *product, "--kind", "service", "--stage", "live", "--owner", "team-claim")
    assert (code, out) == (2, "Error: --owner 'team-claim' is not one of the portfolio's teams: "
                              "did you mean 'team-claims'?\n")
    code, out = run(repo, *product, "--kind", "service", "--stage", "live",
                    "--owner", "team-nobody")
    assert code == 2 and "create it first with 'pac new team team-nobody'" in out
    code, out = run(repo, *product, "--kind", "service", "--stage", "alive",
                    "--owner", "team-claims")
    assert code == 2 and "'alive' is not one of" in out
    code, out = run(repo, "new", "capability", "intake", "--name", "Intake", "--parent", "claims")
    assert code == 2 and "--parent 'claims' is not one of the portfolio's capabilities" in out
    assert not (repo / "portfolio" / "products" / "widget-hub.yaml").exists()
    assert not (repo / "portfolio" / "capabilities" / "intake.yaml").exists()
    # the organisation's own taxonomy, and a team whose file has errors, still count
    settings = repo / "portfolio" / "portfolio.yaml"
    settings.write_text(settings.read_text() + "taxonomy:\n  product_kinds: [widget]\n")
    (repo / "portfolio" / "teams" / "team-new.yaml").write_text("id: team-new\nname: [broken\n")
    code, out = run(repo, *product, "--kind", "widget", "--stage", "live", "--owner", "team-new")
    assert code == 0, out
    assert "kind: widget" in (repo / "portfolio" / "products" / "widget-hub.yaml").read_text()


def test_a_file_where_the_folder_should_be_is_one_line(tmp_path: Path) -> None:
    repo = repo_with_portfolio(tmp_path)
    shutil.rmtree(repo / "portfolio" / "objectives")
    (repo / "portfolio" / "objectives").write_text("")
    code, out = run(repo, "new", "objective", "faster", "--name", "Faster")
    assert code == 2
    assert out == ("Error: cannot write portfolio/objectives: it is a file, "
                   "not a folder: pac new writes into the portfolio's folders: make them folders "
                   "you can write to\n")
