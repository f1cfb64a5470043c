from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent
REFERENCE = TESTS / "reference-portfolio"
EXAMPLE = REPO / "portfolio"
CASES = TESTS / "cases"
TODAY = datetime.date(2026, 11, 22)
# "billion laughs": nine levels of nine aliases, about 400 bytes, 9**9 values if expanded
BOMB = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.fixture
def reference(tmp_path: Path) -> Path:
    """A writable copy of the reference portfolio."""
    target = tmp_path / "portfolio"
    shutil.copytree(REFERENCE, target)
    return target
