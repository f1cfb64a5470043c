"""pac.rules.ownership: the codeowners-drift rule's findings, called directly on the committed
CODEOWNERS a repository reader brings (no case folder can hold a file beside the portfolio)."""

from __future__ import annotations

from conftest import TODAY

from pac.findings import Finding
from pac.load.files import SourceFile
from pac.rules.ownership import codeowners_drift
from pac.rules.registry import Context
from pac.validate import validate

SETTINGS = b"name: Acme\ncodeowners:\n  default: ['@acme/all']\n"
COMMITTED = b"""\
# owners, line by line
* @acme/all
/.github/ @acme/all
/site/ @acme/web
/schemas/ @acme/all
/pac/ @acme/all
/pyproject.toml @acme/all
/constraints.txt @acme/all
/.ci/ @acme/all
/portfolio.yaml @acme/all
/extensions/ @acme/all
"""


def _ctx(committed: SourceFile) -> Context:
    files = [SourceFile("portfolio.yaml", len(SETTINGS), SETTINGS)]
    portfolio = validate(files, today=TODAY).portfolio
    return Context(portfolio, TODAY, read_repository={".github/CODEOWNERS": committed}.get)


def test_a_codeowners_that_cannot_be_read_is_a_finding_at_its_first_line() -> None:
    unread = SourceFile(".github/CODEOWNERS", 0, None, "it is a symbolic link")
    assert list(codeowners_drift(_ctx(unread))) == [
        Finding(
            "",
            ".github/CODEOWNERS",
            ".github/CODEOWNERS cannot be read: it is a symbolic link",
            "run 'pac codeowners' to write it as a regular file and commit the result",
            "portfolio",
            line=1,
            column=1,
        )
    ]


def test_each_drift_is_a_finding_at_its_line() -> None:
    committed = SourceFile(".github/CODEOWNERS", len(COMMITTED), COMMITTED)
    assert list(codeowners_drift(_ctx(committed))) == [
        Finding(
            "",
            ".github/CODEOWNERS",
            "CODEOWNERS gives /site/ to @acme/web where the portfolio gives it to @acme/all",
            "run 'pac codeowners' and commit the result, so that the right team must approve "
            "changes to its files",
            "portfolio",
            line=4,
            column=1,
        )
    ]
