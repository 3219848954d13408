"""How figures and labels read in every output: the site, the Word drafts, the charts, the scaffolds.

One rule per thing a reader sees: an amount (1,050,000 — exact however large), a
share column (one decimal, adding up to exactly 100.0% by largest remainders), a
percentage someone typed (15%), a unit (元, 万元), a Chinese numeral (第一部分,
一、, （一）), a period (2027 年 3 月), a date and the label of each plan block.
`XX`, a figure not yet known, stays `XX` everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

from generator.models.common import PLACEHOLDER

BLANK = re.compile(r"((?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９_])(?:[XＸｘ][XxＸｘ]*|x[XxＸｘ]+)(?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９_]))")
"""A blank to fill in: `XX`, or a look-alike (ＸＸ, xx, X, XXX) standing on its own — not inside a word such as
XXL, and not a lone lowercase x (3 x 4, a variable)."""
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
"""Invisible control characters (C0 and C1, but not tab and line breaks): never printed, and refused by `check`."""

Figure = float | int | str
"""A number from a content file, or `XX` while it is unknown."""

SHARE_DECIMALS = 1
"""Shares print with one decimal, in tables and charts alike (27.3%)."""
FULL_SHARE = "100.0%"
"""The total of a share column."""
AMOUNT_DECIMALS = 2

UNIT_IN_YUAN = {"元": 1, "千元": 1_000, "万元": 10_000, "百万元": 1_000_000, "亿元": 100_000_000}
"""Money units and what one of them is worth in 元, for comparing tables written in different units."""

NUMERALS = "零一二三四五六七八九"
HEADING_FORMATS = {1: "第{}部分　", 2: "{}、", 3: "（{}）", 4: "{}. "}
"""The heading numbers of a Chinese business document, by level."""

TARGET_GROUPS = (("financial", "财务目标"), ("market", "市场目标"), ("customer", "客户目标"), ("team", "团队目标"))
SWOT_PARTS = (("strengths", "优势（Strengths）"), ("weaknesses", "劣势（Weaknesses）"),
              ("opportunities", "机会（Opportunities）"), ("threats", "威胁（Threats）"))
DIMENSIONS = {"quarter": "季度", "month": "月份", "week": "周", "product_line": "产品线", "region": "区域",
              "industry": "行业", "team": "团队", "person": "人员"}
"""What the first column of a breakdown lists, by dimension."""
BLOCK_LABELS = {
    "summary": "前言", "swot": "SWOT 分析", "targets": "核心目标", "okrs": "OKR（目标与关键结果）",
    "breakdowns": "目标分解", "strategies": "策略与举措", "phases": "分阶段行动", "tiers": "客户分层",
    "kpis": "考核指标及权重", "routines": "例会与复盘机制", "incentives": "激励方案", "budget": "费用预算",
    "support": "跨部门支持", "risks": "风险与应对", "battle_map": "月度运行图示", "execution": "总结与执行", "closing": "结语",
}
"""A plan block as a reader names it (a 待填写 marker, a scaffold comment)."""


def exact(value: float | int) -> Fraction:
    """Return a figure as an exact fraction: 0.1 is one tenth, 123456789012345678 stays itself."""
    if isinstance(value, int):
        return Fraction(value)
    return Fraction(repr(float(value)))


def amount(value: Figure | Fraction, decimals: int = AMOUNT_DECIMALS) -> str:
    """Return a figure as printed: 1,050,000 or 12.5 (at most two decimals); `XX` stays `XX`."""
    if isinstance(value, str):
        return value
    fraction = value if isinstance(value, Fraction) else exact(value)
    if fraction.denominator == 1:
        return f"{fraction.numerator:,}"
    text = f"{_decimal(fraction, decimals):,f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def gap_amount(gap: Fraction) -> str:
    """Return a non-zero difference so that it never reads as 0: 50,000, 0.5 or 0.0000001."""
    for decimals in (AMOUNT_DECIMALS, 6, 12, 24):
        shown = amount(gap, decimals)
        if shown != "0":
            return shown
    return f"{float(gap):.1e}"


def with_unit(value: Figure, unit: str) -> str:
    """Return a figure and its unit as a sentence writes them: 150 万元, 65%, XX 家."""
    return f"{amount(value)}{unit}" if unit == "%" else f"{amount(value)} {unit}"


def percent(value: Figure) -> str:
    """Return a percentage someone typed (a weight, a tier's share) as 15% or 12.5%; `XX` stays `XX`."""
    return value if isinstance(value, str) else f"{amount(value)}%"


def total(values: Sequence[Figure]) -> Fraction | str:
    """Return the exact sum of figures, or `XX` while any is unknown."""
    if any(isinstance(v, str) for v in values):
        return PLACEHOLDER
    return sum((exact(v) for v in values), Fraction(0))  # type: ignore[arg-type]


def shares(values: Sequence[Figure]) -> list[str]:
    """Return each figure's share of their sum, one decimal, adding up to exactly 100.0%.

    Largest remainders: every share is first rounded down to a tenth of a percent; the
    tenths still missing go to the shares that lost most, ties to the larger figure,
    then to the earlier row. Every share is `XX` while any figure is unknown."""
    whole = total(values)
    if isinstance(whole, str) or whole == 0:
        return [PLACEHOLDER] * len(values)
    scale = 100 * 10**SHARE_DECIMALS
    quotas = [exact(v) * scale / whole for v in values]  # type: ignore[arg-type]
    units = [q.numerator // q.denominator for q in quotas]
    order = sorted(range(len(values)), key=lambda i: (-(quotas[i] - units[i]), -quotas[i], i))
    for i in order[: scale - sum(units)]:
        units[i] += 1
    return [share_text(Fraction(u, 10**SHARE_DECIMALS)) for u in units]


def share_text(value: Fraction | float) -> str:
    """Return a share in percent with the shares' precision: 27.3%, 40.0%, 100.0%."""
    return f"{_decimal(Fraction(value), SHARE_DECIMALS)}%"


def change(before: float, after: float) -> str:
    """Return the relative change from `before` to `after`, such as "↓ 62%"."""
    if before == 0:
        return "新增" if after else "持平"
    ratio = (after - before) / abs(before) * 100
    if round(ratio) == 0:
        return "持平"
    return f"{'↑' if ratio > 0 else '↓'} {abs(ratio):.0f}%"


def in_yuan(value: Figure, unit: str) -> Fraction | None:
    """Return a money figure in 元, or None when it is unknown or its unit is not money."""
    factor = UNIT_IN_YUAN.get(unit.strip())
    if factor is None or isinstance(value, str):
        return None
    return exact(value) * factor


def chinese_number(n: int) -> str:
    """Return 一 … 九百九十九 for 1 … 999, as headings and part counts write them."""
    if n < 10:
        return NUMERALS[n]
    if n < 20:
        return "十" + (NUMERALS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return f"{NUMERALS[tens]}十{NUMERALS[ones] if ones else ''}"
    hundreds, rest = divmod(n, 100)
    tail = "" if rest == 0 else ("零" + NUMERALS[rest] if rest < 10 else _tens_in_hundreds(rest))
    return f"{NUMERALS[hundreds]}百{tail}"


def _tens_in_hundreds(n: int) -> str:
    tens, ones = divmod(n, 10)
    return f"{NUMERALS[tens]}十{NUMERALS[ones] if ones else ''}"


def heading_number(level: int, n: int) -> str:
    """Return the number of the n-th heading at `level`: 第一部分　, 一、, （一）, 1. """
    return HEADING_FORMATS[level].format(n if level == 4 else chinese_number(n))


def period_label(period: str) -> str:
    """Return a plan period as people write it: 2027 年度, 2027 年第二季度, 2027 年 3 月."""
    if len(period) == 4:
        return f"{period} 年度"
    if "-Q" in period:
        return f"{period[:4]} 年第{chinese_number(int(period[-1]))}季度"
    return f"{period[:4]} 年 {int(period[5:])} 月"


def outline(parts: list[str]) -> str:
    """Return the sentence that tells how many parts a plan has and what they are, counted, never typed."""
    if not parts:
        return ""
    listed = "；".join(f"第{chinese_number(n)}部分，{title}" for n, title in enumerate(parts, 1))
    count = "两" if len(parts) == 2 else chinese_number(len(parts))  # 两个部分, not 二个
    return f"本计划共{count}个部分：{listed}。"


def date_label(day: date) -> str:
    """Return a date as a Chinese document writes it: 2026 年 11 月 20 日."""
    return f"{day.year} 年 {day.month} 月 {day.day} 日"


def _decimal(value: Fraction, places: int) -> Decimal:
    """Return `value` rounded half up to `places` decimals, exactly (no float in between)."""
    with localcontext() as context:
        context.prec = max(60, len(str(abs(value.numerator) // value.denominator)) + places + 5)
        quotient = Decimal(value.numerator) / Decimal(value.denominator)
        return quotient.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
