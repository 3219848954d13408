"""Plan checks: the seed's own slip (daily-tracking weights of 70 %) and the archetype's required blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import edit, salesbook

SEED_DAILY_TRACKING = """kpis:
  - title: 日常跟踪
    items:
      - name: 客户开发：留存客户
        weight: 15
      - name: 过程管理：跟进客户数 ≥ 50
        weight: 20
      - name: 行动执行：销售计划完成率 ≥ 80%
        weight: 25
      - name: 社交媒体互动：日均阅读量 ≥ 1000
        weight: 10
"""
"""Seed 004's “日常跟踪” table: 15 % + 20 % + 25 % + 10 % = 70 %."""


def test_the_seed_weights_that_add_up_to_70_percent(minimal: Path) -> None:
    plan = minimal / "content/plans/demo-plan.yaml"
    text = plan.read_text(encoding="utf-8")
    start, end = text.index("kpis:"), text.index("summary:")
    plan.write_text(text[:start] + SEED_DAILY_TRACKING + text[end:], encoding="utf-8")
    run = salesbook("check", cwd=minimal)
    assert run.lines == ["content/plans/demo-plan.yaml:22:5: kpis[0].items: 权重合计为 70%，应为 100%"]
    assert run.code == 1


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param("routines:\n  - name: 每日站会\n    detail: 每天 8:45，十五分钟。\n", "",
                 "content/plans/demo-plan.yaml:5:12: 警告: routines: 计划范式「数据驱动、KPI导向型」要求填写此项，文档中会以黄色标出待填写", id="missing-block"),
    pytest.param("archetype: kpi", "archetype: account",
                 "content/plans/demo-plan.yaml:5:12: 警告: tiers: 计划范式「客户关系、存量深耕导向型」要求填写此项，文档中会以黄色标出待填写", id="other-archetype"),
])
def test_required_blocks_of_the_archetype(minimal: Path, old: str, new: str, expected: str) -> None:
    edit(minimal / "content/plans/demo-plan.yaml", old, new)
    run = salesbook("check", cwd=minimal)
    assert expected in run.lines
    assert run.code == 0


def test_english(minimal: Path) -> None:
    edit(minimal / "content/plans/demo-plan.yaml", "routines:\n  - name: 每日站会\n    detail: 每天 8:45，十五分钟。\n", "")
    run = salesbook("check", "--lang", "en", cwd=minimal)
    assert run.lines == ["content/plans/demo-plan.yaml:5:12: warning: routines: the 数据驱动、KPI导向型 archetype needs this block; the document marks it in yellow as still to fill"]


MONTHLY_WEEKS = """breakdowns:
  - title: 按周分解
    dimension: week
    total: 3000000
    unit: 元
    rows:
""" + "".join(f"      - name: 第{n}周\n        amount: 500000\n" for n in "一二三四五六")


def test_a_month_has_at_most_five_weeks(minimal: Path) -> None:
    plan = minimal / "content/plans/demo-plan.yaml"
    text = plan.read_text(encoding="utf-8")
    start, end = text.index("breakdowns:"), text.index("kpis:")
    plan.write_text(text[:start] + MONTHLY_WEEKS + text[end:], encoding="utf-8")
    run = salesbook("check", cwd=minimal)
    assert run.lines == ["content/plans/demo-plan.yaml:12:16: breakdowns[0].dimension: 一个月最多分 5 周，这里有 6 行（计划期 2027-03）"]


def test_a_quarter_has_three_months(minimal: Path) -> None:
    edit(minimal / "content/plans/demo-plan.yaml", "period: 2027-03", "period: 2027-Q1")
    edit(minimal / "content/plans/demo-plan.yaml", "dimension: region", "dimension: month")
    plan = minimal / "content/plans/demo-plan.yaml"
    text = plan.read_text(encoding="utf-8")
    rows = "".join(f"      - name: {m} 月\n        amount: 750000\n" for m in range(1, 5))
    start, end = text.index("    rows:\n") + len("    rows:\n"), text.index("kpis:")
    plan.write_text(text[:start] + rows + text[end:], encoding="utf-8")
    run = salesbook("check", cwd=minimal)
    assert run.lines == ["content/plans/demo-plan.yaml:12:16: breakdowns[0].dimension: 计划期 2027-Q1 最多 3 个月，这里有 4 行"]
