"""Text from YAML made safe for Markdown pages: plain text shows as written, Markdown
keeps its formatting but cannot smuggle in HTML or attributes.

Pages are Markdown with some HTML blocks around it, so every escape here is an HTML
character reference: it reads the same inside Markdown and inside raw HTML.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

_MARKDOWN_ACTIVE = {c: f"&#{ord(c)};" for c in "\\`*_{}[]|#~^"}
"""Characters that would start Markdown syntax (or attr_list) inside plain text."""

_CODE = re.compile(r"(^```.*?^```[^\n]*$|^~~~.*?^~~~[^\n]*$|`[^`\n]+`)", re.S | re.M)
"""Fenced code blocks and inline code spans: left as written."""

_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_LINE_BREAK = re.compile(f"(?<=[{_CJK}])\n(?=[{_CJK}])")
"""A line break between two Chinese characters: Chinese text has no spaces, so it is joined."""

_TAG_OR_ATTRIBUTES = re.compile(r"<(?=[A-Za-z/!?])|\{")
"""The start of a raw HTML tag or comment, or of an attr_list `{ ... }`."""


def plain(value: object) -> Markup:
    """Return `value` as inline text that renders exactly as written (in text, not in attributes)."""
    if isinstance(value, Markup):
        return value
    text = html.escape(" ".join(_CJK_LINE_BREAK.sub("", str(value)).splitlines()), quote=False)
    return Markup("".join(_MARKDOWN_ACTIVE.get(c, c) for c in text))


def markdown(value: str) -> Markup:
    """Return author Markdown with raw HTML and attribute lists neutralised (code kept)."""
    parts = _CODE.split(value.strip())
    for index in range(0, len(parts), 2):
        text = _CJK_LINE_BREAK.sub("", parts[index])
        parts[index] = _TAG_OR_ATTRIBUTES.sub(lambda m: "&lt;" if m.group() == "<" else "&#123;", text)
    return Markup("".join(parts))


def one_line(value: str) -> Markup:
    """Return author Markdown joined into one line, for a table cell or a list item."""
    return markdown(" ".join(value.split()))
