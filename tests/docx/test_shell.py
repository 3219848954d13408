"""The document's shell at the edges: long titles, control characters, figure captions."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path


from generator.docx.builder import DocumentBuilder
from generator.docx.styles import BUNDLED_REFERENCE
from tests.docx.conftest import LONG_TITLE, pdf_text
from tests.docx.structure import open_docx


def test_c1_and_c0_controls_never_reach_the_xml(tmp_path: Path) -> None:
    doc = DocumentBuilder(BUNDLED_REFERENCE)
    doc.header_footer("标题\x85")
    doc.cover("计划\x9b标题\x07", "副标题\x80", [("公司", "澜拓\x1b智能")])
    doc.text("正文\x8d内容\x00")
    path = doc.save(tmp_path / "controls.docx")
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", archive.read(name).decode()), name
    assert "计划标题" in [p.text for p in open_docx(path).paragraphs][0]


def test_a_figure_caption_does_not_pull_the_next_paragraph_onto_its_page(tmp_path: Path) -> None:
    doc = DocumentBuilder(BUNDLED_REFERENCE)
    doc.picture(_one_pixel_png(), "示意图")
    doc.text("后文")
    paragraphs = open_docx(doc.save(tmp_path / "figure.docx")).paragraphs
    picture, caption = paragraphs[0], paragraphs[1]
    assert picture.paragraph_format.keep_with_next is not False  # the picture stays with its caption (Picture style)
    assert caption.paragraph_format.keep_with_next is False


def test_a_160_character_title_keeps_the_cover_on_one_page(pdfs: dict[str, Path]) -> None:
    first_pages = pdf_text(pdfs["long-title"]).split("\f")
    assert "目录" in re.sub(r"\s+", "", first_pages[1])  # page 2 is the contents, so the cover took one page
    assert len(LONG_TITLE) >= 160


def _one_pixel_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b"")
