"""One allow-list sanitiser for every page body, applied after Markdown was rendered.

Why after rendering, and why in MkDocs: a filter that judges Markdown text before a
Markdown engine reads it has to guess what the engine will make of it (where a link
ends, what is code), and every wrong guess is a script in a reader's browser. So the
generated pages stay plain Markdown, the engine renders them, and the HTML it made
is cleaned by nh3 (html5ever, the HTML parser a browser uses) against an allow-list:
the browser's interpretation is the one that is judged. The cleaning runs in a MkDocs
plugin (`generator.site.plugin`, entry point `salesbook/sanitise`, listed in
mkdocs.yml), last of all plugins, on every page; the configuration salesbook hands
to MkDocs gets it added when mkdocs.yml does not list it. Zensical ignores MkDocs plugins: the pages
themselves stay portable to it, but a move to Zensical must first port this step.

The allow-list is what our own templates emit (badges, metric cards, index filters,
headings with anchors) and what Markdown makes; content can use the same tags and
classes but never scripts, event handlers, frames, forms that submit, styles, or
URLs other than http(s), mailto, tel and relative ones. Helpers that add template
HTML add its tags and attributes here.
"""

from __future__ import annotations

import html
import re

import nh3

from generator.urls import SAFE_URL_SCHEMES

TAGS = nh3.ALLOWED_TAGS | {"form", "label", "select", "option", "output", "button"}
"""Markdown's tags, the structural tags nh3 allows, and our index filters' form controls."""

GLOBAL_ATTRIBUTES = {"class", "id", "title", "lang", "dir", "hidden", "role", "tabindex", "aria-label", "aria-live", "aria-hidden", "aria-sort"}
DATA_ATTRIBUTES = {"data-sb-filters", "data-sb-rows", "data-pagefind-ignore"}
"""The data attributes our templates put in page bodies (and our scripts read)."""

ATTRIBUTES: dict[str, set[str]] = {
    "*": GLOBAL_ATTRIBUTES | DATA_ATTRIBUTES,
    "a": {"href", "hreflang", "download"},  # download: the 发给客户 links save the one-pager
    "img": {"src", "alt", "width", "height", "loading"},
    "label": {"for"},
    "select": {"name"},
    "option": {"value", "selected"},
    "button": {"type"},
    "th": {"colspan", "rowspan", "style"},
    "td": {"colspan", "rowspan", "style"},
    "ol": {"start", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "abbr": {"title"},
}
STYLE_PROPERTIES = {"text-align"}
"""Only Markdown tables' column alignment survives in a `style`."""

_RESERVED_ID = re.compile(r"__|md-", re.I)
"""Ids the theme's own elements use (`__config`, `__search`, `md-…`): content may not clobber them."""


def clean_html(html: str) -> str:
    """Return a page body's HTML with everything outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=SAFE_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        filter_style_properties=STYLE_PROPERTIES,
    )


def _filter_attribute(tag: str, name: str, value: str) -> str | None:
    """Drop ids that would shadow the theme's, and buttons that would submit a form."""
    if name == "id" and _RESERVED_ID.match(value):
        return None
    if tag == "button" and name == "type" and value != "button":
        return "button"
    return value


def text_of(fragment: str) -> str:
    """Return the text of an HTML fragment as HTML-escaped text: every tag removed."""
    return html.escape(html.unescape(nh3.clean(fragment, tags=set(), attributes={})), quote=False)
