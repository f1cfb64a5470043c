"""site/ reaches the built site as pac/paths.py allows, from the working tree and from git
(`--at`) alike: plain names only, no link followed, nothing written outside the build's
folders, a size limit per file, and a one-line error naming what was refused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Union

import pytest
from conftest import REPO
from gitrepo import GitRepo

from pac.load.files import MAX_FILE_BYTES

Tree = dict[str, Union[str, tuple[str, str], "Tree"]]  # name -> text | (mode, text) | subtree
MAX_SITE_FILE_BYTES = 16 * MAX_FILE_BYTES
FIX = "replace it with a regular file of at most 16 MiB, or remove it"
LINK = "it is a symbolic link, which pac does not follow"


def _object(repo: GitRepo, text: str) -> str:
    done = subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=repo.path, input=text,
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def _mktree(repo: GitRepo, tree: Tree) -> str:
    """A tree object made by `git mktree`, which, unlike `git add`, takes any name."""
    lines = []
    for name, value in tree.items():
        if isinstance(value, dict):
            lines.append(f"040000 tree {_mktree(repo, value)}\t{name}")
        else:
            mode, text = value if isinstance(value, tuple) else ("100644", value)
            lines.append(f"{mode} blob {_object(repo, text)}\t{name}")
    done = subprocess.run(["git", "mktree"], cwd=repo.path, input="\n".join(lines) + "\n",
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def _crafted_commit(repo: GitRepo, site: Tree) -> None:
    """A commit of the example portfolio with `site` as its site/ folder, on main."""
    portfolio = repo.git("rev-parse", "HEAD:portfolio")
    root = _mktree(repo, {"site": site})
    lines = repo.git("ls-tree", root) + f"\n040000 tree {portfolio}\tportfolio\n"
    done = subprocess.run(["git", "mktree"], cwd=repo.path, input=lines, capture_output=True,
                          text=True, check=True)
    commit = repo.git("commit-tree", done.stdout.strip(), "-p", "HEAD", "-m", "Crafted")
    repo.git("update-ref", "refs/heads/main", commit)


def _pac(repo: GitRepo, *args: str) -> tuple[int, str]:
    """pac in its own process, with its temporary folders inside the test's folder."""
    tmp = repo.path.parent / "tmp"
    done = subprocess.run([sys.executable, "-m", "pac", *args], cwd=repo.path, text=True,
                          capture_output=True, timeout=300,
                          env={**os.environ, "TMPDIR": str(tmp), "GITHUB_ACTIONS": "",
                               "SOURCE_DATE_EPOCH": "1795000000"})
    return done.returncode, done.stdout + done.stderr


def _everything(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.copy(REPO / "portfolio", "portfolio")
    repo.copy(REPO / "site", "site")
    repo.commit("The example")
    (tmp_path / "tmp").mkdir()
    return repo


BUILD = ("build", "portfolio", "--no-history", "--out", "out")
ESCAPE = {"..": {"..": {"..": {"escaped.md": "# written outside the build\n"}}}}


@pytest.mark.parametrize(("site", "path", "why"), [
    (ESCAPE, "site/../../../escaped.md", "'..' is not a file name"),
    ({"docs": {".": {"x.md": "x"}}}, "site/docs/./x.md", "'.' is not a file name"),
    ({".git": {"config": "[core]\n"}}, "site/.git/config", "a .git folder is git's own"),
    ({"docs": {".GIT": {"hooks": "x"}}}, "site/docs/.GIT/hooks", "a .git folder is git's own"),
    ({"docs": {"a\\b.md": "x"}}, "site/docs/a\\b.md", "it holds a backslash"),
    ({"docs": {"leak.md": ("120000", "/etc/passwd")}}, "site/docs/leak.md", LINK),
    ({"docs": {"\x1b[2Jx.md": ("120000", "/etc/passwd")}}, "site/docs/\\x1b[2Jx.md", LINK),
], ids=["dot-dot", "dot", "dot-git", "dot-git-upper", "backslash", "link", "control-characters"])
def test_a_crafted_tree_is_refused_and_nothing_is_written(repo: GitRepo, site: Tree, path: str,
                                                          why: str) -> None:
    _crafted_commit(repo, site)
    before = _everything(repo.path.parent)
    code, out = _pac(repo, *BUILD, "--at", "HEAD")
    assert (code, out) == (2, f"Error: {path} at HEAD is not copied into the site: {why}: {FIX}\n")
    assert _everything(repo.path.parent) == before  # nothing outside, nothing inside either


def test_a_crafted_tree_in_a_clone_is_refused(repo: GitRepo, tmp_path: Path) -> None:
    """A fetch with git's default settings (no fsck) keeps the crafted tree: a pull request."""
    _crafted_commit(repo, ESCAPE)
    clone = GitRepo(tmp_path / "clone")
    clone.git("fetch", "-q", str(repo.path), "main:pull")
    code, out = _pac(clone, *BUILD, "--at", "pull")
    assert code == 2 and "site/../../../escaped.md at pull is not copied" in out
    assert not any(p.name == "escaped.md" for p in tmp_path.rglob("*"))


def _refused_from_both(repo: GitRepo, path: str, why: str) -> None:
    """The working tree and the commit give the same one-line error, and no site."""
    code, out = _pac(repo, *BUILD)
    assert (code, out) == (2, f"Error: {repo.path}/{path} is not copied into the site: {why}: "
                              f"{FIX}\n")
    code, out = _pac(repo, *BUILD, "--at", "HEAD")
    assert (code, out) == (2, f"Error: {path} at HEAD is not copied into the site: {why}: {FIX}\n")


def _link(repo: GitRepo, name: str, target: str) -> None:
    docs = repo.path / "site" / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "guide.md").write_text("# Our guide\n")
    (docs / name).symlink_to(target)


@pytest.mark.parametrize(("name", "target"), [
    ("passwd.md", "/etc/passwd"),
    ("loop.md", "loop.md"),
    ("inside.md", "guide.md"),
    ("folder", "/etc"),
], ids=["outside", "loop", "inside", "folder"])
def test_a_link_in_site_is_refused_from_the_working_tree_and_from_git(
        repo: GitRepo, name: str, target: str) -> None:
    _link(repo, name, target)
    repo.commit("A link in site/")
    _refused_from_both(repo, f"site/docs/{name}", LINK)
    assert not (repo.path / "out").exists()


def test_a_site_folder_that_is_a_link_is_refused_from_both(repo: GitRepo, tmp_path: Path) -> None:
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "mkdocs.yml").write_text("site_name: Someone's home\n")
    (tmp_path / "home" / "docs").mkdir()
    (tmp_path / "home" / "docs" / "secret.md").write_text("# TOP SECRET\n")
    repo.git("rm", "-rq", "site")
    (repo.path / "site").symlink_to(tmp_path / "home")
    repo.commit("site/ is a link")
    _refused_from_both(repo, "site", LINK)


def test_the_site_file_limit_is_the_same_from_both(repo: GitRepo, tmp_path: Path) -> None:
    image = bytes(range(256)) * 4096 * 4  # 4 MiB: over the portfolio limit, within the site's
    (repo.path / "site" / "docs" / "img").mkdir(parents=True)
    (repo.path / "site" / "docs" / "img" / "map.png").write_bytes(image)
    repo.commit("An image")
    assert _pac(repo, *BUILD)[0] == 0
    assert (repo.path / "out" / "img" / "map.png").read_bytes() == image
    code, out = _pac(repo, "build", "portfolio", "--no-history", "--out", str(tmp_path / "at"),
                     "--at", "HEAD")
    assert code == 0, out
    assert (tmp_path / "at" / "img" / "map.png").read_bytes() == image
    with (repo.path / "site" / "docs" / "big.png").open("wb") as big:
        big.truncate(MAX_SITE_FILE_BYTES + 1)
    repo.commit("A big image")
    why = f"it is {MAX_SITE_FILE_BYTES + 1:,} bytes, over the limit of {MAX_SITE_FILE_BYTES:,}"
    _refused_from_both(repo, "site/docs/big.png", why)
    assert (repo.path / "out" / "img" / "map.png").read_bytes() == image  # the last good build


def test_an_mkdocs_yml_that_is_a_link_is_not_read(repo: GitRepo, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yml"
    secret.write_text("site_name: TOP SECRET\n")
    (repo.path / "site" / "mkdocs.yml").unlink()
    (repo.path / "site" / "mkdocs.yml").symlink_to(secret)
    code, out = _pac(repo, *BUILD)
    assert (code, out) == (2, f"Error: {repo.path}/site/mkdocs.yml cannot be read: {LINK}\n")
