"""`salesbook fmt`: lay out YAML files in the house style, content and comments unchanged."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.support import LANG_OPTION, print_problems, repository_root, text
from generator.errors import Severity, display_path
from generator.messages import Msg, render


@click.command(help=text("help.fmt"))
@LANG_OPTION
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--check", "check_only", is_flag=True, help=text("help.fmt.check"))
@click.option("--changed", "base", metavar="BASE", help=text("help.fmt.changed"))
@click.option("--fix", is_flag=True, help=text("help.fmt.fix"))
@click.option("--from-form", is_flag=True, help=text("help.fmt.from_form"))
@click.pass_context
def fmt(ctx: click.Context, lang: str, paths: tuple[Path, ...], check_only: bool, base: str | None, fix: bool, from_form: bool) -> None:
    """整理 YAML 格式：字段按模型顺序、统一缩进和引号；内容与注释保持不变。"""
    from generator.fmt import format_paths, model_for

    root = repository_root(ctx)
    chosen = list(paths)
    if base is not None:
        from generator.changes import changed_paths, merge_base

        start = merge_base(root, base)
        changed = sorted(root / p for p in changed_paths(root, start))
        chosen = [p for p in changed if p.is_file() and model_for(p, root)]
        if not chosen:
            click.echo(render("fmt.clean", lang, {"files": 0}), err=True)
            return
        if from_form and not check_only:
            from generator.cms.tidy import tidy_since

            for path in tidy_since(root, chosen, start):
                click.echo(render("cms.tidied", lang, {"path": display_path(path, root)}))
    if fix:
        _repair(root, chosen, check_only, lang)
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
    if any(p.severity is Severity.ERROR for p in outcome.problems) or (check_only and outcome.changed):
        ctx.exit(1)


def _repair(root: Path, chosen: list[Path], check_only: bool, lang: str) -> None:
    """Run `fmt --fix`'s pre-pass and say what it changed (or would change)."""
    from generator.fix import repair_files
    from generator.fmt import yaml_files

    for repair in repair_files(yaml_files(root, chosen), write=not check_only):
        params = {"path": display_path(repair.path, root), "line": repair.line, "what": Msg(f"fix.{repair.code}"), "fixed": repair.fixed}
        click.echo(render("fmt.would_repair" if check_only else "fmt.repaired", lang, params))
