"""Reports of `pac report`: the portfolio's funding in numbers, as text, Markdown or JSON."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pac.json_text import to_json
from pac.money import format_money
from pac.plural import plural

if TYPE_CHECKING:
    from pac.figures.funding import Split
    from pac.figures.report import Report

# 2: value_at_risk (the README says what it holds); 1 had no value at risk
VERSION = 2
BY_REASON = "a product with several reasons counts under each"
NOTES = {
    "by_capability": "a product serving several capabilities counts an equal share towards each",
    "by_objective": "a product serving several objectives counts an equal share towards each",
}


def _groups(r: Report) -> dict[str, dict[str, Split]]:
    f = r.figures
    return {
        "by_team": f.by_team,
        "by_capability": f.by_capability,
        "by_objective": r.by_objective,
        "by_stage": r.by_stage,
        "by_disposition": r.by_disposition,
    }


def _split(s: Split) -> dict[str, Decimal]:
    return {"run": s.run, "change": s.change, "total": s.total}


def _risk_document(r: Report) -> dict[str, Any]:
    risk = r.value_at_risk
    return {
        "total": risk.total,
        "share_of_allocated": r.risk_share,
        "by_reason": [{"rule": rule, "total": amount} for rule, amount in risk.by_reason.items()],
        "products": [
            {
                "product": line.product,
                "name": line.name,
                "total": line.now.total,
                "reasons": list(reasons),
            }
            for line, reasons in r.at_risk()
        ],
    }


def report_document(r: Report) -> dict[str, Any]:
    """The JSON contract, version 2."""
    f = r.figures
    return {
        "version": VERSION,
        "period": r.period,
        "previous_period": r.previous,
        "currency": r.currency,
        "envelope": f.envelope,
        "allocated": f.allocated.total,
        "unallocated": f.unallocated,
        "run": f.allocated.run,
        "change": f.allocated.change,
        **{
            name: [{"id": key, **_split(s)} for key, s in group.items()]
            for name, group in _groups(r).items()
        },
        "notes": NOTES,
        "value_at_risk": _risk_document(r),
        "products": [
            {
                "product": p.product,
                "name": p.name,
                **_split(p.now),
                "previous_total": p.before.total if p.before else None,
                "change_from_previous": p.change_amount,
                "value": p.value,
                "value_per_unit": p.value_per_unit,
            }
            for p in r.products
        ],
    }


def render_report_json(r: Report) -> str:
    return to_json(report_document(r), indent=2) + "\n"


def _money(r: Report, amount: Decimal | None) -> str:
    return "—" if amount is None else format_money(amount, r.currency)


def _share(r: Report) -> str:
    return "" if r.risk_share is None else f", {r.risk_share * 100:.1f}% of allocated funding"


def risk_sentence(r: Report) -> str:
    """The value at risk in one sentence."""
    risk = r.value_at_risk
    if not risk.products:
        return "Value at risk: none: no funded product has a value-leakage finding."
    return (
        f"Value at risk: {_money(r, risk.total)}{_share(r)}, on "
        f"{plural(len(risk.products), 'product')} with a value-leakage finding."
    )


def _reasons(r: Report) -> dict[str, Decimal]:
    """The reasons that flag funded products."""
    return {rule: amount for rule, amount in r.value_at_risk.by_reason.items() if amount}


def _risk_text(r: Report) -> list[str]:
    lines = ["", risk_sentence(r)]
    if not r.value_at_risk.products:
        return lines
    lines.append(f"By reason ({BY_REASON}):")
    lines += [f"  {rule:<40} {_money(r, amount):>20}" for rule, amount in _reasons(r).items()]
    lines.append("Products at risk:")
    lines += [
        f"  {line.product:<40} {_money(r, line.now.total):>20}  {', '.join(reasons)}"
        for line, reasons in r.at_risk()
    ]
    return lines


def render_report_text(r: Report) -> str:
    f = r.figures
    lines = [
        f"Funding {r.period}: {_money(r, f.allocated.total)} allocated of "
        f"{_money(r, f.envelope)} ({_money(r, f.unallocated)} unallocated); run "
        f"{_money(r, f.allocated.run)}, change {_money(r, f.allocated.change)}."
    ]
    for name, group in _groups(r).items():
        lines.append(
            f"\n{name.replace('_', ' ').capitalize()}"
            + (f" ({NOTES[name]})" if name in NOTES else "")
            + ":"
        )
        lines += [f"  {key:<40} {_money(r, s.total):>20}" for key, s in group.items()]
    lines += _risk_text(r)
    lines.append(f"\nProducts (against {r.previous or 'no previous period'}):")
    for p in r.products:
        delta = "" if p.change_amount is None else f"  {p.change_amount:+,.0f}"
        ratio = "" if p.value_per_unit is None else f"  value x{p.value_per_unit:.2f}"
        lines.append(f"  {p.product:<40} {_money(r, p.now.total):>20}{delta}{ratio}")
    return "\n".join(lines) + "\n"


def _risk_markdown(r: Report) -> list[str]:
    from pac.render.markdown import md

    lines = ["", "## Value at risk", "", risk_sentence(r)]  # pac's words and amounts only
    if not r.value_at_risk.products:
        return lines
    lines += ["", f"_By reason: {BY_REASON}._", "", "| Reason | Total |", "|---|---:|"]
    lines += [f"| `{rule}` | {amount:,.0f} |" for rule, amount in _reasons(r).items()]
    lines += ["", "| Product at risk | Total | Reasons |", "|---|---:|---|"]
    lines += [
        f"| {md(line.name)} | {line.now.total:,.0f} | "
        f"{', '.join(f'`{reason}`' for reason in reasons)} |"
        for line, reasons in r.at_risk()
    ]
    return lines


def render_report_markdown(r: Report) -> str:
    from pac.render.markdown import md

    f = r.figures
    lines = [
        f"# Funding {md(r.period)}",
        "",
        f"{_money(r, f.allocated.total)} allocated of {_money(r, f.envelope)} "
        f"({_money(r, f.unallocated)} unallocated): run {_money(r, f.allocated.run)}, "
        f"change {_money(r, f.allocated.change)}.",
    ]
    for name, group in _groups(r).items():
        lines += ["", f"## {name.replace('_', ' ').capitalize()}", ""]
        if name in NOTES:
            lines += [f"_{NOTES[name].capitalize()}._", ""]
        lines += ["| | Run | Change | Total |", "|---|---:|---:|---:|"]
        lines += [
            f"| {md(key)} | {s.run:,.0f} | {s.change:,.0f} | {s.total:,.0f} |"
            for key, s in group.items()
        ]
    lines += _risk_markdown(r)
    lines += [
        "",
        "## Products",
        "",
        f"| Product | Total | Change from {md(r.previous or '—')} | Value per unit |",
        "|---|---:|---:|---:|",
    ]
    for p in r.products:
        delta = "—" if p.change_amount is None else f"{p.change_amount:+,.0f}"
        ratio = "—" if p.value_per_unit is None else f"{p.value_per_unit:.2f}"
        lines.append(f"| {md(p.name)} | {p.now.total:,.0f} | {delta} | {ratio} |")
    return "\n".join(lines) + "\n"


REPORT_FORMATS = {
    "text": render_report_text,
    "markdown": render_report_markdown,
    "json": render_report_json,
}
