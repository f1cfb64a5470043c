"""Reports of `pac trends`: the portfolio over time, as text, Markdown or JSON."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pac.history.model import OUTCOMES, Durations, Kept, Snapshot, Trends
from pac.json_text import to_json
from pac.model.settings import NO_LEVEL
from pac.money import compact_money
from pac.render.markdown import md
from pac.terminal import one_line

VERSION = 1
OUTCOME_WORDS = {
    "done": "done",
    "carried": "carried",
    "dropped": "dropped",
    "removed": "removed silently",
    "open": "open",
}


def coverage_share(s: Snapshot) -> Decimal | None:
    served, leaves = s.coverage
    return None if not leaves else Decimal(served) / Decimal(leaves)


def _durations(d: Durations) -> dict[str, Any]:
    return {"count": d.count, "median_days": d.median, "p85_days": d.p85}


def _kept(k: Kept) -> dict[str, Any]:
    return {**k.counts, "promised": k.promised, "say_do": k.say_do}


def _snapshot(s: Snapshot) -> dict[str, Any]:
    risk = s.value_at_risk
    return {
        "period": s.label,
        "date": s.date,
        "commit": s.commit,
        "products": s.products,
        "stages": s.stages,
        "levels": s.levels,
        "findings": s.findings,
        "funding": {
            "period": s.funding.period,
            "run": s.funding.run,
            "change": s.funding.change,
            "total": s.funding.total,
            "by_stage": s.funding.by_stage,
        },
        "coverage": {"served": s.coverage[0], "leaves": s.coverage[1], "share": coverage_share(s)},
        "value_at_risk": {
            "period": risk.period,
            "total": risk.total,
            "by_reason": risk.by_reason,
            "products": [{"product": p, "reasons": list(r)} for p, r in risk.products.items()],
        },
    }


def trends_document(t: Trends) -> dict[str, Any]:
    """The JSON contract, version 1."""
    f = t.flow
    return {
        "version": VERSION,
        "every": t.every,
        "from": t.start,
        "to": t.end,
        "currency": t.currency,
        "truncated": t.truncated,
        "series": [_snapshot(s) for s in t.snapshots],
        "flow": {
            "lead_time": _durations(f.lead_time),
            "lead_time_by_team": {k: _durations(v) for k, v in f.lead_time_by_team.items()},
            "lead_time_by_kind": {k: _durations(v) for k, v in f.lead_time_by_kind.items()},
            "time_in_stage": {k: _durations(v) for k, v in f.time_in_stage.items()},
            "sunset_to_retired": _durations(f.sunset_to_retired),
            "timelines": [
                {
                    "product": tl.product,
                    "team": tl.team,
                    "kind": tl.kind,
                    "stages": [
                        {
                            "stage": v.stage,
                            "entered": v.entered,
                            "source": v.source,
                            "commit": v.commit,
                        }
                        for v in tl.visits
                    ],
                }
                for tl in f.timelines.values()
            ],
        },
        "promises": [
            {
                "quarter": q.quarter,
                "over": q.over,
                "portfolio": _kept(q.portfolio),
                "teams": [{"team": team, **_kept(k)} for team, k in q.teams.items()],
                "promises": [
                    {"team": p.team, "product": p.product, "theme": p.theme, "outcome": p.outcome}
                    for p in q.promises
                ],
            }
            for q in t.promises
        ],
    }


def render_trends_json(t: Trends) -> str:
    return to_json(trends_document(t), indent=2) + "\n"


def percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def days(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f} d"


def series_rows(t: Trends) -> tuple[list[str], list[list[str]]]:
    """The series as a table: a header and one row per period, in words and figures."""
    stages = list(t.snapshots[0].stages) if t.snapshots else []
    # every level any point has, in the order first met (a scorecard may change over time)
    levels = list(dict.fromkeys(level for s in t.snapshots for level in s.levels))
    levels = [level for level in levels if level != NO_LEVEL] + [NO_LEVEL] * (NO_LEVEL in levels)
    header = [
        "Period", "Products", *stages, *levels, "Errors", "Warnings", "Infos",
        "Funding", "Run", "Change", "Coverage", "Value at risk",
    ]  # fmt: skip
    rows = []

    def money(amount: Decimal) -> str:
        return compact_money(amount, t.currency)

    for s in t.snapshots:
        rows.append([
            s.label, str(s.products), *(str(s.stages.get(x, 0)) for x in stages),
            *(str(s.levels.get(x, 0)) for x in levels),
            *(str(sum(s.findings.get(sev, {}).values())) for sev in ("error", "warning", "info")),
            money(s.funding.total), money(s.funding.run), money(s.funding.change),
            f"{s.coverage[0]}/{s.coverage[1]}", money(s.value_at_risk.total),
        ])  # fmt: skip
    return header, rows


def flow_rows(t: Trends) -> list[list[str]]:
    """What, count, median, 85th percentile."""
    f = t.flow
    rows = [["Lead time, ideation to live", *_figures(f.lead_time)]]
    rows += [
        [f"  team {team or '(none)'}", *_figures(d)] for team, d in f.lead_time_by_team.items()
    ]
    rows += [
        [f"  kind {kind or '(none)'}", *_figures(d)] for kind, d in f.lead_time_by_kind.items()
    ]
    rows += [[f"Time in {stage}", *_figures(d)] for stage, d in f.time_in_stage.items()]
    rows.append(["Sunset to retired", *_figures(f.sunset_to_retired)])
    return rows


def _figures(d: Durations) -> list[str]:
    return [str(d.count), days(d.median), days(d.p85)]


def promise_rows(t: Trends) -> list[list[str]]:
    """Quarter, team, promised, each outcome, say/do."""
    rows = []
    for q in t.promises:
        label = q.quarter if q.over else f"{q.quarter} (not over)"
        for team, kept in [*q.teams.items(), ("portfolio", q.portfolio)]:
            rows.append([
                label, team, str(kept.promised), *(str(kept.counts[o]) for o in OUTCOMES),
                percent(kept.say_do),
            ])  # fmt: skip
    return rows


PROMISE_HEADER = ["Quarter", "Team", "Promised", *(OUTCOME_WORDS[o].capitalize() for o in OUTCOMES),
                  "Say/do"]  # fmt: skip
FLOW_HEADER = ["Flow", "Products", "Median", "85th percentile"]


def _intro(t: Trends) -> str:
    cut = " The clone is shallow: the history is cut short." if t.truncated else ""
    return (
        f"The portfolio from {t.start} to {t.end}, every {t.every}, "
        f"from the first-parent history.{cut}"
    )


def _table_text(header: list[str], rows: list[list[str]]) -> list[str]:
    cells = [[one_line(c) for c in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    return ["  ".join(_align(row, widths)).rstrip() for row in cells]


def _align(row: list[str], widths: list[int]) -> list[str]:
    """The first column to the left, figures to the right."""
    return [
        row[0].ljust(widths[0]),
        *(c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)),
    ]


def render_trends_text(t: Trends) -> str:
    header, rows = series_rows(t)
    lines = [_intro(t), ""]
    lines += _table_text(header, rows) if rows else ["No commit in these dates."]
    lines += ["", *_table_text(FLOW_HEADER, flow_rows(t)), ""]
    promises = promise_rows(t)
    lines += _table_text(PROMISE_HEADER, promises) if promises else ["No roadmap themes."]
    return "\n".join(lines) + "\n"


def _table_markdown(header: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(md(h) for h in header) + " |",
        "|---|" + "---:|" * (len(header) - 1),
        *("| " + " | ".join(md(c) for c in row) + " |" for row in rows),
    ]


def render_trends_markdown(t: Trends) -> str:
    header, rows = series_rows(t)
    lines = ["# Trends", "", md(_intro(t)), "", "## The portfolio at the end of each period", ""]
    lines += _table_markdown(header, rows) if rows else ["No commit in these dates."]
    lines += ["", "## Flow", "", *_table_markdown(FLOW_HEADER, flow_rows(t))]
    promises = promise_rows(t)
    lines += ["", "## Promises kept", ""]
    lines += _table_markdown(PROMISE_HEADER, promises) if promises else ["No roadmap themes."]
    return "\n".join(lines) + "\n"


TRENDS_FORMATS = {
    "text": render_trends_text,
    "markdown": render_trends_markdown,
    "json": render_trends_json,
}
