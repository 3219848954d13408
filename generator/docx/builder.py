"""The document builder: a plan's Word file written paragraph by paragraph on a reference .docx.

The builder knows Chinese business-document conventions — cover page, a table of
contents that lists the headings before anyone updates fields, 第一部分 / 一、 / （一） /
1. heading numbers, lists that restart at 1, tables with a repeated header row and a
total row, `XX` highlighted in yellow — but nothing about plans; `render` decides
what goes where. Styles come from the reference document, never from code.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph

from generator.docx import oxml
from generator.models.common import PLACEHOLDER

PLACEHOLDER_SPLIT = re.compile(rf"((?<![A-Za-z]){PLACEHOLDER}(?![A-Za-z]))")
"""Splits text around each `XX` on its own (not inside a word such as `XXL`): a blank to fill in."""

LATIN_FONT, BODY_FONT = "Times New Roman", "宋体"
TEXT_WIDTH = Cm(14.6)
TOC_LEVELS = 2
NUMERALS = "零一二三四五六七八九"
HEADING_FORMATS = {1: "第{}部分　", 2: "{}、", 3: "（{}）", 4: "{}. "}
TOTAL_FILL, HEADER_FILL = "F2F2F2", "E7E6E6"


def chinese_number(n: int) -> str:
    """Return 一 … 九十九 for 1 … 99 (enough for any plan's headings)."""
    tens, ones = divmod(n, 10)
    if n < 10:
        return NUMERALS[n]
    return f"{NUMERALS[tens] if tens > 1 else ''}十{NUMERALS[ones] if ones else ''}"


class HeadingNumbers:
    """Counters for the four heading levels: 第一部分 / 一、 / （一） / 1."""

    def __init__(self) -> None:
        self.counters = [0, 0, 0, 0]

    def next(self, level: int) -> str:
        self.counters[level - 1] += 1
        self.counters[level:] = [0] * (4 - level)
        n = self.counters[level - 1]
        return HEADING_FORMATS[level].format(n if level == 4 else chinese_number(n))


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
        self.document = Document(str(reference))
        body = self.document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)  # a reference document's sample text is not part of the plan
        self.numbers = HeadingNumbers()
        self.toc: list[TocEntry] = []
        self.placeholders = 0
        self._toc_anchor: Paragraph | None = None
        self._tables = self._figures = 0
        self._abstract_lists: dict[str, int] = {}
        self._page_setup()

    # page furniture -------------------------------------------------------

    def _page_setup(self) -> None:
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.different_first_page_header_footer = True  # the cover carries no header or footer

    def header_footer(self, header_text: str) -> None:
        """Put the plan title in the header and 第 X 页 共 Y 页 in the footer, unless the reference has its own."""
        section = self.document.sections[0]
        if _is_blank(section.header):
            self._add_text(section.header.paragraphs[0], header_text)
        if _is_blank(section.footer):
            footer = section.footer.paragraphs[0]
            footer.add_run("第 ")
            oxml.add_field(footer, "PAGE", "1")
            footer.add_run(" 页  共 ")
            oxml.add_field(footer, "NUMPAGES", "1")
            footer.add_run(" 页")

    def cover(self, title: str, subtitle: str, lines: list[tuple[str, str]]) -> None:
        """Write the cover page: title, subtitle and label：value lines, then a page break."""
        self.text(title, style="Title")
        self.text(subtitle, style="Subtitle")
        for label, value in lines:
            paragraph = self.document.add_paragraph(style=self._style("Cover Line"))
            paragraph.add_run(f"{label}：")
            self._add_text(paragraph, value)
        self.page_break()

    def table_of_contents(self, title: str = "目　录") -> None:
        """Reserve the table of contents; it is filled with the headings in `finish`."""
        self._toc_anchor = self.document.add_paragraph(title, style=self._style("TOC Heading"))
        self.page_break()

    def finish(self) -> None:
        """Fill the table of contents with every heading written so far."""
        if self._toc_anchor is None:
            return
        entries = [self._toc_paragraph(entry) for entry in self.toc]
        if not entries:
            return
        oxml.begin_field(entries[0], f'TOC \\o "1-{TOC_LEVELS}" \\h \\z \\u', at_start=True)
        oxml.end_field(entries[-1])
        anchor = self._toc_anchor._p
        for paragraph in entries:
            anchor.addnext(paragraph._p)
            anchor = paragraph._p

    def _toc_paragraph(self, entry: TocEntry) -> Paragraph:
        paragraph = Paragraph(OxmlElement("w:p"), self.document._body)
        paragraph.style = self._style(f"toc {entry.level}")
        paragraph.add_run(entry.text)
        paragraph.add_run("\t")
        oxml.add_field(paragraph, f"PAGEREF {entry.bookmark} \\h", "")
        return paragraph

    # text ---------------------------------------------------------------

    def heading(self, level: int, text: str, numbered: bool = True) -> Paragraph:
        """Add a heading numbered in the Chinese way, bookmarked for the table of contents."""
        prefix = self.numbers.next(level) if numbered else ""
        paragraph = self.document.add_paragraph(style=self._style(f"Heading {level}"))
        self._add_text(paragraph, prefix + text)
        if level <= TOC_LEVELS:
            bookmark = f"_Toc{len(self.toc) + 1:06d}"
            oxml.add_bookmark(paragraph, bookmark, len(self.toc) + 1)
            self.toc.append(TocEntry(level, prefix + text, bookmark))
        return paragraph

    def text(self, text: str, style: str | None = None, label: str = "") -> Paragraph:
        """Add a paragraph; `label` is a bold lead-in such as “阶段目标：”."""
        paragraph = self.document.add_paragraph(style=self._style(style) if style else None)
        if label:
            paragraph.add_run(label).bold = True
        self._add_inline(paragraph, text)
        return paragraph

    def guidance(self, text: str) -> None:
        """Add a note for the writer (what this part should say), set apart from the plan's text."""
        self.text(text, style="Guidance", label="编写提示：")

    def to_fill(self, what: str) -> None:
        """Add a highlighted marker for a block the archetype requires and the plan lacks."""
        paragraph = self.document.add_paragraph()
        run = paragraph.add_run(f"（待填写：{what}）")
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        self.placeholders += 1

    def numbered(self, items: list[str], labels: list[str] | None = None) -> None:
        """Add a numbered list that starts again at 1."""
        self._list("List Number", "decimal", items, labels)

    def bulleted(self, items: list[str], labels: list[str] | None = None) -> None:
        self._list("List Bullet", "bullet", items, labels)

    def page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _list(self, style: str, kind: str, items: list[str], labels: list[str] | None) -> None:
        """Add list items under a fresh numbering instance, so every list counts from 1."""
        numbering = self.document.part.numbering_part.element
        num_id = oxml.new_list_instance(numbering, self._abstract_list(style, kind))
        for index, item in enumerate(items):
            paragraph = self.document.add_paragraph(style=self._style(style))
            oxml.set_list(paragraph, num_id)
            if labels and labels[index]:
                paragraph.add_run(labels[index]).bold = True
            self._add_inline(paragraph, item)

    def _abstract_list(self, style: str, kind: str) -> int:
        """Return the abstract numbering behind a list style, defining one if the reference has none."""
        if style not in self._abstract_lists:
            numbering = self.document.part.numbering_part.element
            num_id = oxml.style_num_id(self.document.styles[self._style(style)].element)
            if num_id is not None and numbering.num_having_numId(num_id) is not None:
                self._abstract_lists[style] = oxml.abstract_num_of(numbering, num_id)
            else:
                self._abstract_lists[style] = oxml.add_abstract_list(numbering, kind, LATIN_FONT, BODY_FONT)
        return self._abstract_lists[style]

    # tables and pictures -------------------------------------------------

    def table(self, caption: str, columns: list[Column], rows: list[list[str]], total: list[str] | None = None) -> Table:
        """Add a captioned table; the header row repeats on every page, the total row is bold."""
        self._tables += 1
        self.text(f"表 {self._tables}　{caption}", style="Caption")
        table = self.document.add_table(rows=1, cols=len(columns))
        if self._has_style("Plan Table"):
            table.style = self.document.styles["Plan Table"]
        elif self._has_style("Table Grid"):
            table.style = self.document.styles["Table Grid"]
        table.autofit = False
        widths = _widths(columns)
        oxml.repeat_as_header(table.rows[0]._tr)
        for cell, column in zip(table.rows[0].cells, columns, strict=True):
            self._cell(cell, column.header, numeric=False, bold=True, fill=HEADER_FILL)
        for values in rows:
            self._row(table, columns, values)
        if total is not None:
            self._row(table, columns, total, bold=True, fill=TOTAL_FILL)
        for index, width in enumerate(widths):
            table.columns[index].width = width
            for cell in table.columns[index].cells:
                cell.width = width
        self.document.add_paragraph(style=self._style("Table Text"))  # room after the table
        return table

    def _row(self, table: Table, columns: list[Column], values: list[str], bold: bool = False, fill: str | None = None) -> None:
        row = table.add_row()
        oxml.keep_row_whole(row._tr)
        for cell, column, value in zip(row.cells, columns, values, strict=True):
            self._cell(cell, value, column.numeric, bold, fill)

    def _cell(self, cell, value: str, numeric: bool, bold: bool, fill: str | None) -> None:
        paragraph = cell.paragraphs[0]
        paragraph.style = self._style("Table Number" if numeric else "Table Text")
        self._add_inline(paragraph, value, bold=bold)
        if fill:
            oxml.shade(cell._tc, fill)

    def picture(self, png: bytes, caption: str, width: Cm = TEXT_WIDTH) -> None:
        """Add a centred picture with a numbered caption below it."""
        self._figures += 1
        paragraph = self.document.add_paragraph(style=self._style("Picture"))
        paragraph.add_run().add_picture(io.BytesIO(png), width=width)
        self.text(f"图 {self._figures}　{caption}", style="Caption")

    # saving --------------------------------------------------------------

    def save(self, path: Path) -> Path:
        """Write the document atomically: a failure never leaves a half-written file."""
        self.finish()
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            self.document.save(str(temporary))
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
        return path

    # helpers -------------------------------------------------------------

    def _add_inline(self, paragraph: Paragraph, text: str, bold: bool = False) -> None:
        """Add text with **bold** spans (the only inline Markdown plans use)."""
        for index, part in enumerate(re.split(r"\*\*(.+?)\*\*", text)):
            if part:
                self._add_text(paragraph, part, bold=bold or index % 2 == 1)

    def _add_text(self, paragraph: Paragraph, text: str, bold: bool = False) -> None:
        """Add text as runs, each `XX` in its own yellow-highlighted run."""
        for piece in PLACEHOLDER_SPLIT.split(text):
            if not piece:
                continue
            run = paragraph.add_run(piece)
            if bold:
                run.bold = True
            if piece == PLACEHOLDER:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                self.placeholders += 1

    def _has_style(self, name: str) -> bool:
        try:
            self.document.styles[name]
        except KeyError:
            return False
        return True

    def _style(self, name: str) -> str:
        """Return `name`, or a close stand-in when a company's reference document lacks it."""
        if self._has_style(name):
            return name
        if name.startswith("Heading") or name.startswith("List"):
            style = self.document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = self.document.styles["Normal"]
            return name
        return "Normal"


def _is_blank(part) -> bool:
    """True when a header or footer has no text and no pictures of its own."""
    if part.is_linked_to_previous:
        return True
    element = part._element
    return not "".join(t.text or "" for t in element.iter(qn("w:t"))).strip() and element.find(".//" + qn("w:drawing")) is None


def _widths(columns: list[Column]) -> list[int]:
    total = sum(c.width for c in columns)
    return [int(TEXT_WIDTH * c.width / total) for c in columns]
