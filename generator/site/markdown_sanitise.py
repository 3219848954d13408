"""The sanitiser as a Python-Markdown extension, for engines that run no MkDocs plugins (Zensical).

Zensical renders each page with Python-Markdown and prints what it returns into the
theme, so the cleaning happens at the same place as in MkDocs' `salesbook/sanitise`
plugin — right after rendering, on the page body alone, with the same allow-list
(generator/site/sanitise.py) — and before the theme is around it, so no content can
close the body's element and escape the cleaning. The table of contents keeps only
the text of each heading, as in the plugin.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from generator.site.sanitise import clean_html, text_of

LAST = -1000
"""Postprocessor priority: after every other step, raw HTML put back included."""


class SanitisePostprocessor(Postprocessor):
    """Clean the rendered page body; reduce its table of contents to text."""

    def run(self, text: str) -> str:
        for token in getattr(self.md, "toc_tokens", []):
            _plain_titles(token)
        return clean_html(text)


def _plain_titles(token: dict[str, Any]) -> None:
    token["html"] = text_of(token.get("html", ""))
    token["name"] = text_of(token.get("name", ""))
    if token.get("data-toc-label"):
        token["data-toc-label"] = text_of(token["data-toc-label"])
    for child in token.get("children", []):
        _plain_titles(child)


class SanitiseExtension(Extension):
    """Register the sanitiser as the last postprocessor."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.postprocessors.register(SanitisePostprocessor(md), "salesbook_sanitise", LAST)


def makeExtension(**kwargs: Any) -> SanitiseExtension:  # noqa: N802 (Python-Markdown's entry point)
    """Return the extension, as Python-Markdown loads it by module name."""
    return SanitiseExtension(**kwargs)
