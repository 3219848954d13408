"""The demo plans and blank drafts as LibreOffice renders them (one soffice run for all)."""

from __future__ import annotations

import re
from fractions import Fraction
import subprocess
from pathlib import Path

import pytest

from tests.docx.conftest import Rendered, pdf_text
from tests.docx.structure import headings, open_docx, tables


def test_libreoffice_opens_every_document(pdfs: dict[str, Path]) -> None:
    assert len(pdfs) == 12
    for name, pdf in pdfs.items():
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), name
        assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 4, name


@pytest.mark.parametrize("plan_id", ["2027-03-monthly-battle", "2027-company-strategic", "2027-east-kpi",
                                     "2027-enablement", "2027-southwest-expansion", "2027-account-deepening"])
def test_pdf_has_the_headings_and_table_figures(rendered: Rendered, pdfs: dict[str, Path], plan_id: str) -> None:
    text = _squeezed(pdf_text(pdfs[plan_id]))
    document = open_docx(rendered.plan_docs[plan_id])
    for heading in headings(document):
        assert _squeezed(heading) in text, heading
    for table in tables(document)[1:]:  # the cover table aside
        for row in table:
            for cell in row[:3]:
                if re.fullmatch(r"[\d,.%]+", cell):
                    assert cell in text, (plan_id, cell)


def test_monthly_battle_plan_reads_like_the_seed(pdfs: dict[str, Path]) -> None:
    text = _squeezed(pdf_text(pdfs["2027-03-monthly-battle"]))
    for expected in ("2027年3月中小客户销售部月度作战方案", "目录", "第一部分核心成果指标", "按产品线分解", "3,000,000", "1,200,000",
                     "27.4%", "第一战役：月初冲刺周（1–5日）", "日常跟踪指标（全员）", "100.0%", "¥20,000",
                     "第七部分月度运行图示", "周战役与累计目标", "第八部分总结与执行", "审批记录", "LT-XS-2027-03-001"):
        assert expected in text, expected
    assert re.search(r"第2页共\d+页", text)  # the footer's PAGE and SECTIONPAGES fields
    region = re.search(r"华东区1,050,000([\d.]+)%.*?华南区820,000([\d.]+)%.*?西南区550,000([\d.]+)%.*?北方区580,000([\d.]+)%.*?合计3,000,000100\.0%", text)
    assert region and sum(Fraction(share) for share in region.groups()) == 100  # the printed share column adds up


def test_chinese_fonts_are_embedded(pdfs: dict[str, Path]) -> None:
    fonts = subprocess.run(["pdffonts", str(pdfs["2027-03-monthly-battle"])], capture_output=True, text=True, check=True).stdout
    assert "NotoSerifCJK" in fonts  # 宋体 body text
    assert "NotoSansCJK" in fonts  # 黑体 headings


def test_blank_draft_pdf_shows_guidance_and_blanks(pdfs: dict[str, Path]) -> None:
    text = _squeezed(pdf_text(pdfs["blank-kpi"]))
    assert "编写提示：" in text and "XX销售工作计划" in text and "第一部分核心成果指标" in text


def _squeezed(text: str) -> str:
    """Drop whitespace, which PDF text extraction inserts and removes freely."""
    return re.sub(r"\s+", "", text)


def test_contents_page_numbers_are_the_pages_the_headings_land_on(rendered: Rendered, pdfs: dict[str, Path]) -> None:
    for plan_id, docx_path in rendered.plan_docs.items():
        pages = _pages_by_printed_number(pdfs[plan_id])
        entries = _toc_entries(docx_path)
        assert entries, plan_id
        for text, number in entries:
            assert number.isdigit(), (plan_id, text, number)
            assert _squeezed(text) in pages[int(number)], (plan_id, text, number)


def _pages_by_printed_number(pdf: Path) -> dict[int, str]:
    """Return each body page's text under the number its footer prints (第 N 页)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = {}
    for page in text.split("\f"):
        printed = re.search(r"第\s*(\d+)\s*页\s*共", page)
        if printed:
            pages[int(printed.group(1))] = _squeezed(page)
    return pages


def _toc_entries(docx_path: Path) -> list[tuple[str, str]]:
    """Return (heading text, page number) of each TOC entry as the file holds it."""
    from docx.oxml.ns import qn

    entries = []
    for link in open_docx(docx_path).element.body.iter(qn("w:hyperlink")):
        texts = [t.text or "" for t in link.iter(qn("w:t"))]
        entries.append(("".join(texts[:-1]), texts[-1]))
    return entries
