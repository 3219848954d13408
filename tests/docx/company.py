"""Small company reference documents, as Word, LibreOffice and WPS save them.

Each has a letterhead in its header and text in its footer (no page number), the
two things a company template carries that salesbook must keep.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

from docx import Document

from generator.docx.pdf import convert

LETTERHEAD = "澜拓智能科技有限公司 · 销售管理部"
FOOTER_TEXT = "内部资料 注意保密"
TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def word_like(folder: Path) -> Path:
    """Return a reference saved by Word: python-docx's default template (Word's styles) with a letterhead."""
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = LETTERHEAD
    section.footer.paragraphs[0].text = FOOTER_TEXT
    document.add_paragraph("公司模板示例文字", style="Heading 1")
    path = folder / "word-like.docx"
    document.save(str(path))
    return path


def as_template(docx: Path) -> Path:
    """Return the same reference saved as a Word template (.dotx)."""
    return _rewritten(docx, docx.with_name("company.dotx"), {"[Content_Types].xml": lambda data: data.replace(DOCUMENT_TYPE, TEMPLATE_TYPE)})


def libreoffice_saved(docx: Path) -> Path:
    """Return the reference after a round trip through LibreOffice (it names styles "Heading 1", with a space)."""
    source = docx.with_name("libreoffice-saved.docx")
    shutil.copy(docx, source)
    out = docx.parent / "lo-out"
    convert([source], out, "docx:MS Word 2007 XML")  # the headless LibreOffice salesbook's PDFs come from
    return out / "libreoffice-saved.docx"


def wps_like(docx: Path) -> Path:
    """Return the reference with WPS's habits: numeric style ids and lower-case names."""
    with zipfile.ZipFile(docx) as archive:
        styles = archive.read("word/styles.xml").decode()
        content_parts = [name for name in archive.namelist() if re.fullmatch(r"word/(document|header\d+|footer\d+)\.xml", name)]
    ids = re.findall(r'w:styleId="([^"]+)"', styles)
    mapping = {style_id: str(index + 1) for index, style_id in enumerate(ids)}

    def renumber(data: bytes) -> bytes:
        text = re.sub(r'w:styleId="([^"]+)"', lambda m: f'w:styleId="{mapping[m[1]]}"', data.decode())
        text = re.sub(r'<w:(basedOn|next|link) w:val="([^"]+)"/>', lambda m: f'<w:{m[1]} w:val="{mapping.get(m[2], m[2])}"/>', text)
        return re.sub(r'<w:name w:val="([^"]+)"/>', lambda m: f'<w:name w:val="{m[1].lower()}"/>', text).encode()

    def restyle_body(data: bytes) -> bytes:
        return re.sub(rb'<w:pStyle w:val="([^"]+)"/>', lambda m: b'<w:pStyle w:val="%s"/>' % mapping.get(m[1].decode(), m[1].decode()).encode(), data)

    return _rewritten(docx, docx.with_name("wps-like.docx"), {"word/styles.xml": renumber} | dict.fromkeys(content_parts, restyle_body))


def without_styles(docx: Path) -> Path:
    """Return the reference with its styles part removed."""
    def drop_rel(data: bytes) -> bytes:
        return re.sub(rb'<Relationship [^>]*Target="styles.xml"/>', b"", data)

    return _rewritten(docx, docx.with_name("no-styles.docx"), {"word/_rels/document.xml.rels": drop_rel}, drop={"word/styles.xml"})


def _rewritten(source: Path, target: Path, changes: dict, drop: frozenset[str] | set[str] = frozenset()) -> Path:
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in archive.infolist():
            if item.filename not in drop:
                data = archive.read(item)
                out.writestr(item, changes[item.filename](data) if item.filename in changes else data)
    return target
