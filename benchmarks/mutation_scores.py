"""Mutation scores per module from the last `mutmut run`, against the goal of 95%.

Run by `bash .ci/mutation` after mutmut (or alone, to read the results again):

    .venv/bin/python benchmarks/mutation_scores.py

A mutant is a copy of one function with one operator or constant changed. It is *killed* when
a test fails on it (a timeout counts: the mutant changed what the code does). A survivor that
no behaviour can tell apart from the code is *equivalent*: it is listed in
benchmarks/mutation-equivalents.txt, one per line as `<mutant name>  <reason>`, and left out
of the score. Every other survivor counts against its module. The script exits 1 when a module
scores under the goal, or when the list of equivalents names a mutant that was killed or no
longer exists (so the list cannot go stale).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

GOAL = 0.95
ROOT = Path(__file__).resolve().parent.parent
EQUIVALENTS = ROOT / "benchmarks" / "mutation-equivalents.txt"
KILLED = {"killed", "timeout", "caught by type check"}
NOT_RUN = {"not checked", "skipped", "check was interrupted by user"}
# pac.changes.diff.x_compare__mutmut_3, pac.figures.scorecard.xǁScorecardǁlevel__mutmut_2
NAME = re.compile(r"^(?P<module>[\w.]+?)\.x(?:_|ǁ)(?P<function>.+)__mutmut_\d+$")


def results() -> dict[str, str]:
    """Every mutant's name and status, as `mutmut results --all true` prints them."""
    done = subprocess.run(
        [str(Path(sys.executable).parent / "mutmut"), "results", "--all", "true"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    found: dict[str, str] = {}
    for line in done.stdout.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and NAME.match(name):
            found[name] = status
    return found


def equivalents() -> dict[str, str]:
    listed: dict[str, str] = {}
    for line in EQUIVALENTS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.strip().partition(" ")
            listed[name] = reason.strip()
    return listed


def module_of(name: str) -> str:
    match = NAME.match(name)
    assert match, name
    return match["module"]


def main() -> int:
    statuses = results()
    if not statuses:
        print("no mutation results: run `bash .ci/mutation` first", file=sys.stderr)
        return 2
    listed = equivalents()
    problems = [
        f"{name}: listed as equivalent but {statuses.get(name, 'not found')}"
        for name in listed
        if statuses.get(name) != "survived"
    ]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: list[str] = []
    for name, status in sorted(statuses.items()):
        tally = counts[module_of(name)]
        if status in NOT_RUN:
            tally["not run"] += 1
        elif name in listed:
            tally["equivalent"] += 1
        elif status in KILLED:
            tally["killed"] += 1
        else:
            tally["survived"] += 1
            survivors.append(f"{name}: {status}")
    print("| module | mutants | killed | equivalent | survived | score |")
    print("|---|---:|---:|---:|---:|---:|")
    for module, tally in sorted(counts.items()):
        judged = tally["killed"] + tally["survived"]
        score = tally["killed"] / judged if judged else 1.0
        print(
            f"| `{module}` | {sum(tally.values())} | {tally['killed']} | "
            f"{tally['equivalent']} | {tally['survived']} | {score:.1%} |"
        )
        if score < GOAL:
            problems.append(
                f"{module}: {score:.1%} of non-equivalent mutants killed, under {GOAL:.0%}"
            )
        if tally["not run"]:
            problems.append(f"{module}: {tally['not run']} mutants not run: run mutmut to the end")
    total = Counter[str]()
    for tally in counts.values():
        total.update(tally)
    judged = total["killed"] + total["survived"]
    print(
        f"\n{sum(total.values())} mutants: {total['killed']} killed, {total['equivalent']} "
        f"equivalent, {total['survived']} survived ({total['killed'] / max(judged, 1):.1%})."
    )
    if survivors:
        print("\nSurvivors (`.venv/bin/mutmut show <name>` shows one):")
        print("\n".join(f"  {line}" for line in survivors))
    if problems:
        print("\n" + "\n".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
