"""Every draft has every part of its archetype in seed 000 (篇一–篇五), in the seed's order.

Seed 000 gives five sample plans; each archetype names their parts its own way (篇三's four
阶段 are one part, 分阶段行动计划, here). Whatever a draft holds — a blank draft, a demo
plan, a fresh `salesbook plan new` — each of these parts is there: filled, or marked 待填写
with its guidance.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from generator.archetypes import ARCHETYPE_IDS, load_archetypes
from generator.scaffold.plan import scaffold_data
from generator.docx import reference_path
from generator.docx.render import render_plan
from generator.models.plan import Plan
from tests.docx.conftest import Rendered
from tests.docx.structure import body, headings, open_docx
from tests.helpers import REPO_ROOT

SEED_000 = {
    "strategic": [("前言", "前言"), ("第一部分：市场环境与自我定位分析（SWOT分析）", "市场环境与自我定位分析（SWOT 分析）"),
                  ("第二部分：年度销售核心目标", "年度销售核心目标"), ("第三部分：具体行动策略与实施计划", "具体行动策略与实施计划"),
                  ("第四部分：团队建设与管理", "团队考核与激励"), ("第五部分：预算、资源需求与风险控制", "预算、资源需求与风险控制"),
                  ("（结束语）", "结语")],
    "kpi": [("导言", "导言"), ("第一章：核心成果指标（KR）设定", "核心成果指标"), ("第二章：过程性关键绩效指标监控", "过程指标与行动计划"),
            ("第三章：团队个人绩效指标", "绩效考核指标"), ("第四章：数据驱动的管理行动计划", "数据驱动的管理机制与资源支持"),
            ("第五章：激励与文化建设", "激励方案"), ("结语", "结语")],
    "enablement": [("核心理念", "核心理念"), ("第一至第四阶段", "分阶段行动计划"),
                   ("第一、二阶段中的知识库与“陪访-复盘-辅导”循环", "长期机制：技能评估、知识库与陪访辅导"),
                   ("第三阶段：激励机制创新与文化塑造", "激励与考核"), ("结语", "结语")],
    "expansion": [("背景与机遇", "背景与机遇"), ("第一部分：战略目标与衡量标准", "战略目标与衡量标准"),
                  ("第二部分：组织架构与团队准备", "组织架构与团队准备"), ("第三部分：分阶段行动计划（时间轴）", "分阶段行动计划（时间轴）"),
                  ("第四部分：资源保障与跨部门协作", "资源保障与跨部门协作"), ("结论", "结论")],
    "account": [("引言", "引言"), ("第一章：客户资产盘点与分层管理", "客户健康度与 ABC 分层"),
                ("第二章至第四章：A/B/C 类客户", "分层深耕策略"), ("第五章：团队与考核体系的适配性调整", "团队与考核体系调整"),
                ("结语", "结语")],
}
"""Seed 000's parts per archetype, and the archetype's name for each."""

NUMBER = re.compile(r"^第[一二三四五六七八九十]+部分　")
DEMO_PLANS = {"strategic": "2027-company-strategic", "kpi": "2027-east-kpi", "enablement": "2027-enablement",
              "expansion": "2027-southwest-expansion", "account": "2027-account-deepening"}


def parts(path: Path) -> list[str]:
    return [NUMBER.sub("", text) for text in headings(open_docx(path), level=1)]


def assert_seed_parts(found: list[str], archetype_id: str) -> None:
    expected = [ours for _, ours in SEED_000[archetype_id]]
    assert [p for p in found if p in expected] == expected, found


@pytest.fixture(scope="module")
def new_drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The Word draft of a fresh `plan new` scaffold per archetype, for a year and for a month."""
    out = tmp_path_factory.mktemp("new")
    drafts = {}
    for archetype in load_archetypes(REPO_ROOT):
        for period in ("2027", "2027-03"):
            data = scaffold_data(archetype, f"new-{archetype.id}", "华东区", period, "演示公司", date(2026, 12, 1))
            doc = render_plan(Plan.model_validate(data), archetype, reference_path(REPO_ROOT, None))
            drafts[f"{archetype.id}-{period}"] = doc.save(out / f"{archetype.id}-{period}.docx")
    return drafts


@pytest.mark.parametrize("archetype_id", ARCHETYPE_IDS)
def test_blank_draft_has_the_seed_parts_in_order(rendered: Rendered, archetype_id: str) -> None:
    assert_seed_parts(parts(rendered.blank_docs[archetype_id]), archetype_id)


@pytest.mark.parametrize("archetype_id", ARCHETYPE_IDS)
def test_demo_plan_has_the_seed_parts_in_order(rendered: Rendered, archetype_id: str) -> None:
    assert_seed_parts(parts(rendered.plan_docs[DEMO_PLANS[archetype_id]]), archetype_id)


@pytest.mark.parametrize("archetype_id", ARCHETYPE_IDS)
@pytest.mark.parametrize("period", ["2027", "2027-03"])
def test_plan_new_draft_has_every_part_of_its_archetype(new_drafts: dict[str, Path], archetype_id: str, period: str) -> None:
    found = parts(new_drafts[f"{archetype_id}-{period}"])
    assert_seed_parts(found, archetype_id)
    archetype = next(a for a in load_archetypes(REPO_ROOT) if a.id == archetype_id)
    assert found == [s.heading for s in archetype.sections_for(period)]
    items = body(open_docx(new_drafts[f"{archetype_id}-{period}"]))
    assert not any(kind == "p" and text.startswith("⟦（待填写") for kind, text in items), "a new plan's scaffold fills every part"


def test_the_monthly_kpi_draft_ends_with_the_battle_map_and_execution(new_drafts: dict[str, Path]) -> None:
    assert parts(new_drafts["kpi-2027-03"])[-3:] == ["月度运行图示", "总结与执行", "结语"]
    assert "月度运行图示" not in parts(new_drafts["kpi-2027"])


def test_expansion_sets_the_overall_target_before_its_okrs(rendered: Rendered) -> None:
    items = body(open_docx(rendered.blank_docs["expansion"]))
    subheads = [text for kind, text in items if kind == "h2"]
    assert subheads.index("一、总体目标") < subheads.index("二、可量化的关键结果（OKR）")


def test_the_foreword_counts_the_parts_it_has(rendered: Rendered) -> None:
    items = body(open_docx(rendered.plan_docs["2027-company-strategic"]))
    outline = next(text for kind, text in items if isinstance(text, str) and text.startswith("本计划共"))
    numbered = [text for kind, text in items if kind == "h1" and NUMBER.match(text)]
    assert outline.startswith(f"本计划共{'一二三四五六七八九'[len(numbered) - 1]}个部分：第一部分，")
    assert all(NUMBER.sub("", h) in outline for h in numbered)
