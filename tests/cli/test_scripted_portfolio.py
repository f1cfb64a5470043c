"""A portfolio written by a script, the way exports and converters write one.

Every file of the example portfolio is read and written again with `yaml.safe_dump`: dates
become quoted strings, comments go, key order stays. Budgets get cents, and each period's
envelope is exactly the sum of its allocations, the edge where binary floats go wrong. Such a
portfolio must validate with no error and build, like the hand-written one.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from conftest import EXAMPLE, TODAY

from pac.cli import cli

CENTS = (Decimal("0.10"), Decimal("0.20"))


def _as_a_script_writes(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _as_a_script_writes(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_a_script_writes(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()  # safe_dump quotes it: '2026-01-01'
    return value


def _with_cents(funding: dict[str, Any]) -> dict[str, Any]:
    total = Decimal(0)
    for i, allocation in enumerate(funding.get("allocations", [])):
        for j, part in enumerate(("run", "change")):
            if part in allocation:
                amount = Decimal(str(allocation[part])) + CENTS[(i + j) % len(CENTS)]
                allocation[part] = float(amount)  # written as the shortest text: 1100000.1
                total += amount
    funding["envelope"] = float(total)
    return funding


def _script_written_copy(target: Path) -> Path:
    for source in sorted(EXAMPLE.rglob("*")):
        if not source.is_file():
            continue
        out = target / source.relative_to(EXAMPLE)
        out.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix != ".yaml":
            out.write_bytes(source.read_bytes())
            continue
        data = _as_a_script_writes(yaml.safe_load(source.read_text()))
        if source.parent.name == "funding":
            data = _with_cents(data)
        out.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return target


def test_a_script_written_portfolio_validates_and_builds(tmp_path: Path) -> None:
    portfolio = _script_written_copy(tmp_path / "portfolio")
    funding = (portfolio / "funding" / "FY2026.yaml").read_text()
    assert "start: '2026-01-01'" in funding and ".1\n" in funding  # as a script writes them
    for period in ("FY2026", "FY2027"):  # the edge: summed in binary floats, over the envelope
        data = yaml.safe_load((portfolio / "funding" / f"{period}.yaml").read_text())
        in_floats = sum(a.get("run", 0.0) + a.get("change", 0.0) for a in data["allocations"])
        assert in_floats > data["envelope"], period

    today = ["--today", TODAY.isoformat()]
    checked = CliRunner().invoke(cli, ["validate", str(portfolio), "--format", "json", *today])
    assert checked.exit_code == 0, checked.output
    report = yaml.safe_load(checked.output)
    assert [f for f in report["findings"] if f["severity"] == "error"] == []

    out = tmp_path / "site"
    built = CliRunner().invoke(
        cli,
        ["build", str(portfolio), "--out", str(out), "--no-history", *today],
        env={"SOURCE_DATE_EPOCH": "1795000000", "GITHUB_ACTIONS": ""},
    )
    assert built.exit_code == 0, built.output
    page = (out / "funding" / "FY2026.html").read_text()
    assert "1,100,000.10" in page  # web-storefront's run, with its cents
