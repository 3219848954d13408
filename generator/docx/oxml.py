"""Raw WordprocessingML helpers: the few things python-docx has no API for.

Kept apart from the document builder (the python-docx habit of `oxml` modules):
East Asian fonts without theme attributes, the text language, complex fields (PAGE,
NUMPAGES, TOC, PAGEREF), bookmarks, list numbering instances, repeated header rows,
cell shading and paragraph indents in characters.
"""

from __future__ import annotations

from lxml.etree import SubElement

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement

from generator.present import CONTROL_CHARS

TR_PR_ORDER = ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
               "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")
TC_PR_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
                   "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")

LIST_XML = """
<w:abstractNum {ns} w:abstractNumId="{id}">
  <w:multiLevelType w:val="singleLevel"/>
  <w:lvl w:ilvl="0">
    <w:start w:val="1"/>
    <w:numFmt w:val="{fmt}"/>
    <w:lvlText w:val="{text}"/>
    <w:lvlJc w:val="left"/>
    <w:pPr><w:tabs><w:tab w:val="num" w:pos="960"/></w:tabs><w:ind w:left="960" w:hanging="480"/></w:pPr>
    <w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asian}"/></w:rPr>
  </w:lvl>
</w:abstractNum>"""
"""A one-level list whose number sits where a body paragraph's two-character indent ends."""

P_PR_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                   "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
                   "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                   "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
                   "w:rPr", "w:sectPr", "w:pPrChange")
"""The `w:pPr` children that the schema places after `w:pBdr`."""

THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_fonts(r_pr: BaseOxmlElement, latin: str | None = None, east_asian: str | None = None) -> None:
    """Name the Latin and East Asian fonts of a `w:rPr`, dropping theme fonts that would override them."""
    fonts = r_pr.get_or_add_rFonts()
    for attribute in THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    if latin:
        for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attribute), latin)
    if east_asian:
        fonts.set(qn("w:eastAsia"), east_asian)
        fonts.set(qn("w:hint"), "eastAsia")


def strip_theme_fonts(element: BaseOxmlElement) -> None:
    """Remove theme-font attributes from every `w:rFonts` below `element`."""
    for fonts in element.iter(qn("w:rFonts")):
        for attribute in THEME_FONT_ATTRIBUTES:
            fonts.attrib.pop(qn(attribute), None)


def set_language(r_pr: BaseOxmlElement, latin: str = "en-US", east_asian: str = "zh-CN") -> None:
    """Mark text as Simplified Chinese so renderers pick SC glyphs, not Japanese ones."""
    lang = _child(r_pr, "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), latin)
    lang.set(qn("w:eastAsia"), east_asian)


def first_line_chars(p_pr: BaseOxmlElement, chars: int, twips_per_char: int = 240) -> None:
    """Indent the first line by `chars` characters (and the equivalent twips for old readers)."""
    ind = p_pr.get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(chars * twips_per_char))


def no_indent(p_pr: BaseOxmlElement) -> None:
    """Cancel any inherited indent, including character-based first-line indents."""
    ind = p_pr.get_or_add_ind()
    for attribute in ("w:firstLineChars", "w:hangingChars", "w:leftChars"):
        ind.set(qn(attribute), "0")
    ind.set(qn("w:firstLine"), "0")
    ind.set(qn("w:left"), "0")


def add_field(p: BaseOxmlElement, instruction: str, cached: str = "") -> None:
    """Append a complex field (`PAGE`, `NUMPAGES`, `PAGEREF …`) showing `cached` until updated."""
    begin_field(p, instruction)
    add_text(p, cached)
    end_field(p)


def begin_field(p: BaseOxmlElement, instruction: str, at_start: bool = False) -> None:
    """Open a complex field; what follows, up to `end_field`, is its cached result.

    With `at_start` the field opens before the paragraph's existing content (a TOC
    field whose cached entries are already written)."""
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    runs = [_fld_char_run("begin"), _run_of(text), _fld_char_run("separate")]
    position = (1 if p.find(qn("w:pPr")) is not None else 0) if at_start else len(p)
    for offset, run in enumerate(runs):
        p.insert(position + offset, run)


def end_field(p: BaseOxmlElement) -> None:
    """Close the complex field opened by `begin_field` (possibly in an earlier paragraph)."""
    p.append(_fld_char_run("end"))


def add_bookmark(p: BaseOxmlElement, name: str, bookmark_id: int) -> None:
    """Wrap a paragraph's content in a bookmark, the target of a TOC's PAGEREF."""
    start = OxmlElement("w:bookmarkStart", {qn("w:id"): str(bookmark_id), qn("w:name"): name})
    p.insert(1 if p.find(qn("w:pPr")) is not None else 0, start)
    p.append(OxmlElement("w:bookmarkEnd", {qn("w:id"): str(bookmark_id)}))


def new_list_instance(numbering: BaseOxmlElement, abstract_num_id: int) -> int:
    """Add a `w:num` over `abstract_num_id` that restarts at 1, and return its id."""
    num = numbering.add_num(abstract_num_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


def add_abstract_list(numbering: BaseOxmlElement, kind: str, latin: str, east_asian: str) -> int:
    """Define a one-level list ("decimal" 1. 2. 3. or "bullet" •) and return its abstract id."""
    taken = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(taken, default=-1) + 1
    text = "%1." if kind == "decimal" else "•"
    element = parse_xml(LIST_XML.format(ns=nsdecls("w"), id=abstract_id, fmt=kind, text=text, latin=latin, east_asian=east_asian))
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(element)  # every w:abstractNum precedes every w:num
    else:
        numbering.append(element)
    return abstract_id


def abstract_num_of(numbering: BaseOxmlElement, num_id: int) -> int:
    """Return the abstract numbering a `w:num` refers to."""
    return int(numbering.num_having_numId(num_id).abstractNumId.val)


def style_num_id(style_element: BaseOxmlElement) -> int | None:
    """Return the numbering id a paragraph style carries in its `w:numPr`, if any."""
    num_id = style_element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    return int(num_id.get(qn("w:val"))) if num_id is not None else None


def set_list(p: BaseOxmlElement, num_id: int, level: int = 0) -> None:
    """Make a paragraph built by `new_paragraph` an item of list instance `num_id`."""
    p_pr = p.find(W + "pPr")
    if p_pr is None:
        p_pr = SubElement(p, W + "pPr")
        p.insert(0, p_pr)
    num_pr = SubElement(p_pr, W + "numPr")  # right after pStyle, as the schema orders them
    SubElement(num_pr, W + "ilvl", {W + "val": str(level)})
    SubElement(num_pr, W + "numId", {W + "val": str(num_id)})


def repeat_as_header(row_tr: BaseOxmlElement) -> None:
    """Repeat a table row at the top of every page the table spans, and keep it whole."""
    tr_pr = row_tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        _child(tr_pr, tag, *TR_PR_ORDER[TR_PR_ORDER.index(tag) + 1 :]).set(qn("w:val"), "true")


def keep_row_whole(row_tr: BaseOxmlElement) -> None:
    """Keep a table row on one page."""
    _child(row_tr.get_or_add_trPr(), "w:cantSplit", *TR_PR_ORDER[TR_PR_ORDER.index("w:cantSplit") + 1 :]).set(qn("w:val"), "true")


def shade(cell_tc: BaseOxmlElement, fill: str) -> None:
    """Fill a table cell with a background colour (hex RGB)."""
    shd = _child(cell_tc.get_or_add_tcPr(), "w:shd", *TC_PR_AFTER_SHD)
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)


def _fld_char_run(kind: str) -> BaseOxmlElement:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    return _run_of(char)


def _run_of(child: BaseOxmlElement) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    run.append(child)
    return run


def _child(parent: BaseOxmlElement, tag: str, *successors: str) -> BaseOxmlElement:
    """Return the child `tag` of `parent`, inserting it before `successors` (schema order) if missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.insert_element_before(found, *successors)
    return found


# Fast element construction: python-docx's proxies look up schema order for every
# child they add, which costs more than the whole plan; a plan document is written
# front to back, so its paragraphs, runs and tables are built with lxml directly.

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def new_paragraph(style_id: str | None = None) -> BaseOxmlElement:
    """Return a new `w:p`, in paragraph style `style_id` if given."""
    p = OxmlElement("w:p")
    if style_id:
        SubElement(SubElement(p, W + "pPr"), W + "pStyle", {W + "val": style_id})
    return p


def add_text(p: BaseOxmlElement, text: str, bold: bool = False, highlight: str | None = None) -> BaseOxmlElement:
    """Append a run of `text` to a paragraph (tabs become `w:tab`, line breaks `w:br`, control characters dropped)."""
    text = CONTROL_CHARS.sub("", text)  # XML forbids some, Word shows the rest as boxes
    r = SubElement(p, W + "r")
    if bold or highlight:
        r_pr = SubElement(r, W + "rPr")
        if bold:
            SubElement(r_pr, W + "b")
        if highlight:
            SubElement(r_pr, W + "highlight", {W + "val": highlight})
    for index, line in enumerate(text.split("\n")):
        if index:
            SubElement(r, W + "br")
        for position, piece in enumerate(line.split("\t")):
            if position:
                SubElement(r, W + "tab")
            if piece:
                t = SubElement(r, W + "t")
                t.text = piece
                if piece != piece.strip():
                    t.set(XML_SPACE, "preserve")
    return r


def new_table(style_id: str | None, widths: list[int]) -> BaseOxmlElement:
    """Return a new fixed-layout `w:tbl`, centred, with one grid column per width (EMU)."""
    tbl = OxmlElement("w:tbl")
    tbl_pr = SubElement(tbl, W + "tblPr")
    if style_id:
        SubElement(tbl_pr, W + "tblStyle", {W + "val": style_id})
    SubElement(tbl_pr, W + "tblW", {W + "w": str(sum(_twips(w) for w in widths)), W + "type": "dxa"})
    SubElement(tbl_pr, W + "jc", {W + "val": "center"})
    SubElement(tbl_pr, W + "tblLayout", {W + "type": "fixed"})
    SubElement(tbl_pr, W + "tblLook", {W + "val": "04A0", W + "firstRow": "1", W + "lastRow": "0",
                                       W + "firstColumn": "0", W + "lastColumn": "0", W + "noHBand": "1", W + "noVBand": "1"})
    grid = SubElement(tbl, W + "tblGrid")
    for width in widths:
        SubElement(grid, W + "gridCol", {W + "w": str(_twips(width))})
    return tbl


def add_row(tbl: BaseOxmlElement, header: bool = False) -> BaseOxmlElement:
    """Append a row that never splits across pages; a header row repeats on every page."""
    tr = SubElement(tbl, W + "tr")
    tr_pr = SubElement(tr, W + "trPr")
    SubElement(tr_pr, W + "cantSplit")
    if header:
        SubElement(tr_pr, W + "tblHeader")
    return tr


def add_cell(tr: BaseOxmlElement, width: int, fill: str | None, style_id: str | None, align: str | None = None, keep_next: bool = False) -> BaseOxmlElement:
    """Append a cell of `width` (EMU), optionally shaded, and return its one paragraph.

    `keep_next` keeps the row on the page of the next one (how Word keeps a short table whole)."""
    tc = SubElement(tr, W + "tc")
    tc_pr = SubElement(tc, W + "tcPr")
    SubElement(tc_pr, W + "tcW", {W + "w": str(_twips(width)), W + "type": "dxa"})
    if fill:
        SubElement(tc_pr, W + "shd", {W + "val": "clear", W + "color": "auto", W + "fill": fill})
    SubElement(tc_pr, W + "vAlign", {W + "val": "center"})
    p = SubElement(tc, W + "p")
    if style_id or align or keep_next:
        p_pr = SubElement(p, W + "pPr")
        if style_id:
            SubElement(p_pr, W + "pStyle", {W + "val": style_id})
        if keep_next:
            SubElement(p_pr, W + "keepNext")
        if align:
            SubElement(p_pr, W + "jc", {W + "val": align})
    return p


def page_break() -> BaseOxmlElement:
    """Return a paragraph holding only a page break."""
    p = OxmlElement("w:p")
    SubElement(SubElement(p, W + "r"), W + "br", {W + "type": "page"})
    return p


def _twips(emu: int) -> int:
    return round(emu / 635)
