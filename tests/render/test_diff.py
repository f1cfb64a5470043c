"""`pac diff`'s reporters by format name, each wording the same comparison."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import REFERENCE, TODAY
from support import run

from pac.changes.diff import compare
from pac.render.diff import DIFF_REPORTERS


def test_each_format_words_the_same_comparison(tmp_path: Path) -> None:
    head = tmp_path / "head"
    shutil.copytree(REFERENCE, head)
    product = head / "products" / "fraud-scoring.yaml"
    product.write_text(product.read_text().replace("tags: [ml]", "tags: [ml, realtime]"))
    c = compare(run(REFERENCE), run(head), base_label="main", head_label="HEAD", today=TODAY)
    assert sorted(DIFF_REPORTERS) == ["json", "markdown", "text"]
    assert DIFF_REPORTERS["text"](c) == (
        "Portfolio changes from main to HEAD: 0 added, 0 removed, 0 renamed, 1 changed; "
        "0 findings introduced, 0 resolved.\n"
        "changed product:fraud-scoring: Fraud Scoring Service\n"
        "    tags: added realtime\n"
    )
    assert json.loads(DIFF_REPORTERS["json"](c))["entities"][0]["changes"] == [
        {"path": "tags", "kind": "set", "old": [], "new": ["realtime"]}]
    assert DIFF_REPORTERS["markdown"](c) == (
        "<!-- pac-diff -->\n## What this pull request does to the portfolio\n\n"
        "0 added, 0 removed, 0 renamed, 1 changed; 0 findings introduced, 0 resolved.\n\n"
        "<details><summary>changed <code>product:fraud-scoring</code>: Fraud Scoring Service"
        "</summary>\n\n"
        "| Field | Before | After |\n|---|---|---|\n"
        "| tags | removed: \u2014 | added: realtime |\n\n</details>\n"
    )
