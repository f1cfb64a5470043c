"""Real git repositories in temporary folders, with fixed authors and dates."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


class GitRepo:
    """A repository the tests write, commit, branch and merge in, like a team would."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.day = 0
        self.on: str | None = None  # a fixed day (YYYY-MM-DD) for the commits that follow
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, author: str = "Ann Author", email: str = "ann@example.com"
            ) -> str:
        self.day += 1
        date = f"2026-{1 + (self.day // 28) % 12:02d}-{1 + self.day % 28:02d}T12:00:00+00:00"
        if self.on is not None:
            date = f"{self.on}T12:00:00+00:00"
        env = {**os.environ, "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": email,
               "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": email,
               "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
               "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
        done = subprocess.run(["git", *args], cwd=self.path, env=env, capture_output=True,
                              text=True, check=True)
        return done.stdout.strip()

    def copy(self, source: Path, target: str) -> None:
        shutil.copytree(source, self.path / target)

    def write(self, name: str, text: str) -> None:
        path = self.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.path / name
        text = path.read_text()
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1))

    def commit(self, message: str, *, on: str | None = None, **who: str) -> str:
        """Commit everything; `on`: the day of the commit (YYYY-MM-DD), else the next one."""
        if on is not None:
            self.on = on
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, **who)
        return self.git("rev-parse", "HEAD")


def reference_history(path: Path) -> GitRepo:
    """A repository whose one commit, 'Start the portfolio', holds the reference portfolio
    as portfolio/."""
    from conftest import REFERENCE

    repo = GitRepo(path)
    repo.copy(REFERENCE, "portfolio")
    repo.commit("Start the portfolio")
    return repo
