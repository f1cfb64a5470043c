"""Scorecard levels across two versions: which products rise or fall."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from pac.changes.entities import EntityChange
from pac.figures.scorecard import score
from pac.findings import Result
from pac.model.portfolio import FALLBACK_SETTINGS


@dataclass(frozen=True)
class LevelChange:
    """A scored product whose scorecard level differs between the two versions."""

    product: str
    name: str
    old_id: str  # its id in the base, when it was renamed
    before: str | None  # None: scored, but below the first level
    after: str | None
    fell: bool
    missing: tuple[str, ...]  # after a fall: the checks of the level lost that it now fails


def unscorable(side: Result, label: str) -> str:
    """`label` when the version's levels cannot be trusted: without its portfolio.yaml,
    pac's defaults would stand in for its scorecard, policies and current period."""
    if side.portfolio.settings is FALLBACK_SETTINGS and side.portfolio.entity_count()["products"]:
        return label
    return ""


def level_changes(
    base: Result, head: Result, entities: list[EntityChange], today: datetime.date
) -> list[LevelChange]:
    """Products scored in both versions whose level differs, following renames. Both are
    scored with the head's scorecard and policies and the same day, so that a change is
    judged by what it does to the products, not by a stricter or laxer bar or the calendar."""
    judge = head.portfolio.settings
    card = judge.scorecard
    before = score(base.portfolio, base.findings, today, judge)
    after = score(head.portfolio, head.findings, today)  # by its own settings
    renamed = {e.id: e.old_id for e in entities if e.kind == "product" and e.old_id}
    out = []
    for pid, new in after.items():
        old_id = renamed.get(pid, pid)
        old = before.get(old_id)
        if old is None or old.level == new.level:
            continue
        fell = new.rank < old.rank
        # every check it fails of the levels it lost (none when it rose), lowest level first
        lost = [c for level in card.levels[new.rank : old.rank] for c in level.checks]
        missing = tuple(dict.fromkeys(c for c in lost if c not in new.passed))
        out.append(
            LevelChange(
                pid,
                head.portfolio.products[pid].name,
                old_id if old_id != pid else "",
                old.level,
                new.level,
                fell,
                missing,
            )
        )
    return sorted(out, key=lambda c: (not c.fell, c.product))
