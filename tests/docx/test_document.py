"""Every generated .docx read back with python-docx: structure, tables, highlighting, typography."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from docx.oxml.ns import qn

from generator.models.common import PLACEHOLDER
from generator.present import FULL_SHARE, amount, percent, shares
from tests.docx.conftest import Rendered
from tests.helpers import REPO_ROOT
from tests.docx.structure import body, fields, headings, highlighted, open_docx, tables, toc_entry

DEMO_HEADINGS = {
    "2027-03-monthly-battle": ["导言", "第一部分　核心成果指标", "第二部分　过程指标与行动计划", "第三部分　绩效考核指标",
                               "第四部分　数据驱动的管理机制与资源支持", "第五部分　激励方案", "第六部分　风险预案",
                               "第七部分　月度运行图示", "第八部分　总结与执行", "结语"],
    "2027-east-kpi": ["导言", "第一部分　核心成果指标", "第二部分　过程指标与行动计划", "第三部分　绩效考核指标",
                      "第四部分　数据驱动的管理机制与资源支持", "第五部分　激励方案", "第六部分　风险预案", "结语"],
    "2027-company-strategic": ["前言", "第一部分　市场环境与自我定位分析（SWOT 分析）", "第二部分　年度销售核心目标",
                               "第三部分　具体行动策略与实施计划", "第四部分　团队考核与激励", "第五部分　预算、资源需求与风险控制", "结语"],
    "2027-enablement": ["核心理念", "第一部分　赋能目标", "第二部分　分阶段行动计划", "第三部分　长期机制：技能评估、知识库与陪访辅导",
                        "第四部分　激励与考核", "第五部分　预算、资源与风险", "结语"],
    "2027-southwest-expansion": ["背景与机遇", "第一部分　战略目标与衡量标准", "第二部分　组织架构与团队准备",
                                 "第三部分　分阶段行动计划（时间轴）", "第四部分　资源保障与跨部门协作", "结论"],
    "2027-account-deepening": ["引言", "第一部分　存量经营目标", "第二部分　客户健康度与 ABC 分层", "第三部分　分层深耕策略",
                               "第四部分　团队与考核体系调整", "第五部分　资源与风险", "结语"],
}
HEADING_NUMBER = {2: r"[一二三四五六七八九十]+、", 3: r"（[一二三四五六七八九十]+）"}


@pytest.mark.parametrize("plan_id", sorted(DEMO_HEADINGS))
def test_parts_come_in_the_archetype_order(rendered: Rendered, plan_id: str) -> None:
    assert headings(open_docx(rendered.plan_docs[plan_id]), level=1) == DEMO_HEADINGS[plan_id]


def test_every_archetype_has_a_demo_plan(rendered: Rendered) -> None:
    assert {plan.archetype for plan in rendered.plans.values()} == set(rendered.archetypes)


@pytest.mark.parametrize("archetype_id", ["strategic", "kpi", "enablement", "expansion", "account"])
def test_blank_draft_shows_every_part_with_guidance(rendered: Rendered, archetype_id: str) -> None:
    archetype = rendered.archetypes[archetype_id]
    items = body(open_docx(rendered.blank_docs[archetype_id]))
    expected, number = [], 0
    sections = archetype.sections_for("2027")  # a blank draft is a yearly plan: no monthly battle map
    for section in sections:
        number += section.numbered
        expected.append(f"第{'一二三四五六七八九'[number - 1]}部分　{section.heading}" if section.numbered else section.heading)
    assert [text for kind, text in items if kind == "h1"] == expected
    assert [text for kind, text in items if kind == "guidance"] == [f"编写提示：{s.guidance}" for s in sections]


@pytest.mark.parametrize("plan_id", sorted(DEMO_HEADINGS))
def test_sub_headings_are_numbered_in_chinese(rendered: Rendered, plan_id: str) -> None:
    items = body(open_docx(rendered.plan_docs[plan_id]))
    for level, pattern in HEADING_NUMBER.items():
        texts = [text for kind, text in items if kind == f"h{level}"]
        assert all(re.match(pattern, text) for text in texts), texts


def test_sub_heading_numbers_restart_in_each_part(rendered: Rendered) -> None:
    items = body(open_docx(rendered.plan_docs["2027-03-monthly-battle"]))
    firsts = [items[i + 1][1] for i, (kind, _) in enumerate(items[:-1]) if kind == "h1" and items[i + 1][0] == "h2"]
    assert firsts and all(text.startswith("一、") for text in firsts)


@pytest.mark.parametrize("plan_id", sorted(DEMO_HEADINGS))
def test_breakdown_tables_add_up_with_computed_shares(rendered: Rendered, plan_id: str) -> None:
    plan = rendered.plans[plan_id]
    found = tables(open_docx(rendered.plan_docs[plan_id]))
    for breakdown in plan.breakdowns:
        table = next(t for t in found if t[0][1] == f"金额（{breakdown.unit}）" and [r[0] for r in t[1:-1]] == [r.name for r in breakdown.rows])
        assert table[-1][:3] == ["合计", amount(breakdown.total), FULL_SHARE]
        column = shares([r.amount for r in breakdown.rows])
        assert [row[1:3] for row in table[1:-1]] == [[amount(r.amount), p] for r, p in zip(breakdown.rows, column, strict=True)]
        assert sum(Fraction(row[2].rstrip("%")) for row in table[1:-1]) == 100


def test_monthly_plan_carries_the_seed_breakdowns(rendered: Rendered) -> None:
    found = tables(open_docx(rendered.plan_docs["2027-03-monthly-battle"]))
    by_product = next(t for t in found if t[0][0] == "产品线")
    by_region = next(t for t in found if t[0][0] == "区域")
    assert [row[1:3] for row in by_product[1:]] == [["1,200,000", "40.0%"], ["900,000", "30.0%"], ["600,000", "20.0%"], ["300,000", "10.0%"],
                                                    ["3,000,000", "100.0%"]]
    # 27.33 + 18.33 + 19.33 + 35.0 rounds to 99.9: the missing tenth goes to the largest of the tied remainders
    assert [row[:3] for row in by_region[1:]] == [["华东区", "1,050,000", "35.0%"], ["华南区", "820,000", "27.4%"], ["西南区", "550,000", "18.3%"],
                                                  ["北方区", "580,000", "19.3%"], ["合计", "3,000,000", "100.0%"]]


@pytest.mark.parametrize("plan_id", sorted(DEMO_HEADINGS))
def test_kpi_tables_total_one_hundred_percent(rendered: Rendered, plan_id: str) -> None:
    plan = rendered.plans[plan_id]
    kpi_tables = [t for t in tables(open_docx(rendered.plan_docs[plan_id])) if t[0][:2] == ["考核指标", "权重"]]
    assert len(kpi_tables) == len(plan.kpis)
    for table, kpi_set in zip(kpi_tables, plan.kpis, strict=True):
        assert [row[1] for row in table[1:-1]] == [percent(i.weight) for i in kpi_set.items]
        assert table[-1][:2] == ["合计", "100%"]


def test_budget_and_incentive_tables(rendered: Rendered) -> None:
    found = tables(open_docx(rendered.plan_docs["2027-company-strategic"]))
    budget = next(t for t in found if t[0][0] == "费用科目")
    assert budget[-1][:3] == ["合计", "2,600", "100.0%"]
    assert budget[1][:3] == ["市场推广费", "780", "30.0%"]
    incentives = next(t for t in tables(open_docx(rendered.plan_docs["2027-03-monthly-battle"])) if t[0] == ["奖项", "奖励", "达标条件"])
    assert incentives[4][:2] == ["重大突破奖", "¥20,000"]


@pytest.mark.parametrize("plan_id", sorted(DEMO_HEADINGS))
def test_every_placeholder_is_highlighted(rendered: Rendered, plan_id: str) -> None:
    document = open_docx(rendered.plan_docs[plan_id])
    marked = highlighted(document)
    assert set(marked) <= {PLACEHOLDER}
    in_plan = (REPO_ROOT / "content" / "plans" / f"{plan_id}.yaml").read_text(encoding="utf-8").count(PLACEHOLDER)
    assert len(marked) >= in_plan
    unmarked = "".join(text for kind, text in _flat_texts(document))
    assert PLACEHOLDER not in re.sub(r"⟦XX⟧", "", unmarked)


def test_a_draft_with_blanks_marks_them_and_its_shares(rendered: Rendered) -> None:
    budget = next(t for t in tables(open_docx(rendered.blank_docs["strategic"])) if t[0][0] == "费用科目")
    assert budget[1][:3] == ["市场推广费", "⟦XX⟧", "⟦XX⟧"]
    assert budget[-1][:3] == ["合计", "⟦XX⟧", "⟦XX⟧"]


@pytest.mark.parametrize("archetype_id", ["strategic", "kpi", "enablement", "expansion", "account"])
def test_blank_draft_marks_every_figure(rendered: Rendered, archetype_id: str) -> None:
    document = open_docx(rendered.blank_docs[archetype_id])
    marked = highlighted(document)
    assert marked and set(marked) == {PLACEHOLDER}
    archetype = rendered.archetypes[archetype_id]
    assert len(marked) >= str(archetype.scaffold).count(PLACEHOLDER)
    assert not [p for p in document.inline_shapes]  # no chart without figures


def test_styles_name_east_asian_fonts_without_theme_fonts(rendered: Rendered) -> None:
    document = open_docx(rendered.plan_docs["2027-03-monthly-battle"])
    styles = document.styles.element
    assert "Theme" not in "".join(styles.xpath("//w:rFonts/@*[contains(local-name(), 'Theme') or contains(local-name(), 'theme')]"))
    assert not styles.xpath("//w:rFonts[@w:asciiTheme or @w:eastAsiaTheme or @w:hAnsiTheme or @w:cstheme]")
    assert not document.element.xpath("//w:rFonts[@w:asciiTheme or @w:eastAsiaTheme or @w:hAnsiTheme or @w:cstheme]")
    east_asian = {name: _east_asian_font(document, name) for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Title", "Table Text")}
    assert east_asian == {"Normal": "宋体", "Heading 1": "黑体", "Heading 2": "黑体", "Heading 3": "黑体", "Title": "黑体", "Table Text": "宋体"}
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 12
    assert normal.paragraph_format.line_spacing == 1.5
    indent = normal.element.pPr.find(qn("w:ind"))
    assert indent.get(qn("w:firstLineChars")) == "200"
    assert styles.xpath("//w:docDefaults//w:lang/@w:eastAsia") == ["zh-CN"]


@pytest.mark.parametrize("plan_id", sorted(DEMO_HEADINGS))
def test_a4_page_header_with_title_footer_with_page_fields(rendered: Rendered, plan_id: str) -> None:
    document = open_docx(rendered.plan_docs[plan_id])
    cover, contents, section = document.sections
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert section.header.paragraphs[0].text == rendered.plans[plan_id].title
    assert fields(section.footer._element) == ["PAGE", "SECTIONPAGES"]
    assert re.fullmatch(r"第 1 页  共 \d+ 页", section.footer.paragraphs[0].text)  # the body's page count, from the rendering
    assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1" and not section.different_first_page_header_footer
    assert cover._sectPr.find(qn("w:headerReference")) is None and cover._sectPr.find(qn("w:footerReference")) is None
    assert contents._sectPr.find(qn("w:footerReference")) is None  # no page number before the body


@pytest.mark.parametrize("plan_id", sorted(DEMO_HEADINGS))
def test_table_of_contents_lists_the_headings_before_any_update(rendered: Rendered, plan_id: str) -> None:
    document = open_docx(rendered.plan_docs[plan_id])
    items = body(document)
    toc = [text for kind, text in items if kind.startswith("toc") and kind != "toc-heading"]
    assert toc == [text for kind, text in items if kind in ("h1", "h2")]
    instructions = fields(document.element.body)
    assert instructions[0] == 'TOC \\o "1-2" \\h \\z \\u'
    assert instructions[1].startswith("PAGEREF _Toc")
    pages = [toc_entry(p)[1] for p in document.paragraphs if p.style.name.startswith("toc")]
    assert pages[0] == "1" and all(page.isdigit() for page in pages)  # numbered as delivered
    assert [int(p) for p in pages] == sorted(int(p) for p in pages)
    assert document.settings.element.xpath("w:updateFields") == []  # nothing for Word to ask about on opening


def test_cover_page(rendered: Rendered) -> None:
    items = body(open_docx(rendered.plan_docs["2027-03-monthly-battle"]))
    assert items[:2] == [["title", "2027 年 3 月中小客户销售部月度作战方案"], ["subtitle", "销售工作计划 · 数据驱动、KPI导向型"]]
    assert items[2] == ["table", [["公　　司：", "澜拓智能科技有限公司"], ["团　　队：", "中小客户销售部（华东、华南、西南、北方四个区域组）"],
                                  ["负 责 人：", "郑海涛（中小客户销售部销售主管）"], ["计 划 期：", "2027 年 3 月"], ["编制日期：", "2026 年 11 月 20 日"],
                                  ["文件编号：", "LT-XS-2027-03-001"], ["版　　本：", "V1.0"]]]


def test_approval_block_closes_a_plan_that_has_one(rendered: Rendered) -> None:
    items = body(open_docx(rendered.plan_docs["2027-03-monthly-battle"]))
    assert items[-1] == ["table", [["环节", "姓名", "签字", "日期"], ["编制", "郑海涛（中小客户销售部销售主管）", "", "2026 年 11 月 20 日"],
                                   ["审核", "销售运营经理", "", "2026 年 11 月 24 日"], ["批准", "销售总监", "", "年　　月　　日"]]]
    assert all(item[0] != "table" or item[1][0][0] != "环节" for item in body(open_docx(rendered.plan_docs["2027-east-kpi"])))


def test_the_monthly_battle_map_takes_a_page_with_its_chart_and_table(rendered: Rendered) -> None:
    items = body(open_docx(rendered.plan_docs["2027-03-monthly-battle"]))
    start = items.index(["h1", "第七部分　月度运行图示"])
    assert [kind for kind, _ in items[start + 1:start + 5]] == ["picture", "caption", "caption", "table"]
    table = items[start + 4][1]
    assert table[0] == ["战役", "日期", "重点", "累计目标（万元）", "完成进度"]
    assert [row[1] for row in table[1:]] == ["1–5 日", "6–10 日", "11–15 日", "16–20 日", "21–25 日"]
    assert [row[3:] for row in table[1:]] == [["45", "15.0%"], ["110", "36.7%"], ["180", "60.0%"], ["250", "83.3%"], ["300", "100.0%"]]


@pytest.mark.parametrize("plan_id", sorted(DEMO_HEADINGS))
def test_each_numbered_list_restarts_at_one(rendered: Rendered, plan_id: str) -> None:
    document = open_docx(rendered.plan_docs[plan_id])
    numbering = document.part.numbering_part.element
    style_num = int(document.styles["List Number"].element.pPr.numPr.numId.val)
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    list_ids = [int(kind.split(":")[1]) for kind, _ in body(document) if kind.startswith("list:")]
    runs = [key for i, key in enumerate(list_ids) if i == 0 or list_ids[i - 1] != key]
    assert len(runs) == len(set(runs)) > 1  # every list has its own numbering instance
    for num_id in set(runs):
        num = numbering.num_having_numId(num_id)
        assert num.abstractNumId.val == abstract
        assert num.xpath("w:lvlOverride[@w:ilvl='0']/w:startOverride/@w:val") == ["1"]


def test_breakdowns_are_charted_as_pictures(rendered: Rendered) -> None:
    for plan_id, plan in rendered.plans.items():
        shapes = open_docx(rendered.plan_docs[plan_id]).inline_shapes
        charted = [b for b in plan.breakdowns if PLACEHOLDER not in [r.amount for r in b.rows]]
        assert len(shapes) == len(charted) + (plan.battle_map is not None), plan_id
    document = open_docx(rendered.plan_docs["2027-03-monthly-battle"])
    images = [rel.target_part for rel in document.part.rels.values() if "image" in rel.reltype]
    assert [part.content_type for part in images] == ["image/png"] * 3
    assert all(part.blob.startswith(b"\x89PNG") for part in images)


def test_core_properties(rendered: Rendered) -> None:
    properties = open_docx(rendered.plan_docs["2027-east-kpi"]).core_properties
    assert (properties.title, properties.subject, properties.author) == ("华东区 2027 年数据驱动 KPI 管理计划", "数据驱动、KPI导向型", "王磊（华东区销售主管）")
    assert properties.language == "zh-CN"


def _east_asian_font(document, style_name: str) -> str | None:
    style = document.styles[style_name]
    while style is not None:
        fonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None else None
        if fonts is not None and fonts.get(qn("w:eastAsia")):
            return fonts.get(qn("w:eastAsia"))
        style = style.base_style
    return None


def _flat_texts(document) -> list[tuple[str, str]]:
    items = []
    for kind, content in body(document):
        if kind == "table":
            items += [("cell", cell) for row in content for cell in row]
        elif isinstance(content, str) and kind != "guidance":  # guidance may name the XX convention
            items.append((kind, content))
    return items
