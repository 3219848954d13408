"""Write salesbook's search into a built site: from units collected while rendering, or read back from the built pages.

MkDocs hands each rendered page to the `salesbook/search` plugin, which collects its
units and calls `publish_index`; Zensical runs no MkDocs plugins, so after its build
`index_built_site` reads each page's front matter from the generated Markdown and its
content from the built HTML, and publishes the same index through the same code.
"""

from __future__ import annotations

import shutil
from html import unescape
from importlib import resources
from pathlib import Path
from typing import Any

import lxml.html
from mkdocs.utils.meta import get_data

from generator.search.index import IndexSummary, write_index
from generator.search.rules import for_content
from generator.search.units import Unit, excluded, page_units

INDEX_FOLDER = "search"
"""Where the query module, its style and the index shards go in the site."""
ASSETS = ("search-core.js", "search-ui.js", "search.css", "search-panel.css")
"""The query module and its styles (search-panel.css: for themes without Material's search styles)."""
PANEL_STYLE = f"{INDEX_FOLDER}/search-panel.css"
CONTENT_AREA = "//article[contains(concat(' ', normalize-space(@class), ' '), ' md-content__inner ')]"
"""The element the theme prints a page's body into."""
CHROME_CLASSES = ("sb-page-tags", "md-source-file", "md-feedback", "md-content__button")
"""What the theme adds around the body inside that element: tags, dates, feedback, actions."""


def publish_index(units: list[Unit], site_dir: Path, rules: dict[str, Any]) -> IndexSummary:
    """Write the index of `units` and the query module into `site_dir`/search (replacing what was there)."""
    folder = site_dir / INDEX_FOLDER
    if folder.exists():
        shutil.rmtree(folder)
    summary = write_index(units, folder, for_content(rules, [f"{unit.title_words} {unit.text}" for unit in units]))
    for name in ASSETS:
        (folder / name).write_bytes(resources.files("generator.search").joinpath("assets", name).read_bytes())
    return summary


def index_built_site(site_dir: Path, docs: Path, rules: dict[str, Any]) -> IndexSummary:
    """Publish the index of the site built into `site_dir` (directory URLs) from the Markdown pages in `docs`."""
    units: list[Unit] = []
    for source in sorted(docs.rglob("*.md")):
        meta = front_matter(source)
        if excluded(meta):  # not worth parsing its HTML
            continue
        url = page_url(source.relative_to(docs))
        title = unescape(str(meta.get("title", "")))  # the generator writes titles HTML-escaped, as MkDocs hands them on
        units.extend(page_units(content_of(site_dir / url / "index.html"), url, title, meta))
    return publish_index(units, site_dir, rules)


def front_matter(source: Path) -> dict[str, Any]:
    """Return the YAML front matter of a generated Markdown page, read as MkDocs reads it (empty when it has none)."""
    return get_data(source.read_text(encoding="utf-8"))[1]


def page_url(relative: Path) -> str:
    """Return the directory URL a page gets (`faqs/x.md` → `faqs/x/`, `faqs/index.md` → `faqs/`)."""
    parts = list(relative.with_suffix("").parts)
    if parts[-1] == "index":
        parts.pop()
    return "".join(f"{part}/" for part in parts)


def content_of(page: Path) -> str:
    """Return the HTML of a built page's body, without the chrome the theme adds around it."""
    tree = lxml.html.fromstring(page.read_bytes())
    found = tree.xpath(CONTENT_AREA)
    if not found:
        return ""
    area = found[0]
    kept = [child for child in area if not set(CHROME_CLASSES) & set(child.classes)]
    return "".join(lxml.html.tostring(child, encoding="unicode") for child in kept)
