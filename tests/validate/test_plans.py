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


def _replace_block(path: Path, key: str, text: str) -> None:
    """Replace the top-level block `key:` of a plan file (up to the next top-level key) with `text`."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "\n", "")), len(lines))
    path.write_text("".join(lines[:start]) + text + "".join(lines[end:]), encoding="utf-8")


TWO_TABLES = """breakdowns:
  - title: 按区域分解
    dimension: region
    total: 1500000
    unit: 元
    rows:
      - name: 华东区
        amount: 900000
      - name: 华南区
        amount: 600000
  - title: 按产品线分解
    dimension: product_line
    total: 1450000
    unit: 元
    rows:
      - name: 设备云
        amount: 1000000
      - name: 边缘网关
        amount: 450000
"""


def test_every_breakdown_agrees_with_the_target_across_units(minimal: Path) -> None:
    plan = minimal / "content/plans/demo-plan.yaml"
    _replace_block(plan, "breakdowns", TWO_TABLES)
    edit(plan, "      value: 3000000\n      unit: 元", "      value: 150\n      unit: 万元")
    run = salesbook("check", cwd=minimal)
    assert run.lines == ["content/plans/demo-plan.yaml:22:12: breakdowns[1].total: 「按产品线分解」的总额 1,450,000 元，与目标「月度销售额」的 150 万元不一致（少 50,000 元）"]
    assert run.code == 1


def test_tables_of_one_measure_agree_without_a_target(minimal: Path) -> None:
    plan = minimal / "content/plans/demo-plan.yaml"
    _replace_block(plan, "breakdowns", TWO_TABLES.replace("unit: 元\n    rows:\n      - name: 华东区", "unit: 元\n    rows:\n      - name: 华东区", 1))
    _replace_block(plan, "targets", "")
    run = salesbook("check", cwd=minimal)
    assert "content/plans/demo-plan.yaml:22:12: breakdowns[1].total: 「按产品线分解」的总额 1,450,000 元，与表「按区域分解」的 1,500,000 元不一致（少 50,000 元）" in run.lines


def test_a_per_person_table_names_the_target_it_breaks_down(minimal: Path) -> None:
    plan = minimal / "content/plans/demo-plan.yaml"
    _replace_block(plan, "breakdowns", """breakdowns:
  - title: 新客户按人分解
    dimension: person
    target: 新客户开发
    total: 70
    unit: 家
    rows:
      - name: 张明
        amount: 40
      - name: 李强
        amount: 30
""")
    edit(plan, "      unit: 元\nroutines:", "      unit: 元\n  customer:\n    - name: 新客户开发\n      value: 80\n      unit: 家\nroutines:")
    run = salesbook("check", cwd=minimal)
    assert run.lines == ["content/plans/demo-plan.yaml:14:12: breakdowns[0].total: 「新客户按人分解」的总额 70 家，与目标「新客户开发」的 80 家不一致（少 10 家）"]
    edit(plan, "target: 新客户开发", "target: 新客户")
    run = salesbook("check", cwd=minimal)
    assert run.lines == ["content/plans/demo-plan.yaml:13:13: breakdowns[0].target: 没有名为「新客户」的目标；本计划的目标有：「月度销售额」、「新客户开发」"]


def test_units_that_cannot_be_compared(minimal: Path) -> None:
    plan = minimal / "content/plans/demo-plan.yaml"
    edit(plan, "    unit: 元\n    rows:", "    target: 新客户开发\n    unit: 元\n    rows:")
    edit(plan, "      unit: 元\nroutines:", "      unit: 元\n  customer:\n    - name: 新客户开发\n      value: 80\n      unit: 家\nroutines:")
    run = salesbook("check", "--lang", "en", cwd=minimal)
    assert run.lines == ["content/plans/demo-plan.yaml:13:12: breakdowns[0].total: 「按区域分解」 counts in “元” but 目标「新客户开发」 counts in “家”, so they cannot be reconciled; use one unit (money: 元, 千元, 万元, 百万元, 亿元)"]


@pytest.mark.parametrize("blank", ["ＸＸ", "xx", "X", "XXX"])
def test_lookalike_blanks_are_warned_about(minimal: Path, blank: str) -> None:
    edit(minimal / "content/plans/demo-plan.yaml", "summary: 三月是一季度的收官月", f"summary: 三月目标 {blank} 万元，是一季度的收官月")
    run = salesbook("check", cwd=minimal)
    assert run.lines == [f"content/plans/demo-plan.yaml:27:10: 警告: summary: `{blank}` 像是待填写的空白：未知的数字请统一写 XX（两个半角大写字母），Word 文档会以黄色标出，check 也会跳过含 XX 的合计"]
    assert run.code == 0


def test_a_blank_inside_a_word_is_no_blank(minimal: Path) -> None:
    edit(minimal / "content/plans/demo-plan.yaml", "summary: 三月是一季度的收官月", "summary: XXL 码工装和 X1 系列是三月是一季度的收官月")
    assert salesbook("check", cwd=minimal).lines == []


def test_c1_control_characters_are_refused(minimal: Path) -> None:
    edit(minimal / "content/plans/demo-plan.yaml", "summary: 三月是一季度的收官月，按区域把目标拆到人。", 'summary: "三月\\x85是一季度的收官月"')
    run = salesbook("check", cwd=minimal)
    assert any("U+0085" in line for line in run.lines), run.lines


BATTLE_MAP = """battle_map:
  unit: 万元
  battles:
    - name: 月初冲刺周
      days: 1–10 日
      cumulative: 120
    - name: 攻坚周
      days: 11–20 日
      cumulative: 110
    - name: 收尾周
      days: 21–25 日
      cumulative: 290
"""


def test_a_battle_map_climbs_to_the_months_target(minimal: Path) -> None:
    plan = minimal / "content/plans/demo-plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + BATTLE_MAP, encoding="utf-8")
    run = salesbook("check", cwd=minimal)
    assert run.lines == [
        "content/plans/demo-plan.yaml:48:19: battle_map.battles[1].cumulative: 累计目标 110 万元 比上一个战役的 120 万元 还少：累计目标只能逐段增加",
        "content/plans/demo-plan.yaml:51:19: battle_map.battles[2].cumulative: 最后一个战役「收尾周」的累计目标 290 万元，与目标「月度销售额」的 3,000,000 元不一致（少 100,000 元）",
    ]
