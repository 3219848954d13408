"""One renderer per plan block: targets, breakdowns, KPI weights, budget and the rest.

Each renderer writes one block of a plan at a heading level; figures are formatted
here, and shares and totals are computed from the figures, never typed by hand.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction

from generator.docx.builder import Column, DocumentBuilder
from generator.docx.charts import Bar, Step, bar_chart, battle_chart, capped
from generator.docx.markdown import markdown
from generator.models.common import PLACEHOLDER
from generator.models.plan import Approval, BattleMap, Breakdown, Plan, Target, period_end
from generator.present import (DIMENSIONS, FULL_SHARE, SWOT_PARTS, TARGET_GROUPS, amount, date_label, exact, percent, share_text,
                               shares, total, with_unit)

Renderer = Callable[[DocumentBuilder, Plan, int], None]


def share_total(column: list[str]) -> str:
    """Return what the total row of a share column says: 100.0%, or `XX` while a share is unknown."""
    return PLACEHOLDER if PLACEHOLDER in column else FULL_SHARE


def render_summary(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    markdown(doc, plan.summary or "")


def render_closing(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    markdown(doc, plan.closing or "")


def render_swot(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    assert plan.swot is not None
    for field, heading in SWOT_PARTS:
        doc.heading(level, heading)
        doc.numbered(getattr(plan.swot, field))


def render_targets(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    assert plan.targets is not None
    for field, heading in TARGET_GROUPS:
        targets: list[Target] = getattr(plan.targets, field)
        if not targets:
            continue
        doc.heading(level, heading)
        stretch = any(t.stretch is not None for t in targets)
        notes = any(t.note for t in targets)
        columns = [Column("指标", 2.2), Column("目标值", 1.3, numeric=True)]
        columns += [Column("挑战值", 1.3, numeric=True)] if stretch else []
        columns += [Column("单位", 1.0)] + ([Column("口径与说明", 3.2)] if notes else [])
        rows = []
        for t in targets:
            row = [t.name, amount(t.value)]
            row += [amount(t.stretch) if t.stretch is not None else "—"] if stretch else []
            rows.append(row + [t.unit] + ([t.note or ""] if notes else []))
        doc.table(heading, columns, rows)


def render_okrs(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    for okr in plan.okrs:
        doc.heading(level, okr.objective)
        doc.numbered(okr.key_results, labels=[f"KR{n}：" for n in range(1, len(okr.key_results) + 1)])


def render_breakdowns(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    for breakdown in plan.breakdowns:
        doc.heading(level, breakdown.title)
        _breakdown_table(doc, breakdown)
        if charted(breakdown):
            doc.picture(bar_chart(chart_bars(breakdown)), breakdown.title)


def charted(breakdown: Breakdown) -> bool:
    """A breakdown gets a chart once every figure is known."""
    return len(breakdown.rows) > 1 and PLACEHOLDER not in [row.amount for row in breakdown.rows]


def chart_bars(breakdown: Breakdown) -> list[Bar]:
    """Return the bars of a breakdown's chart, each saying what its table row says; many rows end in 其他."""
    figures = [row.amount for row in breakdown.rows]
    percents = shares(figures)

    def bar_text(figure: float | str | Fraction, share: str) -> str:
        return f"{amount(figure)} {breakdown.unit}（{share}）"

    def other(dropped: list[int]) -> str:
        share = share_text(sum(Fraction(percents[i].rstrip("%")) for i in dropped))
        return bar_text(total([figures[i] for i in dropped]), share)

    bars = [Bar(row.name, float(row.amount), bar_text(row.amount, p)) for row, p in zip(breakdown.rows, percents, strict=True)]
    return capped(bars, other)


def _breakdown_table(doc: DocumentBuilder, breakdown: Breakdown) -> None:
    owners = any(row.owner for row in breakdown.rows)
    notes = any(row.note for row in breakdown.rows)
    columns = [Column(DIMENSIONS[breakdown.dimension], 2.2), Column(f"金额（{breakdown.unit}）", 1.6, numeric=True), Column("占比", 1.0, numeric=True)]
    columns += ([Column("负责人", 1.8)] if owners else []) + ([Column("备注", 2.6)] if notes else [])
    percents = shares([row.amount for row in breakdown.rows])
    rows = []
    for row, row_share in zip(breakdown.rows, percents):
        cells = [row.name, amount(row.amount), row_share]
        rows.append(cells + ([row.owner or ""] if owners else []) + ([row.note or ""] if notes else []))
    total_row = ["合计", amount(breakdown.total), share_total(percents)] + [""] * (owners + notes)
    doc.table(breakdown.title, columns, rows, total_row)


def render_strategies(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    for strategy in plan.strategies:
        doc.heading(level, strategy.area)
        doc.numbered(strategy.actions)


def render_phases(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    for phase in plan.phases:
        doc.heading(level, f"{phase.name}（{phase.timeframe}）")
        if phase.goal:
            doc.text(phase.goal, label="阶段目标：")
        doc.numbered(phase.actions)


def render_tiers(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    columns = [Column("客户层级", 1.9), Column("客户数占比", 1.2, numeric=True), Column("收入占比", 1.1, numeric=True), Column("分层标准", 4.0)]
    rows = [[t.name, percent(t.customer_share), percent(t.revenue_share), t.definition] for t in plan.tiers]
    customers, revenue = (total([getattr(t, f) for t in plan.tiers]) for f in ("customer_share", "revenue_share"))
    doc.table("客户分层", columns, rows, ["合计", percent(customers), percent(revenue), ""])
    doc.numbered([t.strategy for t in plan.tiers], labels=[f"{t.name}：" for t in plan.tiers])


def render_kpis(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    for kpi_set in plan.kpis:
        doc.heading(level, kpi_set.title)
        notes = any(item.note for item in kpi_set.items)
        columns = [Column("考核指标", 2.4), Column("权重", 0.9, numeric=True), Column("达标标准", 2.8)]
        columns += [Column("说明", 2.4)] if notes else []
        rows = [[i.name, percent(i.weight), i.target or "—"] + ([i.note or ""] if notes else []) for i in kpi_set.items]
        weights = total([i.weight for i in kpi_set.items])
        doc.table(kpi_set.title, columns, rows, ["合计", percent(weights), ""] + ([""] if notes else []))


def render_routines(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    doc.numbered([r.detail for r in plan.routines], labels=[f"{r.name}：" for r in plan.routines])


def render_incentives(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    columns = [Column("奖项", 1.6), Column("奖励", 2.2), Column("达标条件", 3.4)]
    doc.table("激励方案", columns, [[i.name, i.reward, i.condition] for i in plan.incentives])


def render_budget(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    budget = plan.budget
    assert budget is not None
    lines_total = budget.total if budget.total is not None else total([line.amount for line in budget.lines])
    notes = any(line.note for line in budget.lines)
    columns = [Column("费用科目", 2.0), Column(f"金额（{budget.unit}）", 1.5, numeric=True), Column("占比", 1.0, numeric=True)]
    columns += [Column("用途说明", 3.6)] if notes else []
    percents = shares([line.amount for line in budget.lines])
    rows = [[line.item, amount(line.amount), p] + ([line.note or ""] if notes else []) for line, p in zip(budget.lines, percents)]
    doc.table("费用预算", columns, rows, ["合计", amount(lines_total), share_total(percents)] + ([""] if notes else []))


def render_support(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    doc.table("跨部门支持需求", [Column("部门", 1.3), Column("需要的支持", 5.5)], [[s.department, s.request] for s in plan.support])


def render_risks(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    doc.table("风险与应对", [Column("风险", 2.6), Column("应对措施", 4.6)], [[r.risk, r.response] for r in plan.risks])


def render_battle_map(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    """Draw the month as a timeline of battles with their cumulative targets, then list them in a table."""
    battle_map = plan.battle_map
    assert battle_map is not None
    spans = [battle_days(b.days) for b in battle_map.battles]
    if all(spans) and PLACEHOLDER not in [b.cumulative for b in battle_map.battles]:
        steps = [Step(b.name, *span, f"{with_unit(b.cumulative, battle_map.unit)}", progress(b.cumulative, battle_map))  # type: ignore[misc]
                 for b, span in zip(battle_map.battles, spans, strict=True)]
        doc.picture(battle_chart(steps, period_end(plan.period).day), "月度运行图示")
    columns = [Column("战役", 2.0), Column("日期", 1.1), Column("重点", 3.4), Column(f"累计目标（{battle_map.unit}）", 1.5, numeric=True), Column("完成进度", 1.1, numeric=True)]
    rows = [[b.name, b.days, b.focus or "", amount(b.cumulative), _progress_text(b.cumulative, battle_map)] for b in battle_map.battles]
    doc.table("周战役与累计目标", columns, rows)


def progress(cumulative: float | str, battle_map: BattleMap) -> float:
    """Return how far along the month's target a cumulative figure is (0–1); 0 while unknown."""
    final = battle_map.battles[-1].cumulative
    if PLACEHOLDER in (cumulative, final) or not float(final):
        return 0.0
    return float(cumulative) / float(final)


def _progress_text(cumulative: float | str, battle_map: BattleMap) -> str:
    final = battle_map.battles[-1].cumulative
    if PLACEHOLDER in (cumulative, final) or not float(final):
        return PLACEHOLDER
    return share_text(exact(cumulative) / exact(final) * 100)  # type: ignore[arg-type]


def battle_days(days: str) -> tuple[int, int] | None:
    """Return the first and last day of “1–5 日” or “26 日”, or None when the text names no days."""
    numbers = [int(n) for n in re.findall(r"\d+", days)]
    if not numbers or not all(1 <= n <= 31 for n in numbers):
        return None
    return numbers[0], numbers[-1]


def render_execution(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    doc.numbered(plan.execution)


def render_approval(doc: DocumentBuilder, approval: Approval) -> None:
    """Add the sign-off table: 编制, 审核, 批准, each with a name and a date (blank lines to sign on)."""
    columns = [Column("环节", 1.0), Column("姓名", 2.2), Column("签字", 2.0), Column("日期", 1.8)]
    rows = []
    for label, person, day in (("编制", approval.prepared_by, approval.prepared_on), ("审核", approval.reviewed_by, approval.reviewed_on),
                               ("批准", approval.approved_by, approval.approved_on)):
        rows.append([label, person or "", "", date_label(day) if day else "　　年　　月　　日"])
    doc.table("审批记录", columns, rows)


RENDERERS: dict[str, Renderer] = {
    "summary": render_summary, "swot": render_swot, "targets": render_targets, "okrs": render_okrs,
    "breakdowns": render_breakdowns, "strategies": render_strategies, "phases": render_phases,
    "tiers": render_tiers, "kpis": render_kpis, "routines": render_routines, "incentives": render_incentives,
    "budget": render_budget, "support": render_support, "risks": render_risks, "closing": render_closing,
    "battle_map": render_battle_map, "execution": render_execution,
}
"""The renderer of each plan block, by field name."""
