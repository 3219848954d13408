"""`salesbook init DIR`: start a company's own knowledge base."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.commands.support import LANG_OPTION, TODAY_OPTION, ask
from generator.errors import UsageError, display_path
from generator.messages import render


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--company", help="公司名称，如“禾川厨房设备有限公司”。")
@click.option("--site-name", help="网站名称，如“禾川销售知识库”。")
@click.option("--product-line", help="第一条产品线，如“商用厨房设备”。")
@click.option("--regions", help="销售区域，用顿号或逗号隔开，如“华东区、华南区”。")
@TODAY_OPTION
@LANG_OPTION
def init(folder: Path, company: str | None, site_name: str | None, product_line: str | None, regions: str | None, on: str | None, lang: str) -> None:
    """新建一个知识库：分类表、网站设置、每种内容一个示例、CI 和说明，建好即可 check、build、docx。"""
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
