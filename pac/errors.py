"""Errors that stop a run (as opposed to findings, which are data)."""

from __future__ import annotations

import click

from pac.terminal import one_line


class PacError(click.ClickException):
    """A problem with how pac was called or with its surroundings: exit code 2."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))  # it often names a path or value it was given
