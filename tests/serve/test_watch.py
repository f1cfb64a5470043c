"""Noticing saved files by listing the folders: what pac reads, as pac reads it."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from pac.serve.watch import INTERVAL, Changes, Watcher, changed, snapshot


def test_a_snapshot_lists_files_not_hidden_ones_nor_skipped_ones_and_not_through_links(
    tmp_path: Path,
) -> None:
    (tmp_path / "products").mkdir()
    (tmp_path / "products" / "a.yaml").write_text("id: a\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref\n")
    (tmp_path / ".hidden.yaml").write_text("x\n")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("built\n")
    (tmp_path / "products" / "site").mkdir()  # skipped wherever it is
    (tmp_path / "products" / "site" / "index.html").write_text("built\n")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("x\n")
    (tmp_path / "linked").symlink_to(outside)
    found = snapshot(tmp_path, skip=frozenset({"site"}))
    assert sorted(found) == ["linked", "products/a.yaml"]  # the link itself, not its files
    assert snapshot(tmp_path / "missing") == {}


def test_a_change_of_content_size_time_or_inode_is_a_change(tmp_path: Path) -> None:
    file = tmp_path / "a.yaml"
    file.write_text("name: A\n")
    before = snapshot(tmp_path)
    assert changed(before, snapshot(tmp_path)) == []
    file.write_text("name: B, longer\n")
    after = snapshot(tmp_path)
    assert changed(before, after) == ["a.yaml"]
    replacement = tmp_path / "b.tmp"
    replacement.write_text("name: B, longer\n")
    os.utime(replacement, ns=(after["a.yaml"][2], after["a.yaml"][2]))
    replacement.replace(file)  # an editor's save: same size and time, another inode
    assert changed(after, snapshot(tmp_path)) == ["a.yaml"]
    (tmp_path / "c.yaml").write_text("new\n")
    file.unlink()
    assert changed(after, snapshot(tmp_path)) == ["a.yaml", "c.yaml"]


def test_a_burst_of_saves_is_taken_together_once_it_ends(tmp_path: Path) -> None:
    portfolio, site = tmp_path / "portfolio", tmp_path / "site"
    portfolio.mkdir()
    site.mkdir()
    watcher = Watcher({"portfolio": (portfolio, frozenset()),
                       "site": (site, frozenset({"site"}))})
    assert not watcher.check()
    names = [f"{n:02}.yaml" for n in range(10)]

    def saves() -> None:
        for name in names:
            (portfolio / name).write_text("x\n")
            time.sleep(0.02)  # well within QUIET of each other
        (site / "site").mkdir()  # MkDocs' output: not watched
        (site / "site" / "index.html").write_text("x\n")
        (site / "mkdocs.yml").write_text("x\n")

    threading.Thread(target=saves).start()
    taken = [watcher.take(threading.Event())]
    while sum(len(t.paths.get("portfolio", [])) for t in taken) < 10 or not any(
            "site" in t.paths for t in taken):
        taken.append(watcher.take(threading.Event()))
    assert len(taken[0].paths["portfolio"]) > 1  # not one build per save
    assert sorted(p for t in taken for p in t.paths.get("portfolio", [])) == names
    assert [p for t in taken for p in t.paths.get("site", [])] == ["mkdocs.yml"]
    assert not watcher.check()  # taken: nothing is pending


def test_changes_noticed_during_a_build_are_taken_next(tmp_path: Path) -> None:
    watcher = Watcher({"portfolio": (tmp_path, frozenset())})
    (tmp_path / "a.yaml").write_text("x\n")
    assert watcher.check()
    assert watcher.check()  # still pending: not taken yet
    assert watcher.take(threading.Event()) == Changes({"portfolio": ["a.yaml"]})


def test_a_stopped_watcher_takes_nothing(tmp_path: Path) -> None:
    watcher = Watcher({"portfolio": (tmp_path, frozenset())})
    stop = threading.Event()
    threading.Timer(INTERVAL, stop.set).start()
    start = time.monotonic()
    taken = watcher.take(stop)
    assert (taken, bool(taken)) == (Changes({}), False)
    assert time.monotonic() - start < 5
