"""The change log as text for a terminal and as Markdown, grouped by month, newest first,
and as JSON."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

from pac.changes.changelog import Changelog, Entry, Unread
from pac.changes.entities import EntityChange
from pac.changes.fields import FieldChange
from pac.render.changelog import (
    CHANGELOG_REPORTERS,
    changelog_document,
    commit_url,
    pull_url,
    render_changelog_json,
    render_changelog_markdown,
    render_changelog_text,
)

UTC = datetime.UTC
REPO = "https://github.com/northwind/portfolio/"
SHA1 = "0123456789abcdef0123456789abcdef01234567"
SHA2 = "fedcba9876543210fedcba9876543210fedcba98"
SHA3 = "aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd"

RENAME = EntityChange("product", "fraud-detection", "renamed", "Fraud Detection", "fraud-scoring",
                      (FieldChange("name", "Fraud Scoring", "Fraud Detection"),))
ENVELOPE = EntityChange("funding", "FY2027", "changed", "FY2027",
                        changes=(FieldChange("envelope", Decimal(4000000), Decimal(4500000)),))
TEAM = EntityChange("team", "team-new", "added", "New *Team*")

LOG = Changelog([
    Entry(SHA1, datetime.datetime(2026, 3, 5, 12, tzinfo=UTC), "Ann Author", "ann@example.com",
          "Rename fraud scoring (#12)", 12, (RENAME, ENVELOPE)),
    Entry(SHA2, datetime.datetime(2026, 3, 1, 9, tzinfo=UTC), "Bo @bot", "bo@example.com",
          "Add a team", None, (TEAM,), (Unread("products/x.yaml", "it is not valid UTF-8"),)),
    Entry(SHA3, datetime.datetime(2026, 2, 27, 9, tzinfo=UTC), "Ann Author", "ann@example.com",
          "Start", None, ()),
])


def test_markdown_with_links_to_the_repository() -> None:
    assert render_changelog_markdown(LOG, repository=REPO) == f"""\
# Change log

## March 2026

### 2026-03-05 Rename fraud scoring \\(\\#12\\) ([#12]({REPO}pull/12), [`0123456789`]({REPO}commit/{SHA1}))

By Ann Author.

- renamed product:fraud-detection \\(was fraud-scoring\\): Fraud Detection
    - name: Fraud Scoring → Fraud Detection
- changed funding:FY2027
    - envelope: 4,000,000 → 4,500,000

### 2026-03-01 Add a team ([`fedcba9876`]({REPO}commit/{SHA2}))

By Bo @\u200bbot.

- added team:team-new: New \\*Team\\*
- _products/x.yaml could not be read at this commit: it is not valid UTF-8_

## February 2026

### 2026-02-27 Start ([`aaaaaaaaaa`]({REPO}commit/{SHA3}))

By Ann Author.
"""  # noqa: E501


def test_markdown_without_a_repository_has_no_links() -> None:
    lines = render_changelog_markdown(LOG).splitlines()
    assert lines[4] == "### 2026-03-05 Rename fraud scoring \\(\\#12\\) (#12, `0123456789`)"
    assert lines[13] == "### 2026-03-01 Add a team (`fedcba9876`)"


def test_an_empty_or_shallow_log_says_so() -> None:
    assert render_changelog_markdown(Changelog([])) == (
        "# Change log\n\nNo change to the portfolio yet.\n")
    assert render_changelog_markdown(Changelog([], truncated=True)) == (
        "# Change log\n\n> [!WARNING]\n> This log comes from a shallow clone and stops early.\n\n"
        "No change to the portfolio yet.\n")


def test_text_for_a_terminal_without_markup() -> None:
    assert render_changelog_text(LOG, repository=REPO) == """\
March 2026
==========

2026-03-05 Rename fraud scoring (#12)
  By Ann Author, pull request #12, commit 0123456789.
  renamed product:fraud-detection (was fraud-scoring): Fraud Detection
    name: Fraud Scoring → Fraud Detection
  changed funding:FY2027
    envelope: 4,000,000 → 4,500,000

2026-03-01 Add a team
  By Bo @bot, commit fedcba9876.
  added team:team-new: New *Team*
  note: products/x.yaml could not be read at this commit: it is not valid UTF-8

February 2026
=============

2026-02-27 Start
  By Ann Author, commit aaaaaaaaaa.
"""


def test_text_keeps_control_characters_from_the_terminal() -> None:
    hostile = "\x1b]0;title\x07\x1b[2J\u202eevil\r\nline"
    change = EntityChange("team", "t", "changed", hostile,
                          changes=(FieldChange(f"members[{hostile}].role", hostile, "x"),))
    log = Changelog([Entry(SHA1, datetime.datetime(2026, 3, 5, tzinfo=UTC), hostile, "e@x",
                           hostile, None, (change,), (Unread(hostile, hostile),))])
    assert render_changelog_text(log).splitlines() == [
        "March 2026", "==========", "",
        "2026-03-05 ]0;title [2J evil line",
        "  By ]0;title [2J evil line, commit 0123456789.",
        "  changed team:t:  ]0;title [2J evil line",
        "    members[ ]0;title [2J evil line].role:  ]0;title [2J evil line → x",
        "  note: ]0;title [2J evil line could not be read at this commit:  ]0;title [2J evil "
        "line",
    ]


def test_an_empty_or_shallow_log_in_text_says_so() -> None:
    assert render_changelog_text(Changelog([])) == "No change to the portfolio yet.\n"
    assert render_changelog_text(Changelog([], truncated=True)) == (
        "Warning: this log comes from a shallow clone and stops early.\n\n"
        "No change to the portfolio yet.\n")


def test_json_contract_on_one_line() -> None:
    text = render_changelog_json(LOG, repository=REPO)
    assert text.count("\n") == 1 and text.endswith("}\n")
    assert text.startswith('{"version": 2, "truncated": false, "entries": [{"commit": "0123')
    document = json.loads(text)
    assert document["version"] == 2 and document["truncated"] is False
    assert document["entries"][0] == {
        "commit": SHA1,
        "date": "2026-03-05T12:00:00+00:00",
        "author": "Ann Author",
        "email": "ann@example.com",
        "title": "Rename fraud scoring (#12)",
        "pull_request": 12,
        "changes": [
            {"entity": "product:fraud-detection", "kind": "product", "id": "fraud-detection",
             "status": "renamed", "name": "Fraud Detection", "old_id": "fraud-scoring",
             "changes": [{"path": "name", "kind": "value", "old": "Fraud Scoring",
                          "new": "Fraud Detection"}]},
            {"entity": "funding:FY2027", "kind": "funding", "id": "FY2027", "status": "changed",
             "name": "FY2027", "old_id": None,
             "changes": [{"path": "envelope", "kind": "value", "old": 4000000, "new": 4500000}]},
        ],
        "notes": [],
    }
    assert document["entries"][1]["pull_request"] is None
    assert document["entries"][1]["notes"] == [
        "products/x.yaml could not be read at this commit: it is not valid UTF-8"]
    assert json.loads(render_changelog_json(Changelog([], truncated=True))) == {
        "version": 2, "truncated": True, "entries": []}


def test_the_document_keeps_amounts_exact() -> None:
    envelope = changelog_document(LOG)["entries"][0]["changes"][1]["changes"][0]
    assert envelope == {"path": "envelope", "kind": "value", "old": Decimal(4000000),
                        "new": Decimal(4500000)}
    assert changelog_document(LOG)["entries"][2]["date"] == "2026-02-27T09:00:00+00:00"


def test_urls_and_reporters() -> None:
    assert commit_url("https://git.example/org/repo", "abc") == "https://git.example/org/repo/commit/abc"
    assert commit_url(None, "abc") is None
    assert pull_url(REPO, 7) == "https://github.com/northwind/portfolio/pull/7"
    assert pull_url("", 7) is None
    assert CHANGELOG_REPORTERS["markdown"](Changelog([])) == (
        "# Change log\n\nNo change to the portfolio yet.\n")
    assert json.loads(CHANGELOG_REPORTERS["json"](Changelog([])))["entries"] == []
    assert CHANGELOG_REPORTERS["text"](Changelog([])) == "No change to the portfolio yet.\n"
