"""Time `pac build` against MkDocs alone on the Markdown pac generated, at several sizes.

For each size, in the same run, on the same synthetic portfolio (benchmarks/generate.py):

- floor: `mkdocs build` of the MkDocs project that pac generated (written once, untimed,
  with `pac build --project`): what MkDocs and Material alone cost for these pages;
- pac: the whole `pac build` (validate, render the pages, write the project, run MkDocs,
  swap the output), as users run it.

Runs alternate and each is a process of its own, so wall time and peak memory are its own.
Also reported: the site's size and the average bytes of a product page, which must not grow
with the portfolio.

    python benchmarks/bench_build.py --sizes 1000 10000 --repeat 3
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_validate import Run, machine, run, source_state, tool
from generate import DEFAULT_TODAY, generate

HERE = Path(__file__).parent
EPOCH = "1800000000"
GOALS = {"ratio_to_floor": 1.3, "page_kb": 40.0, "seconds_at_10000": 180.0,
         "peak_mb_at_10000": 2048.0}


def _environment() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}


def _timed(cmd: list[str]) -> Run:
    saved = dict(os.environ)
    os.environ.update(_environment())
    try:
        result = run(cmd)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    if result.code != 0:
        sys.exit(f"{' '.join(cmd[:3])} failed:\n{result.stdout[-4000:]}")
    return result


def pac_build(portfolio: Path, out: Path, today: datetime.date, *extra: str) -> Run:
    return _timed([tool("pac"), "build", str(portfolio), "--out", str(out), "--today",
                   today.isoformat(), *extra])


def mkdocs_build(project: Path, out: Path) -> Run:
    return _timed([tool("mkdocs"), "build", "-q", "-f", str(project / "mkdocs.yml"), "-d",
                   str(out)])


def site_figures(site: Path) -> dict[str, Any]:
    pages = [p for p in (site / "products").glob("*.html") if p.name != "index.html"]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return {
        "product_pages": len(pages),
        "average_product_page_bytes": statistics.mean(p.stat().st_size for p in pages),
        "site_bytes": total,
        "search_index_bytes": (site / "search" / "search_index.json").stat().st_size,
    }


def bench_size(n: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    portfolio = work / f"portfolio-{n}"
    log(f"{n}: generating")
    generate(portfolio, n, seed=args.seed, today=args.today)
    project = work / f"project-{n}"
    log(f"{n}: writing the MkDocs project once (untimed)")
    pac_build(portfolio, work / f"warm-{n}", args.today, "--project", str(project))
    floors: list[Run] = []
    pacs: list[Run] = []
    for i in range(args.repeat):
        log(f"{n}: run {i + 1} of {args.repeat}")
        floors.append(mkdocs_build(project, work / f"floor-{n}"))
        pacs.append(pac_build(portfolio, work / f"site-{n}", args.today))
    floor = statistics.median(r.seconds for r in floors)
    pac = statistics.median(r.seconds for r in pacs)
    return {
        "products": n,
        "floor_seconds": floor,
        "pac_seconds": pac,
        "ratio_to_floor": pac / floor,
        "floor_peak_mb": max(r.peak_mb for r in floors),
        "pac_peak_mb": max(r.peak_mb for r in pacs),
        "runs": {"floor": [r.seconds for r in floors], "pac": [r.seconds for r in pacs]},
        **site_figures(work / f"site-{n}"),
    }


def table(results: list[dict[str, Any]]) -> str:
    lines = ["| N products | MkDocs alone s | pac build s | pac / floor | pac peak MB | "
             "site MB | search index MB | average product page KB |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(
            f"| {r['products']:,} | {r['floor_seconds']:.1f} | {r['pac_seconds']:.1f} | "
            f"{r['ratio_to_floor']:.2f}x | {r['pac_peak_mb']:.0f} | "
            f"{r['site_bytes'] / 1e6:.0f} | {r['search_index_bytes'] / 1e6:.1f} | "
            f"{r['average_product_page_bytes'] / 1024:.1f} |")
    return "\n".join(lines)


def verdict(results: list[dict[str, Any]]) -> str:
    largest = results[-1]
    pages = [r["average_product_page_bytes"] for r in results]
    lines = [
        f"- pac build at most {GOALS['ratio_to_floor']}x MkDocs alone: "
        + ", ".join(f"{r['ratio_to_floor']:.2f}x at {r['products']:,}" for r in results),
        f"- product pages the same size at every N and under {GOALS['page_kb']:.0f} KB: "
        + ", ".join(f"{p / 1024:.1f} KB" for p in pages)
        + f" (largest / smallest {max(pages) / min(pages):.3f})",
        f"- {largest['products']:,} products in {largest['pac_seconds']:.0f} s "
        f"(goal {GOALS['seconds_at_10000']:.0f} s) and {largest['pac_peak_mb']:.0f} MB "
        f"(goal {GOALS['peak_mb_at_10000']:.0f} MB)",
    ]
    return "\n".join(lines)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=DEFAULT_TODAY)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pac-bench-build-") as tmp:
        results = [bench_size(n, args, Path(tmp)) for n in args.sizes]
    print(table(results))
    print(verdict(results))
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    document = {"command": "python benchmarks/bench_build.py " + " ".join(argv or sys.argv[1:]),
                "machine": machine(), "source": source_state(), "goals": GOALS,
                "results": results}
    path = args.out / f"bench_build-{stamp}.json"
    path.write_text(json.dumps(document, indent=2) + "\n")
    log(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
