"""`salesbook plan new`: a commented plan file started from an archetype's scaffold.

The scaffold is the archetype's starter content (templates/archetypes/<id>.yaml),
adapted to the period (a monthly plan breaks down by week, not by quarter), with a
short Chinese comment above every block saying what goes there. It passes
`salesbook check` as written: unknown figures are `XX`, which the sums skip with a
warning. The blank drafts published on the site are rendered from the same data.
"""

from __future__ import annotations

import copy
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from generator.archetypes import Archetype
from generator.fmt import Comments, lay_out
from generator.models.common import PLACEHOLDER
from generator.models.plan import Plan
from generator.scaffold import schema_comment
from generator.validate.plans import period_end, period_label

RULES = {
    "breakdowns": "每张表各行金额合计必须等于 total",
    "kpis": "同一组权重合计必须为 100",
    "budget": "明细合计必须等于 total（填写 total 时）",
    "tiers": "各层客户数占比、收入占比各自合计 100",
}
"""The arithmetic `salesbook check` applies to a block, repeated where people type."""

HEADER = "由 salesbook plan new 生成（计划范式：{name}）。\n未知的数字先写 XX，Word 文档中会以黄色标出；填好后运行 salesbook check 核对合计。"


def scaffold_data(archetype: Archetype, plan_id: str, team: str, period: str, company: str, today: date) -> dict[str, Any]:
    """Return the plain data of a new plan: identity fields, then the archetype's blocks in model order."""
    prepared = min(today, period_end(period))
    identity: dict[str, Any] = {
        "id": plan_id,
        "title": f"{team} {period_label(period)}销售工作计划",
        "owner": f"{team}销售主管",
        "reviewed": date.fromordinal(prepared.toordinal()),  # a distinct object, or YAML writes an alias
        "tags": [archetype.name.split("、")[-1]],
        "archetype": archetype.id,
        "team": team,
        "company": company,
        "period": period,
        "prepared": prepared,
    }
    order = list(Plan.model_fields)
    blocks = {name: _fit_to_period(name, copy.deepcopy(value), period) for name, value in archetype.scaffold.items()}
    return identity | dict(sorted(blocks.items(), key=lambda item: order.index(item[0])))


def scaffold_text(archetype: Archetype, data: dict[str, Any], schema_line: str) -> str:
    """Return the scaffold as YAML in the house style of `salesbook fmt`, a comment above each block."""
    header = [schema_line, *(f"# {line}" for line in HEADER.format(name=archetype.name).splitlines())]
    leading = {(key,): [f"# {comment}"] for key in data if (comment := block_comment(archetype, key))}
    return lay_out(_commented(data), Comments(header=header, leading=leading))


def block_comment(archetype: Archetype, block: str) -> str:
    """Return the comment above a block: what goes there, where it shows, which sum it must make."""
    if block not in archetype.scaffold:
        return ""
    description = Plan.model_fields[block].description or block
    rule = f"；{RULES[block]}" if block in RULES else ""
    return f"{description}——写在“{archetype.section_of(block).heading}”部分{rule}。"


def company_of(plans: list[Plan]) -> str:
    """Return the company most existing plans name, so a new plan starts with it."""
    counts = Counter(plan.company for plan in plans)
    return counts.most_common(1)[0][0] if counts else PLACEHOLDER


def write_plan_scaffold(archetype: Archetype, output: Path, root: Path, team: str, period: str, company: str, today: date) -> Path:
    """Write a new plan file for `archetype` at `output` and return its path."""
    data = scaffold_data(archetype, output.stem, team, period, company, today)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(scaffold_text(archetype, data, schema_comment(output, root, "plan")), encoding="utf-8")
    return output


def _fit_to_period(block: str, value: Any, period: str) -> Any:
    """Turn the scaffold's quarterly breakdowns into months or weeks for shorter periods."""
    if block != "breakdowns" or len(period) == 4:
        return value
    quarterly = "-Q" in period
    for breakdown in value:
        if breakdown.get("dimension") != "quarter":
            continue
        if quarterly:
            first = (int(period[-1]) - 1) * 3 + 1
            names = [f"{month} 月" for month in range(first, first + 3)]
        else:
            names = ["第一周", "第二周", "第三周", "第四周"]
        breakdown["dimension"] = "month" if quarterly else "week"
        breakdown["title"] = breakdown["title"].replace("按季度", "按月" if quarterly else "按周")
        breakdown["rows"] = [{"name": name, "amount": PLACEHOLDER} for name in names]
    return value


def _commented(value: Any) -> Any:
    if isinstance(value, dict):
        result = CommentedMap()
        for key, item in value.items():
            result[key] = _commented(item)
        return result
    if isinstance(value, list):
        return CommentedSeq(_commented(item) for item in value)
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value
