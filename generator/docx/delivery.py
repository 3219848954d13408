"""Finish written documents for delivery: page numbers in the contents, then PDFs beside them.

Both need LibreOffice to lay the pages out (a few seconds a batch), so renderings are
cached by the document's content (`$SALESBOOK_CACHE_DIR/pages`): building the site
again, or running `salesbook docx` on unchanged plans, starts no LibreOffice at all.

    written .docx ─ key ─┬─ cached pages? ── no ─→ to_pdf (pass 1) → heading pages ─┐
                         └────────────── yes ────────────────────────────────────────┴→ fill TOC
    numbered .docx ─ cached PDF? ── no ─→ to_pdf (pass 2) ─→ cache ─→ PDF beside the .docx
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import zipfile
from pathlib import Path

from generator.docx.charts import cache_dir
from generator.docx.contents import fill_page_numbers
from generator.docx.pdf import heading_pages, libreoffice, page_count, to_pdf
from generator.errors import BuildError

CACHE_VERSION = 1
"""Bump when the layout of documents changes in a way their XML does not show (fonts, LibreOffice options)."""


def deliver(documents: list[Path], pdf: bool = False) -> list[Path]:
    """Number the contents of freshly written documents (when LibreOffice is installed) and, with
    `pdf`, write a PDF beside each; return the PDFs."""
    if libreoffice() is None:
        if pdf:
            raise BuildError("pdf.no_libreoffice")
        return []
    keys = {document: content_key(document) for document in documents}
    _lay_out([d for d in documents if not _pages_path(keys[d]).is_file()], keys)
    for document in documents:
        pages = json.loads(_pages_path(keys[document]).read_text())
        fill_page_numbers(document, pages["bookmarks"], pages["last_page"])
    if not pdf:
        return []
    _convert([d for d in documents if not _pdf_path(keys[d]).is_file()], keys)
    written = []
    for document in documents:
        target = document.with_suffix(".pdf")
        shutil.copyfile(_pdf_path(keys[document]), target)
        written.append(target)
    return written


def content_key(document: Path) -> str:
    """Return a hash of what a .docx holds (its parts, not the zip's timestamps)."""
    digest = hashlib.sha256(f"salesbook-pages-{CACHE_VERSION}".encode())
    with zipfile.ZipFile(document) as archive:
        for name in sorted(archive.namelist()):
            digest.update(name.encode() + b"\0" + archive.read(name))
    return digest.hexdigest()


def _lay_out(documents: list[Path], keys: dict[Path, str]) -> None:
    """Render documents not laid out before and keep where their headings landed."""
    with tempfile.TemporaryDirectory(prefix="salesbook-pages-") as folder:
        for document, pdf in _rendered(documents, Path(folder)):
            _store(_pages_path(keys[document]), json.dumps({"bookmarks": heading_pages(pdf), "last_page": page_count(pdf)}).encode())


def _convert(documents: list[Path], keys: dict[Path, str]) -> None:
    """Render the numbered documents whose PDF is not cached yet."""
    with tempfile.TemporaryDirectory(prefix="salesbook-pdf-") as folder:
        for document, pdf in _rendered(documents, Path(folder)):
            _store(_pdf_path(keys[document]), pdf.read_bytes())


def _rendered(documents: list[Path], folder: Path) -> list[tuple[Path, Path]]:
    """Render documents to PDF in one LibreOffice run, under distinct names even when two share a file name."""
    if not documents:
        return []
    sources = []
    for index, document in enumerate(documents):
        sources.append(folder / f"{index}.docx")
        shutil.copyfile(document, sources[-1])
    pdfs = to_pdf(sources, folder / "pdf")
    return list(zip(documents, pdfs, strict=True))


def _store(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)


def _pages_path(key: str) -> Path:
    return cache_dir() / "pages" / f"{key}.json"


def _pdf_path(key: str) -> Path:
    return cache_dir() / "pages" / f"{key}.pdf"
