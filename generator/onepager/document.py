"""Lay out a one-pager as a Word document: a branded A4 page a rep is glad to send.

Built with python-docx's own objects (paragraphs, runs, tables, pictures); raw XML
only for cell shading, borders and East Asian fonts (generator.docx.oxml).
"""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from generator.docx import oxml
from generator.onepager.content import Block, Figure, OnePager
from generator.docx.render import clip_property

LATIN_FONT, CJK_FONT = "Arial", "微软雅黑"
INDIGO, DEEP, AMBER, GREEN, GREY, INK = "283593", "1A237E", "FFC107", "2E7D32", "6B7280", "1F2937"
TINT, QUOTE_TINT = "E8EAF6", "FFF8E1"
PAGE_WIDTH, MARGIN = 21.0, 1.3
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
GAP = 0.3
"""Space between cards in a row, in cm."""
MIN_SLOTS = 3
"""A row of result cards is laid out for at least this many."""


def onepager_document(page: OnePager, root: Path, when: datetime) -> DocxDocument:
    """Return the Word document of `page`; `root` resolves the logo, `when` dates the file."""
    doc = Document()
    _setup(doc, page, when)
    _masthead(doc, page, root)
    _heading(doc, page)
    if page.figures:
        _section_title(doc, page.figures_title)
        _figures(doc, page.figures)
    _blocks(doc, page.blocks)
    if page.quote:
        _quote(doc, *page.quote)
    if page.products:
        _section_title(doc, "方案用到的产品")
        for name, point in page.products:
            _paragraph(doc, [(name, True, INK), ("　" + point, False, GREY)], size=9)
    _contact(doc, page)
    return doc


def _setup(doc: DocxDocument, page: OnePager, when: datetime) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(PAGE_WIDTH), Cm(29.7)
    section.left_margin = section.right_margin = Cm(MARGIN)
    section.top_margin, section.bottom_margin = Cm(1.0), Cm(1.0)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(9.5)
    normal.font.name = LATIN_FONT
    oxml.set_fonts(normal.element.get_or_add_rPr(), LATIN_FONT, CJK_FONT)
    oxml.set_language(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.2
    props = doc.core_properties
    props.title = clip_property(page.title)
    props.author = props.last_modified_by = clip_property(page.company.name)
    props.subject = clip_property(page.label)
    props.created = props.modified = when
    props.revision = 1


def _masthead(doc: DocxDocument, page: OnePager, root: Path) -> None:
    """The indigo band: logo and company name on the left, what this page is on the right."""
    table = _table(doc, [TEXT_WIDTH * 0.62, TEXT_WIDTH * 0.38], fill=INDIGO)
    left, right = table.rows[0].cells
    p = left.paragraphs[0]
    if page.company.logo:
        p.add_run().add_picture(str(root / page.company.logo), height=Cm(1.1))
        p.add_run("  ")
    _run(p, page.company.name, bold=True, size=15, color="FFFFFF")
    p = right.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(p, page.label, bold=True, size=12, color=AMBER)
    if page.company.tagline:
        p = right.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(p, page.company.tagline, size=8.5, color="FFFFFF")
    for cell in (left, right):
        _pad(cell, 0.25, 0.35)


def _heading(doc: DocxDocument, page: OnePager) -> None:
    title = _paragraph(doc, [(page.title, True, DEEP)], size=17, before=10, after=2)
    title.paragraph_format.keep_with_next = True
    _paragraph(doc, [(page.subtitle, False, GREY)], size=9, after=5)
    if page.lead:
        _paragraph(doc, [(page.lead, False, INK)], size=10, after=2)


def _section_title(doc: DocxDocument, text: str) -> None:
    p = _paragraph(doc, [("▍", True, AMBER), (text, True, INDIGO)], size=11, before=8, after=4)
    p.paragraph_format.keep_with_next = True


def _figures(doc: DocxDocument, figures: list[Figure]) -> None:
    """One card per result: the name, before → after in large figures, and the change."""
    count = len(figures)
    slots = max(count, MIN_SLOTS)  # one or two results keep a card's size instead of stretching across
    width = (TEXT_WIDTH - GAP * (slots - 1)) / slots
    widths = [w for i in range(count) for w in ([width] if i == 0 else [GAP, width])]
    table = _table(doc, widths)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    cells = [c for i, c in enumerate(table.rows[0].cells) if i % 2 == 0]
    for cell, figure in zip(cells, figures, strict=True):
        oxml.shade(cell._tc, TINT)
        _pad(cell, 0.2, 0.25)
        p = cell.paragraphs[0]
        _run(p, figure.name, size=8, color=GREY)
        p = cell.add_paragraph()
        p.paragraph_format.space_before = Pt(3)
        _run(p, figure.before, size=13, color=GREY)
        _run(p, " → ", size=12, color=GREY)
        _run(p, figure.after, bold=True, size=19, color=DEEP)
        _run(p, " " + figure.unit, size=8, color=GREY)
        p = cell.add_paragraph()
        _run(p, figure.change, bold=True, size=11, color=GREEN)


def _blocks(doc: DocxDocument, blocks: list[Block]) -> None:
    """Blocks side by side, two to a row."""
    for start in range(0, len(blocks), 2):
        row = blocks[start : start + 2]
        if len(row) == 1:
            table = _table(doc, [TEXT_WIDTH])
            cells = [table.rows[0].cells[0]]
        else:
            half = (TEXT_WIDTH - GAP * 2) / 2
            table = _table(doc, [half, GAP * 2, half])
            cells = [table.rows[0].cells[0], table.rows[0].cells[2]]
        for cell, block in zip(cells, row, strict=True):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
            _block(cell, block)


def _block(cell: _Cell, block: Block) -> None:
    p = cell.paragraphs[0]
    p.paragraph_format.space_before = Pt(8)
    p.paragraph_format.space_after = Pt(3)
    _run(p, "▍", bold=True, size=11, color=AMBER)
    _run(p, block.title, bold=True, size=11, color=INDIGO)
    for text in block.paragraphs:
        p = cell.add_paragraph()
        p.paragraph_format.space_after = Pt(3)
        _run(p, text, size=9.5, color=INK)
    for text in block.bullets:
        p = cell.add_paragraph()
        p.paragraph_format.left_indent = Cm(0.4)
        p.paragraph_format.first_line_indent = Cm(-0.4)
        p.paragraph_format.space_after = Pt(2)
        _run(p, "✓ ", bold=True, size=9, color=GREEN)
        _run(p, text, size=9, color=INK)


def _quote(doc: DocxDocument, text: str, speaker: str) -> None:
    doc.add_paragraph().paragraph_format.space_after = Pt(2)
    table = _table(doc, [TEXT_WIDTH], fill=QUOTE_TINT)
    cell = table.rows[0].cells[0]
    _border(cell, "left", AMBER, 36)
    _pad(cell, 0.2, 0.4)
    p = cell.paragraphs[0]
    _run(p, "“" + text + "”", size=10.5, color=INK, italic=True)
    p = cell.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(p, "—— " + speaker, size=8.5, color=GREY)


def _contact(doc: DocxDocument, page: OnePager) -> None:
    """The rep's contact block and the company's, at the end of the page."""
    doc.add_paragraph().paragraph_format.space_after = Pt(4)
    table = _table(doc, [TEXT_WIDTH * 0.45, TEXT_WIDTH * 0.55], fill=INDIGO)
    left, right = table.rows[0].cells
    for cell in (left, right):
        _pad(cell, 0.25, 0.35)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    p = left.paragraphs[0]
    _run(p, "您的联系人", bold=True, size=9, color=AMBER)
    p = left.add_paragraph()
    if page.rep:
        _run(p, page.rep.name, bold=True, size=14, color="FFFFFF")
        _run(p, "  " + page.rep.title, size=9, color="FFFFFF")
    else:
        _run(p, page.company.name, bold=True, size=12, color="FFFFFF")
    lines = list(page.rep.lines) if page.rep else []
    lines += [(label, value) for label, value in (("服务热线", page.company.hotline), ("官网", page.company.website)) if value]
    for index, (label, value) in enumerate(lines):
        p = right.paragraphs[0] if index == 0 else right.add_paragraph()
        _run(p, f"{label}　", size=8.5, color=AMBER)
        _run(p, value, size=9.5, color="FFFFFF")


def _table(doc: DocxDocument, widths_cm: list[float], fill: str | None = None) -> Table:
    """Return a one-row table without borders, its columns `widths_cm` wide."""
    table = doc.add_table(rows=1, cols=len(widths_cm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for cell, width in zip(table.rows[0].cells, widths_cm, strict=True):
        cell.width = Cm(width)
        if fill:
            oxml.shade(cell._tc, fill)
    _fixed_layout(table)
    return table


def _fixed_layout(table: Table) -> None:
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


def _pad(cell: _Cell, vertical_cm: float, horizontal_cm: float) -> None:
    """Set the inner margins of a cell."""
    margins = OxmlElement("w:tcMar")
    for side, size in (("top", vertical_cm), ("start", horizontal_cm), ("bottom", vertical_cm), ("end", horizontal_cm)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(round(size * 567)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    cell._tc.get_or_add_tcPr().append(margins)


def _border(cell: _Cell, side: str, color: str, eighths: int) -> None:
    """Draw one border of a cell (`eighths` of a point thick)."""
    borders = OxmlElement("w:tcBorders")
    element = OxmlElement(f"w:{side}")
    for name, value in (("val", "single"), ("sz", str(eighths)), ("space", "0"), ("color", color)):
        element.set(qn(f"w:{name}"), value)
    borders.append(element)
    tc_pr = cell._tc.get_or_add_tcPr()
    tc_pr.insert(list(tc_pr).index(tc_pr.find(qn("w:shd"))) if tc_pr.find(qn("w:shd")) is not None else len(tc_pr), borders)


def _paragraph(doc: DocxDocument, runs: list[tuple[str, bool, str]], size: float, before: float = 0, after: float = 0) -> Paragraph:
    p = doc.add_paragraph()
    p.paragraph_format.space_before, p.paragraph_format.space_after = Pt(before), Pt(after)
    for text, bold, color in runs:
        _run(p, text, bold=bold, size=size, color=color)
    return p


def _run(p: Paragraph, text: str, *, size: float, color: str, bold: bool = False, italic: bool = False) -> None:
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    run.font.color.rgb = RGBColor.from_string(color)
    oxml.set_fonts(run._r.get_or_add_rPr(), LATIN_FONT, CJK_FONT)


def dated(day: object) -> datetime:
    """Return a date as the midnight a document is stamped with (so rebuilds are identical)."""
    return datetime.combine(day, time())  # type: ignore[arg-type]
