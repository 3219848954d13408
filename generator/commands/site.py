"""`salesbook build` and `salesbook serve`: the website from the content."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.support import LANG_OPTION, print_problems, repository_root, text
from generator.errors import display_path
from generator.messages import render
from generator.site.engine import ENGINES, MKDOCS


@click.command("build", help=text("help.build"))
@click.option("--offline", is_flag=True, help=text("help.build.offline"))
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), help=text("help.build.site_dir"))
@click.option("--no-pdf", "no_pdf", is_flag=True, help=text("help.build.no_pdf"))
@click.option("--engine", type=click.Choice(ENGINES), default=MKDOCS, show_default=True, help=text("help.build.engine"))
@LANG_OPTION
@click.pass_context
def build(ctx: click.Context, offline: bool, site_dir: Path | None, no_pdf: bool, engine: str, lang: str) -> None:
    """Check the content and build the website into site/."""
    from generator.site.build import build_site

    root = repository_root(ctx)
    report = build_site(root, site_dir.resolve() if site_dir else None, offline=offline, pdf=not no_pdf, engine=engine)
    print_problems(report.warnings, lang, "text")
    if report.pdf_skipped:
        click.echo(render("onepager.pdf_skipped", lang, {}), err=True)
    if report.pdf_failure:
        click.echo(render("build.pdf_failed", lang, {"reason": report.pdf_failure.message(lang)}), err=True)
    shown = display_path(report.site, Path.cwd())
    if offline:
        click.echo(render("build.done_offline", lang, {"site": shown, "pages": report.pages}), err=True)
    else:
        params = {"site": shown, "pages": report.pages, "searchable": report.searchable, "downloads": report.downloads}
        click.echo(render("build.done", lang, params), err=True)


@click.command("serve", help=text("help.serve"))
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, metavar="IP:PORT", help=text("help.serve.addr"))
@click.option("--cms", is_flag=True, help=text("help.serve.cms"))
@click.option("--cms-port", type=click.IntRange(1, 65535), default=8081, show_default=True, help=text("help.serve.cms_port"))
@click.option("--engine", type=click.Choice(ENGINES), default=MKDOCS, show_default=True, help=text("help.serve.engine"))
@LANG_OPTION
@click.pass_context
def serve(ctx: click.Context, dev_addr: str, cms: bool, cms_port: int, engine: str, lang: str) -> None:
    """Preview the website with live reload while you edit the content."""
    from generator.site.serve import serve_site

    serve_site(repository_root(ctx), dev_addr, lang, cms_port if cms else None, engine)
