"""The GitHub integration: workflows, the pre-commit hook and the pull-request template.

The workflows are checked three ways: zizmor (a security linter, offline) and GitHub's workflow
schema find what a linter can; the parsed YAML shows the design holds (fork pull requests never
get a token that can write; the comment workflow never runs their code; every `pac` command is
one the README documents); and the privileged comment script runs here against a fake `gh`, to
show that it refuses what a hostile artifact can hold.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

BIN = Path(sys.executable).parent
WORKFLOWS = REPO / ".github" / "workflows"
HOOKS = REPO / ".pre-commit-hooks.yaml"
TEMPLATE = REPO / ".github" / "pull_request_template.md"
README = REPO / "README.md"
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
# words after which a word is in command position in a shell line
COMMAND_START = {";", "&&", "||", "|", "(", "!", "if", "then", "else", "elif", "do", "while"}


def _tool(name: str) -> Path:
    tool = BIN / name
    assert tool.exists(), f"{name} is missing: install the test extra (pip install -e '.[test]')"
    return tool


def _offline_env(tmp_path: Path) -> dict[str, str]:
    """The environment without GitHub tokens (no online audits), caches kept in tmp_path."""
    env = {k: v for k, v in os.environ.items() if k not in {"GH_TOKEN", "GITHUB_TOKEN"}}
    env.pop("ZIZMOR_GITHUB_TOKEN", None)
    env.update(NO_COLOR="1", XDG_CACHE_HOME=str(tmp_path / "cache"))
    return env


def _workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.y*ml"))


def _load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text())
    assert isinstance(data, dict)
    # PyYAML reads YAML 1.1, where the key `on` is the boolean true
    if True in data:
        data["on"] = data.pop(True)
    return data


def _triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    on = workflow["on"]
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    assert isinstance(on, dict)
    return on


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _uses(step: dict[str, Any]) -> str:
    return str(step.get("uses", "")).split("@", 1)[0]


def _step(workflow: dict[str, Any], name: str) -> dict[str, Any]:
    found = [s for s in _steps(workflow) if s.get("name") == name or s.get("id") == name]
    assert len(found) == 1, f"no single step {name!r}"
    return found[0]


# --- the linters ------------------------------------------------------------------------------


def _zizmor(tmp_path: Path, *inputs: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(_tool("zizmor")),
            "--offline",
            "--no-progress",
            "--format=json",
            f"--cache-dir={tmp_path / 'zizmor'}",
            *map(str, inputs),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_offline_env(tmp_path),
        timeout=120,
    )


def test_zizmor_finds_nothing(tmp_path: Path) -> None:
    """zizmor's default persona, offline. Exit 0 means no findings; 10 to 14 mean findings
    (the number is the highest severity), 1 that zizmor failed."""
    done = _zizmor(tmp_path, WORKFLOWS, HOOKS)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout) == []


def test_zizmor_finds_what_it_should(tmp_path: Path) -> None:
    """The control: the same run flags the pattern the comment workflow exists to avoid."""
    bad = tmp_path / "repo" / ".github" / "workflows"
    bad.mkdir(parents=True)
    (bad / "bad.yml").write_text(
        "on: pull_request_target\n"
        "jobs:\n"
        "  comment:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "        with:\n"
        "          ref: ${{ github.event.pull_request.head.sha }}\n"
        "      - run: echo '${{ github.event.pull_request.title }}'\n"
    )
    done = _zizmor(tmp_path, bad)
    assert 10 <= done.returncode <= 14, done.stdout + done.stderr
    rules = {finding["ident"] for finding in json.loads(done.stdout)}
    assert {"dangerous-triggers", "template-injection", "artipacked"} <= rules, rules


def test_zizmor_ignores_only_the_workflow_run_trigger() -> None:
    """The one finding silenced: workflow_run itself, which the comment workflow exists for."""
    ignores = {
        (path.name, rule)
        for path in _workflow_files()
        for rule in re.findall(r"zizmor: *ignore\[([^\]]*)\]", path.read_text())
    }
    assert ignores == {("comment.yml", "dangerous-triggers")}
    assert not (REPO / "zizmor.yml").exists()
    assert not (REPO / ".github" / "zizmor.yml").exists()


@pytest.mark.parametrize("path", _workflow_files(), ids=lambda p: p.name)
@pytest.mark.parametrize(
    "schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"]
)
def test_workflow_schema(path: Path, schema: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(_tool("check-jsonschema")), "--no-cache", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_offline_env(tmp_path),
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_all_five_workflows_exist() -> None:
    assert [p.name for p in _workflow_files()] == [
        "comment.yml",
        "latest.yml",
        "mutation.yml",
        "publish.yml",
        "validate.yml",
    ]


def test_mutation_testing_runs_weekly_and_never_in_the_test_command() -> None:
    workflow = _load("mutation.yml")
    assert set(_triggers(workflow)) == {"schedule", "workflow_dispatch"}
    steps = workflow["jobs"]["mutation"]["steps"]
    assert steps[-1]["run"] == "bash .ci/mutation"
    assert "mutmut" not in (REPO / ".ci" / "run").read_text()
    script = (REPO / ".ci" / "mutation").read_text()
    assert "mutmut run" in script and "benchmarks/mutation_scores.py" in script


# --- what every workflow must do --------------------------------------------------------------


@pytest.mark.parametrize("path", _workflow_files(), ids=lambda p: p.name)
def test_least_privilege(path: Path) -> None:
    workflow = _load(path.name)
    assert workflow["permissions"] == {}, "grant permissions per job, not to the workflow"
    assert "concurrency" in workflow
    for name, job in workflow["jobs"].items():
        assert isinstance(job.get("permissions"), dict), f"{name}: no permissions of its own"
        assert "write-all" not in str(job["permissions"])
        limit = 60 if path.name == "mutation.yml" else 30  # mutmut runs the tests 3,000 times
        assert 0 < job["timeout-minutes"] <= limit, name


@pytest.mark.parametrize("path", _workflow_files(), ids=lambda p: p.name)
def test_actions_are_pinned_to_commits_with_their_version(path: Path) -> None:
    text = path.read_text()
    for step in _steps(_load(path.name)):
        if "uses" in step:
            assert SHA_PIN.match(step["uses"]), step["uses"]
            assert re.search(re.escape(step["uses"]) + r" # v\d+(\.\d+)*\n", text), step["uses"]


@pytest.mark.parametrize("path", _workflow_files(), ids=lambda p: p.name)
def test_checkouts_keep_no_credentials(path: Path) -> None:
    for step in _steps(_load(path.name)):
        if _uses(step) == "actions/checkout":
            assert step["with"]["persist-credentials"] is False


@pytest.mark.parametrize("path", _workflow_files(), ids=lambda p: p.name)
def test_no_expressions_in_scripts(path: Path) -> None:
    """Values reach scripts through env:, never by ${{ }} pasted into the script's text."""
    for step in _steps(_load(path.name)):
        assert "${{" not in step.get("run", ""), step.get("name")
        assert "${{" not in str(step.get("with", {}).get("script", "")), step.get("name")


def test_no_workflow_runs_on_pull_request_target() -> None:
    for path in _workflow_files():
        assert "pull_request_target" not in _triggers(_load(path.name)), path.name
        assert "pull_request_target" not in path.read_text(), path.name


# --- validate.yml -----------------------------------------------------------------------------


def test_validate_runs_on_pull_requests_only() -> None:
    workflow = _load("validate.yml")
    assert set(_triggers(workflow)) == {"pull_request"}
    for name, job in workflow["jobs"].items():
        assert job["permissions"] == {"contents": "read"}, name


def test_validate_runs_the_base_branchs_pac_on_the_pull_requests_files() -> None:
    """A pull request that edits pac/ must not decide its own check: pac is installed from
    the base branch, checked out apart, and only reads the pull request's folder."""
    workflow = _load("validate.yml")
    (job,) = workflow["jobs"].values()
    checkouts = {s["with"]["path"]: s for s in _steps(workflow) if _uses(s) == "actions/checkout"}
    assert set(checkouts) == {"pr", "gate"}
    assert checkouts["pr"]["with"]["fetch-depth"] == 0, "pac diff needs both branches' history"
    assert "ref" not in checkouts["pr"]["with"]  # the pull request's merge commit
    assert checkouts["gate"]["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    install = _step(workflow, "Install pac from the base branch")
    assert install["working-directory"] == "gate"
    assert install["run"] == "python -m pip install -c constraints.txt ."
    assert job["defaults"]["run"]["working-directory"] == "pr"
    for step in _steps(workflow):
        if _pac_commands(step.get("run", "")):
            assert "working-directory" not in step, step["name"]  # pac runs in pr/
        assert "pip install" not in step.get("run", "") or step is install


def test_validate_annotates_summarises_and_hands_the_comment_over() -> None:
    workflow = _load("validate.yml")
    commands = [c for s in _steps(workflow) for c in _pac_commands(s.get("run", ""))]
    assert ["pac", "validate", "portfolio", "--format", "github"] in commands
    assert any(c[:2] == ["pac", "diff"] and "markdown" in c for c in commands), commands
    diff = _step(workflow, "pac diff")
    assert '>> "$GITHUB_STEP_SUMMARY"' in diff["run"]
    assert "!cancelled()" in diff["if"], "the comment is wanted most when validation fails"
    upload = next(s for s in _steps(workflow) if _uses(s) == "actions/upload-artifact")
    assert upload["with"]["name"] == "pac-diff"
    assert "!cancelled()" in upload["if"]
    assert "comment.md" in diff["run"] and "pr-number" in diff["run"]
    ratchet = _step(workflow, "Scorecard ratchet")
    assert _pac_commands(ratchet["run"]) == [["pac", "diff", "$BASE_SHA", "--fail-on-regression"]]
    assert _steps(workflow).index(ratchet) > _steps(workflow).index(upload), (
        "a fall in level must not stop the comment that explains it"
    )


# --- comment.yml ------------------------------------------------------------------------------


def test_comment_workflow_follows_validate_and_never_checks_out() -> None:
    workflow = _load("comment.yml")
    triggers = _triggers(workflow)
    assert set(triggers) == {"workflow_run"}
    assert triggers["workflow_run"]["workflows"] == [_load("validate.yml")["name"]]
    assert triggers["workflow_run"]["types"] == ["completed"]
    steps = _steps(workflow)
    assert not [s for s in steps if _uses(s) == "actions/checkout"]
    for step in steps:
        # no git, no pip, no pac: nothing from the pull request is ever run here
        assert not re.search(r"\b(git|pip|pac|python3?|make|npm)\b", step.get("run", ""))
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    assert "github.event.workflow_run.event == 'pull_request'" in job["if"]


def test_comment_workflow_downloads_from_the_validate_run() -> None:
    workflow = _load("comment.yml")
    (download,) = [s for s in _steps(workflow) if _uses(s) == "actions/download-artifact"]
    assert download["with"]["name"] == "pac-diff"
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    assert download["with"]["github-token"] == "${{ github.token }}"


# --- publish.yml ------------------------------------------------------------------------------


def test_publish_builds_main_with_full_history_and_deploys_to_pages() -> None:
    workflow = _load("publish.yml")
    triggers = _triggers(workflow)
    assert set(triggers) == {"push", "workflow_dispatch"}
    assert triggers["push"] == {"branches": ["main"]}
    steps = _steps(workflow)
    checkout = next(s for s in steps if _uses(s) == "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0
    commands = [c for s in steps for c in _pac_commands(s.get("run", ""))]
    assert ["pac", "build", "portfolio", "--out", "build/site"] in commands
    upload = next(s for s in steps if _uses(s) == "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "build/site"
    used = {_uses(s) for s in steps}
    assert {"actions/configure-pages", "actions/deploy-pages"} <= used
    deploy = next(
        job
        for job in workflow["jobs"].values()
        if any(_uses(s) == "actions/deploy-pages" for s in job["steps"])
    )
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert "needs" in deploy
    for job in workflow["jobs"].values():
        if job is not deploy:
            assert job["permissions"] == {"contents": "read"}


# --- every pac command is a documented one ----------------------------------------------------


def _pac_commands(script: str) -> list[list[str]]:
    """Each `pac ...` command in a shell script, up to its end or its first redirection."""
    commands = []
    for line in script.replace("\\\n", " ").splitlines():
        if not re.search(r"(^|[\s;&|(!])pac(\s|$)", line):
            continue
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        words = list(lexer)
        for i, word in enumerate(words):
            if word == "pac" and (i == 0 or words[i - 1] in COMMAND_START):
                command = ["pac"]
                for arg in words[i + 1 :]:
                    if arg and set(arg) <= set(";&|()<>"):
                        break
                    command.append(arg)
                commands.append(command)
    return commands


def _readme_synopses() -> dict[str, str]:
    """`pac <command>` -> its synopsis line in the README's command-line reference."""
    text = README.read_text()
    section = text.split("## The command line", 1)[1].split("\n## ", 1)[0]
    block = section.split("```", 2)[1]
    synopses: dict[str, str] = {}
    name = ""
    for line in block.splitlines():
        if line.startswith("pac "):
            name = line.split()[1]
            synopses[name] = line
        elif line.startswith(" ") and name:  # a synopsis continued on the next line
            synopses[name] += " " + line.strip()
    return synopses


def test_every_pac_command_in_the_workflows_is_documented() -> None:
    synopses = _readme_synopses()
    used = set()
    for path in _workflow_files():
        for step in _steps(_load(path.name)):
            for command in _pac_commands(step.get("run", "")):
                name = command[1]
                used.add(name)
                assert name in synopses, f"{path.name}: README does not document `pac {name}`"
                synopsis = synopses[name]
                for i, arg in enumerate(command):
                    if arg.startswith("--"):
                        option = arg.split("=", 1)[0]
                        assert re.search(re.escape(option) + r"\b", synopsis), (path.name, arg)
                    if arg == "--format":
                        formats = re.search(r"--format ([\w|]+)", synopsis)
                        assert formats and command[i + 1] in formats[1].split("|"), command
    assert used == {"validate", "diff", "build"}


def test_pac_commands_are_found_in_shell() -> None:
    script = 'set -e\nif ! pac diff "$BASE" --format markdown > out.md; then\n  echo no\nfi\n'
    script += "pac validate portfolio \\\n  --format github && echo pac\n"
    assert _pac_commands(script) == [
        ["pac", "diff", "$BASE", "--format", "markdown"],
        ["pac", "validate", "portfolio", "--format", "github"],
    ]


# --- the pre-commit hook and the pull-request template ----------------------------------------


def test_pre_commit_hook_validates_the_whole_portfolio() -> None:
    hooks = yaml.safe_load(HOOKS.read_text())
    (hook,) = [h for h in hooks if h["id"] == "pac-validate"]
    assert hook["entry"] == "pac validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    if not hook.get("always_run"):
        files = re.compile(hook["files"])
        assert files.search("portfolio/products/claims-portal.yaml")
        assert files.search("portfolio/portfolio.yaml")
        assert not files.search("pac/cli.py")
    assert set(hook) <= {
        "id", "name", "entry", "language", "files", "exclude", "types", "types_or",
        "exclude_types", "always_run", "fail_fast", "verbose", "pass_filenames",
        "require_serial", "description", "language_version", "minimum_pre_commit_version",
        "args", "stages",
    }  # fmt: skip


def test_pull_request_template_asks_what_reviewers_check() -> None:
    text = TEMPLATE.read_text()
    for words in ("owner", "KPI", "envelope", "retire_by", "pac validate", "pac diff"):
        assert words in text, words
    assert len(text.splitlines()) < 40, "keep it short enough to be filled in"


# --- the privileged comment script, run against a fake gh -------------------------------------

FAKE_GH = """\
import json, os, re, subprocess, sys

args = sys.argv[1:]
assert args[0] == "api", args
options, positional, flags = {}, [], []
rest = iter(args[1:])
for arg in rest:
    if arg in ("--method", "--jq", "--input"):
        options[arg] = next(rest)
    elif arg.startswith("--"):
        flags.append(arg)
    else:
        positional.append(arg)
(endpoint,) = positional
method = options.get("--method", "GET")
record = {"method": method, "endpoint": endpoint}
if "--input" in options:
    with open(options["--input"]) as f:
        record["input"] = json.load(f)
with open(os.environ["FAKE_GH_LOG"], "a") as f:
    f.write(json.dumps(record) + "\\n")
if method != "GET":
    sys.exit(0)
if re.fullmatch(r"repos/owner/repo/pulls/\\d+", endpoint):
    pulls = json.loads(os.environ["FAKE_PULLS"])
    data = pulls.get(endpoint.rsplit("/", 1)[1])
    if data is None:
        print("gh: Not Found (HTTP 404)", file=sys.stderr)
        sys.exit(1)
elif re.fullmatch(r"repos/owner/repo/issues/\\d+/comments", endpoint):
    data = json.loads(os.environ["FAKE_COMMENTS"])
else:
    sys.exit("unexpected endpoint " + endpoint)
if "--jq" in options:
    out = subprocess.run(["jq", "-r", options["--jq"]], input=json.dumps(data), text=True,
                         capture_output=True, check=True).stdout
    sys.stdout.write(out)
else:
    print(json.dumps(data))
"""

HEAD = "0123456789abcdef0123456789abcdef01234567"
BOT = "github-actions[bot]"


class Runner:
    """Runs the comment job's scripts as GitHub would, with a fake gh on the PATH."""

    def __init__(self, tmp_path: Path) -> None:
        for tool in ("bash", "jq", "head", "wc"):
            if shutil.which(tool) is None:
                pytest.skip(f"{tool} is not installed")
        self.root = tmp_path
        self.artifact = tmp_path / "artifact"
        self.artifact.mkdir()
        fake = tmp_path / "bin"
        fake.mkdir()
        gh = fake / "gh"
        gh.write_text(f"#!{sys.executable}\n{FAKE_GH}")
        gh.chmod(0o755)
        (tmp_path / "runner").mkdir()
        self.log = tmp_path / "gh.log"
        self.log.touch()
        self.output = tmp_path / "output"
        self.pulls: dict[str, Any] = {"7": {"state": "open", "head": {"sha": HEAD}}}
        self.comments: list[dict[str, Any]] = []
        self.path = f"{fake}{os.pathsep}{os.environ.get('PATH', '')}"
        self.workflow = _load("comment.yml")

    def write(self, number: str, comment: bytes | str = "## Portfolio changes\n") -> None:
        (self.artifact / "pr-number").write_text(number)
        data = comment.encode() if isinstance(comment, str) else comment
        (self.artifact / "comment.md").write_bytes(data)

    def run(self, step_name: str, **env: str) -> subprocess.CompletedProcess[str]:
        step = _step(self.workflow, step_name)
        literal = {k: str(v) for k, v in step.get("env", {}).items() if "${{" not in str(v)}
        self.output.write_text("")
        return subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            capture_output=True,
            text=True,
            cwd=self.root,
            timeout=60,
            env={
                "PATH": self.path,
                "HOME": str(self.root),
                "LC_ALL": "C.UTF-8",
                "RUNNER_TEMP": str(self.root / "runner"),
                "GITHUB_OUTPUT": str(self.output),
                "FAKE_GH_LOG": str(self.log),
                "FAKE_PULLS": json.dumps(self.pulls),
                "FAKE_COMMENTS": json.dumps(self.comments),
                "ARTIFACT": str(self.artifact),
                "GH_TOKEN": "token",
                "REPOSITORY": "owner/repo",
                "HEAD_SHA": HEAD,
                **literal,
                **env,
            },
        )

    def outputs(self) -> dict[str, str]:
        lines = self.output.read_text().splitlines()
        return dict(line.split("=", 1) for line in lines)

    def calls(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.log.read_text().splitlines()]


@pytest.fixture
def runner(tmp_path: Path) -> Runner:
    return Runner(tmp_path)


def test_comment_is_created_once(runner: Runner) -> None:
    runner.write("7\n")
    done = runner.run("check")
    assert done.returncode == 0, done.stderr
    assert runner.outputs() == {"number": "7", "post": "true"}
    done = runner.run("Create or update the comment", PR_NUMBER="7")
    assert done.returncode == 0, done.stderr
    post = runner.calls()[-1]
    assert post["method"] == "POST"
    assert post["endpoint"] == "repos/owner/repo/issues/7/comments"
    assert post["input"] == {"body": "<!-- pac-diff -->\n## Portfolio changes\n"}


def test_comment_is_updated_not_added_again(runner: Runner) -> None:
    runner.comments = [
        {"id": 1, "user": {"login": "someone"}, "body": "<!-- pac-diff -->\nnot the bot's"},
        {"id": 2, "user": {"login": BOT}, "body": "another bot comment"},
        {"id": 3, "user": {"login": BOT}, "body": "<!-- pac-diff -->\nthe last diff"},
    ]
    runner.write("7")
    done = runner.run("Create or update the comment", PR_NUMBER="7")
    assert done.returncode == 0, done.stderr
    (listing, patch) = runner.calls()
    assert listing == {"method": "GET", "endpoint": "repos/owner/repo/issues/7/comments"}
    assert patch["method"] == "PATCH"
    assert patch["endpoint"] == "repos/owner/repo/issues/comments/3"
    assert patch["input"]["body"].startswith("<!-- pac-diff -->\n")


@pytest.mark.parametrize(
    "number",
    ["7; touch pwned", "$(touch pwned)", "`touch pwned`", "", "0", "07", "-7", "7\n8", "1" * 11,
     "7 ", " 7", "+7", "\uff17"],
)  # fmt: skip
def test_hostile_pull_request_numbers_are_refused(runner: Runner, number: str) -> None:
    runner.write(number)
    done = runner.run("check")
    assert done.returncode != 0
    assert "not a number" in done.stdout
    assert runner.calls() == []
    assert not (runner.root / "pwned").exists()
    assert "post=true" not in runner.output.read_text()


@pytest.mark.parametrize("name", ["comment.md", "pr-number"])
def test_symlinks_in_the_artifact_are_refused(runner: Runner, name: str) -> None:
    secret = runner.root / "secret"
    secret.write_text("7\n")
    runner.write("7")
    (runner.artifact / name).unlink()
    (runner.artifact / name).symlink_to(secret)
    done = runner.run("check")
    assert done.returncode != 0
    assert f"no regular file {name}" in done.stdout
    assert runner.calls() == []


def test_a_number_that_is_not_this_runs_pull_request_is_skipped(runner: Runner) -> None:
    """A run's artifact may name any pull request: only the one whose head it tested counts."""
    runner.pulls["8"] = {"state": "open", "head": {"sha": "f" * 40}}
    runner.write("8")
    done = runner.run("check")
    assert done.returncode == 0, done.stderr
    assert runner.outputs() == {"post": "false"}
    runner.write("9")  # no such pull request
    assert runner.run("check").returncode != 0
    assert "post=true" not in runner.output.read_text()


def test_closed_pull_requests_get_no_comment(runner: Runner) -> None:
    runner.pulls["7"]["state"] = "closed"
    runner.write("7")
    done = runner.run("check")
    assert done.returncode == 0, done.stderr
    assert runner.outputs() == {"post": "false"}


def test_long_comments_are_cut_to_valid_utf8(runner: Runner) -> None:
    runner.write("7", "x" + "é" * 40_000)  # 80,001 bytes: the cut falls inside an é
    done = runner.run("Create or update the comment", PR_NUMBER="7")
    assert done.returncode == 0, done.stderr
    body = runner.calls()[-1]["input"]["body"]
    assert body.startswith("<!-- pac-diff -->\nxé")
    assert "é\ufffd\n\n*The diff is too long for a comment" in body
    assert len(body) < 65_536


def test_comment_text_is_never_executed(runner: Runner) -> None:
    text = "$(touch pwned) `touch pwned` ${{ github.token }} '\"; touch pwned; \"'\n"
    runner.write("7", text)
    assert runner.run("check").returncode == 0
    done = runner.run("Create or update the comment", PR_NUMBER="7")
    assert done.returncode == 0, done.stderr
    assert runner.calls()[-1]["input"]["body"] == "<!-- pac-diff -->\n" + text
    assert not (runner.root / "pwned").exists()


def test_validate_steps_comment_and_ratchet_on_a_pull_request_that_lowers_a_level(
    tmp_path: Path,
) -> None:
    """validate.yml's own scripts, run by bash in a real repository: the comment names the
    fall and the ratchet step fails."""
    from conftest import REFERENCE
    from gitrepo import GitRepo

    repo = GitRepo(tmp_path / "repo")
    repo.copy(REFERENCE, "portfolio")
    base = repo.commit("Start the portfolio")
    repo.git("checkout", "-q", "-b", "proposal")
    # no customers: below the first level whatever the date (the workflow passes no --today)
    text = (repo.path / "portfolio/products/claims-portal.yaml").read_text()
    start, end = text.index("customers:\n"), text.index("capabilities:")
    (repo.path / "portfolio/products/claims-portal.yaml").write_text(
        text[:start] + "customers: []\n" + text[end:])
    repo.commit("Forget the customers")
    temp = tmp_path / "runner"
    temp.mkdir()
    summary = tmp_path / "summary.md"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "BASE_SHA": base, "PR_NUMBER": "7", "RUN_URL": "https://example.com/run",
           "RUNNER_TEMP": str(temp), "GITHUB_STEP_SUMMARY": str(summary)}
    workflow = _load("validate.yml")

    def run(step: str) -> subprocess.CompletedProcess[str]:
        script = _step(workflow, step)["run"]
        return subprocess.run(["bash", "-e", "-c", script], cwd=repo.path, env=env,
                              capture_output=True, text=True, check=False)

    diff = run("pac diff")
    assert diff.returncode == 0, diff.stderr
    comment = (temp / "pac-diff" / "comment.md").read_text()
    assert "### Scorecard" in comment
    assert re.search(r"\| Claims Portal \| \w+ \| ↓ — \| has-customers \|", comment), comment
    assert "Claims Portal falls from" in summary.read_text()
    ratchet = run("Scorecard ratchet")
    assert ratchet.returncode == 1, ratchet.stdout + ratchet.stderr
    assert re.search(r"level down: product:claims-portal \w+ -> \(none\) \(fails has-customers\)",
                     ratchet.stdout), ratchet.stdout
