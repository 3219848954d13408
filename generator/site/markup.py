"""Text from YAML placed in Markdown pages: plain text shows as written, Markdown is passed on.

Plain-text fields are escaped for both Markdown and HTML, so they render as the
characters the author typed, wherever a template puts them. Markdown fields are
handed to the Markdown engine as written: what they may contain is decided after
rendering, by the one sanitiser every page body passes (`generator.site.sanitise`).
Every escape here is an HTML character reference: it reads the same inside
Markdown and inside raw HTML.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

_MARKDOWN_ACTIVE = {c: f"&#{ord(c)};" for c in "\\`*_{}[]|#~^"}
"""Characters that would start Markdown syntax (or attr_list) inside plain text."""

_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_LINE_BREAK = re.compile(f"(?<=[{_CJK}])\n(?=[{_CJK}])")
"""A line break between two Chinese characters: Chinese text has no spaces, so it is joined."""


def plain(value: object) -> Markup:
    """Return `value` as inline text that renders exactly as written (in text, not in attributes)."""
    if isinstance(value, Markup):
        return value
    text = html.escape(" ".join(_CJK_LINE_BREAK.sub("", str(value)).splitlines()), quote=False)
    return Markup("".join(_MARKDOWN_ACTIVE.get(c, c) for c in text))


def markdown(value: str) -> Markup:
    """Return author Markdown for the page, Chinese line breaks joined (the sanitiser judges the result)."""
    return Markup(_CJK_LINE_BREAK.sub("", value.strip()))
