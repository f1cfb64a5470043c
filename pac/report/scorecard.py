"""Reports of `pac scorecard`: each scored product's level and what it misses, text or JSON."""

from __future__ import annotations

from collections import Counter
from typing import Any

from pac.json_text import to_json
from pac.model.settings import NO_LEVEL, Scorecard
from pac.plural import plural
from pac.portfolio import Portfolio
from pac.scorecard import CHECKS, Score
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


def level_counts(card: Scorecard, scores: dict[str, Score]) -> dict[str, int]:
    """Scored products per level, highest first, then those with no level."""
    counts = Counter(s.level for s in scores.values())
    out = {level.name: counts.get(level.name, 0) for level in reversed(card.levels)}
    out[NO_LEVEL] = counts.get(None, 0)
    return out


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
