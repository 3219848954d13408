"""Text from YAML made safe for Markdown pages: plain text shows as written, Markdown
keeps its formatting but cannot smuggle in HTML or attributes.

Pages are Markdown with some HTML blocks around it, so every escape here is an HTML
character reference: it reads the same inside Markdown and inside raw HTML.
"""

from __future__ import annotations

import html
import re

import nh3

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

_INLINE_DESTINATION = re.compile(r"\]\(\s*<?([^\s)>]*)")
"""`](url` of an inline link or image."""

_REFERENCE_DEFINITION = re.compile(r"^( {0,3})\[([^\]\n]+)\]:[ \t]*<?(\S*)", re.M)
"""`[label]: url`, a link reference definition."""

SAFE_URL_SCHEMES = {"http", "https", "mailto", "tel"}
"""Schemes a link in content may use; relative links and anchors are always fine."""


def plain(value: object) -> Markup:
    """Return `value` as inline text that renders exactly as written (in text, not in attributes)."""
    if isinstance(value, Markup):
        return value
    text = html.escape(" ".join(_CJK_LINE_BREAK.sub("", str(value)).splitlines()), quote=False)
    return Markup("".join(_MARKDOWN_ACTIVE.get(c, c) for c in text))


def markdown(value: str) -> Markup:
    """Return author Markdown with raw HTML, attribute lists and unsafe links neutralised (code kept)."""
    parts = _CODE.split(value.strip())
    for index in range(0, len(parts), 2):
        text = _CJK_LINE_BREAK.sub("", parts[index])
        text = _TAG_OR_ATTRIBUTES.sub(lambda m: "&lt;" if m.group() == "<" else "&#123;", text)
        text = _INLINE_DESTINATION.sub(lambda m: m.group() if safe_url(m.group(1)) else "]&#40;" + m.group()[2:], text)
        parts[index] = _REFERENCE_DEFINITION.sub(lambda m: m.group() if safe_url(m.group(3)) else f"{m.group(1)}&#91;{m.group()[len(m.group(1)) + 1:]}", text)
    return Markup("".join(parts))


def safe_url(url: str) -> bool:
    """Return whether a link target is harmless, as judged by the nh3 sanitiser (as a browser reads it)."""
    if any(c in url for c in '"<>'):
        return False
    cleaned = nh3.clean(f'<a href="{url}">.</a>', tags={"a"}, attributes={"a": {"href"}}, url_schemes=SAFE_URL_SCHEMES, link_rel=None)
    return "href=" in cleaned


def one_line(value: str) -> Markup:
    """Return author Markdown joined into one line, for a table cell or a list item."""
    return markdown(" ".join(value.split()))
