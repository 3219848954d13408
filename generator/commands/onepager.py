"""`salesbook onepager`: the customer one-pager of one case study or product."""

from __future__ import annotations

from pathlib import Path

import click

from generator.atomic import claim_output, exclusive, publish_files, staging_beside
from generator.commands.support import LANG_OPTION, print_problems, repository_root, text
from generator.errors import UsageError, display_path
from generator.messages import Msg, render
from generator.models.common import closest
from generator.project import source_folders
from generator.validate import check_repository


@click.command("onepager", help=text("help.onepager"))
@click.argument("item_id", metavar="ID")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("build/onepagers"), show_default=True, help=text("help.onepager.output"))
@click.option("--rep", help=text("help.onepager.rep"))
@click.option("--no-pdf", is_flag=True, help=text("help.onepager.no_pdf"))
@LANG_OPTION
@click.pass_context
def onepager(ctx: click.Context, item_id: str, output: Path, rep: str | None, no_pdf: bool, lang: str) -> None:
    """Write the customer one-pager (PDF and Word) of one case study or product."""
    from generator.onepager.write import sendable_items, write_onepagers

    root = repository_root(ctx)
    result = check_repository(root)
    repository = result.require_clean()
    sendable = sendable_items(repository)
    chosen = [(kind, item) for kind, item in sendable if item.id == item_id]
    if not chosen:
        suggestion = closest(item_id, {item.id for _, item in sendable})
        raise UsageError("onepager.not_sendable", id=item_id, hint=Msg("did_you_mean", {"suggestion": suggestion}) if suggestion else "")
    kind, item = chosen[0]
    print_problems([p for p in result.warnings if p.path == display_path(repository.source(kind, item.id), root)], lang, "text")
    output = output.resolve()
    claim_output(output, root, source_folders(root))
    with exclusive(root), staging_beside(output) as staging:
        written = write_onepagers(repository, staging, chosen, rep=rep, pdf=not no_pdf)
        for path in publish_files(staging, output):
            if path.suffix in (".docx", ".pdf"):  # not the folder's salesbook marker
                click.echo(display_path(path, Path.cwd()))
    if written.pdf_skipped:
        click.echo(render("onepager.pdf_skipped", lang, {}), err=True)
    click.echo(render("onepager.written", lang, {"count": len(written.documents) + len(written.pdfs), "folder": display_path(output, Path.cwd())}), err=True)
