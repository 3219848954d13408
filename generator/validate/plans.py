"""Plan checks: the archetype's blocks are filled, every table adds up to its own total and
to the plan's target of the same measure (in 元 or 万元 alike), weights and shares make
100 %, periods agree, and blanks are written `XX`.

Sums are exact (fractions, not floats): 0.1 + 0.2 is 0.3, and a total of
123456789012345678 is compared digit for digit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from generator.errors import Problem, Severity
from generator.load import Document
from generator.messages import Msg
from generator.models.common import PLACEHOLDER
from generator.models.plan import Plan, Target, period_end
from generator.present import BLANK, amount, exact, gap_amount, in_yuan, with_unit
from generator.validate.content import walk_strings

if TYPE_CHECKING:
    from generator.archetypes import Archetype

Report = Callable[..., None]
Measure = tuple[str, float | str, str]
"""A figure to reconcile: what it is (for the message), its value and its unit."""
MONEY = "元"


def plan_problems(plan: Plan, document: Document, archetype: Archetype | None = None) -> list[Problem]:
    """Check a valid plan against its archetype, and every sum and period in it."""
    problems: list[Problem] = []

    def report(loc: tuple[str | int, ...], code: str, severity: Severity = Severity.ERROR, **params: object) -> None:
        problems.append(document.problem(loc, code, severity, **params))

    if archetype is not None:
        problems.extend(_required_blocks(plan, document, archetype))
    _check_breakdowns(report, plan)
    for index, kpi_set in enumerate(plan.kpis):
        _check_percent_sum(report, ("kpis", index, "items"), [item.weight for item in kpi_set.items], "weights_sum")
    for share in ("customer_share", "revenue_share"):
        if plan.tiers:
            _check_percent_sum(report, ("tiers",), [getattr(tier, share) for tier in plan.tiers], "shares_sum", share=Msg(f"share.{share}"))
    if plan.budget and plan.budget.total is not None:
        _check_own_total(report, ("budget", "total"), [line.amount for line in plan.budget.lines], plan.budget.total, plan.budget.unit, "budget_sum")
    _check_blanks(report, document)
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


def _required_blocks(plan: Plan, document: Document, archetype: Archetype) -> list[Problem]:
    missing = [block for block in archetype.requires if is_empty(getattr(plan, block))]
    if not missing:
        return []  # positions cost a second, round-trip parse: only when something is reported
    line, col = document.locate(("archetype",))
    return [Problem(document.display, line, col, block, "archetype_requires", {"archetype": archetype.name}, Severity.WARNING)
            for block in missing]


def _check_breakdowns(report: Report, plan: Plan) -> None:
    """Check each breakdown against its own total, then against the target it breaks down."""
    for index, breakdown in enumerate(plan.breakdowns):
        loc = ("breakdowns", index)
        _check_own_total(report, (*loc, "total"), [row.amount for row in breakdown.rows], breakdown.total, breakdown.unit, "breakdown_sum")
        _check_breakdown_period(report, (*loc, "dimension"), plan, breakdown.dimension, len(breakdown.rows))
        if breakdown.target is not None and _target_named(plan, breakdown.target) is None:
            names = "、".join(f"「{t.name}」" for t in _all_targets(plan)) or "—"
            report((*loc, "target"), "breakdown_target_unknown", name=breakdown.target, names=names)
    _reconcile_with_targets(report, plan)


def _reconcile_with_targets(report: Report, plan: Plan) -> None:
    """Every breakdown's total, and a battle map's last cumulative target, equal the target they
    break down, across units (元/万元).

    A breakdown names its target (`target:`); one that names none breaks down the plan's
    headline figure, the first financial target counted in money — or, without one, the
    measure of the first such breakdown, so tables of the same measure still agree."""
    headline = next((t for t in plan.targets.financial if in_yuan(0, t.unit) is not None), None) if plan.targets else None
    reference: Measure | None = (f"目标「{headline.name}」", headline.value, headline.unit) if headline else None
    for index, breakdown in enumerate(plan.breakdowns):
        target = _target_named(plan, breakdown.target) if breakdown.target else None
        if breakdown.target and target is None:
            continue
        against = (f"目标「{target.name}」", target.value, target.unit) if target else reference
        if against is None:
            reference = (f"表「{breakdown.title}」", breakdown.total, breakdown.unit)
            continue
        _compare(report, ("breakdowns", index, "total"), "breakdown_target", (f"「{breakdown.title}」", breakdown.total, breakdown.unit), against)
    if plan.battle_map is not None:
        _check_battle_map(report, plan, reference)


def _check_battle_map(report: Report, plan: Plan, reference: Measure | None) -> None:
    """Cumulative targets only grow, and the last one is the month's target."""
    battles = plan.battle_map.battles  # type: ignore[union-attr]
    unit = plan.battle_map.unit  # type: ignore[union-attr]
    known = [(i, b.cumulative) for i, b in enumerate(battles) if b.cumulative != PLACEHOLDER]
    for (_, before), (index, after) in zip(known, known[1:]):
        if exact(after) < exact(before):  # type: ignore[arg-type]
            report(("battle_map", "battles", index, "cumulative"), "battle_map_order", value=with_unit(after, unit), previous=with_unit(before, unit))
    if reference is not None:
        last = len(battles) - 1
        _compare(report, ("battle_map", "battles", last, "cumulative"), "battle_map_final", (battles[last].name, battles[last].cumulative, unit), reference)


def _compare(report: Report, loc: tuple[str | int, ...], code: str, mine: Measure, theirs: Measure) -> None:
    """Report when two figures of one measure differ, converting 元/万元 as needed."""
    title, value, unit = mine
    what, other, other_unit = theirs
    if PLACEHOLDER in (value, other):
        return
    left, right = in_yuan(value, unit), in_yuan(other, other_unit)
    if left is None or right is None:
        if unit.strip() != other_unit.strip():
            report(loc, "breakdown_unit_mismatch", title=title, unit=unit, what=what, other=other_unit)
            return
        left, right = exact(value), exact(other)  # type: ignore[arg-type]
        show = unit
    else:
        show = unit if unit.strip() == other_unit.strip() else MONEY
    if left != right:
        report(loc, code, title=title, total=with_unit(value, unit), what=what, expected=with_unit(other, other_unit),
               diff=_difference(left, right, _unit_scale(show), show))


def _unit_scale(unit: str) -> Fraction:
    worth = in_yuan(1, unit)
    return worth if worth is not None else Fraction(1)


def _difference(actual: Fraction, expected: Fraction, scale: Fraction, unit: str) -> Msg:
    """Return “多 50,000 元” or “少 5 万元”: how far `actual` is from `expected`, in `unit`."""
    gap = (actual - expected) / scale
    return Msg("diff.more" if gap > 0 else "diff.less", {"amount": with_unit(gap_amount(abs(gap)), unit)})


def _target_named(plan: Plan, name: str | None) -> Target | None:
    return next((t for t in _all_targets(plan) if t.name == name), None)


def _all_targets(plan: Plan) -> list[Target]:
    if plan.targets is None:
        return []
    return [*plan.targets.financial, *plan.targets.market, *plan.targets.customer, *plan.targets.team]


def _check_own_total(report: Report, loc: tuple[str | int, ...], parts: Sequence[float | str], stated: float | str, unit: str, code: str) -> None:
    """A table's rows add up to the total it states."""
    if PLACEHOLDER in (*parts, stated):
        report(loc, "sum_skipped_placeholder", Severity.WARNING)
        return
    actual = sum((exact(p) for p in parts), Fraction(0))  # type: ignore[arg-type]
    if actual != exact(stated):  # type: ignore[arg-type]
        report(loc, code, actual=with_unit(actual, unit), expected=with_unit(stated, unit), diff=_difference(actual, exact(stated), Fraction(1), unit))  # type: ignore[arg-type]


def _check_percent_sum(report: Report, loc: tuple[str | int, ...], parts: Sequence[float | str], code: str, **params: object) -> None:
    if PLACEHOLDER in parts:
        report(loc, "sum_skipped_placeholder", Severity.WARNING)
        return
    actual = sum((exact(p) for p in parts), Fraction(0))  # type: ignore[arg-type]
    if actual != 100:
        report(loc, code, actual=amount(actual), **params)


def _check_blanks(report: Report, document: Document) -> None:
    """Warn about blanks that look like `XX` but are not: ＸＸ, xx, X, XXX."""
    for loc, text in walk_strings(document.plain):
        for match in BLANK.finditer(text):
            if match.group() != PLACEHOLDER:
                report(loc, "lookalike_blank", Severity.WARNING, found=match.group())


def _check_breakdown_period(report: Report, loc: tuple[str | int, ...], plan: Plan, dimension: str, rows: int) -> None:
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
