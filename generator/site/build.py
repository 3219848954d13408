"""`salesbook build`: content in, website out, or the old website left untouched.

The stages, in order: check the content; write the Word drafts; generate the
Markdown pages; run `mkdocs build --strict` into a staging folder next to the
target (its `salesbook/search` plugin writes the search index); swap the staging
folder in. Any failure stops the
build before the swap, so a broken build never replaces a working site.
"""

from __future__ import annotations

import ctypes
import gc
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.atomic import claim_output, exclusive, staging_beside, swap_in
from generator.cms.admin import install_published_admin
from generator.docx import write_documents
from generator.docx.charts import cache_dir
from generator.errors import BuildError, Problem
from generator.onepager import ONEPAGER_FOLDER
from generator.onepager.write import write_onepagers
from generator.project import source_folders
from generator.repository import Repository
from generator.site.engine import DOCS_DIR, MKDOCS, Mode, require_supported, run_engine
from generator.site.engine_config import write_config
from generator.site.generate import Generated, generate_pages
from generator.validate import check_repository

CACHE_DIR = "build/cache"
"""Where downloaded npm tarballs (Decap CMS) are kept between builds."""


@dataclass(frozen=True)
class BuildReport:
    """What a build produced."""

    site: Path
    pages: int
    searchable: int
    """Pages in the search index."""
    downloads: int
    warnings: list[Problem]
    """Content warnings (such as sums not checked while a figure is XX); they do not stop a build."""
    pdf_skipped: bool = False
    """Whether the one-pagers were written as Word only (no LibreOffice)."""
    pdf_failure: BuildError | None = None
    """Why LibreOffice failed, when it did: the downloads were then written as Word only."""


def build_site(root: Path, site_dir: Path | None = None, offline: bool = False, today: date | None = None, pdf: bool = True, engine: str = MKDOCS) -> BuildReport:
    """Build the website of the repository at `root` into `site_dir` (default: site/) with `engine`."""
    target = (site_dir or root / "site").resolve()
    require_supported(engine, Mode(offline=offline))
    claim_output(target, root, source_folders(root))
    with exclusive(root):
        generated, downloads, warnings = _write_docs(root, offline, today, pdf)
        release_freed_memory()
        with staging_beside(target) as staging:
            run_engine(engine, root, staging, Mode(offline=offline), generated.sources)
            swap_in(staging, target)
    docx_count = sum(path.endswith(".docx") for path in downloads.paths)
    return BuildReport(target, generated.pages, generated.searchable, docx_count, warnings, downloads.pdf_skipped, downloads.pdf_failure)


def _write_docs(root: Path, offline: bool, today: date | None, pdf: bool) -> tuple[Generated, Downloads, list[Problem]]:
    """Check the content and write what the engine builds from: pages, downloads, configuration; return them and the warnings.

    The loaded content is let go when this returns, before the engine runs beside this process.
    """
    checked = check_repository(root)
    repository = checked.require_clean()
    docs = root / DOCS_DIR
    _empty(docs)
    write_config(root, docs)
    downloads = write_downloads(repository, docs, pdf=pdf)
    generated = generate_pages(repository, docs, downloads.paths, today)
    if not offline:
        install_published_admin(root, root / CACHE_DIR, docs)
    return generated, downloads, checked.warnings


def release_freed_memory() -> None:
    """Hand the memory freed since the content was loaded back to the system (glibc keeps it for this process otherwise).

    At 10,000 items the loaded content took more memory than MkDocs, which runs beside this process.
    """
    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: its allocator may keep the memory, nothing is lost
        pass


@dataclass(frozen=True)
class Downloads:
    """The files under docs/downloads, relative to docs, and what became of their PDFs."""

    paths: set[str]
    pdf_skipped: bool
    pdf_failure: BuildError | None = None


def write_downloads(repository: Repository, docs: Path, pdf: bool = True) -> Downloads:
    """Write the Word drafts and the customer one-pagers (with LibreOffice, their PDFs too) under docs/downloads.

    When LibreOffice fails (a crash, a time-out), the site is not lost for it: the downloads are
    written again as Word only, and the failure is reported as a warning.
    """
    try:
        return _write_downloads(repository, docs, pdf)
    except BuildError as error:
        if not pdf or not error.code.startswith("pdf."):
            raise
        failure = error
    shutil.rmtree(docs / "downloads")
    return Downloads(_write_downloads(repository, docs, pdf=False).paths, False, failure)


def _write_downloads(repository: Repository, docs: Path, pdf: bool) -> Downloads:
    written = write_documents(repository, docs / "downloads", pdf=pdf, use_libreoffice=pdf)
    onepagers = write_onepagers(repository, docs / ONEPAGER_FOLDER, pdf=pdf, cache=cache_dir() / "onepagers")
    paths = [*written, *onepagers.documents, *onepagers.pdfs]
    return Downloads({path.relative_to(docs).as_posix() for path in paths}, onepagers.pdf_skipped)


def _empty(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
