"""`pac export`: the resolved portfolio for the tools finance and architects already use."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from pac.changes.entities import snapshot
from pac.figures.funding import Split, is_live, product_funding
from pac.figures.scorecard import Score
from pac.json_text import number_text, to_json
from pac.model.portfolio import Portfolio
from pac.model.settings import NO_LEVEL
from pac.money import ZERO

VERSION = 1


def export_json(p: Portfolio, scores: dict[str, Score]) -> str:
    """The export document as the JSON text `pac export` writes."""
    return to_json(export_document(p, scores), indent=2) + "\n"


def export_document(p: Portfolio, scores: dict[str, Score]) -> dict[str, Any]:
    """Every entity with its references resolved and derived figures added, the
    scorecard level among them (None for a product outside the scored stages)."""
    funding = product_funding(p)
    owned = p.products_by_owner()
    serving: dict[tuple[str, str], list[str]] = {}
    for pid, product in sorted(p.products.items()):
        for cid in product.capabilities:
            serving.setdefault(("capability", cid), []).append(pid)
        for oid in product.objectives:
            serving.setdefault(("objective", oid), []).append(pid)
    return {
        "version": VERSION,
        "portfolio": snapshot(p.settings),
        "products": [
            {
                **snapshot(product),
                "owner_name": p.teams[product.owner].name if product.owner in p.teams else None,
                "funding": {period: _split(s) for period, s in funding.get(pid, {}).items()},
                "total_funding": sum((s.total for s in funding.get(pid, {}).values()), ZERO),
                "scorecard": _scorecard(scores.get(pid)),
            }
            for pid, product in sorted(p.products.items())
        ],
        "teams": [
            {**snapshot(team), "products": owned.get(tid, [])}
            for tid, team in sorted(p.teams.items())
        ],
        "capabilities": [
            {
                **snapshot(c),
                "products": serving.get(("capability", cid), []),
                "live_products": sum(
                    1 for pid in serving.get(("capability", cid), []) if is_live(p.products[pid])
                ),
            }
            for cid, c in sorted(p.capabilities.items())
        ],
        "objectives": [
            {**snapshot(o), "products": serving.get(("objective", oid), [])}
            for oid, o in sorted(p.objectives.items())
        ],
        "funding": [snapshot(f) for _, f in sorted(p.funding.items())],
    }


def _scorecard(score: Score | None) -> dict[str, Any] | None:
    if score is None:
        return None
    return {"level": score.level, "next_level": score.next_level, "missing": list(score.missing)}


def _level_cell(scorecard: dict[str, Any] | None) -> str:
    """The level; `none` for a scored product below the first level; empty when unscored."""
    if scorecard is None:
        return ""
    return str(scorecard["level"] or NO_LEVEL)


def _split(s: Split) -> dict[str, Decimal]:
    return {"run": s.run, "change": s.change, "total": s.total}


def export_tables(p: Portfolio, scores: dict[str, Score]) -> dict[str, str]:
    """CSV tables a spreadsheet opens: products, teams, capabilities, allocations."""
    document = export_document(p, scores)
    current = p.settings.current_period or ""
    tables = {
        "products.csv": (
            [
                "id",
                "name",
                "kind",
                "stage",
                "owner",
                "owner_name",
                "capabilities",
                "objectives",
                "disposition",
                "annual_value",
                f"run_{current}",
                f"change_{current}",
                "total_funding",
                "level",
            ],
            [
                [
                    x["id"],
                    x["name"],
                    x["kind"],
                    x["lifecycle"]["stage"],
                    x["owner"],
                    x["owner_name"],
                    ";".join(x.get("capabilities", [])),
                    ";".join(x.get("objectives", [])),
                    x.get("disposition", ""),
                    (x.get("value") or {}).get("annual_estimate", ""),
                    x["funding"].get(current, {}).get("run", ""),
                    x["funding"].get(current, {}).get("change", ""),
                    x["total_funding"],
                    _level_cell(x["scorecard"]),
                ]
                for x in document["products"]
            ],
        ),
        "teams.csv": (
            ["id", "name", "type", "github", "members", "products", "capacity_fte"],
            [
                [
                    x["id"],
                    x["name"],
                    x.get("type", ""),
                    x.get("github", ""),
                    len(x.get("members", [])),
                    ";".join(x["products"]),
                    x.get("capacity_fte", ""),
                ]
                for x in document["teams"]
            ],
        ),
        "capabilities.csv": (
            ["id", "name", "parent", "importance", "products", "live_products"],
            [
                [
                    x["id"],
                    x["name"],
                    x.get("parent", ""),
                    x.get("importance", ""),
                    ";".join(x["products"]),
                    x["live_products"],
                ]
                for x in document["capabilities"]
            ],
        ),
        "allocations.csv": (
            ["period", "product", "run", "change", "total", "source"],
            [
                [
                    f["period"],
                    a["product"],
                    a.get("run", 0),
                    a.get("change", 0),
                    a.get("run", 0) + a.get("change", 0),
                    a.get("source", ""),
                ]
                for f in document["funding"]
                for a in f.get("allocations", [])
            ],
        ),
    }
    return {name: _csv(header, rows) for name, (header, rows) in tables.items()}


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[_cell(v) for v in row] for row in rows])
    return out.getvalue()


def _cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula is written as text (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    if isinstance(value, Decimal):  # plain decimal text: no exponent, no trailing zeros
        return number_text(value)
    return value
