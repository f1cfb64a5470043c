"""Reports of the change log: text for a terminal and Markdown, grouped by month, newest
first, and JSON."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from pac.changes.changelog import Changelog, Entry
from pac.json_text import to_json
from pac.render.markdown import md
from pac.render.shared import entity_dict, entity_title, field_line, note_text
from pac.terminal import one_line

# 2: a field change is one leaf, and a record of a list is added or removed whole (the
# README says what changed); 1 gave a changed mapping or list of records as one value
VERSION = 2


def changelog_document(log: Changelog) -> dict[str, Any]:
    """The JSON contract, version 2."""
    return {
        "version": VERSION,
        "truncated": log.truncated,
        "entries": [
            {
                "commit": e.commit,
                "date": e.date.isoformat(),
                "author": e.author,
                "email": e.email,
                "title": e.title,
                "pull_request": e.pull_request,
                "changes": [entity_dict(c) for c in e.changes],
                "notes": [note_text(n) for n in e.notes],
            }
            for e in log.entries
        ],
    }


def render_changelog_json(log: Changelog, *, repository: str | None = None) -> str:
    """One line of JSON: a history can be long, and only the compact form has a fast
    encoder (pipe it to `jq .` to read it)."""
    document = changelog_document(log)
    return to_json(document) + "\n"


def commit_url(repository: str | None, sha: str) -> str | None:
    return f"{repository.rstrip('/')}/commit/{sha}" if repository else None


def pull_url(repository: str | None, number: int) -> str | None:
    return f"{repository.rstrip('/')}/pull/{number}" if repository else None


def _entry_heading(e: Entry, repository: str | None) -> str:
    sha = e.commit[:10]
    url = commit_url(repository, e.commit)
    where = f"[`{sha}`]({url})" if url else f"`{sha}`"
    if e.pull_request is not None:
        pr = pull_url(repository, e.pull_request)
        where = (f"[#{e.pull_request}]({pr})" if pr else f"#{e.pull_request}") + f", {where}"
    return f"### {e.date.date().isoformat()} {md(e.title)} ({where})"


def render_changelog_markdown(log: Changelog, *, repository: str | None = None) -> str:
    lines = ["# Change log", ""]
    if log.truncated:
        lines += ["> [!WARNING]", "> This log comes from a shallow clone and stops early.", ""]
    if not log.entries:
        lines.append("No change to the portfolio yet.")
    for month, entries in groupby(log.entries, key=lambda e: e.date.strftime("%B %Y")):
        lines += [f"## {month}", ""]
        for e in entries:
            lines += [_entry_heading(e, repository), "", f"By {md(e.author)}.", ""]
            for change in e.changes:
                lines.append(f"- {md(entity_title(change))}")
                lines += [f"    - {md(field_line(f))}" for f in change.changes]
            lines += [f"- _{md(note_text(n))}_" for n in e.notes]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_changelog_text(log: Changelog, *, repository: str | None = None) -> str:
    """The log for a terminal: plain text, every value from the portfolio or git on its own
    line without control characters (pac/terminal.py)."""
    warning = "Warning: this log comes from a shallow clone and stops early."
    lines = [warning, ""] if log.truncated else []
    if not log.entries:
        lines.append("No change to the portfolio yet.")
    for month, entries in groupby(log.entries, key=lambda e: e.date.strftime("%B %Y")):
        lines += [month, "=" * len(month), ""]
        for e in entries:
            lines += [f"{e.date.date().isoformat()} {one_line(e.title)}", _by(e)]
            for change in e.changes:
                lines.append(f"  {one_line(entity_title(change))}")
                lines += [f"    {one_line(field_line(f))}" for f in change.changes]
            lines += [f"  note: {one_line(note_text(n))}" for n in e.notes]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _by(e: Entry) -> str:
    where = f"commit {e.commit[:10]}"
    if e.pull_request is not None:
        where = f"pull request #{e.pull_request}, {where}"
    return f"  By {one_line(e.author)}, {where}."


CHANGELOG_REPORTERS = {
    "text": render_changelog_text,
    "markdown": render_changelog_markdown,
    "json": render_changelog_json,
}
