"""Plans' Markdown in Word, read by markdown-it-py (CommonMark) and written through the builder.

Paragraphs, nested bulleted and numbered lists, a lead-in line followed by a list,
**bold**, *italic*, `code`, hard line breaks and links. A link keeps its target only
when the site would keep it too (http, https, mailto, tel, or relative); otherwise
its text stays and the target is dropped. A soft line break between two Chinese
characters joins them, as Chinese text has no spaces.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.urls import safe_url

if TYPE_CHECKING:
    from generator.docx.builder import DocumentBuilder


@dataclass(frozen=True)
class Span:
    """A run of text and how it looks."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


@cache
def parser() -> MarkdownIt:
    """Return CommonMark without raw HTML, images or character references: `<b>` and `&amp;` print as typed."""
    return MarkdownIt("commonmark", {"html": False}).disable(["html_block", "html_inline", "image", "entity"])


def markdown(doc: DocumentBuilder, text: str) -> None:
    """Write Markdown `text` into `doc`: paragraphs and (nested) lists."""
    tokens = parser().parse(text.strip())
    lists: list[int] = []  # the list instance of each open list, outermost first
    kinds: list[str] = []
    in_item = False
    for token in tokens:
        match token.type:
            case "bullet_list_open" | "ordered_list_open":
                kinds.append("bullet" if token.type == "bullet_list_open" else "decimal")
                lists.append(doc.new_list(kinds[-1]))
            case "bullet_list_close" | "ordered_list_close":
                lists.pop()
                kinds.pop()
            case "list_item_open":
                in_item = True
            case "inline":
                spans = list(inline_spans(token))
                if lists and in_item:
                    doc.list_item(lists[-1], kinds[-1], spans, level=len(lists) - 1)
                    in_item = False  # a second paragraph in the item is a plain paragraph under it
                else:
                    doc.rich_text(spans, indent=len(lists))
            case "fence" | "code_block":
                doc.rich_text([Span(token.content.rstrip("\n"))], indent=len(lists))


def inline(text: str) -> list[Span]:
    """Return the spans of one line of Markdown (a table cell, a list item typed as text)."""
    tokens = parser().parseInline(text.strip())
    return list(inline_spans(tokens[0])) if tokens else []


def inline_spans(token: Token) -> Iterator[Span]:
    """Yield the spans of an inline token: text with bold, italic, links and line breaks."""
    style = Span("")
    previous = ""
    children = token.children or []
    for index, child in enumerate(children):
        match child.type:
            case "strong_open" | "strong_close":
                style = replace(style, bold=child.type == "strong_open")
            case "em_open" | "em_close":
                style = replace(style, italic=child.type == "em_open")
            case "link_open":
                href = str(child.attrs.get("href", ""))
                style = replace(style, href=href if safe_url(href) else None)
            case "link_close":
                style = replace(style, href=None)
            case "text" | "code_inline":
                if child.content:
                    yield replace(style, text=child.content)
                    previous = child.content
            case "softbreak":
                following = next((c.content for c in children[index + 1:] if c.type in ("text", "code_inline")), "")
                if not (_is_cjk(previous[-1:]) and _is_cjk(following[:1])):
                    yield replace(style, text=" ")
            case "hardbreak":
                yield replace(style, text="\n")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef")
