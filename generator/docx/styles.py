"""The reference document's styles, found the way Word, LibreOffice and WPS spell them.

Word saves "heading 1" (id `Heading1`), LibreOffice "Heading 1", WPS "heading 1" with
the id `2`. A style is looked up by id and by name, ignoring case and spaces. A style
salesbook needs that a company's reference document lacks is copied in from the
bundled reference, so a heading is a heading (with its outline level, which the TOC
field collects) and a table keeps its borders.
"""

from __future__ import annotations

import copy
import re
from functools import cache

from docx import Document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from generator.resources import bundled_root

BUNDLED_REFERENCE = bundled_root() / "templates" / "reference.docx"
STYLE_LINKS = ("w:basedOn", "w:next")
"""A style's references to other styles that a copied style must keep valid."""


def style_key(name: str) -> str:
    """Return the spelling-insensitive key of a style name or id: "Heading 1", "heading1" -> "heading1"."""
    return re.sub(r"\s+", "", name).casefold()


class StyleBook:
    """The styles element of a document, indexed by id and by name."""

    def __init__(self, styles: BaseOxmlElement) -> None:
        self.styles = styles
        self._ids: dict[str, str] = {}
        for style in styles.findall(qn("w:style")):
            self._index(style)

    def _index(self, style: BaseOxmlElement) -> None:
        style_id = style.get(qn("w:styleId"))
        name = style.find(qn("w:name"))
        for key in (style_id, name.get(qn("w:val")) if name is not None else None):
            if key:
                self._ids.setdefault(style_key(key), style_id)

    def find(self, name: str) -> str | None:
        """Return the id of the style named or identified `name`, or None."""
        return self._ids.get(style_key(name))

    def require(self, name: str) -> str:
        """Return the id of style `name`, copying it from the bundled reference when missing."""
        found = self.find(name)
        if found is not None:
            return found
        bundled = _bundled_style(style_key(name))
        if bundled is None:
            return self.default_paragraph()
        return self._copy(bundled)

    def default_paragraph(self) -> str:
        """Return the id of the document's default paragraph style ("Normal")."""
        for style in self.styles.findall(qn("w:style")):
            if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true", "on"):
                return style.get(qn("w:styleId"))
        return self.find("Normal") or "Normal"

    def _copy(self, bundled: BaseOxmlElement) -> str:
        style = copy.deepcopy(bundled)
        for child in style.findall(qn("w:link")) + style.findall(f"{qn('w:pPr')}/{qn('w:numPr')}"):
            child.getparent().remove(child)  # the bundled numbering and character styles do not come along
        style.attrib.pop(qn("w:default"), None)
        taken = {s.get(qn("w:styleId")) for s in self.styles.findall(qn("w:style"))}
        style_id = style.get(qn("w:styleId"))
        while style_id in taken:
            style_id += "Salesbook"
        style.set(qn("w:styleId"), style_id)
        self.styles.append(style)
        self._index(style)
        for tag in STYLE_LINKS:
            self._relink(style, tag)
        return style_id

    def _relink(self, style: BaseOxmlElement, tag: str) -> None:
        """Point a copied style's basedOn/next at this document's style of the same name."""
        link = style.find(qn(tag))
        if link is None:
            return
        target = _bundled_name(link.get(qn("w:val")))
        link.set(qn("w:val"), self.require(target) if target else self.default_paragraph())


@cache
def _bundled_styles() -> BaseOxmlElement:
    return Document(str(BUNDLED_REFERENCE)).styles.element


def _bundled_style(key: str) -> BaseOxmlElement | None:
    styles = _bundled_styles()
    for style in styles.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if key in (style_key(style.get(qn("w:styleId"))), style_key(name.get(qn("w:val")) if name is not None else "")):
            return style
    return None


def _bundled_name(style_id: str) -> str | None:
    style = _bundled_style(style_key(style_id))
    name = style.find(qn("w:name")) if style is not None else None
    return name.get(qn("w:val")) if name is not None else None
