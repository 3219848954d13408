"""`salesbook init DIR`: start a company's own knowledge base."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.commands.support import LANG_OPTION, TODAY_OPTION, ask, text
from generator.errors import UsageError, display_path
from generator.messages import render


@click.command("init", help=text("help.init"))
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--company", help=text("help.init.company"))
@click.option("--site-name", help=text("help.init.site_name"))
@click.option("--product-line", help=text("help.init.product_line"))
@click.option("--regions", help=text("help.init.regions"))
@TODAY_OPTION
@LANG_OPTION
def init(folder: Path, company: str | None, site_name: str | None, product_line: str | None, regions: str | None, on: str | None, lang: str) -> None:
    """Start a company's own knowledge base in FOLDER."""
    from generator.init import Answers, create_repository, refuse_unusable_folder, split_list
    from generator.report import today

    refuse_unusable_folder(folder)
    given = (company, site_name, product_line, regions)
    if None in given and not sys.stdin.isatty():
        raise UsageError("init.needs_answers")
    company = company or ask(render("init.prompt_company", lang, {}), None, lang)
    site_name = site_name or ask(render("init.prompt_site_name", lang, {}), None, lang)
    product_line = product_line or ask(render("init.prompt_product_line", lang, {}), None, lang)
    regions = regions or ask(render("init.prompt_regions", lang, {}), None, lang)
    written = create_repository(folder, Answers(company, site_name, product_line, split_list(regions)), today(on))
    click.echo(render("init.created", lang, {"path": display_path(folder, Path.cwd()), "files": len(written)}))
