"""Time `pac import table` on a CSV of N rows into N new files, with its floor in the same
run, and check that every run writes byte-identical files.

For each size, on the same seeded CSV (a ServiceNow-style export, as in
examples/import/servicenow-business-applications.yaml, with a dd/mm/yyyy date column):

- pac: the whole command as users run it (read the CSV, map each row, plan against the
  portfolio, write each file atomically, validate the portfolio afterwards), into a fresh
  copy of the reference portfolio each time;
- floor: a fresh `python -c` that reads the same CSV with the csv module and writes one
  small YAML file per row with plain `open().write()`: no mapping, no checks, no validation;
- validate: `pac validate` of the imported portfolio alone, the part of pac's time spent
  checking the result.

Runs alternate (floor, pac, validate), each a process of its own; the figures are medians.

    python benchmarks/bench_import.py --rows 10000 --repeat 5
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_validate import machine, run

HERE = Path(__file__).parent
REPO = HERE.parent
REFERENCE = REPO / "tests" / "reference-portfolio"
TODAY = "2026-11-22"
GOAL_SECONDS = 10.0  # at 10,000 rows
STAGES = ["Operational", "Design", "Ideation", "End of Life", "Build & Test"]
CRITICALITY = ["1 - most critical", "2 - somewhat critical", "3 - less critical",
               "4 - not critical"]
MAPPING = """\
kind: product
id: {column: Number}
fields:
  name: Name
  summary: Short description
  kind: {value: application}
  lifecycle.stage:
    column: Life Cycle Stage
    values: {Ideation: ideation, Design: discovery, Build & Test: build,
             Operational: live, End of Life: retired}
  lifecycle.since: {column: Live since, date: dd/mm/yyyy}
  owner: {column: Owner team, slug: true, prefix: team}
  tags:
    column: Business criticality
    values: {1 - most critical: tier-1, 2 - somewhat critical: tier-2,
             3 - less critical: tier-3, 4 - not critical: ~}
"""
FLOOR = """\
import csv, sys, os
rows = csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))
next(rows)
out = sys.argv[2]
for number, name, summary, stage, owner, tier, since in rows:
    with open(os.path.join(out, number.lower() + ".yaml"), "w", encoding="utf-8") as f:
        f.write(f"id: {number.lower()}\\nname: {name}\\nsummary: {summary}\\n"
                f"kind: application\\nlifecycle:\\n  stage: {stage}\\n  since: {since}\\n"
                f"owner: team-{owner.lower()}\\ntags: [{tier}]\\n")
"""


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["Number", "Name", "Short description", "Life Cycle Stage", "Owner team",
                      "Business criticality", "Live since"])
        for i in range(rows):
            out.writerow([f"APM{i:07d}", f"Application {i}",
                          f"Keeps record {i} of what customers asked for, and answers it",
                          STAGES[i % 5], "Claims" if i % 2 else "Risk Data",
                          CRITICALITY[i % 4], f"{1 + i % 28:02d}/{1 + i % 12:02d}/{2010 + i % 15}"])


def fresh_repo(work: Path, name: str) -> Path:
    repo = work / name
    shutil.rmtree(repo, ignore_errors=True)
    shutil.copytree(REFERENCE, repo / "portfolio")
    (repo / ".git").mkdir()
    return repo


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*.yaml")):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def pac(*args: str) -> list[str]:
    return [sys.executable, "-m", "pac", *args]


def timed(cmd: list[str], cwd: Path, *, ok: tuple[int, ...] = (0,)) -> float:
    env_path = os.environ.get("PYTHONPATH", "")
    os.environ["PYTHONPATH"] = f"{REPO}{os.pathsep}{env_path}" if env_path else str(REPO)
    try:
        result = run(cmd, cwd=cwd)
    finally:
        os.environ["PYTHONPATH"] = env_path
    if result.code not in ok:
        sys.exit(f"{' '.join(cmd[2:5])} exited {result.code}:\n{result.stdout[-3000:]}")
    return result.seconds


def bench(rows: int, repeat: int, work: Path) -> dict[str, Any]:
    table, mapping = work / "apps.csv", work / "mapping.yaml"
    write_csv(table, rows)
    mapping.write_text(MAPPING)
    figures: dict[str, list[float]] = {"floor": [], "pac": [], "validate": []}
    digests = set()
    for i in range(repeat + 1):  # the first run of each is untimed: files in the page cache
        floor_out = work / "floor"
        shutil.rmtree(floor_out, ignore_errors=True)
        floor_out.mkdir()
        floor = timed([sys.executable, "-c", FLOOR, str(table), str(floor_out)], work)
        repo = fresh_repo(work, "repo")
        command = pac("import", "table", str(table), "--kind", "product", "--map",
                      str(mapping), "--today", TODAY)
        seconds = timed(command, repo)
        check = timed(pac("validate", "portfolio", "--today", TODAY), repo, ok=(0,))
        digests.add(digest(repo / "portfolio"))
        if len(list((repo / "portfolio" / "products").iterdir())) != rows + 3:
            sys.exit("pac did not write one file per row")
        if i:
            figures["floor"].append(floor)
            figures["pac"].append(seconds)
            figures["validate"].append(check)
        print(f"  rows {rows}: floor {floor:.2f} s, pac {seconds:.2f} s, validate {check:.2f} s",
              file=sys.stderr)
    medians = {k: statistics.median(v) for k, v in figures.items()}
    return {"rows": rows, "runs": figures, "median": medians,
            "ratio_to_floor": medians["pac"] / medians["floor"],
            "identical_files": len(digests) == 1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        results = [bench(n, args.repeat, Path(tmp)) for n in args.rows]
    print("| rows | floor (s) | pac import (s) | validate alone (s) | pac / floor | identical |")
    print("|---:|---:|---:|---:|---:|---|")
    for r in results:
        m = r["median"]
        print(f"| {r['rows']:,} | {m['floor']:.2f} | {m['pac']:.2f} | {m['validate']:.2f} | "
              f"{r['ratio_to_floor']:.1f} | {'yes' if r['identical_files'] else 'NO'} |")
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    (out / f"bench_import-{stamp}.json").write_text(
        json.dumps({"results": results, "machine": machine()}, indent=2))
    at_goal = [r for r in results if r["rows"] == 10_000]
    met = all(r["median"]["pac"] < GOAL_SECONDS and r["identical_files"] for r in at_goal)
    print(f"goal (10,000 rows in under {GOAL_SECONDS:.0f} s, identical files): "
          f"{'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
