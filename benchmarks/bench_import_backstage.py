"""Time `pac import backstage` on a generated 5,000-entity Backstage catalog, against a floor.

The catalog (written the same way every run) holds 50 Domains, 50 department Groups with
4 team Groups each (200 teams), 6 Users per team (1,200), 500 Systems with 5 Components each
(2,500), 300 APIs and 200 Resources: 5,000 entities in 551 files (one per department with
its teams and users, one per System with its parts, one of domains) and an `all.yaml`
Location that names every file. Components depend on Components of other Systems and
consume their APIs; some are owned by Users; lifecycles, links and tags vary.

On the same files, in the same run:

  floor   a fresh `python -c` that walks the folder and loads every document of every .yaml
          file with PyYAML's C loader (yaml.load_all, CSafeLoader); nothing is mapped
  import  `python -m pac import backstage CATALOG --into PORTFOLIO`: read, map, plan, write
          750 files (500 products, 200 teams, 50 capabilities) into an empty portfolio,
          then validate it; a fresh copy of the empty portfolio for every run
  dry run the same with --dry-run: nothing written, the portfolio validated as it would be

Every measurement is a process of its own, waited for with os.wait4 (wall time, peak RSS).
After one untimed run of each, floor, import and dry-run runs alternate; figures are
medians. An in-process run with cProfile says where the import's time goes.

    .venv/bin/python benchmarks/bench_import_backstage.py --repeat 5

Results go to benchmarks/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GOAL_SECONDS = 10.0
DOMAINS, DEPARTMENTS, TEAMS_PER_DEPARTMENT, USERS_PER_TEAM = 50, 50, 4, 6
SYSTEMS, COMPONENTS_PER_SYSTEM, APIS, RESOURCES = 500, 5, 300, 200
LIFECYCLES = ("production", "production", "experimental", "deprecated")
TODAY = "2027-01-15"

FLOOR = """\
import os, sys, time, yaml
start = time.perf_counter()
files = documents = 0
for folder, dirs, names in os.walk(sys.argv[1]):
    for name in names:
        if name.endswith((".yaml", ".yml")):
            with open(os.path.join(folder, name), "rb") as f:
                documents += sum(1 for _ in yaml.load_all(f, Loader=yaml.CSafeLoader))
            files += 1
print(files, documents, time.perf_counter() - start)
"""


def _entity(kind: str, name: str, spec: list[str], metadata: list[str] | None = None) -> str:
    lines = ["apiVersion: backstage.io/v1alpha1", f"kind: {kind}", "metadata:", f"  name: {name}"]
    return "\n".join([*lines, *(metadata or []), "spec:", *spec]) + "\n"


def _team(d: int, t: int) -> str:
    return f"team-{d:02d}-{t}"


def _org_file(d: int) -> str:
    teams = [_team(d, t) for t in range(TEAMS_PER_DEPARTMENT)]
    documents = [
        _entity(
            "Group",
            f"department-{d:02d}",
            ["  type: department", f"  children: [{', '.join(teams)}]"],
            ["  description: A department"],
        )
    ]
    for team in teams:
        profile = [f"    displayName: Team {team[5:].upper()}", f"    email: {team}@example.com"]
        documents.append(
            _entity(
                "Group",
                team,
                ["  type: team", "  profile:", *profile, f"  parent: department-{d:02d}"],
            )
        )
        for u in range(USERS_PER_TEAM):
            profile = [
                f"    displayName: Person {team[5:]}.{u}",
                f"    email: p.{team}.{u}@example.com",
            ]
            spec = ["  profile:", *profile, f"  memberOf: [{team}]"]
            documents.append(_entity("User", f"person.{team[5:]}.{u}", spec))
    return "---\n".join(documents)


def _system_file(s: int) -> str:
    teams = DEPARTMENTS * TEAMS_PER_DEPARTMENT
    d, t = divmod(s % teams, TEAMS_PER_DEPARTMENT)
    owner = _team(d, t)
    system = f"system-{s:03d}"
    documents = [
        _entity(
            "System",
            system,
            [f"  owner: group:default/{owner}", f"  domain: domain-{s % DOMAINS:02d}"],
            [
                f"  title: System {s}",
                "  description: A generated system",
                "  tags: [generated, java]",
                "  links:",
                f"    - url: https://example.com/{system}",
                "      title: Home",
            ],
        )
    ]
    for c in range(COMPONENTS_PER_SYSTEM):
        other = (s + 1 + c) % SYSTEMS
        spec = [
            "  type: service" if c % 2 else "  type: website",
            f"  lifecycle: {LIFECYCLES[(s + c) % len(LIFECYCLES)]}",
            f"  owner: user:person.{owner[5:]}.{c}" if c == 4 else f"  owner: {owner}",
            f"  system: {system}",
            f"  dependsOn: [component:system-{other:03d}-c{c}]",
        ]
        if other < APIS:
            spec.append(f"  consumesApis: [api-{other:03d}]")
        documents.append(_entity("Component", f"{system}-c{c}", spec))
    if s < APIS:
        spec = ["  type: openapi", "  lifecycle: production", f"  owner: {owner}"]
        spec.append(f"  system: {system}")
        documents.append(_entity("API", f"api-{s:03d}", spec))
    if s < RESOURCES:
        spec = ["  type: database", f"  owner: {owner}", f"  system: {system}"]
        documents.append(_entity("Resource", f"db-{s:03d}", spec))
    return "---\n".join(documents)


def generate_catalog(folder: Path) -> int:
    """Write the catalog; returns the number of entities."""
    files: dict[str, str] = {}
    for d in range(DEPARTMENTS):
        files[f"org/department-{d:02d}.yaml"] = _org_file(d)
    files["domains.yaml"] = "---\n".join(
        _entity("Domain", f"domain-{i:02d}", ["  owner: department-00"], ["  title: A domain"])
        for i in range(DOMAINS)
    )
    for s in range(SYSTEMS):
        files[f"systems/system-{s:03d}/catalog-info.yaml"] = _system_file(s)
    targets = [f"    - ./{name}" for name in sorted(files)]
    files["all.yaml"] = _entity("Location", "all", ["  targets:", *targets])
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return sum(text.count("\nkind: ") + text.startswith("kind") for text in files.values()) - 1


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    code: int
    stdout: str


def run(cmd: list[str], *, cwd: Path | None = None) -> Run:
    """Run `cmd` and wait for it with wait4, so the resource usage is this process's alone."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return Run(seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), text)


def fresh_portfolio(work: Path, n: int) -> Path:
    root = work / f"repo-{n}"
    (root / "portfolio").mkdir(parents=True)
    (root / "portfolio" / "portfolio.yaml").write_text("name: Generated\n", encoding="utf-8")
    shutil.copytree(REPO / "schemas", root / "schemas")
    return root / "portfolio"


def measure_import(catalog: Path, work: Path, n: int, *, dry_run: bool) -> Run:
    portfolio = fresh_portfolio(work, n)
    cmd = [sys.executable, "-m", "pac", "import", "backstage", str(catalog)]
    cmd += ["--into", str(portfolio), "--format", "json", "--today", TODAY]
    result = run([*cmd, "--dry-run"] if dry_run else cmd)
    report = json.loads(result.stdout)
    summary = report["summary"]
    if summary["errors"] or report["validation"]["errors"]:
        sys.exit(f"the import reported errors: {summary}, {report['validation']}")
    expected = {"new": 750, "not_imported": 0}
    if {k: summary[k] for k in expected} != expected:
        sys.exit(f"the import did not write what it should: {summary}")
    shutil.rmtree(portfolio.parent)
    return result


def measure_floor(catalog: Path) -> tuple[Run, float, int]:
    result = run([sys.executable, "-c", FLOOR, str(catalog)])
    _files, documents, load = result.stdout.split()
    return result, float(load), int(documents)


def profile_import(catalog: Path, work: Path) -> tuple[str, dict[str, float]]:
    """The import in-process under cProfile, and the reader's share of it without."""
    sys.path.insert(0, str(REPO))
    from pac.importing.backstage import read_backstage
    from pac.importing.backstage_mapping import Options

    start = time.perf_counter()
    read_backstage([catalog], options=Options(), known={})
    reader = time.perf_counter() - start
    from pac.cli import cli

    portfolio = fresh_portfolio(work, 999)
    args = ["import", "backstage", str(catalog), "--into", str(portfolio), "--today", TODAY]
    profiler = cProfile.Profile()
    profiler.enable()
    with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):
        cli.main(args, standalone_mode=False)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
    return out.getvalue(), {"reader_in_process": reader}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        catalog = work / "catalog"
        entities = generate_catalog(catalog)
        files = sum(1 for _ in catalog.rglob("*.yaml"))
        print(f"catalog: {entities:,} entities in {files} files")
        measure_floor(catalog)  # warm-up: the files into the page cache
        measure_import(catalog, work, 0, dry_run=False)
        floors, loads, imports, dry_runs = [], [], [], []
        for n in range(args.repeat):
            floor, load, documents = measure_floor(catalog)
            floors.append(floor)
            loads.append(load)
            imports.append(measure_import(catalog, work, 2 * n + 1, dry_run=False))
            dry_runs.append(measure_import(catalog, work, 2 * n + 2, dry_run=True))
        figures = {
            "entities": entities,
            "files": files,
            "documents": documents,
            "floor_seconds": statistics.median(r.seconds for r in floors),
            "floor_load_seconds": statistics.median(loads),
            "import_seconds": statistics.median(r.seconds for r in imports),
            "import_max_seconds": max(r.seconds for r in imports),
            "dry_run_seconds": statistics.median(r.seconds for r in dry_runs),
            "import_peak_mb": max(r.peak_mb for r in imports),
            "floor_peak_mb": max(r.peak_mb for r in floors),
            "repeat": args.repeat,
        }
        profile = ""
        if args.profile:
            profile, extra = profile_import(catalog, work)
            figures.update(extra)
    figures["ratio_to_floor"] = figures["import_seconds"] / figures["floor_seconds"]
    figures["goal_met"] = figures["import_seconds"] < GOAL_SECONDS
    for key, value in figures.items():
        print(f"{key:>22}: {value:.3f}" if isinstance(value, float) else f"{key:>22}: {value}")
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    machine: dict[str, Any] = {"python": platform.python_version(), "cpus": os.cpu_count()}
    record = {"figures": figures, "machine": machine}
    (out / f"bench_import_backstage-{stamp}.json").write_text(json.dumps(record, indent=2))
    if profile:
        (out / "profile-import-backstage.txt").write_text(profile)
        print(f"profile: {out / 'profile-import-backstage.txt'}")


if __name__ == "__main__":
    main()
