"""`salesbook schema`: JSON Schema files for editors, and the check that they are up to date."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.support import LANG_OPTION, repository_root, text
from generator.errors import display_path
from generator.messages import render


@click.command(help=text("help.schema"))
@LANG_OPTION
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("schemas"), show_default=True, help=text("help.schema.output"))
@click.option("--check", "check_only", is_flag=True, help=text("help.schema.check"))
@click.pass_context
def schema(ctx: click.Context, lang: str, output: Path, check_only: bool) -> None:
    """生成编辑器用的 JSON Schema：字段补全、说明、分类表取值和现有 id 的下拉提示。"""
    from generator.schema import stale_schemas, write_schemas

    root = repository_root(ctx)
    folder = output if output.is_absolute() else root / output
    if check_only:
        stale = stale_schemas(root, folder)
        for path in stale:
            click.echo(render("schema.stale", lang, {"path": display_path(path, root)}))
        click.echo(render("schema.check_failed" if stale else "schema.fresh", lang, {"count": len(stale)}), err=True)
        ctx.exit(1 if stale else 0)
    for path in write_schemas(root, folder):
        click.echo(display_path(path, root))
