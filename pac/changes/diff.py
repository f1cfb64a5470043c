"""Two validated versions of a portfolio -> what the change does, in headlines and detail."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pac.changes.entities import (
    Changes,
    EntityChange,
    PeriodDelta,
    Totals,
    diff_portfolio,
    snapshot,
)
from pac.figures.scorecard import score
from pac.findings import Finding, Result, Severity
from pac.model.portfolio import FALLBACK_SETTINGS, Portfolio
from pac.money import ZERO, format_money
from pac.plural import plural

KINDS = ("product", "team", "capability", "objective", "funding")


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


@dataclass(frozen=True)
class Comparison:
    """What a change does to the portfolio."""

    base: str
    head: str
    changes: Changes
    introduced: list[Finding]
    resolved: list[Finding]
    levels: list[LevelChange] = field(default_factory=list)
    levels_skipped: str = ""  # why levels were not compared, when they were not
    # what a reader must see, which a comment never leaves out: errors introduced, level
    # falls, funding changes and renames
    key_headlines: list[str] = field(default_factory=list)
    other_headlines: list[str] = field(default_factory=list)

    @property
    def headlines(self) -> list[str]:
        """The sentences a reviewer reads first, the key ones first."""
        return self.key_headlines + self.other_headlines

    @property
    def errors_introduced(self) -> int:
        return sum(1 for f in self.introduced if f.severity == Severity.ERROR)

    @property
    def regressions(self) -> list[LevelChange]:
        return [change for change in self.levels if change.fell]


def snapshots(portfolio: Portfolio, kind: str) -> dict[str, dict[str, Any]]:
    return {entity_id: snapshot(entity) for entity_id, entity in portfolio.of_kind(kind).items()}


def compare(
    base: Result,
    head: Result,
    *,
    base_label: str,
    head_label: str,
    today: datetime.date,
) -> Comparison:
    changes = Changes()
    changes.entities = diff_portfolio(_everything(base.portfolio), _everything(head.portfolio))
    changes.funding = _funding(base.portfolio, head.portfolio)
    introduced, resolved = _findings(base.findings, head.findings)
    skipped = _unscorable(base, base_label) or _unscorable(head, head_label)
    levels = [] if skipped else level_changes(base, head, changes.entities, today)
    comparison = Comparison(
        base_label, head_label, changes, introduced, resolved, levels, levels_skipped=skipped
    )
    ranked = sorted(headlines(comparison, base.portfolio, head.portfolio), key=lambda h: h[0])
    comparison.key_headlines.extend(text for rank, text in ranked if rank < OTHER)
    comparison.other_headlines.extend(text for rank, text in ranked if rank == OTHER)
    return comparison


def _unscorable(side: Result, label: str) -> str:
    """Why a version's levels cannot be trusted: without its portfolio.yaml, pac's
    defaults would stand in for its scorecard, policies and current period."""
    if side.portfolio.settings is FALLBACK_SETTINGS and side.portfolio.entity_count()["products"]:
        return f"portfolio.yaml could not be read in {label}"
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
    after = score(head.portfolio, head.findings, today, judge)
    renamed = {e.id: e.old_id for e in entities if e.kind == "product" and e.old_id}
    out = []
    for pid, new in after.items():
        old_id = renamed.get(pid, pid)
        old = before.get(old_id)
        if old is None or old.level == new.level:
            continue
        fell = new.rank < old.rank
        # every check it fails of the levels it lost, lowest level first
        lost = [c for level in card.levels[new.rank : old.rank] for c in level.checks]
        missing = tuple(dict.fromkeys(c for c in lost if c not in new.passed)) if fell else ()
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


def _totals(portfolio: Portfolio, period: str) -> Totals | None:
    funding = portfolio.funding.get(period)
    if funding is None:
        return None
    return Totals(
        funding.envelope,
        sum((a.run for a in funding.allocations), ZERO),
        sum((a.change for a in funding.allocations), ZERO),
    )


def _funding(base: Portfolio, head: Portfolio) -> list[PeriodDelta]:
    periods = sorted(set(base.funding) | set(head.funding))
    deltas = [PeriodDelta(p, _totals(base, p), _totals(head, p)) for p in periods]
    return [d for d in deltas if d.before != d.after]


def _finding_key(f: Finding) -> tuple[str, str, str, str, str]:
    """A finding's identity across versions: where it is in the data, not on which line."""
    return (f.rule, f.file, f.entity, f.path, f.message)


def _everything(portfolio: Portfolio) -> dict[str, dict[str, dict[str, Any]]]:
    """Every entity by kind, and the settings if portfolio.yaml was read."""
    out = {kind: snapshots(portfolio, kind) for kind in KINDS}
    read = ("portfolio", "portfolio") in portfolio.files
    out["portfolio"] = {"portfolio": snapshot(portfolio.settings)} if read else {}
    return out


def _findings(base: list[Finding], head: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    before = Counter(_finding_key(f) for f in base)
    after = Counter(_finding_key(f) for f in head)
    introduced = [f for f in head if after[_finding_key(f)] > before[_finding_key(f)]]
    resolved = [f for f in base if before[_finding_key(f)] > after[_finding_key(f)]]
    return introduced, resolved


# A headline's rank: the key ones, in this order, come before the others.
ERRORS, FALL, MONEY_OR_NAME, OTHER = range(4)
Headline = tuple[int, str]


def headlines(comparison: Comparison, base: Portfolio, head: Portfolio) -> list[Headline]:
    """The sentences a reviewer reads first, each with its rank."""
    lines: list[Headline] = []
    for change in comparison.changes.entities:
        lines += _entity_headlines(change, base, head)
    lines += [(OTHER, line) for line in _team_load(comparison.changes.entities, base, head)]
    lines += [
        (FALL if change.fell else OTHER, _level_headline(change)) for change in comparison.levels
    ]
    if comparison.levels_skipped:
        lines.append((OTHER, f"Scorecard levels not compared: {comparison.levels_skipped}"))
    lines += _finding_headlines(comparison)
    return lines


def _entity_headlines(change: EntityChange, base: Portfolio, head: Portfolio) -> list[Headline]:
    what = change.kind if change.kind != "funding" else "funding period"
    rank = MONEY_OR_NAME if change.kind == "funding" else OTHER
    if change.status == "added":
        return [(rank, f"New {what}: {change.name}")]
    if change.status == "removed":
        return [(rank, f"Removed {what}: {change.name}")]
    lines = []
    if change.status == "renamed":
        renamed = f"{change.name}: {what} renamed from {change.old_id} to {change.id}"
        lines.append((MONEY_OR_NAME, renamed))
    for field_change in change.changes:
        if change.kind == "product" and field_change.path == "lifecycle.stage":
            moves = f"{change.name} moves from {field_change.old} to {field_change.new}"
            lines.append((OTHER, moves))
        if change.kind == "product" and field_change.path == "owner":
            old, new = _team(base, field_change.old), _team(head, field_change.new)
            lines.append((OTHER, f"{change.name} moves from {old} to {new}"))
        if change.kind == "funding":
            line = _funding_headline(
                change.id, field_change.path, field_change.old, field_change.new, head
            )
            if line:
                lines.append((MONEY_OR_NAME, line))
    return lines


def _team(portfolio: Portfolio, team_id: str) -> str:
    team = portfolio.teams.get(team_id)
    return team.name if team else team_id


def _funding_headline(period: str, path: str, old: Any, new: Any, head: Portfolio) -> str | None:
    if not path.startswith("allocations["):
        if path == "envelope":
            return f"{period} envelope {_signed(new - old, head)} ({_percent(old, new)})"
        return None
    product_id, _, rest = path[len("allocations[") :].partition("]")
    product = head.products.get(product_id)
    name = product.name if product else product_id
    if rest in (".run", ".change"):
        old_value, new_value = old or ZERO, new or ZERO
        return (
            f"{period} {rest[1:]} funding for {name} {_signed(new_value - old_value, head)}"
            f" ({_percent(old_value, new_value)})"
        )
    if rest == "" and old is None:
        total = Decimal(new.get("run", 0) or 0) + Decimal(new.get("change", 0) or 0)
        return f"{period}: {name} newly funded, {format_money(total, head.settings.currency)}"
    if rest == "" and new is None:
        return f"{period}: {name} no longer funded"
    return None


def _signed(delta: Decimal, portfolio: Portfolio) -> str:
    text = format_money(abs(delta), portfolio.settings.currency)
    return ("+" if delta >= 0 else "-") + text


def _percent(old: Decimal, new: Decimal) -> str:
    if not old:
        return "new"
    return f"{(new - old) / old * 100:+.0f}%"


def _team_load(entities: list[EntityChange], base: Portfolio, head: Portfolio) -> list[str]:
    """Teams whose count of products that are not retired goes up or down."""
    touched = {e.id for e in entities if e.kind == "product"}
    if not touched:
        return []
    before, after = base.active_products_per_team(), head.active_products_per_team()
    limit = head.settings.policies.max_products_per_team
    lines = []
    for team in sorted(set(before) | set(after)):
        old, new = before.get(team, 0), after.get(team, 0)
        if old == new:
            continue
        verb = "gains" if new > old else "loses"
        count = abs(new - old)
        noun = "a product" if count == 1 else plural(count, "product")
        over = f", over the limit of {limit}" if new > limit else ""
        name = head.teams[team].name if team in head.teams else team
        lines.append(f"{name} {verb} {noun} ({new}{over})")
    return lines


def _level_headline(change: LevelChange) -> str:
    before, after = change.before or "no level", change.after or "no level"
    if change.fell:
        return (
            f"{change.name} falls from {before} to {after} on the scorecard "
            f"(fails {', '.join(change.missing)})"
        )
    return f"{change.name} rises from {before} to {after} on the scorecard"


def _finding_headlines(comparison: Comparison) -> list[Headline]:
    lines = []
    for verb, findings in (
        ("introduced", comparison.introduced),
        ("resolved", comparison.resolved),
    ):
        counts = Counter(str(f.severity) for f in findings)
        for severity in ("error", "warning", "info"):
            n = counts.get(severity, 0)
            if n:
                rank = ERRORS if (severity, verb) == ("error", "introduced") else OTHER
                lines.append((rank, f"{plural(n, severity)} {verb}"))
    return lines
