"""Reports of `pac scorecard`: each scored product's level and what it misses, text or JSON."""

from __future__ import annotations

from typing import Any

from pac.figures.scorecard import CHECKS, Score, level_counts
from pac.json_text import to_json
from pac.model.portfolio import Portfolio
from pac.model.settings import NO_LEVEL
from pac.plural import plural
from pac.terminal import one_line

VERSION = 1


def scorecard_document(p: Portfolio, scores: dict[str, Score]) -> dict[str, Any]:
    """The JSON contract, version 1."""
    card = p.settings.scorecard
    return {
        "version": VERSION,
        "stages": list(card.stages),
        "levels": [{"name": level.name, "checks": list(level.checks)} for level in card.levels],
        "counts": level_counts(card, scores),
        "products": [
            {
                "product": pid,
                "name": p.products[pid].name,
                "owner": p.products[pid].owner,
                "level": s.level,
                "next_level": s.next_level,
                "missing": list(s.missing),
            }
            for pid, s in scores.items()
        ],
    }


def render_scorecard_text(p: Portfolio, scores: dict[str, Score]) -> str:
    card = p.settings.scorecard
    counts = level_counts(card, scores)
    stages = ", ".join(card.stages)
    lines = [
        f"{plural(len(scores), 'product')} scored ({stages}): "
        + ", ".join(
            f"{n} {name if name != NO_LEVEL else 'with no level'}" for name, n in counts.items()
        )
        + "."
    ]
    width = max((len(pid) for pid in scores), default=0)
    level_width = max((len(level.name) for level in card.levels), default=0)
    for pid, s in scores.items():
        line = f"{pid:<{width}}  {(s.level or '-'):<{level_width}}"
        if s.next_level:
            line += f"  to reach {s.next_level}: {', '.join(s.missing)}"
        lines.append(one_line(line).rstrip())
    return "\n".join(lines) + "\n"


def render_scorecard_json(p: Portfolio, scores: dict[str, Score]) -> str:
    return to_json(scorecard_document(p, scores), indent=2) + "\n"


def render_checks() -> str:
    width = max(len(name) for name in CHECKS)
    return "".join(f"{c.name:<{width}}  {c.means}\n" for c in CHECKS.values())


SCORECARD_FORMATS = {"text": render_scorecard_text, "json": render_scorecard_json}
