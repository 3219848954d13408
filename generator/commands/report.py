"""`salesbook stale` and `salesbook report coverage`: where the knowledge base needs care."""

from __future__ import annotations

import json

import click

from generator.commands.support import LANG_OPTION, TODAY_OPTION, repository_root, text
from generator.validate import check_repository


@click.command(help=text("help.stale"))
@LANG_OPTION
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True, help=text("help.format"))
@TODAY_OPTION
@click.pass_context
def stale(ctx: click.Context, lang: str, output: str, on: str | None) -> None:
    """列出超过审核周期的内容（按负责人分组），以及没有负责人的内容。"""
    from generator.config.review import load_policy
    from generator.report import freshness, freshness_json, freshness_lines, today

    root = repository_root(ctx)
    repository = check_repository(root).require_clean()
    result = freshness(repository, load_policy(root), today(on))
    if output == "json":
        click.echo(json.dumps(freshness_json(result), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(freshness_lines(result, lang)))


@click.group(help=text("help.report"))
def report() -> None:
    """Reports on the knowledge base."""


@report.command(help=text("help.coverage"))
@LANG_OPTION
@click.option("--min", "minimum", type=click.IntRange(min=1), default=2, show_default=True, help=text("help.coverage.min"))
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True, help=text("help.format"))
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
