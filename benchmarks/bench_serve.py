"""Time `pac serve` from saving one product file to its page showing the change over HTTP.

In one run, on the synthetic portfolio of benchmarks/generate.py:

- floor: a full `pac build` of the same portfolio, in a process of its own: what rebuilding
  the site on each save would cost;
- serve: `pac serve` started on a free port; once its first build is served, one product
  file is saved with a new name, again and again, and each time the product's page is asked
  for over HTTP every 20 ms until it shows the new name. Each save waits for the previous
  one's rebuild to end (both steps), as a person reading the page would; with --during,
  each save comes as soon as the page showed the last one, while the second step runs.

Also reported: pac serve's own figures for each save (the saved page's step, the step for
the pages that show it) and the load average, since the machine is shared.

    python benchmarks/bench_serve.py --products 1000 --saves 7
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_validate import machine, run, source_state
from generate import DEFAULT_TODAY, generate

HERE = Path(__file__).parent
REPO = HERE.parent
EPOCH = "1800000000"
GOAL_SECONDS = 3.0
POLL = 0.02
TIMEOUT = 600.0
REST = ("then ", "no other page")  # how pac serve's line for the second step starts


def environment() -> dict[str, str]:
    """This checkout's pac (not another one the interpreter may have installed)."""
    return {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1",
            "PYTHONPATH": str(REPO)}


def full_build(portfolio: Path, out: Path, today: datetime.date) -> float:
    saved = dict(os.environ)
    os.environ.update(environment())
    try:
        done = run([sys.executable, "-m", "pac", "build", str(portfolio), "--out", str(out),
                    "--today", today.isoformat(), "--no-history"])
    finally:
        os.environ.clear()
        os.environ.update(saved)
    if done.code != 0:
        sys.exit(f"pac build failed:\n{done.stdout[-4000:]}")
    return done.seconds


class Serving:
    """pac serve in a process of its own, and the lines it printed."""

    def __init__(self, portfolio: Path, today: datetime.date) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pac", "serve", str(portfolio), "--port", "0", "--today",
             today.isoformat(), "--no-history"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment())
        self.lines: list[tuple[float, str]] = []
        threading.Thread(target=self._read, daemon=True).start()
        first = self.wait_for(lambda line: line.startswith("Serving"))
        self.base = first.split(" at ", 1)[1].split(" ", 1)[0]

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append((time.perf_counter(), line.rstrip("\n")))

    def wait_for(self, wanted: Any, after: int = 0) -> str:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            for _, line in self.lines[after:]:
                if wanted(line):
                    return line
            if self.process.poll() is not None:
                sys.exit("pac serve stopped:\n" + "\n".join(line for _, line in self.lines))
            time.sleep(POLL)
        sys.exit("pac serve did not print what was awaited:\n"
                 + "\n".join(line for _, line in self.lines))

    def page(self, path: str) -> str:
        with urllib.request.urlopen(self.base + path, timeout=60) as response:
            text: str = response.read().decode()
            return text

    def stop(self) -> None:
        # not SIGINT: a process started in the background ignores it, as do its children
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(60)


def seconds_in(line: str) -> float:
    found = re.search(r" in (\d+\.\d) s|checked in (\d+\.\d) s", line)
    assert found, line
    return float(found.group(1) or found.group(2))


def save_and_watch(
    serving: Serving, file: Path, page: str, k: int, *, during: bool
) -> dict[str, Any]:
    """Save `file` with a new name; seconds until `page` shows it, and pac's own figures
    (with `during`, the next save comes while the second step runs: it has no figure)."""
    text = file.read_text()
    name = f"Renamed product {k} {time.time_ns()}"
    changed = re.sub(r"^name: .*$", f"name: {name}", text, count=1, flags=re.MULTILINE)
    lines_before = len(serving.lines)
    start = time.perf_counter()
    file.write_text(changed)
    while name not in serving.page(page):
        if time.perf_counter() - start > TIMEOUT:
            sys.exit(f"the page never showed save {k}")
        time.sleep(POLL)
    shown = time.perf_counter() - start
    first = serving.wait_for(lambda line: " changed: " in line, lines_before)
    if during:
        return {"seconds": shown, "saved_page_step": seconds_in(first), "pac_lines": [first]}
    rest = serving.wait_for(lambda line: line.startswith(REST), lines_before)
    return {"seconds": shown, "saved_page_step": seconds_in(first),
            "other_pages_step": seconds_in(rest), "pac_lines": [first, rest]}


def bench(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    portfolio = work / "portfolio"
    log(f"{args.products}: generating")
    generate(portfolio, args.products, seed=args.seed, today=args.today)
    file = sorted((portfolio / "products").glob("*.yaml"))[args.products // 2]
    page = f"products/{file.stem}.html"
    log("floor: a full pac build")
    floor = full_build(portfolio, work / "floor", args.today)  # not site/: pac would use it
    load_before = os.getloadavg()
    log("starting pac serve")
    started = time.perf_counter()
    serving = Serving(portfolio, args.today)
    try:
        serving.wait_for(lambda line: line.startswith("built the site"))
        first_build = time.perf_counter() - started
        saves = []
        for k in range(1, args.saves + 1):
            time.sleep(args.pause)
            saves.append(save_and_watch(serving, file, page, k, during=args.during))
            log(f"save {k}: {saves[-1]['seconds']:.2f} s")
    finally:
        serving.stop()
    seconds = [s["seconds"] for s in saves]
    return {
        "products": args.products,
        "file": file.relative_to(portfolio).as_posix(),
        "floor_full_build_seconds": floor,
        "first_build_seconds": first_build,
        "median_seconds": statistics.median(seconds),
        "max_seconds": max(seconds),
        "median_to_floor": statistics.median(seconds) / floor,
        "median_saved_page_step": statistics.median(s["saved_page_step"] for s in saves),
        "median_other_pages_step": None if args.during else statistics.median(
            s["other_pages_step"] for s in saves),
        "during_second_step": args.during,
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "saves": saves,
    }


def report(r: dict[str, Any]) -> str:
    every = ", ".join(f"{s['seconds']:.2f}" for s in r["saves"])
    rest = r["median_other_pages_step"]
    return "\n".join([
        "| N products | full pac build s (floor) | save to page, median s | max s | "
        "median / floor | pac's step for the page s | for the pages that show it s |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {r['products']:,} | {r['floor_full_build_seconds']:.1f} | "
        f"{r['median_seconds']:.2f} | {r['max_seconds']:.2f} | {r['median_to_floor']:.3f}x | "
        f"{r['median_saved_page_step']:.1f} | "
        + ("interrupted" if rest is None else f"{rest:.1f}") + " |",
        f"- the changed page within {GOAL_SECONDS:.0f} s of the save: "
        + ("met" if r["max_seconds"] <= GOAL_SECONDS else "missed")
        + f" (every save: {every} s)",
        f"- first build {r['first_build_seconds']:.1f} s; load average "
        f"{r['load_average_before'][0]:.1f} before, {r['load_average_after'][0]:.1f} after",
    ])


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--saves", type=int, default=7)
    parser.add_argument("--pause", type=float, default=2.0,
                        help="seconds between a rebuild's end and the next save")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=DEFAULT_TODAY)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--during", action="store_true",
                        help="save again while the second step of the last save runs "
                        "(--pause after the page showed, not after the rebuild ended)")
    parser.add_argument("--check", action="store_true", help="exit 1 when the goal is missed")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pac-bench-serve-") as tmp:
        result = bench(args, Path(tmp))
    print(report(result))
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    document = {"command": "python benchmarks/bench_serve.py " + " ".join(argv or sys.argv[1:]),
                "machine": machine(), "source": source_state(), "goal_seconds": GOAL_SECONDS,
                "result": result}
    path = args.out / f"bench_serve-{stamp}.json"
    path.write_text(json.dumps(document, indent=2) + "\n")
    log(f"wrote {path}")
    return 1 if args.check and result["max_seconds"] > GOAL_SECONDS else 0


if __name__ == "__main__":
    raise SystemExit(main())
