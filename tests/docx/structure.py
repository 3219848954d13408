"""Read a generated .docx back with python-docx into plain data the tests compare.

The structure is what a person sees, in order: headings, paragraphs, list items
(with the list they belong to), tables (cell texts), pictures, and which runs are
highlighted — written `⟦XX⟧` — never the zip bytes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


def open_docx(path: Path) -> DocumentObject:
    return Document(str(path))


def run_text(paragraph: Paragraph) -> str:
    """Return a paragraph's text with highlighted runs marked ⟦…⟧ (field codes left out)."""
    pieces = []
    for run in paragraph.runs:
        if run.font.highlight_color == WD_COLOR_INDEX.YELLOW:
            pieces.append(f"⟦{run.text}⟧")
        else:
            pieces.append(run.text)
    return "".join(pieces)


def body(document: DocumentObject) -> list[list[Any]]:
    """Return the body as [kind, content] items in reading order."""
    items: list[list[Any]] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            items.append(["table", [[_cell_text(cell) for cell in row.cells] for row in block.rows]])
            continue
        style = block.style.name if block.style is not None else ""
        text = run_text(block)
        if block._p.find(".//" + qn("w:drawing")) is not None:
            items.append(["picture", style])
        elif style.startswith("Heading"):
            items.append([style.replace("Heading ", "h"), text])
        elif style.startswith("List"):
            kind = "bullets" if "Bullet" in style else "list"
            items.append([f"{kind}:{list_id(block)}", text])
        elif style.startswith("toc"):
            items.append([style.replace(" ", ""), toc_entry(block)[0]])
        elif text.strip():
            items.append([_short(style), text])
    return items


def toc_entry(paragraph: Paragraph) -> tuple[str, str]:
    """Return a contents line's heading text and page number (the text after its tab)."""
    text, _, page = "".join(t.text or "" if t.tag == qn("w:t") else "\t" for t in paragraph._p.iter(qn("w:t"), qn("w:tab"))
                            if t.getparent().tag == qn("w:r")).partition("\t")
    return text, page


def list_id(paragraph: Paragraph) -> int:
    num_id = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    return int(num_id.get(qn("w:val"))) if num_id is not None else 0


def headings(document: DocumentObject, level: int | None = None) -> list[str]:
    """Return the heading texts (of one level, or all) in order."""
    prefix = f"h{level}" if level else "h"
    return [text for kind, text in body(document) if kind.startswith(prefix) and kind[1:].isdigit()]


def tables(document: DocumentObject) -> list[list[list[str]]]:
    return [content for kind, content in body(document) if kind == "table"]


def highlighted(document: DocumentObject) -> list[str]:
    """Return the text of every highlighted run, in the body, header and footers."""
    runs = []
    for paragraph in _all_paragraphs(document):
        runs += [r.text for r in paragraph.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    return runs


def fields(paragraph_element: Any) -> list[str]:
    """Return the instructions of the complex fields in an element (e.g. PAGE, NUMPAGES)."""
    return [" ".join((t.text or "").split()) for t in paragraph_element.iter(qn("w:instrText"))]


def structure(path: Path) -> dict[str, Any]:
    """Return everything a golden file records about one document."""
    document = open_docx(path)
    section = document.sections[-1]  # the body (cover and contents come before it)
    footer = section.footer._element
    return {
        "sections": len(document.sections),
        "page": [round(section.page_width.cm, 1), round(section.page_height.cm, 1)],
        "header": "".join(run_text(p) for p in section.header.paragraphs),
        "footer": re.sub(r"共 \d+ 页", "共 N 页", "".join(run_text(p) for p in section.footer.paragraphs)),  # N: from the rendering
        "footer_fields": fields(footer),
        "title": document.core_properties.title,
        "body": _numbered_lists_relabelled(body(document)),
    }


def _numbered_lists_relabelled(items: list[list[Any]]) -> list[list[Any]]:
    """Replace numbering ids (an implementation detail) by the list's order of appearance."""
    order: dict[str, int] = {}
    for item in items:
        kind, _, num_id = item[0].partition(":")
        if kind in ("list", "bullets") and num_id:
            item[0] = f"{kind}{order.setdefault(item[0], len(order) + 1)}"
    return items


def _cell_text(cell) -> str:
    return "\n".join(run_text(p) for p in cell.paragraphs)


def _short(style: str) -> str:
    return {"Normal": "p"}.get(style, re.sub(r"\s+", "-", style.lower()))


def _all_paragraphs(document: DocumentObject):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            yield from part.paragraphs
