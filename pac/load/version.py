"""Where a command's portfolio comes from: the working tree, or a git revision (`--at`)."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pac import yaml
from pac.errors import PacError
from pac.load.files import Reader, SourceFile, decode, read_directory, read_file
from pac.load.layout import SETTINGS_FILES
from pac.terminal import one_line

if TYPE_CHECKING:
    from pac.findings import Result
    from pac.load.parse import ParseCache

SETTINGS = SETTINGS_FILES


@dataclass(frozen=True)
class PortfolioVersion:
    """The files of one version of a portfolio (the working tree or a commit), how findings
    name them, and how to read its other files."""

    files: list[SourceFile]
    prefix: str  # the portfolio folder relative to the repository, with a trailing '/'
    root: Path  # the repository (or the folder pac treats as one)
    read: Reader  # a file of the portfolio folder, by relative path
    label: str  # what people call this version: "the working tree" or a commit
    read_repository: Reader  # a file of the repository, by path
    commit_time: int | None = None  # when its commit was made, for reproducible builds

    def check(self, today: datetime.date, *, cache: ParseCache | None = None) -> Result:
        """Validate this version of the portfolio (`cache`: see ParseCache)."""
        from pac.validate import validate

        return validate(
            self.files,
            today=today,
            prefix=self.prefix,
            read=self.read,
            read_repository=self.read_repository,
            cache=cache,
        )

    def text(self, name: str) -> str | None:
        """The text of one of its YAML files, by the name findings give it (the portfolio
        folder included); None for a file it does not have or cannot decode."""
        if not name.startswith(self.prefix):
            return None
        relative = name[len(self.prefix) :]
        for source in self.files:
            if source.path == relative and source.content is not None:
                try:
                    return decode(source.content)
                except UnicodeDecodeError:
                    return None
        return None


def repository_root(folder: Path) -> Path:
    """The git work tree holding `folder`, else the current directory if it holds it."""
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    cwd = Path.cwd().resolve()
    return cwd if folder.is_relative_to(cwd) else folder.parent


def prefix_of(folder: Path, root: Path) -> str:
    """The portfolio folder as findings name it: relative to the repository, with a '/'."""
    try:
        prefix = folder.resolve().relative_to(root).as_posix() + "/"
    except ValueError:
        raise PacError(f"{folder} is not inside the repository at {root}") from None
    return "" if prefix == "./" else prefix


def from_working_tree(folder: Path, *, new: bool = False) -> PortfolioVersion:
    """The portfolio in `folder` as its files are now; `new`: it may have no portfolio.yaml
    yet (an import that writes one)."""
    if not folder.is_dir():
        raise PacError(
            f"{folder} is not a directory: give the portfolio folder, such as portfolio/"
        )
    if not new and not any((folder / name).is_file() for name in SETTINGS):
        raise PacError(
            f"{folder} is not a portfolio: it has no portfolio.yaml. "
            "Create one with at least 'name: <your organisation>'."
        )
    root = repository_root(folder)

    return PortfolioVersion(
        read_directory(folder),
        prefix_of(folder, root),
        root,
        lambda name: read_file(folder, name),
        "the working tree",
        lambda name: read_file(root, name),
    )


def from_revision(folder: Path, ref: str, *, required: bool = True) -> PortfolioVersion:
    """The portfolio as of a branch, tag or commit, read from git objects; with
    `required=False` a revision without one gives an empty portfolio (its first commit)."""
    from pac.git import Repository

    start = folder if folder.exists() else Path(os.curdir)
    repo = Repository(start)
    prefix = prefix_of(folder if folder.is_absolute() else Path.cwd() / folder, repo.root)
    commit = repo.resolve(ref)
    files = repo.tree(commit, prefix)
    if required and not any(f.path in SETTINGS for f in files):
        raise PacError(f"there is no {prefix}portfolio.yaml at {ref}")
    return PortfolioVersion(
        files,
        prefix,
        repo.root,
        lambda name: repo.read_file(commit, prefix + name),
        f"{ref} ({commit[:12]})",
        lambda name: repo.read_file(commit, name),
        repo.commit_time(commit),
    )


def repository_url(folder: Path) -> str | None:
    """`repository` from portfolio.yaml, for links, if it can be read."""
    for name in SETTINGS:
        found = read_file(folder, name)
        if found is not None and found.content is not None:
            data = yaml.parse(found.content.decode("utf-8", "replace")).data
            value = data.get("repository") if isinstance(data, dict) else None
            return one_line(value) if isinstance(value, str) and value.startswith("http") else None
    return None
