"""The only module that imports GitPython."""

from __future__ import annotations

from pathlib import Path


def head_commit_time(path: Path) -> int | None:
    """Seconds since the epoch of the commit checked out where `path` is, if it is in git."""
    import git

    try:
        repo = git.Repo(path, search_parent_directories=True)
        return int(repo.head.commit.committed_date)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, ValueError):
        return None  # not a repository, or one with no commit yet
    except git.GitCommandNotFound:
        return None
