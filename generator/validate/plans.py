"""Plan checks: the archetype's blocks are filled, breakdowns add up, weights and
shares make 100 %, periods agree."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date

from typing import TYPE_CHECKING

from generator.errors import Problem, Severity
from generator.load import Document
from generator.messages import Msg
from generator.models.common import PLACEHOLDER
from generator.models.plan import Plan

if TYPE_CHECKING:
    from generator.archetypes import Archetype

TOLERANCE = 0.005


def format_number(value: float) -> str:
    """Return `1,050,000` or `12.5`: thousands separated, no trailing zeros."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text or "0"


def plan_problems(plan: Plan, document: Document, archetype: Archetype | None = None) -> list[Problem]:
    """Check a valid plan against its archetype, and every sum and period in it."""
    problems: list[Problem] = []

    def report(loc: tuple[str | int, ...], code: str, severity: Severity = Severity.ERROR, **params: object) -> None:
        problems.append(document.problem(loc, code, severity, **params))

    if archetype is not None:
        for block in archetype.requires:
            if is_empty(getattr(plan, block)):
                line, col = document.locate(("archetype",))
                params = {"archetype": archetype.name}
                problems.append(Problem(document.display, line, col, block, "archetype_requires", params, Severity.WARNING))

    for index, breakdown in enumerate(plan.breakdowns):
        loc = ("breakdowns", index, "total")
        _check_sum(report, loc, [row.amount for row in breakdown.rows], breakdown.total, "breakdown_sum")
        _check_breakdown_period(report, ("breakdowns", index, "dimension"), plan, breakdown.dimension, len(breakdown.rows))
    for index, kpi_set in enumerate(plan.kpis):
        _check_sum(report, ("kpis", index, "items"), [item.weight for item in kpi_set.items], 100, "weights_sum")
    for share in ("customer_share", "revenue_share"):
        if plan.tiers:
            _check_sum(report, ("tiers",), [getattr(tier, share) for tier in plan.tiers], 100, "shares_sum", share=Msg(f"share.{share}"))
    if plan.budget and plan.budget.total is not None:
        _check_sum(report, ("budget", "total"), [line.amount for line in plan.budget.lines], plan.budget.total, "budget_sum")
    end = period_end(plan.period)
    if plan.prepared > end:
        report(("prepared",), "prepared_after_period", prepared=plan.prepared.isoformat(), period=plan.period, end=end.isoformat())
    return problems


def is_empty(value: object) -> bool:
    """Return True for a plan block that holds nothing: absent, an empty list, or no targets at all."""
    if value is None or value == []:
        return True
    if hasattr(value, "financial"):
        return not any((value.financial, value.market, value.customer, value.team))  # type: ignore[attr-defined]
    return False


def _check_sum(report, loc, parts: Sequence[float | str], expected: float | str, code: str, **params: object) -> None:
    if PLACEHOLDER in (*parts, expected):
        report(loc, "sum_skipped_placeholder", Severity.WARNING)
        return
    actual = sum(float(p) for p in parts)
    if abs(actual - float(expected)) > TOLERANCE:
        report(loc, code, actual=format_number(actual), expected=format_number(float(expected)), diff=format_number(abs(actual - float(expected))), **params)


def _check_breakdown_period(report, loc, plan: Plan, dimension: str, rows: int) -> None:
    is_year = "-" not in plan.period
    if dimension == "quarter" and not is_year:
        report(loc, "quarter_needs_year", period=plan.period)
    elif dimension == "quarter" and rows > 4:
        report(loc, "too_many_quarters", count=rows)
    elif dimension == "month" and "-Q" not in plan.period and not is_year:
        report(loc, "month_needs_longer_period", period=plan.period)
    elif dimension == "month" and rows > (12 if is_year else 3):
        report(loc, "too_many_months", count=rows, period=plan.period, most=12 if is_year else 3)
    elif dimension == "week" and not is_year and "-Q" not in plan.period and rows > 5:
        report(loc, "too_many_weeks", count=rows, period=plan.period)


def period_end(period: str) -> date:
    """Return the last day of a plan period such as 2027, 2027-Q2 or 2027-03."""
    year = int(period[:4])
    if len(period) == 4:
        return date(year, 12, 31)
    if "-Q" in period:
        month = int(period[-1]) * 3
    else:
        month = int(period[5:7])
    return date(year, month, calendar.monthrange(year, month)[1])


def period_label(period: str) -> str:
    """Return a plan period as people write it: 2027 年度, 2027 年第二季度, 2027 年 3 月."""
    if len(period) == 4:
        return f"{period} 年度"
    if "-Q" in period:
        return f"{period[:4]} 年第{'一二三四'[int(period[-1]) - 1]}季度"
    return f"{period[:4]} 年 {int(period[5:])} 月"
