"""Time `pac validate` on synthetic portfolios against a floor and check-jsonschema.

For each size N this script generates a valid portfolio of N products (benchmarks/generate.py)
into a temporary folder and measures, in the same run and on the same files:

  floor             a fresh `python -c` that walks the folder and loads every .yaml file with
                    PyYAML's C loader (yaml.CSafeLoader); nothing is checked
  pac               `pac validate DIR --format json --today DATE`
  check-jsonschema  `check-jsonschema --schemafile schemas/<kind>.schema.json <kind's files>`,
                    one invocation per kind of file, the times summed

Every measurement is a process of its own, waited for with os.wait4, so its wall time and
peak resident memory (ru_maxrss) are its own. Floor and pac runs alternate, after one untimed
warm-up of each (the files are then in the page cache for every timed run). A separate
in-process run of pac's CLI records which modules `pac validate` imports.

    /tmp/venv/bin/python benchmarks/bench_validate.py --sizes 1000 10000 --repeat 3

Run it with the Python of the environment pac is installed in: `pac` and `check-jsonschema`
are looked up next to that interpreter first. Results go to benchmarks/out/.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import DEFAULT_TODAY, Summary, generate

HERE = Path(__file__).resolve().parent
KINDS = {  # schema kind -> files, relative to the portfolio folder
    "portfolio": "portfolio.yaml",
    "product": "products/*.yaml",
    "team": "teams/*.yaml",
    "capability": "capabilities/*.yaml",
    "objective": "objectives/*.yaml",
    "funding": "funding/*.yaml",
}
FORBIDDEN = ("git", "jinja2", "mkdocs")
GOALS = {"ratio_to_floor": 1.2, "speedup_vs_check_jsonschema": 15.0, "peak_rss_mb": 400.0}
GOAL_SIZE = 10_000

# The floor: only read and parse, as fast as PyYAML allows. Prints the files loaded and the
# seconds spent loading them (the wall time minus interpreter start-up and `import yaml`).
FLOOR = """\
import os, sys, time, yaml
start = time.perf_counter()
count = 0
for folder, dirs, names in os.walk(sys.argv[1]):
    for name in names:
        if name.endswith((".yaml", ".yml")):
            with open(os.path.join(folder, name), "rb") as f:
                yaml.load(f, Loader=yaml.CSafeLoader)
            count += 1
print(count, time.perf_counter() - start)
"""

# pac's own entry point with the cyclic garbage collector off: an experiment, not a goal.
GC_OFF = "import gc; gc.disable(); from pac.cli import main; main()"

# pac's CLI in-process: which modules does `pac validate` import, or try to import (a
# finder records attempts, so a module that is not installed is caught too)?
PROBE = """\
import contextlib, io, json, sys, time
FORBIDDEN = set(sys.argv[3].split(","))
attempted = set()
class Recorder:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in FORBIDDEN:
            attempted.add(name)
        return None
sys.meta_path.insert(0, Recorder())
start = time.perf_counter()
import pac.cli, pac.validate, pac.render
imported = time.perf_counter()
out = io.StringIO()
code = None
with contextlib.redirect_stdout(out):
    try:
        pac.cli.cli(["validate", sys.argv[1], "--format", "json", "--today", sys.argv[2]],
                    prog_name="pac")
    except SystemExit as e:
        code = e.code
done = time.perf_counter()
loaded = sorted(m for m in sys.modules if m.split(".")[0] in FORBIDDEN)
print(json.dumps({
    "exit_code": code,
    "import_seconds": imported - start,
    "validate_seconds": done - imported,
    "forbidden_imported": loaded,
    "forbidden_attempted": sorted(attempted),
    "modules": len(sys.modules),
    "summary": json.loads(out.getvalue())["summary"],
}))
"""


@dataclass(frozen=True)
class Run:
    """One process: wall seconds, peak resident memory, exit code, what it printed."""

    seconds: float
    peak_mb: float
    code: int
    stdout: str


def run(cmd: list[str], *, cwd: Path | None = None) -> Run:
    """Run `cmd` and wait for it with wait4, so the resource usage is this process's alone."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, text)  # ru_maxrss is in KiB


def tool(name: str) -> str:
    """The executable next to this interpreter, else the one on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        sys.exit(f"{name} is not installed: run this script with the Python pac is installed in")
    return found


def measure_floor(folder: Path) -> dict[str, Any]:
    result = run([sys.executable, "-c", FLOOR, str(folder)])
    if result.code != 0:
        sys.exit(f"the floor failed:\n{result.stdout}")
    count, load_seconds = result.stdout.split()
    return {
        "seconds": result.seconds,
        "load_seconds": float(load_seconds),
        "peak_mb": result.peak_mb,
        "files": int(count),
    }


def measure_pac(folder: Path, today: datetime.date, *, gc_off: bool = False) -> dict[str, Any]:
    """`pac validate`; with `gc_off`, the same CLI with Python's cyclic garbage collector off."""
    cli = [sys.executable, "-c", GC_OFF] if gc_off else [tool("pac")]
    result = run([*cli, "validate", str(folder), "--format", "json", "--today", today.isoformat()])
    summary = json.loads(result.stdout)["summary"] if result.stdout.startswith("{") else None
    if result.code != 0 or summary is None or summary["errors"]:
        sys.exit(f"pac validate did not pass the generated portfolio:\n{result.stdout[:4000]}")
    return {
        "seconds": result.seconds,
        "peak_mb": result.peak_mb,
        "files": summary["files"],
        "warnings": summary["warnings"],
    }


def batches(files: list[str], limit: int) -> list[list[str]]:
    """Split an argument list so that no command line is longer than `limit` bytes."""
    out: list[list[str]] = [[]]
    size = 0
    for name in files:
        if out[-1] and size + len(name) + 1 > limit:
            out.append([])
            size = 0
        out[-1].append(name)
        size += len(name) + 1
    return out


def measure_check_jsonschema(folder: Path, schemas: Path) -> dict[str, Any]:
    """One invocation per kind of file (more only if the command line would be too long)."""
    limit = os.sysconf("SC_ARG_MAX") // 2  # room for the environment and the other arguments
    seconds, peak, calls, per_kind = 0.0, 0.0, 0, {}
    for kind, pattern in KINDS.items():
        files = sorted(p.relative_to(folder).as_posix() for p in folder.glob(pattern))
        schema = str(schemas / f"{kind}.schema.json")
        kind_seconds = 0.0
        for chunk in batches(files, limit):
            result = run([tool("check-jsonschema"), "--schemafile", schema, *chunk], cwd=folder)
            if result.code != 0:
                sys.exit(f"check-jsonschema rejected the {kind} files:\n{result.stdout[:4000]}")
            kind_seconds += result.seconds
            peak = max(peak, result.peak_mb)
            calls += 1
        per_kind[kind] = kind_seconds
        seconds += kind_seconds
    return {"seconds": seconds, "peak_mb": peak, "invocations": calls, "per_kind": per_kind}


def probe_imports(folder: Path, today: datetime.date) -> dict[str, Any]:
    result = run([sys.executable, "-c", PROBE, str(folder), today.isoformat(), ",".join(FORBIDDEN)])
    if result.code != 0:
        sys.exit(f"the import probe failed:\n{result.stdout[:4000]}")
    probe: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return probe


def median_of(runs: list[dict[str, Any]], key: str) -> float:
    return float(statistics.median(r[key] for r in runs))


def bench_size(n: int, args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix=f"pac-bench-{n}-") as tmp:
        folder = Path(tmp) / "portfolio"
        started = time.perf_counter()
        written = generate(folder, n, seed=args.seed, today=args.today)
        log(
            f"N={n}: generated {sum(written.files.values())} files, {written.bytes:,} bytes "
            f"in {time.perf_counter() - started:.1f} s"
        )
        if args.keep:
            shutil.copytree(folder, args.keep / f"portfolio-{n}", dirs_exist_ok=True)
        floor, pac, gc_off = time_floor_and_pac(folder, n, args)
        cjs = time_check_jsonschema(folder, n, args)
        probe = probe_imports(folder, args.today)
        if args.profile:
            profile(folder, n, args)
    result = summarise(n, written, floor, pac, cjs, probe)
    if gc_off:
        seconds = median_of(gc_off, "seconds")
        result["gc_off_experiment"] = {
            "pac_seconds": seconds,
            "ratio_to_floor": seconds / result["figures"]["floor_seconds"],
            "speedup_vs_check_jsonschema": result["figures"]["check_jsonschema_seconds"] / seconds,
            "runs": gc_off,
        }
    return result


def time_floor_and_pac(
    folder: Path, n: int, args: argparse.Namespace
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Alternate floor and pac runs (and pac with gc off, if asked), after a warm-up."""
    measure_floor(folder)  # warm-up: the files into the page cache
    measure_pac(folder, args.today)
    floor, pac, gc_off = [], [], []
    for i in range(args.repeat):
        floor.append(measure_floor(folder))
        pac.append(measure_pac(folder, args.today))
        if args.gc_off:
            gc_off.append(measure_pac(folder, args.today, gc_off=True))
        log(
            f"N={n}: run {i + 1}/{args.repeat}: floor {floor[-1]['seconds']:.2f} s, "
            f"pac {pac[-1]['seconds']:.2f} s, {pac[-1]['peak_mb']:.0f} MB"
            + (f"; pac with gc off {gc_off[-1]['seconds']:.2f} s" if gc_off else "")
        )
    if floor[0]["files"] != pac[0]["files"]:
        sys.exit(f"the floor read {floor[0]['files']} files, pac {pac[0]['files']}")
    return floor, pac, gc_off


def time_check_jsonschema(folder: Path, n: int, args: argparse.Namespace) -> list[dict[str, Any]]:
    schema = str(args.schemas / "portfolio.schema.json")
    run([tool("check-jsonschema"), "--schemafile", schema, str(folder / "portfolio.yaml")])
    cjs = []
    for i in range(args.cjs_repeat):
        cjs.append(measure_check_jsonschema(folder, args.schemas))
        log(f"N={n}: check-jsonschema run {i + 1}/{args.cjs_repeat}: {cjs[-1]['seconds']:.1f} s")
    return cjs


def summarise(
    n: int,
    written: Summary,
    floor: list[dict[str, Any]],
    pac: list[dict[str, Any]],
    cjs: list[dict[str, Any]],
    probe: dict[str, Any],
) -> dict[str, Any]:
    floor_s, pac_s = median_of(floor, "seconds"), median_of(pac, "seconds")
    cjs_s = median_of(cjs, "seconds")
    peak = max(r["peak_mb"] for r in pac)
    clean = not probe["forbidden_imported"] and not probe["forbidden_attempted"]
    figures = {
        "products": n,
        "files": floor[0]["files"],
        "bytes": written.bytes,
        "floor_seconds": floor_s,
        "floor_load_seconds": median_of(floor, "load_seconds"),
        "pac_seconds": pac_s,
        "pac_in_process_seconds": probe["validate_seconds"],
        "pac_import_seconds": probe["import_seconds"],
        "ratio_to_floor": pac_s / floor_s,
        "check_jsonschema_seconds": cjs_s,
        "check_jsonschema_runs": len(cjs),
        "check_jsonschema_invocations": cjs[0]["invocations"],
        "speedup_vs_check_jsonschema": cjs_s / pac_s,
        "pac_peak_rss_mb": peak,
        "floor_peak_rss_mb": max(r["peak_mb"] for r in floor),
        "check_jsonschema_peak_rss_mb": max(r["peak_mb"] for r in cjs),
        "imports_clean": clean,
        "pac_warnings": pac[0]["warnings"],
    }
    goals = {
        "ratio_to_floor": figures["ratio_to_floor"] <= GOALS["ratio_to_floor"],
        "speedup_vs_check_jsonschema": (
            figures["speedup_vs_check_jsonschema"] >= GOALS["speedup_vs_check_jsonschema"]
        ),
        "peak_rss_mb": peak < GOALS["peak_rss_mb"],
        "no_git_jinja2_mkdocs": clean,
    }
    return {
        "figures": figures,
        "goals_met": goals,
        "runs": {"floor": floor, "pac": pac, "check_jsonschema": cjs},
        "import_probe": probe,
        "generated_files": written.files,
    }


def profile(folder: Path, n: int, args: argparse.Namespace) -> None:
    """cProfile of `pac validate` in-process, the top functions by cumulative time."""
    out = args.out / f"profile-{n}.txt"
    code = (
        "import cProfile, pstats, sys, io, contextlib\n"
        "import pac.cli\n"
        "p = cProfile.Profile()\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    p.enable()\n"
        "    try: pac.cli.cli(sys.argv[1:], prog_name='pac')\n"
        "    except SystemExit: pass\n"
        "    p.disable()\n"
        "s = pstats.Stats(p); s.sort_stats('tottime').print_stats(25)\n"
        "s.sort_stats('cumulative').print_stats(40)\n"
    )
    cmd = ["validate", str(folder), "--format", "json", "--today", args.today.isoformat()]
    result = run([sys.executable, "-c", code, *cmd])
    out.write_text(result.stdout, encoding="utf-8")
    log(f"N={n}: profile written to {out}")


def table(results: list[dict[str, Any]]) -> str:
    head = (
        f"{'N':>7} {'files':>7} {'floor s':>8} {'(load)':>7} {'pac s':>7} {'pac/floor':>9} "
        f"{'cjs s':>7} {'speed-up':>8} {'pac MB':>7} {'imports':>8}"
    )
    rows = [head, "-" * len(head)]
    for r in results:
        f = r["figures"]
        rows.append(
            f"{f['products']:>7,} {f['files']:>7,} {f['floor_seconds']:>8.2f} "
            f"{f['floor_load_seconds']:>7.2f} {f['pac_seconds']:>7.2f} "
            f"{f['ratio_to_floor']:>8.2f}x {f['check_jsonschema_seconds']:>7.1f} "
            f"{f['speedup_vs_check_jsonschema']:>7.1f}x {f['pac_peak_rss_mb']:>7.0f} "
            f"{'clean' if f['imports_clean'] else 'DIRTY':>8}"
        )
    return "\n".join(rows)


def verdict(results: list[dict[str, Any]]) -> tuple[str, bool]:
    at = [r for r in results if r["figures"]["products"] == GOAL_SIZE] or results[-1:]
    r = at[0]
    f, met = r["figures"], r["goals_met"]
    lines = [f"Goals at N = {f['products']:,}:"]
    checks = [
        ("ratio_to_floor", f"pac/floor {f['ratio_to_floor']:.2f}x <= 1.2x"),
        ("speedup_vs_check_jsonschema",
         f"{f['speedup_vs_check_jsonschema']:.1f}x faster than check-jsonschema >= 15x"),
        ("peak_rss_mb", f"peak memory {f['pac_peak_rss_mb']:.0f} MB < 400 MB"),
        ("no_git_jinja2_mkdocs", "pac validate imports neither git, jinja2 nor mkdocs"),
    ]  # fmt: skip
    for key, text in checks:
        lines.append(f"  {'met   ' if met[key] else 'MISSED'}  {text}")
    if f["pac_warnings"]:
        lines.append(f"  (pac reported {f['pac_warnings']} warnings on the generated portfolio)")
    return "\n".join(lines), all(met.values())


def machine() -> dict[str, Any]:
    def version(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    cpu = next(
        (line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo") if "model name" in line),
        platform.processor(),
    )
    import yaml

    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "libyaml": bool(yaml.__with_libyaml__),
        "versions": {n: version(n) for n in ("pac", "pydantic", "PyYAML", "check-jsonschema")},
        "source": source_state(),
    }


def source_state() -> dict[str, Any]:
    """The commit measured, and the files of pac and its schemas changed since it."""

    def git(*argv: str) -> str:
        done = subprocess.run(["git", *argv], cwd=HERE, capture_output=True, text=True)
        return done.stdout.rstrip() if done.returncode == 0 else ""

    if shutil.which("git") is None:
        return {}
    changed = git("status", "--porcelain", "--", "../pac", "../schemas").splitlines()
    return {"commit": git("rev-parse", "HEAD"), "changed": [line[3:] for line in changed]}


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of floor and pac")
    parser.add_argument(
        "--cjs-repeat", type=int, help="runs of check-jsonschema (default: as --repeat)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=DEFAULT_TODAY)
    parser.add_argument("--schemas", type=Path, default=HERE.parent / "schemas")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where results go")
    parser.add_argument("--keep", type=Path, help="copy each generated portfolio here")
    parser.add_argument("--profile", action="store_true", help="also write a cProfile of pac")
    parser.add_argument("--check", action="store_true", help="exit 1 when a goal is missed")
    parser.add_argument(
        "--gc-off",
        action="store_true",
        help="also time pac with Python's cyclic garbage collector disabled (an experiment)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.cjs_repeat = args.cjs_repeat or args.repeat
    args.out.mkdir(parents=True, exist_ok=True)
    results = [bench_size(n, args) for n in args.sizes]
    summary, all_met = verdict(results)
    print(table(results))
    print()
    print(summary)
    for r in results:
        if "gc_off_experiment" in r:
            x = r["gc_off_experiment"]
            print(
                f"Experiment, N = {r['figures']['products']:,}: pac with gc off "
                f"{x['pac_seconds']:.2f} s, {x['ratio_to_floor']:.2f}x the floor, "
                f"{x['speedup_vs_check_jsonschema']:.1f}x faster than check-jsonschema"
            )
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = args.out / f"bench_validate-{stamp}.json"
    document = {
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "settings": {
            "sizes": args.sizes,
            "repeat": args.repeat,
            "cjs_repeat": args.cjs_repeat,
            "seed": args.seed,
            "today": args.today.isoformat(),
        },
        "machine": machine(),
        "goals": GOALS,
        "results": results,
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"\nResults written to {path}")
    return 1 if args.check and not all_met else 0


if __name__ == "__main__":
    sys.exit(main())
