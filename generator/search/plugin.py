"""The MkDocs plugin `salesbook/search`: index the pages as MkDocs renders them.

It runs in every build MkDocs makes — `salesbook build`, `--offline` and
`salesbook serve` — so all three search with the same engine and the same rules.
"""

from __future__ import annotations

from html import unescape
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from generator.search.rules import load_rules
from generator.search.site import publish_index
from generator.search.units import Unit, page_units


class SearchPlugin(BasePlugin):  # type: ignore[type-arg]
    """Collect every searchable page's answer units; write the index after the build."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.units: list[Unit] = []
        rules, problems = load_rules(_repository_root(Path(config.config_file_path)))
        if problems:
            raise PluginError("\n".join(p.format() for p in problems))
        self.rules = rules
        return config

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Any) -> str:
        title = unescape(page.title or "")  # MkDocs gives the title HTML-escaped
        self.units.extend(page_units(html, page.url, title, page.meta))
        return html

    def on_post_build(self, config: MkDocsConfig) -> None:
        publish_index(self.units, Path(config.site_dir), self.rules)


def _repository_root(config_file: Path) -> Path:
    """Return the knowledge base the configuration belongs to (salesbook runs MkDocs on build/mkdocs.yml)."""
    return next((folder for folder in config_file.resolve().parents if (folder / "site_config").is_dir()), config_file.parent)
