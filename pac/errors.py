"""Errors that stop a run (as opposed to findings, which are data)."""

from __future__ import annotations

import click


class PacError(click.ClickException):
    """A problem with how pac was called or with its surroundings: exit code 2."""

    exit_code = 2
