"""Errors that stop a run: exit code 2 and one line naming what to fix."""

from __future__ import annotations

import click
from click.testing import CliRunner

from pac.errors import PacError


def test_one_line_and_exit_code_2() -> None:
    error = PacError("no portfolio at 'my\nfolder\x1b[2J': create portfolio.yaml")
    assert isinstance(error, click.ClickException)
    assert error.exit_code == 2
    assert error.message == "no portfolio at 'my folder [2J': create portfolio.yaml"


def test_click_prints_it_as_an_error() -> None:
    @click.command()
    def stop() -> None:
        raise PacError("cannot read portfolio/: it is a file")

    result = CliRunner().invoke(stop, [])
    assert (result.exit_code, result.output) == (2, "Error: cannot read portfolio/: it is a file\n")
