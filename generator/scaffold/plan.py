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
from generator.models.plan import Plan, period_end
from generator.present import period_label
from generator.scaffold import schema_comment

RULES = {
    "breakdowns": "每张表各行金额合计必须等于 total",
    "kpis": "同一组权重合计必须为 100",
    "budget": "明细合计必须等于 total（填写 total 时）",
    "tiers": "各层客户数占比、收入占比各自合计 100",
    "battle_map": "最后一个战役的累计目标等于月度目标",
}
"""The arithmetic `salesbook check` applies to a block, repeated where people type."""

MONTHLY_BLOCKS: dict[str, Any] = {
    "battle_map": {
        "unit": "万元",
        "battles": [{"name": name, "days": days, "cumulative": PLACEHOLDER, "focus": focus} for name, days, focus in (
            ("月初冲刺周", "1–5 日", "开发新客户，二次拜访未成交客户，扩充线索池。"),
            ("潜力客户攻坚周", "6–10 日", "线索评分靠前的客户重点跟进，较大客户出定制方案。"),
            ("重点客户突破周", "11–15 日", "意向客户集中攻关，联合技术支持准备演示。"),
            ("冲刺收尾周", "16–20 日", "小额订单当天签约，意向客户走加急流程。"),
            ("复盘优化周", "21–25 日", "销冠分享，落后成员一对一辅导，更新销售工具包。"),
        )],
    },
    "execution": [
        "每月 1 日 XX:XX 前把方案下发到团队邮箱和工作群，次日各区域负责人召开执行启动会。",
        "每月 25 日由销售总监主持执行分析会，梳理关键数据并调整下月计划。",
        "所有数据以 CRM 为准，月底据此核算提成和奖励。",
    ],
}
"""What a monthly plan adds to any archetype's scaffold: the battle map (seed 004's 月度运行图示) and 总结与执行."""

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
    starter = archetype.scaffold | (MONTHLY_BLOCKS if _is_month(period) else {})
    blocks = {name: _fit_to_period(name, copy.deepcopy(value), period) for name, value in starter.items()}
    return identity | dict(sorted(blocks.items(), key=lambda item: order.index(item[0])))


def scaffold_text(archetype: Archetype, data: dict[str, Any], schema_line: str) -> str:
    """Return the scaffold as YAML in the house style of `salesbook fmt`, a comment above each block."""
    header = [schema_line, *(f"# {line}" for line in HEADER.format(name=archetype.name).splitlines())]
    leading = {(key,): [f"# {comment}"] for key in data if (comment := block_comment(archetype, key))}
    return lay_out(_commented(data), Comments(header=header, leading=leading))


def block_comment(archetype: Archetype, block: str) -> str:
    """Return the comment above a block: what goes there, where it shows, which sum it must make."""
    if block not in archetype.scaffold and block not in MONTHLY_BLOCKS:
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


def _is_month(period: str) -> bool:
    return len(period) == 7 and "-Q" not in period


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
