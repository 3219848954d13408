"""Package parts python-docx does not model: the font table, the settings a Chinese
document needs (compatibility mode, theme language, field updates), the extended
properties and the main part's content type (a .dotx template opened as a document).

Each helper takes the python-docx `Document` (or its settings element) and leaves the
part valid by the Office Open XML schema.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from docx import Document

from docx.opc.constants import CONTENT_TYPE
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WORD_URI = "http://schemas.microsoft.com/office/word"
COMPATIBILITY_MODE = "15"
"""Word 2013 and later: the layout Word uses for a document it creates itself."""

FONT_FACTS = {
    # name: (alternative name, panose, charset, family, pitch, usb0, usb1, usb2, csb0)
    "宋体": ("SimSun", "02010600030101010101", "86", "auto", "variable", "00000003", "288F0000", "00000016", "00040001"),
    "黑体": ("SimHei", "02010609060101010101", "86", "modern", "fixed", "800002BF", "38CF7CFA", "00000016", "00040001"),
    "楷体": ("KaiTi", "02010609060101010101", "86", "modern", "fixed", "800002BF", "38CF7CFA", "00000016", "00040001"),
    "Times New Roman": ("", "02020603050405020304", "00", "roman", "variable", "E0002EFF", "C000785B", "00000009", "000001FF"),
}
"""What Word writes in fontTable.xml for the fonts salesbook's styles name."""

FONT_ATTRIBUTES = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")

SETTINGS_AFTER_UPDATE_FIELDS = {
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
    "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
    "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
}
"""The `w:settings` children that the schema places after `w:updateFields`."""

SETTINGS_AFTER_THEME_FONT_LANG = SETTINGS_AFTER_UPDATE_FIELDS - {
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang"}

TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
"""The content type of a .dotx template's main part; a document made from one is a .docx."""


def add_missing_fonts(document) -> None:
    """Give every font the document's styles, numbering and text name an entry in fontTable.xml."""
    part = part_named(document, "/word/fontTable.xml")
    if part is None:
        return
    table = etree.fromstring(part.blob)
    listed = {font.get(qn("w:name")) for font in table.iter(qn("w:font"))}
    for name in sorted(_fonts_named(document) - listed):
        table.append(_font_entry(name))
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _fonts_named(document) -> set[str]:
    elements = [document.element, document.styles.element, _numbering_element(document)]
    names = set()
    for element in filter(lambda e: e is not None, elements):
        for fonts in element.iter(qn("w:rFonts")):
            names.update(fonts.get(qn(a)) for a in FONT_ATTRIBUTES if fonts.get(qn(a)))
    return names


def _numbering_element(document) -> BaseOxmlElement | None:
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return None


def _font_entry(name: str) -> etree._Element:
    font = etree.Element(qn("w:font"), {qn("w:name"): name})
    facts = FONT_FACTS.get(name)
    if facts is None:
        return font
    alt, panose, charset, family, pitch, usb0, usb1, usb2, csb0 = facts
    if alt:
        etree.SubElement(font, qn("w:altName"), {qn("w:val"): alt})
    etree.SubElement(font, qn("w:panose1"), {qn("w:val"): panose})
    etree.SubElement(font, qn("w:charset"), {qn("w:val"): charset})
    etree.SubElement(font, qn("w:family"), {qn("w:val"): family})
    etree.SubElement(font, qn("w:pitch"), {qn("w:val"): pitch})
    etree.SubElement(font, qn("w:sig"), {qn("w:usb0"): usb0, qn("w:usb1"): usb1, qn("w:usb2"): usb2,
                                          qn("w:usb3"): "00000000", qn("w:csb0"): csb0, qn("w:csb1"): "00000000"})
    return font


def set_compatibility_mode(settings: BaseOxmlElement, mode: str = COMPATIBILITY_MODE) -> None:
    """Set Word's compatibility mode (15: no "[Compatibility Mode]" in Word's title bar)."""
    compat = settings.find(qn("w:compat"))
    if compat is None:
        return
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), mode)
            return
    compat.append(OxmlElement("w:compatSetting", {qn("w:name"): "compatibilityMode", qn("w:uri"): WORD_URI, qn("w:val"): mode}))


def set_theme_language(settings: BaseOxmlElement, latin: str = "en-US", east_asian: str = "zh-CN") -> None:
    """Make the theme's East Asian fonts the Simplified Chinese ones."""
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        lang = OxmlElement("w:themeFontLang")
        _insert_setting(settings, lang, SETTINGS_AFTER_THEME_FONT_LANG)
    lang.set(qn("w:val"), latin)
    lang.set(qn("w:eastAsia"), east_asian)


def update_fields_on_open(settings: BaseOxmlElement, update: bool = True) -> None:
    """Ask Word to update fields when the document opens (when the TOC's page numbers are not known)."""
    found = settings.find(qn("w:updateFields"))
    if found is not None:
        settings.remove(found)
    if update:
        _insert_setting(settings, OxmlElement("w:updateFields", {qn("w:val"): "true"}), SETTINGS_AFTER_UPDATE_FIELDS)


def _insert_setting(settings: BaseOxmlElement, element: BaseOxmlElement, after: set[str]) -> None:
    successor = next((child for child in settings if etree.QName(child).localname in after), None)
    if successor is not None:
        successor.addprevious(element)
    else:
        settings.append(element)


def open_document(path: Path):
    """Open a .docx, or a .dotx template as the document made from it."""
    with zipfile.ZipFile(path) as archive:
        types = archive.read("[Content_Types].xml")
        if TEMPLATE_TYPE.encode() not in types:
            return Document(str(path))
        copy = io.BytesIO()
        with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
            for item in archive.infolist():
                data = archive.read(item)
                if item.filename == "[Content_Types].xml":
                    data = data.replace(TEMPLATE_TYPE.encode(), CONTENT_TYPE.WML_DOCUMENT_MAIN.encode())
                out.writestr(item, data)
    return Document(copy)


def set_application(document, name: str = "salesbook") -> None:
    """Name the application in docProps/app.xml (the extended properties)."""
    part = part_named(document, "/docProps/app.xml")
    if part is None:
        return
    properties = etree.fromstring(part.blob)
    namespace = etree.QName(properties).namespace
    application = properties.find(f"{{{namespace}}}Application")
    if application is None:
        application = etree.SubElement(properties, f"{{{namespace}}}Application")
    application.text = name
    version = properties.find(f"{{{namespace}}}AppVersion")
    if version is not None:
        properties.remove(version)  # the version of an application that did not write this file
    part._blob = etree.tostring(properties, xml_declaration=True, encoding="UTF-8", standalone=True)


def drop_styles_with_effects(document) -> None:
    """Remove Word 2010's copy of the styles (stylesWithEffects.xml): Word 2013+ rebuilds it, and a
    stale copy that lacks the styles salesbook adds makes Word report unreadable content."""
    for r_id, relationship in list(document.part.rels.items()):
        if relationship.reltype.endswith("/stylesWithEffects"):
            del document.part.rels[r_id]


def part_named(document, name: str):
    wanted = PackURI(name)
    return next((part for part in document.part.package.iter_parts() if part.partname == wanted), None)
