"""Assemble a complete MkDocs project: the organisation's site/ plus pac's generated pages.

The result is a plain mkdocs.yml and docs/ tree, so that MkDocs and Zensical can both build
it with no plugin of pac's. Hand-written pages win over generated ones of the same path.
"""

from __future__ import annotations

import errno
import html
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from pac import yaml
from pac.errors import PacError
from pac.json_text import to_json
from pac.load.files import read_file
from pac.model import FOLDER_OF, Settings
from pac.paths import LINK, over_site_limit, site_file_refused

ASSETS = "pac-assets"
GUIDE = "how-to-propose-a-change.md"  # pac's guide; the organisation's own replaces it quietly
NAV = [
    {"Home": "index.md"},
    {"Products": "products/index.md"},
    {"Teams": "teams/index.md"},
    {"Capabilities": "capabilities/index.md"},
    {"Objectives": "objectives/index.md"},
    {"Roadmap": "roadmap.md"},
    {"Trends": "trends.md"},
    {"Funding": "funding/index.md"},
    {"Health": "health.md"},
    {"Findings": "findings.md"},
    {"Change log": "changelog.md"},
    {"How to propose a change": GUIDE},
]
GENERATED_FOLDERS = tuple(FOLDER_OF.values())


def site_folder(site: Path | None) -> Path | None:
    """The organisation's MkDocs project, if there is one; a link there is not followed."""
    if site is not None and site.is_symlink():
        raise site_file_refused(str(site), LINK)
    return site if site is not None and site.is_dir() else None


def read_site_config(site: Path | None) -> dict[str, Any]:
    """The organisation's mkdocs.yml, read with pac's strict YAML reader (and as pac reads
    every file: within the size limit, not through a link)."""
    found = read_file(site, "mkdocs.yml") if site is not None else None
    if site is None or found is None:
        return {}
    if found.content is None:
        raise PacError(f"{site / 'mkdocs.yml'} cannot be read: {found.unread}")
    parsed = yaml.parse(found.content.decode("utf-8", "replace"))
    if parsed.problems or not isinstance(parsed.data, dict):
        where = parsed.problems[0] if parsed.problems else None
        detail = f"line {where.line}: {where.message}" if where else "it is not a mapping"
        raise PacError(f"{site / 'mkdocs.yml'} cannot be read ({detail})")
    return parsed.data


def mkdocs_config(site_config: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """pac's settings on top of the organisation's: navigation, offline theme, assets."""
    config = dict(site_config)
    # no repo_url: Material would ask the GitHub API for the repository's stars from every page
    # MkDocs and Material put site_name into pages unescaped: it must be escaped here
    config.setdefault("site_name", html.escape(f"{settings.name} portfolio"))
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config["use_directory_urls"] = False  # links work on any static host and from a folder
    theme = dict(config.get("theme") or {})
    theme.setdefault("name", "material")
    theme["font"] = False  # no Google Fonts: the site makes no request to another host
    config["theme"] = theme
    config["nav"] = [*NAV, *_other_pages(config.get("nav") or [])]
    config["not_in_nav"] = "\n".join(f"/{folder}/*.md" for folder in GENERATED_FOLDERS)
    config["validation"] = {"nav": {"omitted_files": "ignore"}}
    config["extra_css"] = [f"{ASSETS}/pac.css", *(config.get("extra_css") or [])]
    config["extra_javascript"] = [f"{ASSETS}/pac.js", *(config.get("extra_javascript") or [])]
    config.setdefault("plugins", ["search"])
    return config


def _other_pages(nav: list[Any]) -> list[Any]:
    """The organisation's navigation without the entries that name a page pac's own
    navigation already lists (such as its own how-to-propose page): no page twice."""
    ours = {path for entry in NAV for path in entry.values()}
    return [
        entry
        for entry in nav
        if not (isinstance(entry, dict) and len(entry) == 1 and next(iter(entry.values())) in ours)
        and not (isinstance(entry, str) and entry in ours)
    ]


def write_project(
    target: Path, *, site: Path | None, config: dict[str, Any], pages: Iterable[tuple[str, str]]
) -> list[str]:
    """Write the project into `target`; return the generated paths a hand-written page hid
    (but for pac's guide, which is there to be replaced)."""
    target.mkdir(parents=True, exist_ok=True)
    if site is not None:
        _copy_site(site, target, f"{site}/")
    docs = target / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    hand_written = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    _copy_assets(docs / ASSETS)
    # JSON is YAML: a config written this way needs no YAML library and no tags
    (target / "mkdocs.yml").write_text(
        to_json(config, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    hidden = []
    folders: set[Path] = set()
    for path, text in pages:
        if path in hand_written:
            if path != GUIDE:
                hidden.append(path)
            continue
        file = docs / path
        if file.parent not in folders:
            file.parent.mkdir(parents=True, exist_ok=True)
            folders.add(file.parent)
        file.write_text(text, encoding="utf-8")
    return hidden


def _copy_site(folder: Path, target: Path, shown: str) -> None:
    """The organisation's files as pac/paths.py allows: hidden ones and MkDocs' own output
    (site/) left out as before; a link, a file that is not regular or one over the site
    limit stops the build with an error naming it, as `--at` does for what git holds."""
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda e: e.name)
    for entry in entries:
        where = shown + entry.name
        if entry.name.startswith(".") or entry.name == "site":
            continue
        if entry.is_symlink():
            raise site_file_refused(where, LINK)
        if entry.is_dir(follow_symlinks=False):
            (target / entry.name).mkdir()
            _copy_site(Path(entry.path), target / entry.name, where + "/")
        else:
            _copy_file(entry.path, target / entry.name, where)


def _copy_file(source: str, target: Path, where: str) -> None:
    try:
        with open(os.open(source, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK), "rb") as file:
            status = os.fstat(file.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise site_file_refused(where, "it is not a regular file")
            too_large = over_site_limit(status.st_size)
            if too_large:
                raise site_file_refused(where, too_large)
            with open(target, "xb") as out:
                shutil.copyfileobj(file, out)
    except OSError as e:  # a link that appeared meanwhile, a file without read permission
        raise site_file_refused(
            where, LINK if e.errno == errno.ELOOP else e.strerror or str(e)
        ) from e


def _copy_assets(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for item in resources.files("pac.catalogue").joinpath("assets").iterdir():
        if item.is_file():
            (target / item.name).write_bytes(item.read_bytes())


@contextmanager
def site_project(given: Path | None, root: Path, ref: str | None) -> Iterator[Path | None]:
    """The MkDocs project to customise the site with: the one given, else site/ as of the
    revision built (so that last quarter's catalogue looks as it did), else none."""
    if given is not None:
        yield given
    elif ref is None:
        default = root / "site"
        yield default if default.is_dir() else None
    else:
        from pac.git import Repository

        with tempfile.TemporaryDirectory(prefix="pac-site-") as tmp:
            found = Repository(root).export(ref, "site", Path(tmp) / "site")
            yield Path(tmp) / "site" if found else None
