"""The command line: click only. Each command turns its options into arguments of one core
call, hands the result to a renderer and exits; the commands live beside this module, one
module per stage (check, build, changes, generate, importing)."""

from __future__ import annotations

from typing import Any

import click

from pac import __version__
from pac.cli import build, changes, check, generate, history, importing
from pac.errors import PacError
from pac.terminal import one_line


class _Commands(click.Group):
    """pac's commands; an argument that is not UTF-8 stops the run before any of them."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        for arg in args:
            try:
                arg.encode("utf-8")
            except UnicodeEncodeError:  # bytes Python could not decode, kept as surrogates
                raise PacError(
                    f"the argument '{_shown(arg)}' is not valid UTF-8: give names, ids and paths "
                    "as UTF-8 text"
                ) from None
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as e:  # click's messages quote arguments as given
            raise click.UsageError(one_line(e.format_message()), e.ctx) from None


def _shown(arg: str) -> str:
    """An argument as the bytes it was given, non-UTF-8 ones as \\x escapes."""
    try:
        return arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that no byte stands for
        return arg.encode("utf-8", "backslashreplace").decode("utf-8")


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pac")
def cli() -> None:
    """pac: portfolio-as-code. Validate an IT product portfolio kept as YAML in git."""


for _module in (check, build, changes, history, generate, importing):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def main() -> None:
    cli(prog_name="pac")
