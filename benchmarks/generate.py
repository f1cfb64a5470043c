"""Write a synthetic, valid portfolio of N products for benchmarking `pac validate`.

The shape follows the reference portfolio: every product carries the full field set of
claims-portal.yaml, with the same kind of comment lines. Teams (about N/4, at most four
products each), capabilities (about N/3, a two-level tree), a few objectives and two
funding periods come in proportion. The output depends only on N, the seed and the date
given as today (dates in the files are relative to it), so a run can be reproduced:

    python benchmarks/generate.py /tmp/portfolio --products 10000
    pac validate /tmp/portfolio --today 2027-01-15
"""

from __future__ import annotations

import argparse
import datetime
import math
import random
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_TODAY = datetime.date(2027, 1, 15)
PERIODS = {  # period -> (start, end)
    "FY2026": (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)),
    "FY2027": (datetime.date(2027, 1, 1), datetime.date(2027, 12, 31)),
}
CURRENT_PERIOD = "FY2027"
REQUIRED_SKILLS = ["product-management", "engineering", "testing", "operations", "ux"]
EXTRA_SKILLS = ["data", "security", "architecture", "delivery", "business-analysis"]
VALUE_RATIO = 2.0

DOMAINS = [
    "claims", "policy", "billing", "payments", "customer", "fraud", "pricing",
    "underwriting", "broker", "agent", "document", "identity", "notification",
    "reporting", "analytics", "quote", "renewal", "loyalty", "partner", "contract",
    "risk", "compliance", "ledger", "treasury", "marketing", "onboarding", "support",
]  # fmt: skip
NOUNS = [
    "portal", "service", "engine", "hub", "gateway", "api", "platform", "store",
    "pipeline", "console", "tracker", "registry", "scheduler", "workbench", "app",
]  # fmt: skip
ACTIVITIES = [
    "intake", "handling", "settlement", "assessment", "servicing", "reconciliation",
    "forecasting", "monitoring", "onboarding", "retention", "screening", "archiving",
]  # fmt: skip
FIRST = [
    "Ana", "Jonas", "Wei", "Sofia", "Priya", "Tom", "Marcus", "Lena", "Omar", "Yuki",
    "Carlos", "Fatima", "Erik", "Aisha", "Noah", "Mei", "Lucas", "Zara", "Ivan", "Nia",
]  # fmt: skip
LAST = [
    "Lima", "Berg", "Chen", "Russo", "Nair", "Okafor", "Brandt", "Novak", "Haddad",
    "Tanaka", "Silva", "Khan", "Larsen", "Bello", "Walsh", "Wong", "Moreau", "Ali",
]  # fmt: skip
TECHNOLOGY = [
    ("Python", ["3.11", "3.12", "3.13"]), ("PostgreSQL", ["15", "16", "17"]),
    ("Java", ["17", "21"]), ("Node.js", ["20", "22"]), ("Kafka", ["3.7", "3.8"]),
    ("Redis", ["7.2", "7.4"]), ("Kubernetes", ["1.31", "1.32"]), ("Go", ["1.23"]),
]  # fmt: skip
THEMES = [
    "Self-service {d} requests", "Faster {d} {a}", "Mobile {d} experience",
    "Automated {d} {a}", "{D} data quality", "Accessibility of {d} screens",
    "Real-time {d} notifications", "Retire legacy {d} batch jobs", "{D} audit trail",
]  # fmt: skip
TAGS = ["customer-facing", "tier-1", "tier-2", "ml", "regulated", "internal", "batch", "api"]
ROLES = ["Head of {D} Operations", "{D} Product Director", "Chief {D} Officer", "{D} Lead"]
KPI_SHAPES = [  # name, unit, direction, low, high
    ("{D} requests completed online", "%", "higher", 40, 95),
    ("Time to complete a {d} request", "days", "lower", 1, 20),
    ("{D} error rate", "%", "lower", 0.1, 5),
    ("Monthly active {d} users", "users", "higher", 1000, 90000),
]
STAGES = [  # stage, weight
    ("ideation", 5), ("discovery", 8), ("build", 15), ("live", 60), ("sunset", 7),
    ("retired", 5),
]  # fmt: skip
KINDS = ["application", "platform", "service", "data", "infrastructure"]
TEAM_TYPES = ["stream-aligned"] * 6 + ["platform", "complicated-subsystem", "enabling"]
IMPORTANCE = ["core", "differentiating", "commodity"]


@dataclass(frozen=True)
class Team:
    id: str
    domain: str
    manager: str


@dataclass(frozen=True)
class Product:
    index: int
    id: str
    domain: str
    stage: str
    funding: dict[str, tuple[int, int]] = field(default_factory=dict)  # period -> run, change


@dataclass(frozen=True)
class Summary:
    """What was written: files per folder and total bytes."""

    files: dict[str, int]
    bytes: int


def generate(
    root: Path, products: int, *, seed: int = 1, today: datetime.date = DEFAULT_TODAY
) -> Summary:
    """Write a valid portfolio of `products` products under `root` (created if missing)."""
    if products < 1:
        raise ValueError("a portfolio needs at least one product")
    if root.exists() and any(root.iterdir()):
        raise ValueError(f"{root} is not empty: generate into a new folder")
    rng = random.Random(seed)
    writer = _Writer(root)
    writer.write("portfolio.yaml", _portfolio_yaml())
    # about three products a capability: few gaps, and duplication is the exception
    capabilities = _write_capabilities(writer, rng, max(2, round(products / 3)))
    objectives = _write_objectives(writer, rng, max(3, products // 250))
    teams = _write_teams(writer, rng, math.ceil(products / 4))
    planned = _plan_products(rng, products)
    for product in planned:
        text = _product_yaml(rng, product, planned, teams, capabilities, objectives, today)
        writer.write(f"products/{product.id}.yaml", text)
    for period in PERIODS:
        writer.write(f"funding/{period}.yaml", _funding_yaml(period, planned))
    return Summary(writer.files, writer.bytes)


class _Writer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, int] = {}
        self.bytes = 0

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        folder = relative.split("/", 1)[0] if "/" in relative else "."
        self.files[folder] = self.files.get(folder, 0) + 1
        self.bytes += len(data)


def _schema(kind: str, depth: int = 1) -> str:
    return f"# yaml-language-server: $schema={'../' * depth}../schemas/{kind}.schema.json\n"


def _portfolio_yaml() -> str:
    return (
        _schema("portfolio", depth=0)
        + "# Organisation-wide settings for the portfolio (synthetic, for benchmarks).\n"
        "name: Northwind Mutual\n"
        "currency: USD\n"
        + _note(f"current_period: {CURRENT_PERIOD}", "the funding period checks treat as now")
        + _note("repository: https://github.com/northwind/portfolio", "for edit and history links")
        + "codeowners:\n"
        '  default: ["@northwind/portfolio-office"]\n'
        '  funding: ["@northwind/finance"]\n'
        "policies:\n"
        "  stakeholder_review_days: 180  # consult a live product's stakeholders this often\n"
        "  max_products_per_team: 4      # more than this and cognitive load is too high\n"
        f"  required_skills: [{', '.join(REQUIRED_SKILLS)}]\n"
        + _note(f"  value_ratio_target: {VALUE_RATIO}", "annual value expected per unit of funding")
        + "rules:                          # error | warning | info | off\n"
        "  roadmap-overloaded: error\n"
    )


def _note(text: str, comment: str) -> str:
    """A line with a trailing comment, aligned as in the reference portfolio."""
    return f"{text:<31} # {comment}\n" if comment else f"{text}\n"


def _title(word: str) -> str:
    return word[:1].upper() + word[1:]


def _write_capabilities(writer: _Writer, rng: random.Random, count: int) -> list[str]:
    """A two-level tree; returns the ids of the leaves, which products point at."""
    tops = [f"{DOMAINS[i % len(DOMAINS)]}-area-{i + 1}" for i in range(max(1, count // 8))]
    for i, cid in enumerate(tops):
        domain = DOMAINS[i % len(DOMAINS)]
        writer.write(
            f"capabilities/{cid}.yaml",
            _schema("capability") + f"id: {cid}\n"
            f"name: {_title(domain)} Area {i + 1}\n"
            f"description: Everything the organisation does about {domain}, end to end.\n"
            "importance: core                # core | differentiating | commodity\n",
        )
    leaves = []
    for i in range(count - len(tops)):
        parent = tops[i % len(tops)]
        activity = ACTIVITIES[i % len(ACTIVITIES)]
        cid = f"{parent.split('-', 1)[0]}-{activity}-{i + 1}"
        leaves.append(cid)
        writer.write(
            f"capabilities/{cid}.yaml",
            _schema("capability") + f"id: {cid}\n"
            f"name: {_title(parent.split('-', 1)[0])} {_title(activity)} {i + 1}\n"
            f"parent: {parent}\n"
            f"importance: {rng.choice(IMPORTANCE)}\n",
        )
    return leaves


def _write_objectives(writer: _Writer, rng: random.Random, count: int) -> list[str]:
    ids = []
    for i in range(count):
        domain = DOMAINS[i % len(DOMAINS)]
        oid = f"better-{domain}-{i + 1}"
        ids.append(oid)
        target = rng.randrange(50, 95, 5)
        writer.write(
            f"objectives/{oid}.yaml",
            _schema("objective") + f"id: {oid}\n"
            f"name: Move {target}% of {domain} servicing to digital self-service\n"
            f"period: {CURRENT_PERIOD}\n"
            f"sponsor: Chief {_title(domain)} Officer\n"
            "key_results:\n"
            f"  - name: {_title(domain)} requests completed digitally\n"
            '    unit: "%"\n'
            f"    baseline: {target - rng.randint(10, 30)}\n"
            f"    target: {target}\n",
        )
    return ids


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _write_teams(writer: _Writer, rng: random.Random, count: int) -> list[Team]:
    teams = []
    for i in range(count):
        domain = DOMAINS[i % len(DOMAINS)]
        team = Team(f"team-{domain}-{i + 1}", domain, _person(rng))
        teams.append(team)
        writer.write(f"teams/{team.id}.yaml", _team_yaml(rng, team, i + 1))
    return teams


def _team_yaml(rng: random.Random, team: Team, number: int) -> str:
    # the first members cover the required skills, so every team passes a skills check
    skill_sets = [["product-management"], ["engineering", "operations"], ["engineering", "testing"]]
    skill_sets += [["ux"]] + [
        [rng.choice(EXTRA_SKILLS), "engineering"] for _ in range(rng.randint(0, 3))
    ]
    lines = [
        _schema("team"),
        f"id: {team.id}\n",
        f"name: {_title(team.domain)} Team {number}\n",
        _note(f"type: {rng.choice(TEAM_TYPES)}", "Team Topologies"),
        _note(f'github: "@northwind/{team.domain}-{number}"', "the handle used for CODEOWNERS"),
        "contact:\n",
        f'  chat: "#{team.id}"\n',
        f"  email: {team.id}@northwind.example\n",
        f"capacity_fte: {len(skill_sets) - rng.choice([0, 0.5, 1])}\n",
        "members:\n",
        f"  - name: {team.manager}\n    role: Product manager\n    skills: [product-management]\n",
    ]
    for skills in skill_sets[1:]:
        lines.append(f"  - name: {_person(rng)}\n    skills: [{', '.join(skills)}]\n")
    return "".join(lines)


def _plan_products(rng: random.Random, count: int) -> list[Product]:
    stages, weights = zip(*STAGES, strict=True)
    planned = []
    for i in range(count):
        domain = DOMAINS[i % len(DOMAINS)]
        noun = NOUNS[(i // len(DOMAINS)) % len(NOUNS)]
        stage = rng.choices(stages, weights)[0]
        funding: dict[str, tuple[int, int]] = {}
        if stage not in ("ideation", "retired"):
            run = rng.randrange(50_000, 1_000_000, 10_000)
            funding["FY2027"] = (run, rng.randrange(0, 800_000, 10_000))
            if i < count * 0.8:  # older products were funded the year before too
                funding["FY2026"] = (run, rng.randrange(0, 800_000, 10_000))
        planned.append(Product(i, f"{domain}-{noun}-{i + 1}", domain, stage, funding))
    return planned


def _product_yaml(
    rng: random.Random,
    product: Product,
    planned: list[Product],
    teams: list[Team],
    capabilities: list[str],
    objectives: list[str],
    today: datetime.date,
) -> str:
    team = teams[product.index // 4]  # four products a team: the policy's limit
    parts = [
        _head(rng, product, team, today),
        _references(rng, product, planned, capabilities, objectives),
        _value(rng, product),
    ]
    if product.stage != "retired":
        parts += [_kpis(rng, product, today), _roadmap(rng, product, today)]
    parts += [
        _technology(rng, today),
        _stakeholders(rng, product, today),
        _links(rng, product),
    ]
    return "".join(parts)


def _head(rng: random.Random, product: Product, team: Team, today: datetime.date) -> str:
    d, n = product.domain, product.index + 1
    since = today - datetime.timedelta(days=rng.randint(30, 2000))
    lifecycle = _note(f"  stage: {product.stage}", " | ".join(name for name, _ in STAGES))
    lifecycle += f"  since: {since.isoformat()}\n"
    if product.stage == "sunset":
        retire_by = today + datetime.timedelta(days=rng.randint(60, 500))
        lifecycle += f"  retire_by: {retire_by.isoformat()}\n"
    return (
        _schema("product") + f"id: {product.id}\n"
        f"name: {_title(d)} {_title(product.id.split('-')[1])} {n}\n"
        f"summary: Lets customers and staff handle {d} work online, number {n}.\n"
        "description: |\n"
        f"  Self-service {d} for policyholders and staff. Replaces a manual,\n"
        f"  call-centre process; integrates with the {d} back office.\n"
        + _note(f"kind: {rng.choice(KINDS)}", " | ".join(KINDS))
        + f"lifecycle:\n{lifecycle}"
        f"owner: {team.id}\n"
        f"product_manager: {team.manager}\n"
        "customers:\n"
        f"  - segment: {_title(d)} policyholders\n"
        "    type: external              # external | internal\n"
        f"  - segment: {_title(d)} handlers\n"
        "    type: internal\n"
    )


def _references(
    rng: random.Random,
    product: Product,
    planned: list[Product],
    capabilities: list[str],
    objectives: list[str],
) -> str:
    i = product.index
    caps = [capabilities[i % len(capabilities)]]  # every capability gets a product
    if rng.random() < 0.05:
        caps.append(rng.choice(capabilities))
    objs = [objectives[i % len(objectives)]] if i < len(objectives) or rng.random() < 0.6 else []
    # only earlier products that are live or in build: no cycles, nothing retired
    earlier = [p.id for p in planned[max(0, i - 200) : i] if p.stage in ("live", "build")]
    depends = rng.sample(earlier, min(len(earlier), rng.randint(0, 3)))
    text = f"capabilities: [{', '.join(dict.fromkeys(caps))}]\n"
    text += f"objectives: [{', '.join(objs)}]\n" if objs else ""
    text += f"depends_on: [{', '.join(depends)}]\n" if depends else ""
    if rng.random() < 0.05:
        text += f"previous_ids: [{product.domain}-legacy-{i + 1}]  # earlier ids of this product\n"
    return text


def _value(rng: random.Random, product: Product) -> str:
    run, change = product.funding.get(CURRENT_PERIOD, (100_000, 0))
    estimate = round((run + change) * rng.uniform(VALUE_RATIO + 0.2, 4.5), -4)
    return (
        "value:\n"
        f"  annual_estimate: {estimate:.0f}\n"
        f"  basis: {_title(product.domain)} cost avoided plus faster service (FY2026 actuals)\n"
        + _note(
            f"disposition: {_disposition(product.stage)}",
            "TIME: tolerate | invest | migrate | eliminate",
        )
    )


def _disposition(stage: str) -> str:
    return {"sunset": "migrate", "retired": "eliminate", "live": "tolerate"}.get(stage, "invest")


def _kpis(rng: random.Random, product: Product, today: datetime.date) -> str:
    lines = ["kpis:\n"]
    for name, unit, direction, low, high in rng.sample(KPI_SHAPES, 2):
        target = round(rng.uniform(low, high), 1)
        as_of = today - datetime.timedelta(days=rng.randint(5, 60))
        lines.append(
            f"  - name: {name.format(d=product.domain, D=_title(product.domain))}\n"
            f'    unit: "{unit}"\n'
            f"    target: {target}\n"
            f"    actual: {_on_target(rng, target, direction)}\n"
            + _note(f"    direction: {direction}", "higher | lower: which way is better")
            + f"    as_of: {as_of.isoformat()}\n"
        )
    return "".join(lines)


def _on_target(rng: random.Random, target: float, direction: str) -> float:
    """A measure that meets its target: the portfolio is meant to be healthy."""
    factor = rng.uniform(1.0, 1.1) if direction == "higher" else rng.uniform(0.85, 1.0)
    return round(target * factor, 1) if direction == "higher" else round(target * factor - 0.05, 1)


def _roadmap(rng: random.Random, product: Product, today: datetime.date) -> str:
    year, quarter = today.year, (today.month - 1) // 3 + 1
    lines = ["roadmap:\n"]
    for _ in range(rng.randint(1, 3)):
        lines.append(f"  - quarter: {year}-Q{quarter}\n    themes:\n")
        for theme in rng.sample(THEMES, rng.randint(1, 3)):
            text = theme.format(
                d=product.domain, D=_title(product.domain), a=rng.choice(ACTIVITIES)
            )
            lines.append(f"      - {text}\n")
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return "".join(lines)


def _technology(rng: random.Random, today: datetime.date) -> str:
    lines = ["technology:\n"]
    for name, versions in rng.sample(TECHNOLOGY, 2):
        end = today + datetime.timedelta(days=rng.randint(200, 1500))
        lines.append(
            f"  - name: {name}\n"
            f'    version: "{rng.choice(versions)}"\n'
            f"    end_of_support: {end.isoformat()}\n"
        )
    return "".join(lines)


def _stakeholders(rng: random.Random, product: Product, today: datetime.date) -> str:
    role = rng.choice(ROLES).format(D=_title(product.domain))
    review = today - datetime.timedelta(days=rng.randint(5, 170))
    return (
        "stakeholders:\n"
        f"  - name: {_person(rng)}\n"
        f"    role: {role}\n"
        f"last_stakeholder_review: {review.isoformat()}\n"
    )


def _links(rng: random.Random, product: Product) -> str:
    pid, d = product.id, product.domain
    tags = rng.sample(TAGS, rng.randint(1, 3))
    return (
        "links:\n"
        f"  repository: https://github.com/northwind/{pid}\n"
        f"  runbook: https://wiki.northwind.example/{d}/{pid}/runbook\n"
        f"  dashboard: https://grafana.northwind.example/d/{pid}\n"
        f"tags: [{', '.join(tags)}]\n"
    )


def _funding_yaml(period: str, planned: list[Product]) -> str:
    start, end = PERIODS[period]
    funded = [(p, p.funding[period]) for p in planned if period in p.funding]
    allocated = sum(run + change for _, (run, change) in funded)
    envelope = math.ceil(allocated * 1.05 / 100_000) * 100_000 or 100_000
    lines = [
        _schema("funding"),
        _note(f"period: {period}", "the file's name must be the period"),
        f"start: {start.isoformat()}\n",
        f"end: {end.isoformat()}\n",
        _note(f"envelope: {envelope}", "total the portfolio may allocate in this period"),
        "allocations:\n" if funded else "allocations: []\n",
    ]
    for i, (product, (run, change)) in enumerate(funded):
        # comments on the first allocation only: the file must stay under pac's 1 MiB limit
        first = i == 0
        lines += [
            f"  - product: {product.id}\n",
            _note(f"    run: {run}", "keeping the product running" if first else ""),
            _note(f"    change: {change}", "improving it" if first else ""),
            f"    source: cc-{product.domain}\n",
        ]
    return "".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the folder to write the portfolio into")
    parser.add_argument("--products", "-n", type=int, default=1000, help="number of products")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument(
        "--today",
        type=datetime.date.fromisoformat,
        default=DEFAULT_TODAY,
        help=f"the date the files' dates are relative to (default: {DEFAULT_TODAY})",
    )
    args = parser.parse_args(argv)
    summary = generate(args.out, args.products, seed=args.seed, today=args.today)
    files = ", ".join(f"{n} {folder}" for folder, n in sorted(summary.files.items()))
    print(f"Wrote {sum(summary.files.values())} files ({summary.bytes:,} bytes) to {args.out}:")
    print(f"  {files}")
    print(f"Validate with: pac validate {args.out} --today {args.today}")


if __name__ == "__main__":
    main()
