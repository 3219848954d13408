"""The `salesbook` command: thin verbs that parse options, call a stage and print problems.

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

from generator.errors import ContentError, MessageError, Problem, UsageError, display_path
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
@click.option("--changed", "base", metavar="BASE", help="只报告自 git 版本 BASE 以来改动的文件中的问题，以及改动在别处引起的问题（如 origin/main）。")
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


NEW_KINDS = ("case-study", "faq", "sop", "playbook", "product")


@cli.command()
@LANG_OPTION
@click.argument("kind", type=click.Choice([*NEW_KINDS, "plan"]))
@click.option("--id", "item_id", help="新内容的 id（也是文件名），如 acme-line-upgrade；不给则在终端询问。")
@click.option("--title", help="标题（不给则留 XX 待填）。")
@click.option("--owner", help="负责人（不给则留 XX 待填）。")
@click.option("--today", "on", metavar="YYYY-MM-DD", help="写入 reviewed 的日期（默认今天，或环境变量 SALESBOOK_TODAY）。")
@click.pass_context
def new(ctx: click.Context, lang: str, kind: str, item_id: str | None, title: str | None, owner: str | None, on: str | None) -> None:
    """新建客户案例、常见问题、SOP、销售打法或产品：写出带中文提示的骨架文件。"""
    from generator.models import BY_KIND
    from generator.report import today
    from generator.scaffold import Blanks, refuse_unusable_id, write_scaffold

    if kind == "plan":
        raise UsageError("usage.plan_new")
    root = repository_root(ctx)
    content_type = BY_KIND[kind]
    if item_id is None:
        if not sys.stdin.isatty():
            raise UsageError("usage.needs_id", kind=kind)
        item_id = _ask(render("new.prompt_id", lang, {}), lambda value: refuse_unusable_id(root, content_type, value), lang)
        title = title or _ask(render("new.prompt_title", lang, {}), None, lang)
        owner = owner or _ask(render("new.prompt_owner", lang, {}), None, lang)
    path = write_scaffold(root, content_type, Blanks(item_id, title, owner), today(on), lang)
    click.echo(render("new.created", lang, {"path": display_path(path, root)}))


def _ask(question: str, refuse: Callable[[str], None] | None, lang: str) -> str:
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


@cli.command()
@LANG_OPTION
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--check", "check_only", is_flag=True, help="不改文件，只列出需要整理的文件；有则退出码为 1。")
@click.option("--changed", "base", metavar="BASE", help="只整理自 git 版本 BASE 以来改动的内容文件。")
@click.pass_context
def fmt(ctx: click.Context, lang: str, paths: tuple[Path, ...], check_only: bool, base: str | None) -> None:
    """整理 YAML 格式：字段按模型顺序、统一缩进和引号；内容与注释保持不变。"""
    from generator.fmt import format_paths, model_for

    root = repository_root(ctx)
    chosen = list(paths)
    if base is not None:
        from generator.changes import changed_paths, merge_base

        changed = sorted(root / p for p in changed_paths(root, merge_base(root, base)))
        chosen = [p for p in changed if p.is_file() and model_for(p, root)]
        if not chosen:
            click.echo(render("fmt.clean", lang, {"files": 0}), err=True)
            return
    outcome = format_paths(root, chosen, write=not check_only)
    print_problems(outcome.problems, lang, "text")
    for path in outcome.changed:
        click.echo(render("fmt.would_change" if check_only else "fmt.rewritten", lang, {"path": display_path(path, root)}))
    if check_only and outcome.changed:
        click.echo(render("fmt.check_failed", lang, {"changed": len(outcome.changed)}), err=True)
    elif outcome.changed:
        click.echo(render("fmt.done", lang, {"changed": len(outcome.changed), "files": outcome.files}), err=True)
    else:
        click.echo(render("fmt.clean", lang, {"files": outcome.files}), err=True)
    if outcome.problems or (check_only and outcome.changed):
        ctx.exit(1)


TODAY_OPTION = click.option("--today", "on", metavar="YYYY-MM-DD", help="按哪一天计算（默认今天，或环境变量 SALESBOOK_TODAY）。")


@cli.command()
@LANG_OPTION
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True, help="输出格式。")
@TODAY_OPTION
@click.pass_context
def stale(ctx: click.Context, lang: str, output: str, on: str | None) -> None:
    """列出超过审核周期的内容（按负责人分组），以及没有负责人的内容。"""
    from generator.report import freshness, freshness_json, freshness_lines, load_policy, today

    root = repository_root(ctx)
    repository = check_repository(root).require_clean()
    result = freshness(repository, load_policy(root), today(on))
    if output == "json":
        click.echo(json.dumps(freshness_json(result), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(freshness_lines(result, lang)))


@cli.group()
def report() -> None:
    """知识库报告。"""


@report.command()
@LANG_OPTION
@click.option("--min", "minimum", type=click.IntRange(min=1), default=2, show_default=True, help="少于这个数就算“薄弱”。")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True, help="输出格式。")
@click.pass_context
def coverage(ctx: click.Context, lang: str, minimum: int, output: str) -> None:
    """找出知识库的薄弱处：案例或问答太少的产品和行业，没有 SOP 覆盖的销售阶段。"""
    from generator.report import coverage as measure
    from generator.report import coverage_json, coverage_lines

    repository = check_repository(repository_root(ctx)).require_clean()
    result = measure(repository, minimum)
    if output == "json":
        click.echo(json.dumps(coverage_json(result), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(coverage_lines(result, lang)))


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
    signal.signal(signal.SIGTERM, _interrupt)  # clean up staging folders on `kill` as on Ctrl+C
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


def _register_plan_commands() -> None:
    """Add `plan new` and `docx`, which live beside the archetypes and the document builder."""
    from generator.archetypes.commands import plan
    from generator.docx.commands import docx

    cli.add_command(plan)
    cli.add_command(docx)


_register_plan_commands()


def _register_site_commands() -> None:
    """Add `build` and `serve`, which live with the website generator."""
    from generator.site.commands import build, serve

    cli.add_command(build)
    cli.add_command(serve)


_register_site_commands()


def _register_onepager_command() -> None:
    """Add `onepager`, which lives with the one-pager writer."""
    from generator.onepager.commands import onepager

    cli.add_command(onepager)


_register_onepager_command()
