"""The `salesbook` command: thin verbs that parse options, call a stage and print problems.

Exit codes: 0 clean, 1 content has errors (or a build step failed), 2 usage error,
3 an internal error (a bug in salesbook, never the user's fault).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from generator.errors import ContentError, Problem, SalesbookError, UsageError
from generator.messages import render
from generator.project import find_root
from generator.validate import CheckResult, check_repository

_chosen_lang = "zh"


def _remember_lang(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    global _chosen_lang
    _chosen_lang = value
    return value


LANG_OPTION = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, callback=_remember_lang, help="Language of messages.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-C", "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), help="Repository root (default: found from the current folder).")
@click.pass_context
def cli(ctx: click.Context, root: Path) -> None:
    """salesbook: sales knowledge as code."""
    ctx.obj = root


def repository_root(ctx: click.Context) -> Path:
    return find_root(ctx.find_root().obj)


@cli.command()
@LANG_OPTION
@click.option("--format", "output", type=click.Choice(["text", "json", "github"]), default="text", show_default=True, help="Output format.")
@click.pass_context
def check(ctx: click.Context, lang: str, output: str) -> None:
    """Validate every content file; report every problem as path:line:col."""
    result = check_repository(repository_root(ctx))
    print_problems(result.problems, lang, output)
    if output == "text":
        print_summary(result, lang)
    if result.errors:
        ctx.exit(1)


@cli.command()
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("schemas"), show_default=True, help="Folder for the JSON Schema files.")
@click.pass_context
def schema(ctx: click.Context, output: Path) -> None:
    """Write a JSON Schema per content type, for editors' autocompletion."""
    from generator.schema import write_schemas

    root = repository_root(ctx)
    for path in write_schemas(root, output if output.is_absolute() else root / output):
        click.echo(path.relative_to(root).as_posix() if path.is_relative_to(root) else path)


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


def print_summary(result: CheckResult, lang: str) -> None:
    if result.problems:
        text = render("summary_problems", lang, {"errors": len(result.errors), "warnings": len(result.warnings), "files": result.files})
    else:
        text = render("summary_clean", lang, {"files": result.files})
    click.echo(text, err=True)


def main() -> None:
    """Run the CLI, turning every salesbook error into a message and an exit code."""
    try:
        code = cli.main(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except click.ClickException as error:
        error.show()
        sys.exit(2)
    except click.Abort:
        sys.exit(130)
    except ContentError as error:
        print_problems(error.problems, _chosen_lang, "text")
        sys.exit(1)
    except (UsageError, SalesbookError) as error:
        message = error.message(_chosen_lang) if hasattr(error, "message") else str(error)
        click.echo(f"salesbook: {message}", err=True)
        sys.exit(error.exit_code)
    except Exception:  # noqa: BLE001 - the last line of defence: no traceback for users
        if os.environ.get("SALESBOOK_DEBUG"):
            raise
        click.echo("salesbook: 内部错误（这是 salesbook 的缺陷，不是内容的问题）。设置 SALESBOOK_DEBUG=1 重新运行可看到详情。", err=True)
        sys.exit(3)

