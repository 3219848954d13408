"""`salesbook new`: start a content item from its model's commented scaffold."""

from __future__ import annotations

import sys

import click

from generator.commands.support import LANG_OPTION, ask, repository_root, text
from generator.errors import UsageError, display_path
from generator.messages import render

NEW_KINDS = ("case-study", "faq", "sop", "playbook", "product")


@click.command(help=text("help.new"))
@LANG_OPTION
@click.argument("kind", type=click.Choice([*NEW_KINDS, "plan"]))
@click.option("--id", "item_id", help=text("help.new.id"))
@click.option("--title", help=text("help.new.title"))
@click.option("--owner", help=text("help.new.owner"))
@click.option("--today", "on", metavar="YYYY-MM-DD", help=text("help.new.today"))
@click.pass_context
def new(ctx: click.Context, lang: str, kind: str, item_id: str | None, title: str | None, owner: str | None, on: str | None) -> None:
    """新建客户案例、常见问题、SOP、销售打法或产品：写出带中文提示的骨架文件。"""
    from generator.models import BY_KIND
    from generator.report import today
    from generator.scaffold.item import Blanks, refuse_unusable_id, write_item_scaffold

    if kind == "plan":
        raise UsageError("usage.plan_new")
    root = repository_root(ctx)
    content_type = BY_KIND[kind]
    if item_id is None:
        if not sys.stdin.isatty():
            raise UsageError("usage.needs_id", kind=kind)
        item_id = ask(render("new.prompt_id", lang, {}), lambda value: refuse_unusable_id(root, content_type, value), lang)
        title = title or ask(render("new.prompt_title", lang, {}), None, lang)
        owner = owner or ask(render("new.prompt_owner", lang, {}), None, lang)
    path = write_item_scaffold(root, content_type, Blanks(item_id, title, owner), today(on), lang)
    click.echo(render("new.created", lang, {"path": display_path(path, root)}))
