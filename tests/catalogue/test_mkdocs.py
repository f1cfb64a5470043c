"""The one module that runs MkDocs: its failures become pac's one-line error, and the
environment it needs is set for the build only. (The real build is in test_build.py.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pac.catalogue.mkdocs import build_site
from pac.errors import PacError


def test_a_project_mkdocs_refuses_is_a_pac_error(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "42")
    monkeypatch.delenv("NO_MKDOCS_2_WARNING", raising=False)
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ntheme:\n  name: no-such-theme\n")
    with pytest.raises(PacError) as caught:
        build_site(tmp_path, source_date_epoch=1700000000)
    assert caught.value.message == (
        "MkDocs could not build the site: Aborted with a configuration error!")
    # what the build set is undone, what was there before is back
    assert os.environ["SOURCE_DATE_EPOCH"] == "42"
    assert "NO_MKDOCS_2_WARNING" not in os.environ
    assert not (tmp_path / "site").exists()


def test_a_missing_mkdocs_yml_is_a_pac_error(tmp_path: Path) -> None:
    with pytest.raises(PacError) as caught:
        build_site(tmp_path, source_date_epoch=0)
    assert caught.value.message == (
        f"MkDocs could not build the site: Config file '{tmp_path / 'mkdocs.yml'}' does not "
        "exist.")
