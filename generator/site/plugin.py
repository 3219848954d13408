"""The MkDocs plugin `salesbook/sanitise`: every page body through the one sanitiser.

It runs after every other plugin has changed the page's HTML, so what it returns is
what the theme publishes; the table of contents, which the theme prints outside the
page body, keeps only the text of each heading.
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from generator.site.sanitise import clean_html, text_of


class SanitisePlugin(BasePlugin):  # type: ignore[type-arg]
    """Clean every rendered page body against the allow-list."""

    @event_priority(-100)
    def on_page_content(self, html: str, page: Page, **_: Any) -> str:
        """Return the page body cleaned; reduce its table of contents to text."""
        for anchor in page.toc.items:
            _plain_titles(anchor)
        return clean_html(html)


def _plain_titles(anchor: AnchorLink) -> None:
    anchor.title = text_of(anchor.title)
    for child in anchor.children:
        _plain_titles(child)
