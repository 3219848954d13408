"""A supervisor's work plan: the data blocks an archetype lays out as a document.

The five archetypes (templates/archetypes/) decide which blocks a plan needs and
in which sections they render; here are only the blocks themselves. A figure not
yet known is written `XX`.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Literal

from pydantic import Field

from generator.models.common import Visibility, Amount, IsoDate, Item, Markdown, Model, NamedText, Percent, Period, Risk, Text

Archetype = Literal["strategic", "kpi", "enablement", "expansion", "account"]
Dimension = Literal["quarter", "month", "week", "product_line", "region", "industry", "team", "person"]


class Target(Model):
    """One target figure."""

    name: Text = Field(description="目标名称，如“全年销售总额”")
    value: Amount = Field(description="目标值，未知时写 XX")
    unit: Text = Field(description="单位，如“万元”、“%”、“家”")
    stretch: Amount | None = Field(default=None, description="挑战值（可选）")
    note: Text | None = Field(default=None, description="说明或口径")


class Targets(Model):
    """Targets grouped the way the plan presents them."""

    financial: list[Target] = Field(default_factory=list, description="财务目标：销售额、增长率、毛利率、回款")
    market: list[Target] = Field(default_factory=list, description="市场目标：占有率、新区域、新渠道")
    customer: list[Target] = Field(default_factory=list, description="客户目标：新客户、满意度、复购率、流失率")
    team: list[Target] = Field(default_factory=list, description="团队目标：人数、培训、能力提升")


class BreakdownRow(Model):
    """One row of a breakdown: a part and its amount."""

    name: Text = Field(description="分解项，如“第一季度”、“华东区”")
    amount: Amount = Field(description="金额，未知时写 XX")
    owner: Text | None = Field(default=None, description="负责人")
    note: Text | None = Field(default=None, description="备注")


class Breakdown(Model):
    """A total broken down by one dimension; the rows must add up to the total."""

    title: Text = Field(description="表格标题，如“按产品线分解”")
    dimension: Dimension = Field(description="分解维度：quarter、month、week、product_line、region、industry、team、person")
    total: Amount = Field(description="被分解的总额")
    unit: Text = Field(description="金额单位，如“元”、“万元”")
    target: Text | None = Field(default=None, description="分解的是哪个目标（写 targets 中该目标的 name）；不写则为财务目标中第一个以金额计的目标，总额必须与它相等（元、万元可混用）")
    rows: list[BreakdownRow] = Field(min_length=1, description="分解行，合计必须等于总额")


class KpiItem(Model):
    """One KPI and its weight in the assessment."""

    name: Text = Field(description="考核指标")
    weight: Percent = Field(description="权重（%），同一组合计必须为 100")
    target: Text | None = Field(default=None, description="达标标准，如“≥ 50 家”")
    note: Text | None = Field(default=None, description="口径或说明")


class KpiSet(Model):
    """A group of weighted KPIs, such as an individual scorecard."""

    title: Text = Field(description="指标组名称，如“个人绩效指标”")
    items: list[KpiItem] = Field(min_length=1, description="指标及权重")


class BudgetLine(Model):
    """One budget line."""

    item: Text = Field(description="费用科目")
    amount: Amount = Field(description="金额，未知时写 XX")
    note: Text | None = Field(default=None, description="用途说明")


class Budget(Model):
    """The budget; its lines must add up to the total when a total is given."""

    unit: Text = Field(default="万元", description="金额单位")
    total: Amount | None = Field(default=None, description="总预算（可选，填写则须与明细合计一致）")
    lines: list[BudgetLine] = Field(min_length=1, description="预算明细")


class Incentive(Model):
    """One reward and what earns it."""

    name: Text = Field(description="奖项名称")
    reward: Text = Field(description="奖励内容，如“¥5,000”")
    condition: Text = Field(description="达标条件")


class Phase(Model):
    """A stretch of time in the plan and what happens in it."""

    name: Text = Field(description="阶段名称，如“第一阶段：诊断与打基础”")
    timeframe: Text = Field(description="时间范围，如“第一季度”、“1–5 日”")
    goal: Text | None = Field(default=None, description="阶段目标")
    actions: list[Text] = Field(min_length=1, description="关键行动")


class Strategy(Model):
    """How the plan will reach its targets in one area."""

    area: Text = Field(description="策略领域，如“渠道拓展与管理”")
    actions: list[Text] = Field(min_length=1, description="具体举措")


class Swot(Model):
    """Strengths, weaknesses, opportunities and threats."""

    strengths: list[Text] = Field(min_length=1, description="优势")
    weaknesses: list[Text] = Field(min_length=1, description="劣势")
    opportunities: list[Text] = Field(min_length=1, description="机会")
    threats: list[Text] = Field(min_length=1, description="威胁")


class Objective(Model):
    """An objective and its measurable key results (OKR)."""

    objective: Text = Field(description="目标（O）")
    key_results: list[Text] = Field(min_length=1, description="关键结果（KR），可含 XX")


class Tier(Model):
    """One customer tier (A/B/C) and how it is served."""

    name: Text = Field(description="分层名称，如“A 类：战略核心客户”")
    customer_share: Percent = Field(description="占客户数的比例（%）")
    revenue_share: Percent = Field(description="贡献收入的比例（%）")
    definition: Text = Field(description="分层标准")
    strategy: Text = Field(description="经营策略")


class Support(Model):
    """Support the plan asks of another department."""

    department: Text = Field(description="部门")
    request: Text = Field(description="需要的支持")


class Approval(Model):
    """Who prepared, reviewed and approved the plan, and when (the sign-off block)."""

    prepared_by: Text | None = Field(default=None, description="编制人")
    prepared_on: IsoDate | None = Field(default=None, description="编制日期")
    reviewed_by: Text | None = Field(default=None, description="审核人")
    reviewed_on: IsoDate | None = Field(default=None, description="审核日期")
    approved_by: Text | None = Field(default=None, description="批准人")
    approved_on: IsoDate | None = Field(default=None, description="批准日期")


class Battle(Model):
    """One battle of a monthly plan's battle map: its days and the cumulative figure it must reach."""

    name: Text = Field(description="战役名称，如“月初冲刺周”")
    days: Text = Field(description="日期范围，如“1–5 日”")
    cumulative: Amount = Field(description="到本战役结束时的累计目标，未知时写 XX")
    focus: Text | None = Field(default=None, description="一句话重点")


class BattleMap(Model):
    """A monthly plan's one-page map: the weekly battles, their dates and cumulative targets."""

    unit: Text = Field(default="万元", description="累计目标的单位")
    battles: list[Battle] = Field(min_length=1, description="按时间先后的各个战役")


class Plan(Item):
    """A work plan for one team and period, following one of the five archetypes."""

    visibility: Visibility = Field(default="internal", description="可见范围：默认 internal（内部流程，只供同事参考）；改为 customer 表示可以给客户看")
    archetype: Archetype = Field(description="计划范式：strategic、kpi、enablement、expansion、account")
    team: Text = Field(description="团队，如“华东区销售部”")
    company: Text = Field(description="公司名称")
    period: Period = Field(description="计划期：2027、2027-Q1 或 2027-03")
    prepared: IsoDate = Field(description="编制日期")
    version: Text | None = Field(default=None, description="版本号，如“V1.2”（可选，填写后显示在封面）")
    document_number: Text | None = Field(default=None, description="文件编号，如“LT-XS-2027-003”（可选，填写后显示在封面）")
    approval: Approval | None = Field(default=None, description="编制、审核、批准及日期（可选，填写后文末附签批栏）")
    summary: Markdown | None = Field(default=None, description="前言：本计划要解决什么、怎么组织")
    swot: Swot | None = Field(default=None, description="SWOT 分析")
    targets: Targets | None = Field(default=None, description="核心目标")
    okrs: list[Objective] = Field(default_factory=list, description="OKR：目标与关键结果")
    breakdowns: list[Breakdown] = Field(default_factory=list, description="目标分解表（按季度、产品线、区域等）")
    strategies: list[Strategy] = Field(default_factory=list, description="策略与举措")
    phases: list[Phase] = Field(default_factory=list, description="分阶段行动（季度、周、日）")
    tiers: list[Tier] = Field(default_factory=list, description="客户分层（A/B/C）")
    kpis: list[KpiSet] = Field(default_factory=list, description="KPI 及权重")
    routines: list[NamedText] = Field(default_factory=list, description="管理例会与数据复盘机制")
    incentives: list[Incentive] = Field(default_factory=list, description="激励方案")
    budget: Budget | None = Field(default=None, description="费用预算")
    support: list[Support] = Field(default_factory=list, description="资源需求与跨部门支持")
    risks: list[Risk] = Field(default_factory=list, description="风险与应对")
    battle_map: BattleMap | None = Field(default=None, description="月度运行图示：各周战役、日期和累计目标（月度计划）")
    execution: list[Text] = Field(default_factory=list, description="总结与执行：下发、启动、复盘的时间和执行要求")
    closing: Markdown | None = Field(default=None, description="结语")


def period_end(period: str) -> date:
    """Return the last day of a plan period such as 2027, 2027-Q2 or 2027-03."""
    year = int(period[:4])
    if len(period) == 4:
        return date(year, 12, 31)
    month = int(period[-1]) * 3 if "-Q" in period else int(period[5:7])
    return date(year, month, calendar.monthrange(year, month)[1])
