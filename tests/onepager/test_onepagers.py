"""Customer one-pagers of the demo content: one A4 page each, fonts embedded, every result
on it and no internal value anywhere in the PDF or the Word file (one LibreOffice run)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document

from generator.models import CaseStudy, FaqSet, Item, Product
from generator.onepager.write import sendable_items, write_onepagers
from generator.repository import Repository
from generator.present import amount as number
from generator.validate import check_repository
from tests.helpers import REPO_ROOT, salesbook
from tests.tools import require_tools

POPPLER = ("pdfinfo", "pdffonts", "pdftotext")


@dataclass
class Written:
    repository: Repository
    folder: Path


@pytest.fixture(scope="module")
def onepagers(tmp_path_factory: pytest.TempPathFactory) -> Written:
    require_tools(*POPPLER, "soffice")
    repository = check_repository(REPO_ROOT).require_clean()
    folder = tmp_path_factory.mktemp("onepagers")
    written = write_onepagers(repository, folder)
    assert not written.pdf_skipped
    assert len(written.pdfs) == len(written.documents) == len(sendable_items(repository)) == 18
    return Written(repository, folder)


def _items(kind: str) -> list[str]:
    repository = check_repository(REPO_ROOT).require_clean()
    return [item.id for item in repository.items(kind)]


def _text(pdf: Path) -> str:
    """Return the PDF's text with the whitespace PDF extraction inserts removed."""
    return re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)


def _docx_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [p.text for table in document.tables for cell in table._cells for p in cell.paragraphs]
    return re.sub(r"\s+", "", "".join(parts))


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def internal_values(item: Item, repository: Repository) -> list[str]:
    """Return the texts of `item` a customer must never see, as they would be printed."""
    values: list[str] = []
    if item.internal_note:
        values += [line.lstrip("- ") for line in item.internal_note.splitlines() if len(line.strip()) > 8]
    if isinstance(item, CaseStudy):
        if item.deal_size is not None:
            values += [f"{number(item.deal_size)}万元", "合同金额"]
        if item.sales_cycle_days is not None:
            values += [f"{item.sales_cycle_days}天", "销售周期"]
    if isinstance(item, Product):
        values += [c.detail for c in item.competitors if c.detail] + [c.name for c in item.competitors]
        faqs = [f for f in repository.items("faq") if isinstance(f, FaqSet) and f.product == item.id]
        values += [q.internal_note for f in faqs for q in f.questions if q.internal_note]
    return [_squeezed(v) for v in values] + ["折扣权限", "报价权限"]


@pytest.mark.parametrize("kind", ["case-study", "product"])
def test_every_one_pager_is_one_a4_page_with_its_fonts_embedded(onepagers: Written, kind: str) -> None:
    for item_id in _items(kind):
        pdf = onepagers.folder / kind / f"{item_id}.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"Pages:\s+1\n", info), item_id
        assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), item_id
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert fonts and all(line.split()[-5] == "yes" for line in fonts), (item_id, fonts)  # the "emb" column
        assert any("NotoSansCJK" in line for line in fonts), item_id


@pytest.mark.parametrize("case_id", _items("case-study"))
def test_a_case_one_pager_has_every_result_and_no_internal_value(onepagers: Written, case_id: str) -> None:
    case = onepagers.repository.get("case-study", case_id)
    assert isinstance(case, CaseStudy)
    pdf, docx = (onepagers.folder / "case-study" / f"{case_id}.{ext}" for ext in ("pdf", "docx"))
    text, word = _text(pdf), _docx_text(docx)
    for metric in case.results[:4]:
        for shown in (_squeezed(metric.name), f"{number(metric.before)}→{number(metric.after)}"):
            assert shown in text and shown in word, (case_id, shown)
    for expected in (_squeezed(case.customer), "澜拓智能科技有限公司", _squeezed(case.quote.text) if case.quote else ""):
        assert expected in text, (case_id, expected)
    for secret in internal_values(case, onepagers.repository):
        assert secret not in text and secret not in word, (case_id, secret)


@pytest.mark.parametrize("product_id", _items("product"))
def test_a_product_one_pager_has_its_selling_points_and_no_internal_value(onepagers: Written, product_id: str) -> None:
    product = onepagers.repository.get("product", product_id)
    assert isinstance(product, Product)
    text = _text(onepagers.folder / "product" / f"{product_id}.pdf")
    word = _docx_text(onepagers.folder / "product" / f"{product_id}.docx")
    assert _squeezed(product.name) in text
    for point in product.selling_points:  # in full in Word; in the PDF its start (two columns interleave when extracted)
        assert _squeezed(point) in word and _squeezed(point)[:8] in text, (product_id, point)
    for secret in internal_values(product, onepagers.repository):
        assert secret not in text and secret not in word, (product_id, secret)


def test_the_rep_contact_block_reaches_the_owner(onepagers: Written) -> None:
    text = _text(onepagers.folder / "case-study" / "tianjin-cold-chain-warehouse.pdf")
    for expected in ("您的联系人", "赵凯", "北方区区域经理", "0512-66880108", "zhao.kai@lantuo.example", "400-820-6688"):
        assert expected in text, expected


def test_anonymised_cases_name_no_company(onepagers: Written) -> None:
    for case in onepagers.repository.items("case-study"):
        if isinstance(case, CaseStudy) and case.anonymised:
            text = _text(onepagers.folder / "case-study" / f"{case.id}.pdf")
            assert not re.search(r"[\u4e00-\u9fff]{2,12}(?:股份有限公司|有限责任公司|有限公司)", text.replace("澜拓智能科技有限公司", "")), case.id


def test_onepager_command_writes_one_item(tmp_path: Path) -> None:
    run = salesbook("onepager", "lt-edge-gateway", "--no-pdf", "-o", tmp_path / "out", cwd=REPO_ROOT)
    assert run.code == 0, run.err
    assert run.out.splitlines() == [str(tmp_path / "out" / "product" / "lt-edge-gateway.docx")]
    assert run.err.splitlines()[-1] == f"已生成 1 份对客一页纸，位于 {tmp_path / 'out'}"


@pytest.mark.parametrize(("item_id", "message"), [
    ("quotation-negotiation", "salesbook: `quotation-negotiation` 不是可以发给客户的客户案例或产品"),
    ("lt-edge-gatway", "salesbook: `lt-edge-gatway` 不是可以发给客户的客户案例或产品，是不是 `lt-edge-gateway`？"),
])
def test_onepager_command_refuses_what_cannot_be_sent(tmp_path: Path, item_id: str, message: str) -> None:
    run = salesbook("onepager", item_id, "--no-pdf", "-o", tmp_path / "out", cwd=REPO_ROOT)
    assert (run.code, run.err.strip()) == (2, message)
    assert not (tmp_path / "out").exists()
