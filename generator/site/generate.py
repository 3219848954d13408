"""Turn validated content into the Markdown pages of the docs folder."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError

from generator.archetypes import load_archetypes
from generator.config.contacts import load_contacts
from generator.config.review import load_policy
from generator.config.site import load_settings
from generator.errors import BuildError, display_path
from generator.repository import Repository
from generator.site.pages import Site, site_pages
from generator.site.renderer import Renderer, template_folders, with_front_matter
from generator.site.sections import BY_KIND
from generator.site.write import write_pages


@dataclass(frozen=True)
class Generated:
    """What one generation wrote."""

    pages: int
    searchable: int
    """Pages the search indexes."""
    changed: list[str]
    sources: dict[str, str]
    """Page path -> the content file it shows (for messages about a page)."""


def generate_pages(repository: Repository, docs: Path, downloads: set[str], today: date | None = None) -> Generated:
    """Render every page and write those whose Markdown changed into `docs`."""
    root = repository.root
    archetypes = {a.id: a for a in load_archetypes(root)}
    site = Site(repository, load_settings(root), load_policy(root), today or date.today(), archetypes, downloads, load_contacts(root))
    folders = template_folders(root)
    renderer = Renderer(repository, folders)
    bodies: dict[str, str] = {}
    pages = site_pages(site)
    for page in pages:
        try:
            bodies[page.path] = renderer.body(page.template, page.path, page.context)
        except TemplateError as error:
            raise _template_error(error, folders, root, page.template) from None
    texts = {page.path: with_front_matter(page.meta, bodies[page.path]) for page in pages}
    searchable = sum(page.searchable for page in pages)
    return Generated(len(texts), searchable, write_pages(texts, docs), _sources(repository))


def _template_error(error: TemplateError, folders: list[Path], root: Path, template: str) -> BuildError:
    """Return the error located in the template file and line where Jinja stopped."""
    if isinstance(error, TemplateSyntaxError):
        filename, line = error.filename, error.lineno
    else:  # Jinja puts the template's own file and line into the traceback
        frames = [f for f in traceback.extract_tb(error.__traceback__) if any(Path(f.filename).is_relative_to(folder) for folder in folders)]
        filename, line = (frames[-1].filename, frames[-1].lineno) if frames else (None, 0)
    path = Path(filename) if filename else folders[0] / template
    return BuildError("build.template", template=display_path(path, root), line=line, error=error.message or str(error))


def _sources(repository: Repository) -> dict[str, str]:
    return {
        BY_KIND[kind].page_path(item_id): entry.document.display
        for kind, entries in repository.entries.items()
        for item_id, entry in entries.items()
    }
