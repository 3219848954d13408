"""Drafts on a company's own reference document (`--reference-doc`): its styles, letterhead and footer kept."""

from __future__ import annotations

import re
from pathlib import Path

from docx.oxml.ns import qn

from tests.docx import company
from tests.docx.structure import open_docx
from tests.helpers import REPO_ROOT, salesbook


def _key(name: str) -> str:
    return re.sub(r"\s+", "", name).casefold()


def test_headings_use_the_company_style_whatever_its_spelling(company_drafts: dict[str, Path]) -> None:
    for name, path in company_drafts.items():
        document = open_docx(path)
        styles = document.styles.element.findall(qn("w:style"))
        heading_ids = [s.get(qn("w:styleId")) for s in styles if _key(s.find(qn("w:name")).get(qn("w:val"))) == "heading1"]
        assert len(heading_ids) == 1, (name, heading_ids)
        used = {p.style.style_id for p in document.paragraphs if p.text.startswith("第一部分") and not _key(p.style.name).startswith("toc")}
        assert used == set(heading_ids), name


def test_missing_styles_are_copied_in(company_drafts: dict[str, Path]) -> None:
    document = open_docx(company_drafts["wps-2027-03-monthly-battle"])
    names = {_key(s.find(qn("w:name")).get(qn("w:val"))) for s in document.styles.element.findall(qn("w:style"))}
    assert {"tabletext", "tablenumber", "plantable", "coverline", "toc1", "toc2"} <= names


def test_company_footer_keeps_its_text_and_gains_page_numbers(company_drafts: dict[str, Path]) -> None:
    for name, path in company_drafts.items():
        footer = open_docx(path).sections[-1].footer._element
        text = "".join(t.text or "" for t in footer.iter(qn("w:t")))
        fields = " ".join(t.text or "" for t in footer.iter(qn("w:instrText")))
        assert company.FOOTER_TEXT in text and "PAGE" in fields, name


def test_the_cover_carries_the_company_letterhead(company_drafts: dict[str, Path]) -> None:
    for name, path in company_drafts.items():
        document = open_docx(path)
        cover = document.sections[0]
        assert len(document.sections) == 3, name
        header = "".join(t.text or "" for t in cover.header._element.iter(qn("w:t")))
        assert company.LETTERHEAD in header, name
        assert cover.footer.is_linked_to_previous, name  # the cover shows no page number


def test_a_reference_without_styles_is_refused_in_chinese(company_references: dict[str, Path], tmp_path: Path) -> None:
    broken = company.without_styles(company_references["word"])
    run = salesbook("docx", "content/plans/2027-03-monthly-battle.yaml", "--reference-doc", broken, "-o", tmp_path / "out", cwd=REPO_ROOT)
    assert run.code == 1, run.err
    assert "没有样式表" in run.err and "Traceback" not in run.err
    assert not (tmp_path / "out").exists()
