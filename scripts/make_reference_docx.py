"""Make templates/reference.docx: the styles every plan document is built on.

Chinese business typography: A4; body 宋体 小四 (12 pt), 1.5 line spacing, first line
indented two characters; headings 黑体; Latin text in Times New Roman; tables in
五号 (10.5 pt). East Asian fonts are named in `w:eastAsia` and every theme-font
attribute is removed, because python-docx's default template would otherwise
render Chinese in its Japanese theme font. A company replaces this file with its
own (`--reference-doc`), as with pandoc.

Run: .venv/bin/python scripts/make_reference_docx.py  (the result is committed)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.docx import parts  # noqa: E402
from generator.docx.oxml import P_PR_AFTER_PBDR, add_abstract_list, first_line_chars, no_indent, set_fonts, set_language, strip_theme_fonts  # noqa: E402

OUTPUT = Path(__file__).resolve().parent.parent / "templates" / "reference.docx"
LATIN = "Times New Roman"
SONG, HEI, KAI = "宋体", "黑体", "楷体"
BLACK = RGBColor(0, 0, 0)
KEEP_STYLES = {
    "Normal", "Header", "Footer", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Default Paragraph Font",
    "Normal Table", "No List", "Title", "Subtitle", "List Paragraph", "List Bullet", "List Number", "Caption",
    "Strong", "TOC Heading", "Table Grid", "Header Char", "Footer Char", "Title Char", "Subtitle Char",
    "Heading 1 Char", "Heading 2 Char", "Heading 3 Char", "Heading 4 Char",
}
# (style, east-asian font, size in pt, bold, space before, space after, alignment)
HEADINGS = [
    ("Heading 1", HEI, 16, False, 18, 12, WD_ALIGN_PARAGRAPH.LEFT),
    ("Heading 2", HEI, 14, False, 12, 6, WD_ALIGN_PARAGRAPH.LEFT),
    ("Heading 3", HEI, 12, False, 6, 6, WD_ALIGN_PARAGRAPH.LEFT),
    ("Heading 4", HEI, 12, False, 6, 0, WD_ALIGN_PARAGRAPH.LEFT),
]
TABLE_STYLE_XML = """
<w:style {ns} w:type="table" w:customStyle="1" w:styleId="PlanTable">
  <w:name w:val="Plan Table"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:pPr><w:jc w:val="left"/></w:pPr>
  <w:tblPr>
    <w:jc w:val="center"/>
    <w:tblBorders>
      <w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>
      <w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>
      <w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:rFonts w:eastAsia="{hei}"/><w:b/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/></w:tcPr>
  </w:tblStylePr>
</w:style>"""


def main() -> None:
    document = Document()
    _prune_styles(document)
    _drop_unused_parts(document)
    _document_defaults(document)
    _paragraph_styles(document)
    _list_styles(document)
    document.styles.element.append(parse_xml(TABLE_STYLE_XML.format(ns=nsdecls("w"), hei=HEI)))
    strip_theme_fonts(document.styles.element)
    _page(document)
    _chinese_package(document)
    document.core_properties.title = "销售工作计划"
    document.core_properties.author = "salesbook"
    document.core_properties.comments = "salesbook 的默认参考文档：样式、页面与页眉页脚。"
    document.core_properties.language = "zh-CN"
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    document.save(OUTPUT)
    print(OUTPUT)


def _prune_styles(document) -> None:
    """Drop the default template's dozens of unused table and list styles."""
    for style in list(document.styles):
        if style.name not in KEEP_STYLES:
            style.element.getparent().remove(style.element)
    latent = document.styles.element.find(qn("w:latentStyles"))
    if latent is not None:
        latent.getparent().remove(latent)


def _drop_unused_parts(document) -> None:
    """Remove Word 2010's 430 KB copy of the styles and the template's English thumbnail."""
    for part in (document.part, document.part.package):
        for r_id, rel in list(part.rels.items()):
            if rel.reltype.endswith(("/stylesWithEffects", "/thumbnail")):
                part.rels.pop(r_id)


def _chinese_package(document) -> None:
    """Word 2013+ layout, Simplified Chinese theme fonts, a font table naming 宋体/黑体/楷体, salesbook as the application."""
    settings = document.settings.element
    parts.set_compatibility_mode(settings)
    parts.set_theme_language(settings)
    font_table = parts.part_named(document, "/word/fontTable.xml")
    font_table._blob = re.sub(rb'<w:font w:name="\xef\xbc\xad\xef\xbc\xb3 .*?</w:font>\s*', b"", font_table.blob, flags=re.S)  # ＭＳ 明朝, ＭＳ ゴシック
    parts.add_missing_fonts(document)
    theme = parts.part_named(document, "/word/theme/theme1.xml")
    theme._blob = theme.blob.replace('<a:font script="Hans" typeface="宋体"/>'.encode(), '<a:font script="Hans" typeface="黑体"/>'.encode(), 1)  # headings
    parts.set_application(document)


def _document_defaults(document) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    set_fonts(r_pr, LATIN, SONG)
    set_language(r_pr)
    size = r_pr.find(qn("w:sz"))
    if size is not None:
        size.set(qn("w:val"), "24")


def _paragraph_styles(document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    _font(normal, SONG, 12)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.ONE_POINT_FIVE
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.widow_control = True
    first_line_chars(normal.element.get_or_add_pPr(), 2)
    for name, font, size, bold, before, after, align in HEADINGS:
        _heading(styles[name], font, size, bold, before, after, align)
    title = styles["Title"]
    _unindented(title, HEI, 26, align=WD_ALIGN_PARAGRAPH.CENTER, before=120, after=36)
    title.element.get_or_add_pPr().remove_all("w:pBdr")
    _unindented(styles["Subtitle"], HEI, 16, align=WD_ALIGN_PARAGRAPH.CENTER, after=24)
    styles["Subtitle"].font.italic = False
    _unindented(styles["TOC Heading"], HEI, 16, align=WD_ALIGN_PARAGRAPH.CENTER, before=0, after=18)
    _unindented(styles["Caption"], HEI, 10.5, align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=6)
    styles["Caption"].font.bold = False
    styles["Caption"].paragraph_format.keep_with_next = True
    _unindented(styles["Header"], SONG, 9, align=WD_ALIGN_PARAGRAPH.CENTER)
    _unindented(styles["Footer"], SONG, 9, align=WD_ALIGN_PARAGRAPH.CENTER)
    _add(styles, "Cover Line", SONG, 14, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    _add(styles, "Table Text", SONG, 10.5, align=WD_ALIGN_PARAGRAPH.LEFT)
    _add(styles, "Table Number", LATIN, 10.5, align=WD_ALIGN_PARAGRAPH.RIGHT)
    styles["Table Number"].font.name = LATIN
    _add(styles, "Guidance", KAI, 10.5, align=WD_ALIGN_PARAGRAPH.LEFT, after=6)
    guidance = styles["Guidance"]
    guidance.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    guidance.element.get_or_add_pPr().insert_element_before(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="18" w:space="6" w:color="A6A6A6"/></w:pBdr>'), *P_PR_AFTER_PBDR)
    guidance.paragraph_format.left_indent = Cm(0.3)
    _add(styles, "Picture", SONG, 10.5, align=WD_ALIGN_PARAGRAPH.CENTER, before=6)
    styles["Picture"].paragraph_format.keep_with_next = True
    for level in (1, 2, 3):
        toc = _add(styles, f"toc {level}", SONG if level > 1 else HEI, 12, align=WD_ALIGN_PARAGRAPH.LEFT, after=3)
        toc.paragraph_format.left_indent = Cm(0.85 * (level - 1))
        toc.paragraph_format.line_spacing = 1.15
        toc.paragraph_format.tab_stops.add_tab_stop(Cm(14.6), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


def _list_styles(document) -> None:
    """Define the numbered and bulleted lists; the builder gives every list its own instance."""
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for style_name, kind in (("List Number", "decimal"), ("List Bullet", "bullet")):
        num_id = numbering.add_num(add_abstract_list(numbering, kind, LATIN, SONG)).numId
        style = document.styles[style_name]
        _font(style, SONG, 12)
        p_pr = style.element.get_or_add_pPr()
        p_pr.remove_all("w:numPr", "w:ind", "w:contextualSpacing")
        num_pr = p_pr.get_or_add_numPr()
        num_pr.get_or_add_numId().val = num_id
        p_pr.get_or_add_ind().set(qn("w:left"), "960")
        p_pr.get_or_add_ind().set(qn("w:hanging"), "480")
        style.base_style = document.styles["Normal"]


def _page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.54)
    section.left_margin = section.right_margin = Cm(3.17)
    section.header_distance = section.footer_distance = Cm(1.5)
    section.different_first_page_header_footer = True


def _font(style, east_asian: str, size: float) -> None:
    style.font.size = Pt(size)
    style.font.color.rgb = BLACK
    set_fonts(style.element.get_or_add_rPr(), LATIN, east_asian)


def _heading(style, font: str, size: float, bold: bool, before: float, after: float, align) -> None:
    _unindented(style, font, size, align=align, before=before, after=after)
    style.font.bold = bold
    style.font.italic = False
    fmt = style.paragraph_format
    fmt.keep_with_next = True
    fmt.line_spacing_rule = WD_LINE_SPACING.ONE_POINT_FIVE


def _unindented(style, font: str, size: float, align, before: float = 0, after: float = 0) -> None:
    _font(style, font, size)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.first_line_indent = None
    no_indent(style.element.get_or_add_pPr())


def _add(styles, name: str, font: str, size: float, align, before: float = 0, after: float = 0):
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    _unindented(style, font, size, align=align, before=before, after=after)
    style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE if name.startswith("Table") else WD_LINE_SPACING.ONE_POINT_FIVE
    return style


if __name__ == "__main__":
    main()
