"""Time `pac changelog` against a naive per-commit GitPython walk, on the same history.

The history: a synthetic portfolio of 1,000 products (benchmarks/generate.py) committed once,
then 2,000 commits that each change one to three product files (every tenth a merged
branch), with fixed authors and dates. In the same run:

- pac: `pac changelog --format json` (one `git log --raw`, one persistent
  `git cat-file --batch`, each blob parsed once);
- naive: what a first attempt with GitPython looks like: for every first-parent commit,
  `commit.diff(parent)` on the portfolio folder, and both versions of each changed file read
  and parsed with PyYAML's C loader (no semantic diff at all, so the naive side is flattered).

    python benchmarks/bench_changelog.py --products 1000 --commits 2000 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_validate import machine, run, source_state, tool
from generate import generate

HERE = Path(__file__).parent
GOALS = {"speedup": 10.0, "seconds": 5.0}

NAIVE = r"""
import sys, time, yaml, git
start = time.perf_counter()
repo = git.Repo(sys.argv[1])
parsed = 0
for commit in repo.iter_commits("HEAD", paths="portfolio", first_parent=True):
    parent = commit.parents[0] if commit.parents else git.NULL_TREE
    for change in commit.diff(parent, paths="portfolio"):
        for blob in (change.a_blob, change.b_blob):
            if blob is not None:
                yaml.load(blob.data_stream.read(), Loader=yaml.CSafeLoader)
                parsed += 1
print(parsed, time.perf_counter() - start)
"""


def _git(repo: Path, *args: str, day: int, step: int = 3600) -> None:
    """git, as author `day % 7`, at commit `day` of a history with `step` seconds between
    commits, from 2025-01-01."""
    stamp = f"{1735689600 + day * step} +0000"
    env = {**os.environ, "GIT_AUTHOR_NAME": f"Author {day % 7}",
           "GIT_AUTHOR_EMAIL": f"a{day % 7}@example.com", "GIT_COMMITTER_NAME": "CI",
           "GIT_COMMITTER_EMAIL": "ci@example.com", "GIT_AUTHOR_DATE": stamp,
           "GIT_COMMITTER_DATE": stamp, "GIT_CONFIG_GLOBAL": "/dev/null"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def new_summary(text: str, n: int, _rng: random.Random) -> str:
    """The product's summary rewritten, the edit of each commit of this benchmark."""
    marker = "summary: "
    start = text.index(marker) + len(marker)
    end = text.index("\n", start)
    return f"{text[:start]}Revision {n} of this summary.{text[end:]}"


Edit = Callable[[str, int, random.Random], str]


def make_history(repo: Path, products: int, commits: int, seed: int, *,
                 edit: Edit = new_summary, step: int = 3600) -> None:
    """The portfolio committed once, then `commits` commits `step` seconds apart that each
    `edit` one to three product files; every tenth is a branch merged with --no-ff."""
    rng = random.Random(seed)
    generate(repo / "portfolio", products, seed=seed)
    _git(repo, "init", "-q", "-b", "main", day=0, step=step)
    _git(repo, "add", "-A", day=0, step=step)
    _git(repo, "commit", "-q", "-m", "Start the portfolio", day=0, step=step)
    files = sorted((repo / "portfolio" / "products").glob("*.yaml"))
    for n in range(1, commits + 1):
        merge = n % 10 == 0
        if merge:
            _git(repo, "checkout", "-q", "-b", f"pr-{n}", day=n, step=step)
        for path in rng.sample(files, rng.randint(1, 3)):
            path.write_text(edit(path.read_text(), n, rng))
        _git(repo, "commit", "-q", "-am", f"Change {n}" + ("" if merge else f" (#{n})"),
             day=n, step=step)
        if merge:
            _git(repo, "checkout", "-q", "main", day=n, step=step)
            _git(repo, "merge", "-q", "--no-ff", f"pr-{n}", "-m",
                 f"Merge pull request #{n} from org/pr-{n}", day=n, step=step)
    # packed, as a clone is: loose objects would slow both walks alike, and no one has them
    _git(repo, "gc", "-q", day=commits, step=step)


def measure(repo: Path, repeat: int) -> dict[str, Any]:
    pacs, naives = [], []
    for i in range(repeat):
        log(f"run {i + 1} of {repeat}")
        pac = run([tool("pac"), "changelog", "--portfolio", str(repo / "portfolio"), "--format",
                   "json"], cwd=repo)
        if pac.code != 0:
            sys.exit(f"pac changelog failed:\n{pac.stdout[-3000:]}")
        entries = len(json.loads(pac.stdout)["entries"])
        naive = run([sys.executable, "-c", NAIVE, str(repo)])
        if naive.code != 0:
            sys.exit(f"the naive walk failed:\n{naive.stdout[-3000:]}")
        pacs.append(pac)
        naives.append(naive)
    pac_s = statistics.median(r.seconds for r in pacs)
    naive_s = statistics.median(r.seconds for r in naives)
    return {"pac_seconds": pac_s, "naive_seconds": naive_s, "speedup": naive_s / pac_s,
            "pac_peak_mb": max(r.peak_mb for r in pacs), "entries": entries,
            "runs": {"pac": [r.seconds for r in pacs], "naive": [r.seconds for r in naives]}}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pac-bench-log-") as tmp:
        repo = Path(tmp) / "repo"
        log(f"making a history of {args.commits} commits over {args.products} products")
        make_history(repo, args.products, args.commits, args.seed)
        result = measure(repo, args.repeat)
    print(f"| commits | products | entries | pac changelog s | naive GitPython walk s | "
          f"speed-up | pac peak MB |\n|---:|---:|---:|---:|---:|---:|---:|\n"
          f"| {args.commits:,} | {args.products:,} | {result['entries']:,} | "
          f"{result['pac_seconds']:.2f} | {result['naive_seconds']:.2f} | "
          f"{result['speedup']:.1f}x | {result['pac_peak_mb']:.0f} |")
    met = result["speedup"] >= GOALS["speedup"] and result["pac_seconds"] < GOALS["seconds"]
    print(f"goals (>= {GOALS['speedup']:.0f}x the naive walk, under {GOALS['seconds']:.0f} s): "
          + ("met" if met else "MISSED"))
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"bench_changelog-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps({"settings": vars(args) | {"out": str(args.out)},
                                "machine": machine(), "source": source_state(),
                                "goals": GOALS, "result": result}, indent=2) + "\n")
    log(f"wrote {path}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
