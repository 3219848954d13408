"""Plans' Markdown in Word, through markdown-it-py: lists, emphasis, links, line breaks, blanks, charts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from PIL import Image

from generator.docx import reference_path
from generator.docx.builder import DocumentBuilder
from generator.docx.charts import Bar, bar_chart, drawable
from generator.docx.markdown import markdown
from tests.docx.structure import body, highlighted, open_docx
from tests.helpers import REPO_ROOT

TEXT = """本月分三步推进：
- 第一步，**锁定**目标客户
  - 医疗器械
  - 医药
- 第二步，*逐一*拜访
1. 先约访
2. 再报价

详见[客户名单](https://example.com/list)，[别点](javascript:alert(1))，电话 [400-800](tel:400800)。

第一行  
第二行接着中文
换行不加空格。
"""


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    doc = DocumentBuilder(reference_path(REPO_ROOT, None))
    markdown(doc, TEXT)
    doc.text("目标 ＸＸ 万元，新增 xx 家，X 名经理，XXX 个渠道；XXL 码不是空白。")
    return doc.save(tmp_path_factory.mktemp("md") / "markdown.docx")


def test_a_lead_in_line_then_nested_lists(written: Path) -> None:
    items = [[kind.split(":")[0], text] for kind, text in body(open_docx(written))]
    assert items[:7] == [
        ["p", "本月分三步推进："],
        ["bullets", "第一步，锁定目标客户"], ["bullets", "医疗器械"], ["bullets", "医药"], ["bullets", "第二步，逐一拜访"],
        ["list", "先约访"], ["list", "再报价"],
    ]


def test_nested_items_sit_further_in_and_count_apart(written: Path) -> None:
    paragraphs = open_docx(written).paragraphs[1:5]
    indents = [p.paragraph_format.left_indent for p in paragraphs]
    assert indents[0] is None and indents[3] is None and indents[1] == indents[2] and indents[1] > 0
    num_ids = [p._p.pPr.numPr.numId.val for p in paragraphs]
    assert num_ids[0] == num_ids[3] != num_ids[1] == num_ids[2]


def test_emphasis_becomes_bold_and_italic_runs(written: Path) -> None:
    document = open_docx(written)
    assert [r.text for r in document.paragraphs[1].runs if r.bold] == ["锁定"]
    assert [r.text for r in document.paragraphs[4].runs if r.italic] == ["逐一"]


def test_only_safe_links_keep_their_target(written: Path) -> None:
    document = open_docx(written)
    paragraph = document.paragraphs[7]
    links = paragraph._p.findall(qn("w:hyperlink"))
    targets = [document.part.rels[link.get(qn("r:id"))].target_ref for link in links]
    assert targets == ["https://example.com/list", "tel:400800"]
    # markdown-it refuses a javascript: target outright, so the text stays as typed, as on the site
    assert "".join(t.text for t in paragraph._p.iter(qn("w:t"))) == "详见客户名单，[别点](javascript:alert(1))，电话 400-800。"


def test_line_breaks(written: Path) -> None:
    paragraph = open_docx(written).paragraphs[8]
    assert paragraph.text == "第一行\n第二行接着中文换行不加空格。"


def test_lookalike_blanks_are_highlighted_like_xx(written: Path) -> None:
    assert highlighted(open_docx(written)) == ["ＸＸ", "xx", "X", "XXX"]


def test_a_long_breakdown_is_charted_as_its_largest_rows_and_the_rest(tmp_path: Path) -> None:
    from generator.docx.blocks import chart_bars
    from generator.models.plan import Breakdown

    rows = [{"name": f"区域 {n}", "amount": 1000 + n} for n in range(200)]
    breakdown = Breakdown.model_validate({"title": "按区域分解", "dimension": "region", "total": sum(r["amount"] for r in rows), "unit": "元", "rows": rows})
    bars = chart_bars(breakdown)
    assert [bar.label for bar in bars] == [f"区域 {n}" for n in range(193, 200)] + ["其他"]
    assert bars[-1].text == "211,528 元（96.5%）"  # the table's shares of the rows it stands for, so the chart adds up to 100.0% too
    assert bars[0].text == "1,193 元（0.5%）"
    height = Image.open(io.BytesIO(bar_chart(bars))).height
    assert height < 4 * 120  # under four inches at 120 dpi, however many rows


def test_emoji_are_left_out_of_charts_not_drawn_as_boxes() -> None:
    assert drawable("华东区🚀 冲刺") == "华东区 冲刺"
    assert bar_chart([Bar("华东区🚀", 1.0, "1 元（100.0%）")]).startswith(b"\x89PNG")
