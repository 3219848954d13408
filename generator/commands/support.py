"""What every `salesbook` verb shares: the --lang option, the repository root, printing problems, exit codes.

Exit codes: 0 clean, 1 content has errors (or a build step failed), 2 usage error,
3 an internal error (a bug in salesbook, never the user's fault).
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import click

from generator.commands.language import LANGUAGE, text
from generator.errors import ContentError, MessageError, Problem, UsageError
from generator.messages import render
from generator.project import find_root

_chosen_lang = LANGUAGE


def _remember_lang(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    global _chosen_lang
    _chosen_lang = value
    return value


LANG_OPTION = click.option("--lang", type=click.Choice(["zh", "en"]), default=LANGUAGE, show_default=True, callback=_remember_lang, help=text("help.lang"))

TODAY_OPTION = click.option("--today", "on", metavar="YYYY-MM-DD", help=text("help.today"))

HELP_SETTINGS = {"help_option_names": ["-h", "--help"]}


def repository_root(ctx: click.Context) -> Path:
    """Return the repository root given with -C, or found from the current folder."""
    return find_root(ctx.find_root().obj)


def print_problems(problems: list[Problem], lang: str, output: str) -> None:
    """Print problems as text lines, one JSON document, or GitHub annotations."""
    if output == "json":
        click.echo(json.dumps([p.as_dict(lang) for p in problems], ensure_ascii=False, indent=2))
        return
    for problem in problems:
        if output == "github":
            level = "error" if problem.severity == "error" else "warning"
            subject = f"{problem.field}: " if problem.field else ""
            click.echo(f"::{level} file={problem.path},line={problem.line},col={problem.col}::{subject}{problem.message(lang)}")
        else:
            click.echo(problem.format(lang))


def ask(question: str, refuse: Callable[[str], None] | None, lang: str) -> str:
    """Ask at the terminal until the answer is not empty and `refuse` accepts it."""
    while True:
        answer = click.prompt(question).strip()
        try:
            if answer and refuse is not None:
                refuse(answer)
        except UsageError as error:
            click.echo(error.message(lang), err=True)
            continue
        if answer:
            return answer


def run(group: click.Group) -> None:
    """Run the CLI, turning every salesbook error into a message and an exit code."""
    signal.signal(signal.SIGTERM, _interrupt)  # clean up staging folders on `kill` as on Ctrl+C
    try:
        code = group.main(prog_name="salesbook", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except click.ClickException as error:
        error.show()
        sys.exit(2)
    except click.Abort:
        sys.exit(130)
    except ContentError as error:
        print_problems(error.problems, _chosen_lang, "text")
        sys.exit(1)
    except MessageError as error:
        click.echo(f"salesbook: {error.message(_chosen_lang)}", err=True)
        sys.exit(error.exit_code)
    except Exception:  # noqa: BLE001 - the last line of defence: no traceback for users
        if os.environ.get("SALESBOOK_DEBUG"):
            raise
        click.echo(f"salesbook: {render('internal_error', _chosen_lang, {})}", err=True)
        sys.exit(3)


def _interrupt(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt
