"""Page numbers in the table of contents as delivered, from a LibreOffice rendering.

Word fills a TOC field's page numbers only when someone updates fields; Protected
View, WPS and the previews of WeChat/钉钉 show what the file holds. So salesbook
renders its documents once (`delivery.deliver`, one LibreOffice run for the batch),
reads on which page each heading's bookmark landed, and writes those numbers into the
PAGEREF results of the TOC entries. The body section counts its pages from 1 and
starts with the first heading, so a heading's number is its page minus the first
heading's page, plus one — however long the cover and the contents are, the body's
pagination does not depend on them. The field stays a real TOC field: Word can
update it, and no longer needs to on opening.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

from lxml import etree

from docx.oxml.ns import qn

from generator.docx import parts

DOCUMENT_XML, SETTINGS_XML = "word/document.xml", "word/settings.xml"
FIELD = re.compile(r"^\s*([A-Z]+)\b\s*(\S*)")
FIELD_PARTS = re.compile(r"word/(document|footer\d*|header\d*)\.xml")


def fill_page_numbers(document: Path, pages: dict[str, int], last_page: int) -> None:
    """Set each TOC entry's page number to its heading's page in the body, and the body's page
    count (SECTIONPAGES, which LibreOffice does not compute) in the footers; rewrite `document` atomically."""
    with zipfile.ZipFile(document) as archive:
        trees = {name: etree.fromstring(archive.read(name)) for name in archive.namelist() if FIELD_PARTS.fullmatch(name)}
        references = [(argument, run) for field, argument, run in _field_results(trees[DOCUMENT_XML]) if field == "PAGEREF"]
        if not references:
            return
        first = pages.get(references[0][0], 1)  # the body's page 1 begins with its first heading
        for name, run in references:
            _set_result(run, str(pages[name] - first + 1) if name in pages else "")
        for tree in trees.values():
            for field, _, run in _field_results(tree):
                if field == "SECTIONPAGES":
                    _set_result(run, str(last_page - first + 1))
        trees[SETTINGS_XML] = etree.fromstring(archive.read(SETTINGS_XML))
        parts.update_fields_on_open(trees[SETTINGS_XML], update=any(name not in pages for name, _ in references))
        _rewrite(document, archive, trees)


def _field_results(root: etree._Element) -> list[tuple[str, str, etree._Element | None]]:
    """Return (field name, first argument, run holding the cached result) for every complex field, in order."""
    found, current, result = [], None, None
    for element in root.iter(qn("w:instrText"), qn("w:fldChar")):
        kind = element.get(qn("w:fldCharType"))
        if element.tag == qn("w:instrText"):
            match = FIELD.match(element.text or "")
            current = (match.group(1), match.group(2)) if match else None
        elif kind == "separate" and current:
            result = element.getparent().getnext()
        elif kind == "end" and current:
            found.append((*current, result))
            current = result = None
    return found


def _set_result(run: etree._Element | None, text: str) -> None:
    if run is None or run.tag != qn("w:r") or run.find(qn("w:fldChar")) is not None:
        return
    t = run.find(qn("w:t"))
    if t is None:
        t = etree.SubElement(run, qn("w:t"))
    t.text = text


def _rewrite(document: Path, archive: zipfile.ZipFile, replaced: dict[str, etree._Element]) -> None:
    temporary = document.with_name(f".{document.name}.{os.getpid()}.pages")
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as out:
            for item in archive.infolist():
                data = archive.read(item) if item.filename not in replaced else etree.tostring(
                    replaced[item.filename], xml_declaration=True, encoding="UTF-8", standalone=True)
                out.writestr(item, data)
        os.replace(temporary, document)
    finally:
        temporary.unlink(missing_ok=True)
