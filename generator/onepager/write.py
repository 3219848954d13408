"""Write the one-pagers of a repository: every customer-visible case study and product."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.audience import is_internal_item
from generator.config.contacts import load_contacts
from generator.models import Item
from generator.onepager import SENDABLE_KINDS, document as layout
from generator.onepager.content import Brand, OnePager, onepager_of
from generator.docx.pdf import libreoffice, to_pdf
from generator.repository import Repository
from generator.config.site import load_settings


@dataclass(frozen=True)
class Written:
    """The files one run wrote, and whether the PDFs had to be left out."""

    documents: list[Path]
    pdfs: list[Path]
    pdf_skipped: bool


def sendable_items(repository: Repository) -> list[tuple[str, Item]]:
    """Return every item that gets a one-pager: case studies and products a customer may see."""
    return [(kind, item) for kind in SENDABLE_KINDS for item in repository.items(kind) if not is_internal_item(item)]


def write_onepagers(
    repository: Repository,
    folder: Path,
    items: list[tuple[str, Item]] | None = None,
    rep: str | None = None,
    pdf: bool = True,
    cache: Path | None = None,
) -> Written:
    """Write `items` (default: all sendable) as `folder/<kind>/<id>.docx` and, with LibreOffice, `.pdf`.

    With `cache`, a PDF made before from the same page is reused instead of converted again.
    """
    root = repository.root
    company, contacts = Brand.of(load_settings(root)), load_contacts(root)
    documents: dict[Path, str] = {}
    for kind, item in items if items is not None else sendable_items(repository):
        page = onepager_of(item, repository, company, contacts, rep)
        path = folder / kind / f"{item.id}.docx"
        path.parent.mkdir(parents=True, exist_ok=True)
        layout.onepager_document(page, root, layout.dated(item.reviewed)).save(str(path))
        documents[path] = _fingerprint(page, root)
    if not pdf or libreoffice() is None:
        return Written(list(documents), [], pdf)
    return Written(list(documents), _pdfs_beside(documents, cache), False)


def _fingerprint(page: OnePager, root: Path) -> str:
    """Return what decides a one-pager's PDF: its page, its logo and the layout code."""
    digest = hashlib.sha256(repr(page).encode())
    digest.update(Path(layout.__file__).read_bytes())
    if page.company.logo:
        digest.update((root / page.company.logo).read_bytes())
    return digest.hexdigest()


def _pdfs_beside(documents: dict[Path, str], cache: Path | None) -> list[Path]:
    """Put each document's PDF next to it: from the cache, else from one LibreOffice run for the rest."""
    pdfs = {document: document.with_suffix(".pdf") for document in documents}
    missing = [d for d in documents if cache is None or not (cache / f"{documents[d]}.pdf").is_file()]
    with tempfile.TemporaryDirectory(prefix="salesbook-onepagers-") as scratch:
        staged = []
        for document in missing:  # kinds may share an id: stage under unique names
            staged.append(Path(scratch) / f"{document.parent.name}--{document.name}")
            shutil.copyfile(document, staged[-1])
        for document, converted in zip(missing, to_pdf(staged, Path(scratch) / "pdf"), strict=True):
            shutil.move(converted, pdfs[document])
            if cache is not None:
                cache.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(pdfs[document], cache / f"{documents[document]}.pdf")
    for document in documents:
        if document not in missing and cache is not None:
            shutil.copyfile(cache / f"{documents[document]}.pdf", pdfs[document])
    return list(pdfs.values())
