"""`salesbook check`: validate every content file and report each problem where it is."""

from __future__ import annotations

import click

from generator.commands.support import LANG_OPTION, print_problems, repository_root, text
from generator.messages import render
from generator.validate import CheckResult, check_repository


@click.command(help=text("help.check"))
@LANG_OPTION
@click.option("--format", "output", type=click.Choice(["text", "json", "github"]), default="text", show_default=True, help=text("help.format"))
@click.option("--changed", "base", metavar="BASE", help=text("help.check.changed"))
@click.pass_context
def check(ctx: click.Context, lang: str, output: str, base: str | None) -> None:
    """Validate every content file; report every problem as path:line:col."""
    root = repository_root(ctx)
    if base is None:
        result = check_repository(root)
    else:
        from generator.changes import check_changed

        result, changed = check_changed(root, base)
        if output == "text":
            click.echo(render("changed.scope", lang, {"base": base, "count": len(changed)}), err=True)
    print_problems(result.problems, lang, output)
    if output == "text":
        print_summary(result, lang)
    if result.errors:
        ctx.exit(1)


def print_summary(result: CheckResult, lang: str) -> None:
    """Say how many errors and warnings were found in how many files."""
    if result.problems:
        text = render("summary_problems", lang, {"errors": len(result.errors), "warnings": len(result.warnings), "files": result.files})
    else:
        text = render("summary_clean", lang, {"files": result.files})
    click.echo(text, err=True)
