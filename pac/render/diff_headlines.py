"""The headlines of `pac diff` in words, the same for the text, markdown and JSON reports."""

from __future__ import annotations

from decimal import Decimal

from pac.changes.headlines import (
    EntityHeadline,
    FindingsHeadline,
    FundingHeadline,
    Headline,
    LevelsSkipped,
    RiskHeadline,
    TeamLoadHeadline,
)
from pac.changes.levels import LevelChange
from pac.money import format_money
from pac.plural import plural


def headline_text(h: Headline) -> str:
    """One headline as the sentence a reviewer reads."""
    if isinstance(h, EntityHeadline):
        return _entity(h)
    if isinstance(h, FundingHeadline):
        return _funding(h)
    if isinstance(h, TeamLoadHeadline):
        return _team_load(h)
    if isinstance(h, LevelChange):
        return _level(h)
    if isinstance(h, LevelsSkipped):
        return f"Scorecard levels not compared: {why_levels_skipped(h.version)}"
    if isinstance(h, RiskHeadline):
        return _risk(h)
    return _findings(h)


def why_levels_skipped(version: str) -> str:
    return f"portfolio.yaml could not be read in {version}"


def headline_texts(headlines: list[Headline]) -> list[str]:
    return [headline_text(h) for h in headlines]


def _entity(h: EntityHeadline) -> str:
    what = h.entity_kind if h.entity_kind != "funding" else "funding period"
    if h.kind == "added":
        return f"New {what}: {h.name}"
    if h.kind == "removed":
        return f"Removed {what}: {h.name}"
    if h.kind == "renamed":
        return f"{h.name}: {what} renamed from {h.old} to {h.new}"
    return f"{h.name} moves from {h.old} to {h.new}"  # its stage, or its owner team


def _funding(h: FundingHeadline) -> str:
    change = f"{_signed(h.new - h.old, h.currency)} ({_percent(h.old, h.new)})"
    if h.kind == "envelope":
        return f"{h.period} envelope {change}"
    if h.kind == "funded":
        return f"{h.period}: {h.product} newly funded, {format_money(h.new, h.currency)}"
    if h.kind == "unfunded":
        return f"{h.period}: {h.product} no longer funded"
    return f"{h.period} {h.kind} funding for {h.product} {change}"


def _risk(h: RiskHeadline) -> str:
    amount = format_money(abs(h.after - h.before), h.currency)
    before = format_money(h.before, h.currency)
    after = format_money(h.after, h.currency)
    if h.before_period == h.after_period and h.after_period:
        figures = f"{h.after_period}: {before} → {after}"
    else:
        figures = f"{_in(h.before_period)}{before} → {_in(h.after_period)}{after}"
    if h.after < h.before:
        return f"This change takes {amount} out of value at risk ({figures})"
    return f"This change puts {amount} more at risk ({figures})"


def _in(period: str | None) -> str:
    return f"{period}: " if period else ""


def _signed(delta: Decimal, currency: str) -> str:
    return ("+" if delta >= 0 else "-") + format_money(abs(delta), currency)


def _percent(old: Decimal, new: Decimal) -> str:
    if not old:
        return "new"
    return f"{(new - old) / old * 100:+.0f}%"


def _team_load(h: TeamLoadHeadline) -> str:
    verb = "gains" if h.new > h.old else "loses"
    count = abs(h.new - h.old)
    noun = "a product" if count == 1 else plural(count, "product")
    over = f", over the limit of {h.limit}" if h.new > h.limit else ""
    return f"{h.team} {verb} {noun} ({h.new}{over})"


def _findings(h: FindingsHeadline) -> str:
    return f"{plural(h.count, h.severity)} {h.verb}"


def _level(change: LevelChange) -> str:
    before, after = change.before or "no level", change.after or "no level"
    if change.fell:
        return (
            f"{change.name} falls from {before} to {after} on the scorecard "
            f"(fails {', '.join(change.missing)})"
        )
    return f"{change.name} rises from {before} to {after} on the scorecard"
