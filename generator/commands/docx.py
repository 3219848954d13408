"""`salesbook docx`: render plans as Word documents."""

from __future__ import annotations

from pathlib import Path

import click

from generator.atomic import claim_output, exclusive, publish_files, staging_beside
from generator.commands.support import LANG_OPTION, print_problems, repository_root, text
from generator.errors import BuildError, UsageError, display_path
from generator.messages import render
from generator.project import source_folders
from generator.validate import check_repository


@click.command("docx", help=text("help.docx"))
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("build/docx"), show_default=True, help=text("help.docx.output"))
@click.option("--reference-doc", type=click.Path(dir_okay=False, path_type=Path), help=text("help.docx.reference"))
@click.option("--pdf", is_flag=True, help=text("help.docx.pdf"))
@LANG_OPTION
@click.pass_context
def docx(ctx: click.Context, path: Path | None, output: Path, reference_doc: Path | None, pdf: bool, lang: str) -> None:
    """Render one plan, or every plan in content/plans/, as a Word document."""
    from generator.archetypes import load_archetypes
    from generator.docx import plan_jobs, reference_path, render_jobs
    from generator.docx.delivery import deliver
    from generator.docx.pdf import libreoffice

    root = repository_root(ctx)
    if path is not None and not path.exists():
        raise UsageError("usage.path_missing", path=str(path))
    result = check_repository(root)
    repository = result.require_clean()
    reference = reference_path(root, reference_doc)
    if pdf and libreoffice() is None:
        raise BuildError("pdf.no_libreoffice")
    output = output.resolve()
    claim_output(output, root, source_folders(root))
    with exclusive(root), staging_beside(output) as staging:
        jobs = plan_jobs(repository, load_archetypes(root), staging, reference, only=path)
        if path is not None and not jobs:
            raise UsageError("docx.not_a_plan", path=str(path))
        rendered = {display_path(repository.source("plan", job.plan.id), root) for job in jobs}
        print_problems([p for p in result.warnings if p.path in rendered], lang, "text")
        deliver(render_jobs(jobs, progress=True), pdf=pdf)
        if libreoffice() is None:
            click.echo(render("docx.no_page_numbers", lang, {}), err=True)
        for written in publish_files(staging, output):  # only once every document rendered
            click.echo(display_path(written, Path.cwd()))
    click.echo(render("docx.written", lang, {"count": len(jobs), "folder": display_path(output, Path.cwd())}), err=True)
