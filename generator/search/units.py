"""Cut a rendered page into answer units, the pieces a search result links to.

Every section heading (h2) and every heading the templates mark with `.sb-answer`
(an FAQ question, an SOP step) or `.sb-part` (a playbook's talk track) starts a unit of its own,
anchored at the heading;
what comes before the first one is the page's own unit (title, lead, facts).
Small units keep a page's words together, so a unit that holds all of a
question's words holds them near each other. A unit's title words are its
heading and its page's title; the page's own unit is found by its title alone. A list entry that opens with or is mostly a link
to another page (outside an item's facts) repeats that page's title and summary, so it is
left out: the item itself answers, not the page that lists it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import lxml.html
from lxml.html import HtmlElement

ANSWER_CLASS = "sb-answer"
ANSWER_BOOST = 1.1
"""An FAQ question or an SOP step answers more precisely than a section that mentions the same
words (核心卖点, 方案): its words count this much more (tuning set: 1.1 to 1.5 measured)."""
PART_CLASS = "sb-part"
"""A heading that starts a unit of its own at the usual weight: a playbook's talk track (what to say
when a customer says …), short and precise, but no more an answer than the FAQ it often echoes
(tuning set, 374 questions: as answers 0.797 / 0.960, as parts 0.807 / 0.960, not cut 0.807 / 0.955)."""
INTERNAL_PAGE_CLASS = "sb-internal-page"
"""The banner of a page only colleagues may see: its results are marked 内部."""
SKIPPED_CLASSES = frozenset({"sb-meta", "headerlink", "sb-internal__label", INTERNAL_PAGE_CLASS, "sb-send", "sb-stale"})
"""Page chrome that answers nothing: owner and review date, heading permalinks, the 内部 labels' warnings,
the Word download with its hint, the overdue-review notice."""
FACTS_CLASS = "sb-facts"
LABEL_CLASS = "sb-badges"
"""A question's or a step's labels (stage, tags, owner): searched with the unit, never shown as its excerpt."""
BLOCKS = frozenset({"p", "li", "td", "th", "dt", "dd", "div", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "span"})
"""Elements whose text is a piece of its own (a cell, a badge), never run into its neighbour's."""
SEPARATOR = " · "


@dataclass
class Unit:
    """One searchable answer: where it is, what it is called, what it says."""

    url: str
    title: str
    page: str
    """The title of the page the unit is on."""
    section: str
    context: str = ""
    """Words that describe the unit without being its text: section, tags."""
    pieces: list[str] = field(default_factory=list)
    boost: float = 1.0
    """How much the unit's words count (front matter `search: {boost: …}`, as in Material)."""
    internal: bool = False
    """Whether the unit is on a page only colleagues may see."""

    @property
    def text(self) -> str:
        return SEPARATOR.join(self.pieces)

    @property
    def title_words(self) -> str:
        """Return the words searched as the unit's title: its heading, and its page's title."""
        return self.title if self.title == self.page else f"{self.title} {self.page}"


def excluded(meta: dict[str, Any]) -> bool:
    """Whether a page's front matter keeps it out of search (`search: {exclude: true}`, as in Material)."""
    return bool((meta.get("search") or {}).get("exclude"))


def page_units(html: str, url: str, title: str, meta: dict[str, Any]) -> list[Unit]:
    """Return the answer units of a page from its rendered content and front matter (none when search excludes it)."""
    if excluded(meta):
        return []
    search = meta.get("search") or {}
    tags = [str(tag) for tag in meta.get("tags") or []]
    return units_of_page(html, url, title, str(meta.get("sb_section", "")), tags, float(search.get("boost", 1.0)))


def units_of_page(html: str, url: str, title: str, section: str, tags: list[str], boost: float = 1.0) -> list[Unit]:
    """Return the answer units of a page's rendered content."""
    top = Unit(url, title, title, section, " ".join([section, *tags]), boost=boost)
    units = [top]
    current = top
    elements = _top_level(html)
    for element in elements:
        if element.tag == "h2" or (element.tag == "h3" and {ANSWER_CLASS, PART_CLASS} & set(element.classes)):
            answer_boost = ANSWER_BOOST if ANSWER_CLASS in element.classes else 1.0
            current = Unit(f"{url}#{element.get('id', '')}", _text(element), title, section, section, boost=boost * answer_boost)
            units.append(current)
        elif LABEL_CLASS in element.classes:
            current.context = " ".join([current.context, *_pieces(element)])
        elif element.tag != "h1":
            current.pieces.extend(_pieces(element))
    internal = any(INTERNAL_PAGE_CLASS in element.classes for element in elements)
    return [replace(unit, internal=internal) for unit in units if unit is top or unit.pieces]


def _top_level(html: str) -> list[HtmlElement]:
    if not html.strip():
        return []
    return [e for e in lxml.html.fragments_fromstring(html) if isinstance(e, HtmlElement)]


def _pieces(element: HtmlElement) -> list[str]:
    """Return the text pieces of `element`, one per block, leaving out chrome and cross-references."""
    if _skipped(element):
        return []
    found: list[str] = []
    inline = [element.text or ""]
    for child in element:
        if not isinstance(child, HtmlElement) or _skipped(child):
            inline.append(child.tail or "")
            continue
        if child.tag in BLOCKS or child.tag in ("ul", "ol", "table", "thead", "tbody", "tr"):
            found.extend(_joined(inline))
            inline = []
            found.extend(_pieces(child))
        else:
            inline.append(child.text_content())
        inline.append(child.tail or "")
    found.extend(_joined(inline))
    return found


def _skipped(element: HtmlElement) -> bool:
    if SKIPPED_CLASSES & set(element.classes):
        return True
    return element.tag == "li" and _refers_elsewhere(element)


def _refers_elsewhere(item: HtmlElement) -> bool:
    """Return whether a list entry is a cross-reference (not in the facts): it opens with a
    link to another page (a title and its summary), or is mostly such links."""
    if any(FACTS_CLASS in ancestor.classes for ancestor in item.iterancestors()):
        return False
    links = [a for a in item.iter("a") if a.get("href") and not a.get("href", "").startswith("#")]
    opens_with_link = not (item.text or "").strip() and len(item) > 0 and item[0] in links
    linked = sum(len(a.text_content()) for a in links)
    return opens_with_link or (bool(links) and linked * 2 >= len(item.text_content().strip()))


def _joined(parts: list[str]) -> list[str]:
    text = " ".join("".join(parts).split())
    return [text] if text else []


def _text(element: HtmlElement) -> str:
    return " ".join(" ".join(_pieces(element)).split())
