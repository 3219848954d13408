"""Sections and the table of contents: the raw XML of a Chinese report's front matter.

A plan document has three sections: the cover (the company letterhead, no page
number), the contents (no page number) and the body, whose pages count from 1.
The table of contents is a real TOC field, as Word writes one: an entry per heading,
a link to the heading's bookmark, a dot leader and a PAGEREF field whose cached
result is the page number (`contents.number_contents` fills it in from a rendering).
"""

from __future__ import annotations

import copy

from lxml.etree import SubElement

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from generator.docx import oxml
from generator.docx.oxml import W

TOC_INSTRUCTION = 'TOC \\o "1-{levels}" \\h \\z \\u'
PAGEREF_INSTRUCTION = "PAGEREF {bookmark} \\h"
SECT_PR_AFTER_PG_NUM_TYPE = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
                             "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
SECT_PR_REFERENCES = ("w:headerReference", "w:footerReference")


def section_break(body_sect_pr: BaseOxmlElement, header_rid: str | None) -> BaseOxmlElement:
    """Return an empty, tiny paragraph ending a front-matter section laid out like the body.

    The section shows the header `header_rid` (none if None) and no footer."""
    sect_pr = copy.deepcopy(body_sect_pr)
    for tag in (*SECT_PR_REFERENCES, "w:titlePg", "w:pgNumType"):
        for child in sect_pr.findall(qn(tag)):
            sect_pr.remove(child)
    if header_rid:
        sect_pr.insert(0, OxmlElement("w:headerReference", {qn("w:type"): "default", qn("r:id"): header_rid}))
    p = OxmlElement("w:p")
    p_pr = SubElement(p, W + "pPr")
    SubElement(p_pr, W + "spacing", {W + "before": "0", W + "after": "0", W + "line": "240", W + "lineRule": "auto"})
    r_pr = SubElement(p_pr, W + "rPr")
    SubElement(r_pr, W + "sz", {W + "val": "2"})  # the paragraph mark itself takes no room
    p_pr.append(sect_pr)
    return p


def number_body_from_one(body_sect_pr: BaseOxmlElement) -> None:
    """Make the body's pages count from 1 and show its header and footer on its first page too."""
    for title_page in body_sect_pr.findall(qn("w:titlePg")):
        body_sect_pr.remove(title_page)
    pg_num_type = body_sect_pr.find(qn("w:pgNumType"))
    if pg_num_type is None:
        pg_num_type = OxmlElement("w:pgNumType")
        body_sect_pr.insert_element_before(pg_num_type, *SECT_PR_AFTER_PG_NUM_TYPE)
    pg_num_type.set(qn("w:start"), "1")


def header_rid(sect_pr: BaseOxmlElement, kind: str) -> str | None:
    """Return the relationship id of a section's header of `kind` (default, first, even)."""
    for reference in sect_pr.findall(qn("w:headerReference")):
        if reference.get(qn("w:type")) == kind:
            return reference.get(qn("r:id"))
    return None


def has_title_page(sect_pr: BaseOxmlElement) -> bool:
    title_page = sect_pr.find(qn("w:titlePg"))
    return title_page is not None and title_page.get(qn("w:val"), "true") not in ("false", "0", "off")


def toc_entry(style_id: str, text: str, bookmark: str, tab_position: int) -> BaseOxmlElement:
    """Return a contents line: the heading's text linked to its bookmark, dot leader, page number."""
    p = oxml.new_paragraph(style_id)
    tabs = SubElement(p.find(W + "pPr"), W + "tabs")
    SubElement(tabs, W + "tab", {W + "val": "right", W + "leader": "dot", W + "pos": str(tab_position)})
    link = SubElement(p, W + "hyperlink", {W + "anchor": bookmark, W + "history": "1"})
    oxml.add_text(link, text)
    SubElement(SubElement(link, W + "r"), W + "tab")
    oxml.add_field(link, PAGEREF_INSTRUCTION.format(bookmark=bookmark), "")
    return p


def wrap_in_toc_field(entries: list[BaseOxmlElement], after: BaseOxmlElement, levels: int) -> None:
    """Make `entries` the cached result of a TOC field ending in paragraph `after`."""
    oxml.begin_field(entries[0], TOC_INSTRUCTION.format(levels=levels), at_start=True)
    oxml.end_field(after)
