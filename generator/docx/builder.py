"""The document builder: a plan's Word file written paragraph by paragraph on a reference .docx.

The builder knows Chinese business-document conventions — cover page, a table of
contents that lists the headings before anyone updates fields, 第一部分 / 一、 / （一） /
1. heading numbers, lists that restart at 1, tables with a repeated header row and a
total row, `XX` highlighted in yellow — but nothing about plans; `render` decides
what goes where. Styles come from the reference document, never from code.
"""

from __future__ import annotations

import io
import re
import os
from dataclasses import dataclass
from pathlib import Path

from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from generator.docx import oxml, parts, sections
from generator.docx.markdown import Span, inline
from generator.docx.styles import StyleBook
from generator.present import BLANK, CONTROL_CHARS, heading_number


LATIN_FONT, BODY_FONT = "Times New Roman", "宋体"
TEXT_WIDTH = Cm(14.6)
TOC_LEVELS = 2
TOTAL_FILL, HEADER_FILL = "F2F2F2", "E7E6E6"
HIGHLIGHT = "yellow"
LONG_TITLE = 32
"""Titles longer than this many characters are set smaller on the cover."""
LIST_STYLES = {"decimal": "List Number", "bullet": "List Bullet"}
LIST_INDENT = Cm(0.85)
"""How far a nested list item or a paragraph under a list item moves in, per level."""
LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)
KEEP_WHOLE_ROWS = 10
"""A table with at most this many rows is kept on one page; longer ones break, repeating their header."""


class HeadingNumbers:
    """Counters for the four heading levels: 第一部分 / 一、 / （一） / 1."""

    def __init__(self) -> None:
        self.counters = [0, 0, 0, 0]

    def next(self, level: int) -> str:
        """Return the number of the next heading at `level`; deeper levels start again."""
        self.counters[level - 1] += 1
        self.restart_below(level)
        return heading_number(level, self.counters[level - 1])

    def restart_below(self, level: int) -> None:
        self.counters[level:] = [0] * (4 - level)


@dataclass(frozen=True)
class Column:
    """A table column: its header, relative width and whether it holds figures."""

    header: str
    width: float = 1.0
    numeric: bool = False


@dataclass(frozen=True)
class TocEntry:
    level: int
    text: str
    bookmark: str


class DocumentBuilder:
    """A Word document under construction, on the styles of a reference .docx."""

    def __init__(self, reference: Path) -> None:
        self.document = parts.open_document(reference)
        parts.drop_styles_with_effects(self.document)
        self._body = self.document.element.body
        for child in list(self._body):
            if child.tag != qn("w:sectPr"):
                self._body.remove(child)  # a reference document's sample text is not part of the plan
        self._end = self._body.find(qn("w:sectPr"))
        self.numbers = HeadingNumbers()
        self.toc: list[TocEntry] = []
        self.placeholders = 0
        self._toc_anchor: BaseOxmlElement | None = None
        self._toc_end: BaseOxmlElement | None = None
        self._letterhead = self._letterhead_rid()
        self._tables = self._figures = 0
        self._abstract_lists: dict[str, int] = {}
        self._style_ids: dict[str, str] = {}
        self.style_book = StyleBook(self.document.styles.element)
        self._page_setup()

    # page furniture -------------------------------------------------------

    def _page_setup(self) -> None:
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        sections.number_body_from_one(self._end)

    def _letterhead_rid(self) -> str | None:
        """Return the reference's header to show on the cover: its first-page header, else its default one, if not blank."""
        kinds = ("first", "default") if sections.has_title_page(self._end) else ("default",)
        for kind in kinds:
            rid = sections.header_rid(self._end, kind)
            if rid and not _is_blank_part(self.document.part.related_parts[rid].element):
                return rid
        return None

    def header_footer(self, header_text: str) -> None:
        """Put the plan title in the header and 第 X 页 共 Y 页 in the footer, unless the reference has its own."""
        section = self.document.sections[0]
        if _is_blank(section.header):
            self._add_text(section.header.paragraphs[0]._p, header_text)
        if not _has_page_number(section.footer):
            footer = self._page_number_paragraph(section.footer)
            oxml.add_text(footer, "第 ")
            oxml.add_field(footer, "PAGE", "1")
            oxml.add_text(footer, " 页  共 ")
            oxml.add_field(footer, "SECTIONPAGES", "1")
            oxml.add_text(footer, " 页")

    def _page_number_paragraph(self, footer) -> BaseOxmlElement:
        """Return the paragraph of a footer to write the page number in: its first if blank, else a new one."""
        element = footer._element
        first = element.find(qn("w:p"))
        if _is_blank(footer) and first is not None:
            return first
        p = oxml.new_paragraph(self._style_id("Footer"))
        element.append(p)
        return p

    def cover(self, title: str, subtitle: str, lines: list[tuple[str, str]]) -> None:
        """Write the cover page: title (smaller when long, so the cover stays one page), subtitle, a borderless label：value table."""
        title_p = self.text(title, style="Title")
        if len(title) > LONG_TITLE:
            for run in Paragraph(title_p, None).runs:
                run.font.size = Pt(20 if len(title) <= 2 * LONG_TITLE else 14)
        self.text(subtitle, style="Subtitle")
        widths = _widths([Column("", 1.0), Column("", 2.2)], Cm(11))
        tbl = oxml.new_table(None, widths)
        style = self._style_id("Cover Line")
        for label, value in lines:
            tr = oxml.add_row(tbl)
            oxml.add_text(oxml.add_cell(tr, widths[0], None, style, align="right"), f"{label}：")
            self._add_text(oxml.add_cell(tr, widths[1], None, style, align="left"), value)
        self._end.addprevious(tbl)
        self._end.addprevious(sections.section_break(self._end, self._letterhead))

    def table_of_contents(self, title: str = "目　录") -> None:
        """Reserve the table of contents; `finish` fills it with the headings."""
        self._toc_anchor = self._paragraph("TOC Heading")
        oxml.add_text(self._toc_anchor, title)
        self._toc_end = sections.section_break(self._end, sections.header_rid(self._end, "default"))
        self._end.addprevious(self._toc_end)

    def finish(self) -> None:
        """Fill the table of contents: a TOC field whose cached result already lists every heading."""
        if self._toc_anchor is None or not self.toc:
            return
        width = self._text_width()
        entries = [sections.toc_entry(self._style_id(f"toc {e.level}"), e.text, e.bookmark, width) for e in self.toc]
        for p in entries:
            self._toc_end.addprevious(p)
        sections.wrap_in_toc_field(entries, self._toc_end, TOC_LEVELS)
        self._toc_anchor = None

    def _text_width(self) -> int:
        """Return the width between the body's margins, in twips (where a TOC's page numbers align)."""
        section = self.document.sections[-1]
        return round((section.page_width - section.left_margin - section.right_margin) / 635)

    # text ---------------------------------------------------------------

    def heading(self, level: int, text: str, numbered: bool = True) -> None:
        """Add a heading numbered in the Chinese way, bookmarked for the table of contents."""
        prefix = self.numbers.next(level) if numbered else ""
        if not numbered:
            self.numbers.restart_below(level)
        p = self._paragraph(f"Heading {level}")
        self._add_text(p, prefix + text)
        if level <= TOC_LEVELS:
            bookmark = f"_Toc{len(self.toc) + 1:06d}"
            oxml.add_bookmark(p, bookmark, len(self.toc) + 1)
            self.toc.append(TocEntry(level, prefix + text, bookmark))

    def text(self, text: str, style: str | None = None, label: str = "") -> BaseOxmlElement:
        """Add a paragraph of one line of Markdown and return it; `label` is a bold lead-in such as “阶段目标：”."""
        p = self._paragraph(style)
        if label:
            oxml.add_text(p, label, bold=True)
        self._add_inline(p, text)
        return p

    def rich_text(self, spans: list[Span], indent: int = 0) -> None:
        """Add a paragraph of styled spans, indented `indent` list levels (text under a list item)."""
        p = self._paragraph()
        if indent:
            Paragraph(p, None).paragraph_format.left_indent = LIST_INDENT * (indent + 1)
        self._add_spans(p, spans)

    def guidance(self, text: str) -> None:
        """Add a note for the writer (what this part should say), set apart from the plan's text.

        Its text is ours, not the plan's: an `XX` in it names the convention, it is no blank."""
        p = self._paragraph("Guidance")
        oxml.add_text(p, "编写提示：", bold=True)
        oxml.add_text(p, text)

    def to_fill(self, what: str) -> None:
        """Add a highlighted marker for a block the archetype requires and the plan lacks."""
        oxml.add_text(self._paragraph(), f"（待填写：{what}）", highlight=HIGHLIGHT)
        self.placeholders += 1

    def numbered(self, items: list[str], labels: list[str] | None = None) -> None:
        """Add a numbered list that starts again at 1."""
        self._list("decimal", items, labels)

    def bulleted(self, items: list[str], labels: list[str] | None = None) -> None:
        self._list("bullet", items, labels)

    def page_break(self) -> None:
        self._end.addprevious(oxml.page_break())

    def new_list(self, kind: str) -> int:
        """Start a list ("decimal" or "bullet") that counts from 1; return its id for `list_item`."""
        style = LIST_STYLES[kind]
        return oxml.new_list_instance(self.document.part.numbering_part.element, self._abstract_list(style, kind))

    def list_item(self, list_id: int, kind: str, spans: list[Span], level: int = 0, label: str = "") -> None:
        """Add an item to list `list_id`; a nested item (`level` > 0) sits one indent further in."""
        p = self._paragraph(LIST_STYLES[kind])
        oxml.set_list(p, list_id)
        if level:
            Paragraph(p, None).paragraph_format.left_indent = LIST_INDENT * (level + 2)
        if label:
            oxml.add_text(p, label, bold=True)
        self._add_spans(p, spans)

    def _list(self, kind: str, items: list[str], labels: list[str] | None) -> None:
        """Add list items under a fresh numbering instance, so every list counts from 1."""
        list_id = self.new_list(kind)
        for index, item in enumerate(items):
            self.list_item(list_id, kind, inline(item), label=labels[index] if labels else "")

    def _abstract_list(self, style: str, kind: str) -> int:
        """Return the abstract numbering behind a list style, defining one if the reference has none."""
        if style not in self._abstract_lists:
            numbering = self.document.part.numbering_part.element
            num_id = oxml.style_num_id(self.document.styles.element.get_by_id(self._style_id(style)))
            if num_id is not None and numbering.num_having_numId(num_id) is not None:
                self._abstract_lists[style] = oxml.abstract_num_of(numbering, num_id)
            else:
                self._abstract_lists[style] = oxml.add_abstract_list(numbering, kind, LATIN_FONT, BODY_FONT)
        return self._abstract_lists[style]

    # tables and pictures -------------------------------------------------

    def table(self, caption: str, columns: list[Column], rows: list[list[str]], total: list[str] | None = None) -> None:
        """Add a captioned table; the header row repeats on every page, the total row is bold."""
        self._tables += 1
        self.text(f"表 {self._tables}　{caption}", style="Caption")
        widths = _widths(columns)
        tbl = oxml.new_table(self._style_id("Plan Table"), widths)
        whole = len(rows) <= KEEP_WHOLE_ROWS
        self._row(tbl, columns, widths, [c.header for c in columns], header=True, keep=True)
        for index, values in enumerate(rows):
            self._row(tbl, columns, widths, values, keep=whole and (total is not None or index < len(rows) - 1))
        if total is not None:
            self._row(tbl, columns, widths, total, total=True)
        self._end.addprevious(tbl)
        self._paragraph("Table Text")  # room after the table

    def _row(self, tbl, columns: list[Column], widths: list[int], values: list[str], header: bool = False, total: bool = False, keep: bool = False) -> None:
        tr = oxml.add_row(tbl, header=header)
        fill = HEADER_FILL if header else TOTAL_FILL if total else None
        for column, width, value in zip(columns, widths, values, strict=True):
            style = "Table Number" if column.numeric and not header else "Table Text"
            p = oxml.add_cell(tr, width, fill, self._style_id(style), keep_next=keep)
            self._add_inline(p, value, bold=header or total)

    def picture(self, png: bytes, caption: str, width: int = TEXT_WIDTH) -> None:
        """Add a centred picture with a numbered caption below it."""
        self._figures += 1
        p = self._paragraph("Picture")
        Paragraph(p, self.document._body).add_run().add_picture(io.BytesIO(png), width=width)
        caption_p = self.text(f"图 {self._figures}　{caption}", style="Caption")
        Paragraph(caption_p, None).paragraph_format.keep_with_next = False  # a caption below its figure ends the group

    # saving --------------------------------------------------------------

    def save(self, path: Path) -> Path:
        """Write the document atomically: a failure never leaves a half-written file."""
        self.finish()
        parts.update_fields_on_open(self.document.settings.element)  # until `contents.number_contents` fills the page numbers
        parts.add_missing_fonts(self.document)
        parts.set_application(self.document)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            self.document.save(str(temporary))
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
        return path

    # helpers -------------------------------------------------------------

    def _paragraph(self, style: str | None = None) -> BaseOxmlElement:
        """Add an empty paragraph in `style` at the end of the body and return it."""
        p = oxml.new_paragraph(self._style_id(style) if style else None)
        self._end.addprevious(p)
        return p

    def _add_inline(self, p: BaseOxmlElement, text: str, bold: bool = False) -> None:
        """Add one line of Markdown: **bold**, *italic*, links."""
        self._add_spans(p, inline(text), bold)

    def _add_spans(self, p: BaseOxmlElement, spans: list[Span], bold: bool = False) -> None:
        """Add styled spans; a span with a link goes inside a `w:hyperlink` to its target."""
        for span in spans:
            parent = p
            if span.href:
                parent = OxmlElement("w:hyperlink", {qn("r:id"): self.document.part.relate_to(span.href, RT.HYPERLINK, is_external=True)})
                p.append(parent)
            for run in self._add_text(parent, span.text, bold=bold or span.bold):
                look = Run(run, None)
                look.italic = span.italic or None
                if span.href:
                    look.font.underline = True
                    look.font.color.rgb = LINK_COLOUR

    def _add_text(self, p: BaseOxmlElement, text: str, bold: bool = False) -> list[BaseOxmlElement]:
        """Add text as runs, each blank (`XX` or a look-alike such as ＸＸ) in its own yellow-highlighted run."""
        runs = []
        for piece in BLANK.split(CONTROL_CHARS.sub("", text)):
            if BLANK.fullmatch(piece):
                runs.append(oxml.add_text(p, piece, bold, HIGHLIGHT))
                self.placeholders += 1
            elif piece:
                runs.append(oxml.add_text(p, piece, bold))
        return runs

    def _style_id(self, name: str) -> str:
        """Return the id of style `name`, copied in from the bundled reference when the company's lacks it."""
        if name not in self._style_ids:
            self._style_ids[name] = self.style_book.require(name)
        return self._style_ids[name]


def _is_blank(part) -> bool:
    """True when a header or footer has no text and no pictures of its own."""
    return part.is_linked_to_previous or _is_blank_part(part._element)


def _is_blank_part(element: BaseOxmlElement) -> bool:
    pictures = element.find(".//" + qn("w:drawing")) is not None or element.find(".//" + qn("w:pict")) is not None
    return not "".join(t.text or "" for t in element.iter(qn("w:t"))).strip() and not pictures


def _has_page_number(footer) -> bool:
    """True when a footer already shows the page number (a PAGE field)."""
    if footer.is_linked_to_previous:
        return False
    element = footer._element
    instructions = [t.text or "" for t in element.iter(qn("w:instrText"))]
    instructions += [f.get(qn("w:instr"), "") for f in element.iter(qn("w:fldSimple"))]
    return any(re.match(r"\s*PAGE\b", instruction) for instruction in instructions)


def _widths(columns: list[Column], width: int = TEXT_WIDTH) -> list[int]:
    total = sum(c.width for c in columns)
    return [int(width * c.width / total) for c in columns]
