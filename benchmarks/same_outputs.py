"""Do two versions of pac give the same outputs? For changes meant to change no behaviour.

    python benchmarks/same_outputs.py BASE_REF [--keep DIR]

Checks out BASE_REF's `pac/` into a temporary worktree and runs it and the working tree's
`pac/` with the same interpreter (so with the same dependencies) on the same input: the
example portfolio committed to a fresh git repository with a fixed author and date, then one
more commit that changes a product, a team and the funding (so that `diff` and `changelog`
have something to say). For each, the JSON outputs of validate, diff, changelog, report,
export and scorecard, the CSV export, and the built site (history on) are compared byte for
byte. Exit 0 when all are the same; otherwise the first lines that differ are printed.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-22"
ENV = {
    "SOURCE_DATE_EPOCH": "1795000000",
    "GITHUB_ACTIONS": "",
    "NO_COLOR": "1",
    "GIT_AUTHOR_NAME": "Ann Author",
    "GIT_AUTHOR_EMAIL": "ann@example.com",
    "GIT_COMMITTER_NAME": "Ann Author",
    "GIT_COMMITTER_EMAIL": "ann@example.com",
    "GIT_AUTHOR_DATE": "2026-11-01T12:00:00+00:00",
    "GIT_COMMITTER_DATE": "2026-11-01T12:00:00+00:00",
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
}
COMMANDS = {
    "validate.json": ["validate", "portfolio", "--format", "json", "--today", TODAY],
    "diff.json": ["diff", "HEAD~1", "HEAD", "--format", "json", "--today", TODAY],
    "diff.md": ["diff", "HEAD~1", "HEAD", "--format", "markdown", "--today", TODAY],
    "changelog.json": ["changelog", "--format", "json"],
    "report.json": ["report", "portfolio", "--format", "json"],
    "export.json": ["export", "portfolio", "--format", "json", "--today", TODAY],
    "scorecard.json": ["scorecard", "portfolio", "--format", "json", "--today", TODAY],
}


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **ENV}, check=True,
                   capture_output=True)


def make_input(folder: Path) -> Path:
    """The example portfolio in a git repository of two commits."""
    repo = folder / "input"
    shutil.copytree(REPO / "portfolio", repo / "portfolio")
    shutil.copytree(REPO / "site", repo / "site")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "The portfolio")
    edits = {
        "portfolio/products/checkout.yaml": ("stage: live",
                                             "stage: sunset\n  retire_by: 2027-06-30"),
        "portfolio/teams/team-checkout.yaml": ("name: Checkout and Payments Team",
                                               "name: Checkout Team"),
        "portfolio/funding/FY2027.yaml": ("envelope: 34000000", "envelope: 35000000.50"),
    }
    for name, (old, new) in edits.items():
        path = repo / name
        text = path.read_text()
        if old not in text:
            sys.exit(f"{name} no longer holds {old!r}: update same_outputs.py")
        path.write_text(text.replace(old, new, 1))
    _git(repo, "commit", "-q", "-am", "Sunset checkout (#12)")
    return repo


def run_pac(source: Path, repo: Path, out: Path) -> None:
    """Every output of the pac whose package lies in `source`, into `out`."""
    out.mkdir(parents=True)
    env = {**os.environ, **ENV, "PYTHONPATH": str(source)}
    for name, args in COMMANDS.items():
        done = subprocess.run([sys.executable, "-m", "pac", *args], cwd=repo, env=env,
                              capture_output=True, check=False)
        (out / name).write_bytes(done.stdout)
        (out / f"{name}.status").write_text(f"{done.returncode}\n{done.stderr.decode()}")
    csv = out / "csv"
    subprocess.run([sys.executable, "-m", "pac", "export", "portfolio", "--format", "csv",
                    "--out", str(csv), "--today", TODAY], cwd=repo, env=env, check=True,
                   capture_output=True)
    subprocess.run([sys.executable, "-m", "pac", "build", "portfolio", "--out",
                    str(out / "site"), "--today", TODAY], cwd=repo, env=env, check=True,
                   capture_output=True)


def differences(a: Path, b: Path) -> list[str]:
    compared = filecmp.dircmp(a, b)
    found = [f"only in {a.name}: {n}" for n in compared.left_only]
    found += [f"only in {b.name}: {n}" for n in compared.right_only]
    for name in compared.diff_files:
        left = (a / name).read_bytes().splitlines()
        right = (b / name).read_bytes().splitlines()
        line = next((i for i, (x, y) in enumerate(zip(left, right, strict=False)) if x != y),
                    min(len(left), len(right)))
        found.append(f"{a / name} differs from line {line + 1}")
    for name in compared.common_dirs:
        found += differences(a / name, b / name)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the git ref whose pac/ the working tree is held to")
    parser.add_argument("--keep", type=Path, help="keep the inputs and outputs in this folder")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="pac-same-"))
    base = folder / "base-source"
    subprocess.run(["git", "worktree", "add", "-q", "--detach", str(base), args.base],
                   cwd=REPO, check=True)
    try:
        repo = make_input(folder)
        run_pac(base, repo, folder / "before")
        run_pac(REPO, repo, folder / "after")
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=REPO,
                       check=False)
    found = differences(folder / "before", folder / "after")
    for line in found[:40]:
        print(line)
    print(f"{len(found)} differences between {args.base} and the working tree"
          + (f" (outputs in {folder})" if args.keep else ""))
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
