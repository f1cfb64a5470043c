"""Time `pac trends` against `pac changelog` on the same history, in the same run.

The goal (from the issue on the portfolio over time): over 2,000 commits and 1,000 products,
`pac trends` takes at most twice as long as `pac changelog`.

The history: a synthetic portfolio of 1,000 products (benchmarks/generate.py) committed once,
then 2,000 commits spread over 22 months (one every eight hours), each changing one to three
product files: a new summary, a product moved on to its next stage, or a roadmap theme of
the quarter marked done; every tenth is a merged branch. Fixed authors and dates. Then,
alternating, `--repeat` runs each of:

- `pac changelog --format json`;
- `pac trends --format json --every quarter` and `--every month` (8 and 23 points, each
  the whole portfolio checked with every rule);
- with `--build`, also `pac build --no-history` and `pac build` (the change log and the
  Trends page from one walk), to show what the history adds to a site's build.

    python benchmarks/bench_trends.py --products 1000 --commits 2000 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_changelog import make_history, new_summary
from bench_validate import machine, run, source_state, tool

HERE = Path(__file__).parent
GOAL = 2.0  # trends at most this many times the change log
START = 1735689600  # 2025-01-01
STEP = 8 * 3600  # eight hours between commits: 2,000 commits span 22 months, to October 2026
# the next stage (a product in sunset says by when it retires; none is retired, as a
# retired product that is still funded is an error, which would stop the build)
NEXT = {"ideation": "discovery", "discovery": "build", "build": "live",
        "live": "sunset\n  retire_by: 2027-12-31"}  # fmt: skip


def _edit(text: str, n: int, rng: random.Random) -> str:
    """One of three edits a team makes: the summary, the stage, a theme done."""
    choice = rng.random()
    stage = re.search(r"^  stage: (\w+)", text, re.MULTILINE)
    if choice < 0.2 and stage and stage.group(1) in NEXT:
        return text.replace(f"stage: {stage.group(1)}", f"stage: {NEXT[stage.group(1)]}", 1)
    theme = re.search(r"^      - ([^{\n].*)$", text, re.MULTILINE)
    if choice < 0.4 and theme:
        done = f"      - {{theme: {json.dumps(theme.group(1))}, status: done}}"
        return text[: theme.start()] + done + text[theme.end() :]
    return new_summary(text, n, rng)


def measure(repo: Path, repeat: int, end: str, build: bool) -> dict[str, Any]:
    folder = str(repo / "portfolio")
    site = str(repo.parent / "site")
    builds = {
        "build_no_history": [tool("pac"), "build", folder, "--out", site, "--no-history"],
        "build": [tool("pac"), "build", folder, "--out", site],
    }
    commands = {
        "changelog": [tool("pac"), "changelog", folder, "--format", "json"],
        "trends_quarter": [tool("pac"), "trends", folder, "--format", "json", "--to", end],
        "trends_month": [tool("pac"), "trends", folder, "--format", "json", "--to", end,
                         "--every", "month"],
    }  # fmt: skip
    if build:
        commands |= builds
    runs: dict[str, list[Any]] = {name: [] for name in commands}
    points = {}
    for i in range(repeat):
        log(f"run {i + 1} of {repeat}")
        for name, cmd in commands.items():
            done = run(cmd, cwd=repo)
            if done.code != 0:
                sys.exit(f"{name} failed:\n{done.stdout[-3000:]}")
            if name.startswith("trends"):
                points[name] = len(json.loads(done.stdout)["series"])
            runs[name].append(done)
    median = {name: statistics.median(r.seconds for r in rs) for name, rs in runs.items()}
    return {
        "seconds": median,
        "ratio": {name: median[name] / median["changelog"] for name in commands
                  if not name.startswith("build")},
        "peak_mb": {name: max(r.peak_mb for r in rs) for name, rs in runs.items()},
        "points": points,
        "runs": {name: [r.seconds for r in rs] for name, rs in runs.items()},
    }


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--build", action="store_true", help="time pac build with and "
                        "without history too")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args(argv)
    end = time.strftime("%Y-%m-%d", time.gmtime(START + args.commits * STEP))
    with tempfile.TemporaryDirectory(prefix="pac-bench-trends-") as tmp:
        repo = Path(tmp) / "repo"
        log(f"making a history of {args.commits} commits over {args.products} products")
        make_history(repo, args.products, args.commits, args.seed, edit=_edit, step=STEP)
        result = measure(repo, args.repeat, end, args.build)
    s, ratio, peak = result["seconds"], result["ratio"], result["peak_mb"]
    print("| commits | products | command | points | median s | x changelog | peak MB |\n"
          "|---:|---:|---|---:|---:|---:|---:|")  # fmt: skip
    for name in s:
        times = f"{ratio[name]:.2f}" if name in ratio else "—"
        print(f"| {args.commits:,} | {args.products:,} | {name} | "
              f"{result['points'].get(name, '')} | {s[name]:.2f} | {times} | "
              f"{peak[name]:.0f} |")  # fmt: skip
    met = all(ratio[name] <= GOAL for name in ratio)
    print(f"goal (trends at most {GOAL:.0f}x the change log): " + ("met" if met else "MISSED"))
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"bench_trends-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps({"settings": vars(args) | {"out": str(args.out)},
                                "machine": machine(), "source": source_state(),
                                "goal": GOAL, "result": result}, indent=2) + "\n")  # fmt: skip
    log(f"wrote {path}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
