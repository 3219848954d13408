"""What a real team does not always have is optional: the check passes and the site shows nothing.

A step without a named output, a competitor known only by name, a metric with no
better direction, an FAQ question without an id (one is generated from its
text, and `salesbook fmt` writes it in), a contract amount written with its unit.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.fmt import format_file
from generator.models.faq import question_id
from generator.site.generate import generate_pages
from generator.validate import check_repository
from tests.helpers import edit

CASE = "content/case-studies/demo-customer.yaml"


def _pages(root: Path, tmp_path: Path) -> dict[str, str]:
    docs = tmp_path / "docs"
    generate_pages(check_repository(root).require_clean(), docs, set(), date(2026, 11, 23))
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}


def test_optional_blanks_pass_and_show_nothing(minimal: Path, tmp_path: Path) -> None:
    edit(minimal / "content/sops/demo-intake.yaml", "    output: 分配记录\n", "")
    edit(minimal / CASE, "    better: lower\n", "")
    edit(minimal / "content/products/demo-cloud.yaml", "selling_points:", "competitors:\n  - name: 某国外平台\nselling_points:")
    assert check_repository(minimal).problems == []
    pages = _pages(minimal, tmp_path)
    sop = next(text for name, text in pages.items() if "demo-intake" in name)
    assert "产出" not in sop and "None" not in sop
    product = next(text for name, text in pages.items() if name.endswith("demo-cloud.md"))
    assert "| 某国外平台 |  |" in product and "None" not in product
    case = next(text for name, text in pages.items() if "demo-customer" in name)
    assert "sb-metric--better" not in case and "sb-metric--worse" not in case


def test_a_question_without_an_id_gets_a_stable_one_that_fmt_writes_in(minimal: Path, tmp_path: Path) -> None:
    faq = minimal / "content/faqs/demo-cloud-faq.yaml"
    edit(faq, "  - id: deploy-time\n    question: 多久能上线？", "  - question: 多久能上线？")
    generated = question_id("多久能上线？")
    assert generated == question_id(" 多久能上线？ ") and generated.startswith("q-") and len(generated) == 10
    assert check_repository(minimal).problems == []
    page = next(text for name, text in _pages(minimal, tmp_path).items() if "demo-cloud-faq" in name)
    assert f"{{ #{generated} }}" in page
    before, after = format_file(faq, minimal)  # type: ignore[misc]
    assert f"  - id: {generated}\n    question: 多久能上线？\n" in after
    assert before.replace("  - question: 多久能上线？", f"  - id: {generated}\n    question: 多久能上线？") == after


def test_money_written_with_its_unit_is_read_in_wan_yuan(minimal: Path) -> None:
    for written, amount in (("120万元", 120), ("120 万", 120), ("1200000元", 120), ("１２０万元", 120), ("86.5", 86.5)):
        edit(minimal / CASE, "products: [demo-cloud]", f"products: [demo-cloud]\ndeal_size: {written}")
        result = check_repository(minimal)
        assert result.problems == [], written
        assert result.require_clean().get("case-study", "demo-customer").deal_size == amount  # type: ignore[union-attr]
        edit(minimal / CASE, f"products: [demo-cloud]\ndeal_size: {written}", "products: [demo-cloud]")


def test_a_yuan_figure_in_a_wan_yuan_field_is_flagged(minimal: Path) -> None:
    edit(minimal / CASE, "products: [demo-cloud]", "products: [demo-cloud]\ndeal_size: 1850000")
    problems = check_repository(minimal).problems
    assert [p.format() for p in problems] == [
        "content/case-studies/demo-customer.yaml:11:12: 警告: deal_size: 合同金额写的是 1850000 万元，也就是 185 亿元，对一个客户案例大得不合常理：这里的单位是万元，若填的是元，请除以 10000，或连单位写成“1850000元”"
    ]
