"""One renderer per plan block: targets, breakdowns, KPI weights, budget and the rest.

Each renderer writes one block of a plan at a heading level; figures are formatted
here, and shares and totals are computed from the figures, never typed by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.docx.builder import Column, DocumentBuilder
from generator.docx.charts import bar_chart
from generator.models.common import PLACEHOLDER
from generator.models.plan import Breakdown, Plan, Target
from generator.validate.plans import format_number

TARGET_GROUPS = (("financial", "财务目标"), ("market", "市场目标"), ("customer", "客户目标"), ("team", "团队目标"))
SWOT_PARTS = (("strengths", "优势（Strengths）"), ("weaknesses", "劣势（Weaknesses）"),
              ("opportunities", "机会（Opportunities）"), ("threats", "威胁（Threats）"))
DIMENSIONS = {"quarter": "季度", "month": "月份", "week": "周", "product_line": "产品线", "region": "区域",
              "industry": "行业", "team": "团队", "person": "人员"}

Renderer = Callable[[DocumentBuilder, Plan, int], None]


def figure(value: float | str) -> str:
    """Return a figure as printed: 1,200,000 or 4.5; `XX` stays `XX`."""
    return PLACEHOLDER if value == PLACEHOLDER else format_number(float(value))


def share(part: float | str, whole: float | str) -> str:
    """Return `part` as a percentage of `whole` (27.3%), or `XX` while either is unknown."""
    if PLACEHOLDER in (part, whole) or float(whole) == 0:
        return PLACEHOLDER
    return f"{float(part) / float(whole) * 100:.1f}".rstrip("0").rstrip(".") + "%"


def total(values: Sequence[float | str]) -> str:
    """Return the sum of figures, or `XX` while any is unknown."""
    return PLACEHOLDER if PLACEHOLDER in values else format_number(sum(float(v) for v in values))


def markdown(doc: DocumentBuilder, text: str) -> None:
    """Render the Markdown plans use: paragraphs, `-` and `1.` lists, **bold**."""
    for chunk in text.strip().split("\n\n"):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith(("- ", "* ")) for line in lines):
            doc.bulleted([line[2:].strip() for line in lines])
        elif all(_numbered_item(line) for line in lines):
            doc.numbered([line.split(".", 1)[1].strip() for line in lines])
        else:
            doc.text(join_lines(lines))


def _numbered_item(line: str) -> bool:
    number, dot, _rest = line.partition(".")
    return bool(dot) and number.isdigit()


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines: no space between Chinese characters, one between Latin words."""
    text = lines[0]
    for line in lines[1:]:
        text += (" " if text[-1].isascii() and line[0].isascii() else "") + line
    return text


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
            row = [t.name, figure(t.value)]
            row += [figure(t.stretch) if t.stretch is not None else "—"] if stretch else []
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
            doc.picture(bar_chart(*chart_data(breakdown)), breakdown.title)


def charted(breakdown: Breakdown) -> bool:
    """A breakdown gets a chart once every figure is known."""
    return len(breakdown.rows) > 1 and PLACEHOLDER not in [row.amount for row in breakdown.rows]


def chart_data(breakdown: Breakdown) -> tuple[list[str], list[float], str]:
    return [row.name for row in breakdown.rows], [float(row.amount) for row in breakdown.rows], breakdown.unit


def _breakdown_table(doc: DocumentBuilder, breakdown: Breakdown) -> None:
    owners = any(row.owner for row in breakdown.rows)
    notes = any(row.note for row in breakdown.rows)
    columns = [Column(DIMENSIONS[breakdown.dimension], 2.2), Column(f"金额（{breakdown.unit}）", 1.6, numeric=True), Column("占比", 1.0, numeric=True)]
    columns += ([Column("负责人", 1.8)] if owners else []) + ([Column("备注", 2.6)] if notes else [])
    rows = []
    for row in breakdown.rows:
        cells = [row.name, figure(row.amount), share(row.amount, breakdown.total)]
        rows.append(cells + ([row.owner or ""] if owners else []) + ([row.note or ""] if notes else []))
    total_row = ["合计", figure(breakdown.total), "100%"] + [""] * (owners + notes)
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
    rows = [[t.name, _percent(t.customer_share), _percent(t.revenue_share), t.definition] for t in plan.tiers]
    customers, revenue = (total([getattr(t, f) for t in plan.tiers]) for f in ("customer_share", "revenue_share"))
    doc.table("客户分层", columns, rows, ["合计", _percent(customers), _percent(revenue), ""])
    doc.numbered([t.strategy for t in plan.tiers], labels=[f"{t.name}：" for t in plan.tiers])


def render_kpis(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    for kpi_set in plan.kpis:
        doc.heading(level, kpi_set.title)
        notes = any(item.note for item in kpi_set.items)
        columns = [Column("考核指标", 2.4), Column("权重", 0.9, numeric=True), Column("达标标准", 2.8)]
        columns += [Column("说明", 2.4)] if notes else []
        rows = [[i.name, _percent(i.weight), i.target or "—"] + ([i.note or ""] if notes else []) for i in kpi_set.items]
        weights = total([i.weight for i in kpi_set.items])
        doc.table(kpi_set.title, columns, rows, ["合计", _percent(weights), ""] + ([""] if notes else []))


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
    rows = [[line.item, figure(line.amount), share(line.amount, lines_total)] + ([line.note or ""] if notes else []) for line in budget.lines]
    doc.table("费用预算", columns, rows, ["合计", figure(lines_total), "100%"] + ([""] if notes else []))


def render_support(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    doc.table("跨部门支持需求", [Column("部门", 1.3), Column("需要的支持", 5.5)], [[s.department, s.request] for s in plan.support])


def render_risks(doc: DocumentBuilder, plan: Plan, level: int) -> None:
    doc.table("风险与应对", [Column("风险", 2.6), Column("应对措施", 4.6)], [[r.risk, r.response] for r in plan.risks])


def _percent(value: float | str) -> str:
    return PLACEHOLDER if value == PLACEHOLDER else f"{format_number(float(value))}%"


RENDERERS: dict[str, Renderer] = {
    "summary": render_summary, "swot": render_swot, "targets": render_targets, "okrs": render_okrs,
    "breakdowns": render_breakdowns, "strategies": render_strategies, "phases": render_phases,
    "tiers": render_tiers, "kpis": render_kpis, "routines": render_routines, "incentives": render_incentives,
    "budget": render_budget, "support": render_support, "risks": render_risks, "closing": render_closing,
}
"""The renderer of each plan block, by field name."""
