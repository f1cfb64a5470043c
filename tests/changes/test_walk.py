"""The one walk of the history (pac.changes.walk): every recorder is told of each commit
before it applies, with the state before it, and after, with its entry and the state after."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gitrepo import reference_history
from support import P

from pac.changes.walk import Entry, State, walk_history
from pac.git import Commit, Repository


class Seen:
    """What a recorder is told, in order."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str, Any]] = []

    def before(self, commit: Commit, state: State) -> None:
        stage = _stage(state)
        self.events.append(("before", commit.sha, stage))

    def after(self, entry: Entry, state: State) -> None:
        self.events.append(("after", entry.commit, _stage(state)))


def _stage(state: State) -> Any:
    found = state.get("portfolio/products/fraud-scoring.yaml")
    return found[2]["lifecycle"]["stage"] if found else None


def test_each_recorder_sees_each_commit_before_and_after_it(tmp_path: Path) -> None:
    repo = reference_history(tmp_path / "repo")
    first = repo.git("rev-parse", "HEAD")
    repo.edit(P + "fraud-scoring.yaml", "stage: build", "stage: live")
    second = repo.commit("Fraud scoring goes live")
    one, two = Seen(), Seen()
    truncated = walk_history(Repository(repo.path), "portfolio/", [one, two])
    assert truncated is False
    assert one.events == two.events == [
        ("before", first, None), ("after", first, "build"),
        ("before", second, "build"), ("after", second, "live"),
    ]
