"""The `salesbook` command: the group that gathers the verbs of generator/commands/."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.check import check
from generator.commands.docx import docx
from generator.commands.fmt import fmt
from generator.commands.init import init
from generator.commands.new import new
from generator.commands.onepager import onepager
from generator.commands.plan import plan
from generator.commands.report import report, stale
from generator.commands.schema import schema
from generator.commands.site import build, serve
from generator.commands.support import HELP_SETTINGS, LANG_OPTION, run, text


@click.group(context_settings=HELP_SETTINGS, help=text("help.cli"))
@click.option("-C", "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), help=text("help.root"))
@LANG_OPTION
@click.pass_context
def cli(ctx: click.Context, root: Path, lang: str) -> None:  # noqa: ARG001 - `lang` is remembered by its callback
    """salesbook: sales knowledge as code."""
    ctx.obj = root


for verb in (init, check, new, fmt, stale, report, schema, plan, docx, build, serve, onepager):
    cli.add_command(verb)


def main() -> None:
    """Run `salesbook` with the arguments of this process and exit with its code."""
    run(cli)
