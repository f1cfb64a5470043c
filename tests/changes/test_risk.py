"""pac/changes/risk.py called directly: the value at risk of two versions, the products that
enter or leave it, and when it is not compared."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from leaky import TOTAL, write_leaky
from support import run

from pac.changes.entities import EntityChange
from pac.changes.risk import risk_change

D = Decimal


def _versions(tmp_path: Path) -> tuple[Path, Path]:
    base = write_leaky(tmp_path / "base")
    head = tmp_path / "head"
    shutil.copytree(base, head)
    return base, head


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_products_entering_and_leaving_with_a_rename_followed(tmp_path: Path) -> None:
    base, head = _versions(tmp_path)
    (head / "products" / "stale.yaml").rename(head / "products" / "old-news.yaml")
    _edit(head / "products" / "old-news.yaml", "id: stale", "id: old-news")
    _edit(head / "products" / "old-news.yaml", "name: Stale", "name: Old news")
    _edit(head / "funding" / "FY2027.yaml", "product: stale,", "product: old-news,")
    _edit(head / "products" / "unknown.yaml", "lifecycle:", "value:\n  annual_estimate: 9e6\n"
          "lifecycle:")
    _edit(head / "funding" / "FY2027.yaml", "{product: soon, run: 80000}",
          "{product: soon, run: 80000}\n  - {product: idle, run: 5000}")
    renamed = EntityChange("product", "old-news", "renamed", "Old news", "stale")
    risk = risk_change(run(base), run(head), [renamed])
    assert risk is not None
    assert (risk.before.total, risk.after.total, risk.change) == (
        TOTAL, TOTAL - D(120000) + D(5000), D(-115000))
    assert (risk.entered, risk.left) == ((("idle", "Idle"),), (("unknown", "Unknown"),))
    assert risk.currency == "GBP" and risk.changed
    # without the rename, the product is one that leaves and one that enters
    moved = risk_change(run(base), run(head), [])
    assert moved is not None
    assert [pid for pid, _name in moved.entered] == ["old-news", "idle"]
    assert [name for _pid, name in moved.left] == ["Stale", "Unknown"]


def test_the_same_value_at_risk_is_no_change(tmp_path: Path) -> None:
    base, head = _versions(tmp_path)
    _edit(head / "products" / "healthy.yaml", "name: Healthy", "name: Hale")
    risk = risk_change(run(base), run(head), [])
    assert risk is not None and not risk.changed and risk.change == 0


def test_not_compared_without_trustworthy_findings(tmp_path: Path) -> None:
    base, head = _versions(tmp_path)
    (head / "products" / "idle.yaml").write_text("id: idle\nname: [unclosed\n")
    assert risk_change(run(base), run(head), []) is None  # the health rules did not run
    (head / "products" / "idle.yaml").unlink()
    (head / "portfolio.yaml").unlink()
    assert risk_change(run(head), run(base), []) is None  # no current period, no policies
