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


@pytest.fixture
def reference(tmp_path: Path) -> Path:
    """A writable copy of the reference portfolio."""
    target = tmp_path / "portfolio"
    shutil.copytree(REFERENCE, target)
    return target
