"""The presentation rules every output shares, word for word."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from generator.present import (amount, chinese_number, date_label, heading_number, in_yuan, outline, percent, period_label,
                               shares, total, with_unit)


@pytest.mark.parametrize(("value", "expected"), [
    (123456789012345678, "123,456,789,012,345,678"),
    (1050000, "1,050,000"),
    (1050000.0, "1,050,000"),
    (12.5, "12.5"),
    (0.1 + 0.2, "0.3"),
    (1234.567, "1,234.57"),
    (0, "0"),
    (Fraction(1, 3), "0.33"),
    ("XX", "XX"),
])
def test_amounts(value, expected: str) -> None:
    assert amount(value) == expected


@pytest.mark.parametrize(("values", "expected"), [
    ([1050000, 820000, 550000, 580000], ["35.0%", "27.4%", "18.3%", "19.3%"]),
    ([1200000, 900000, 600000, 300000], ["40.0%", "30.0%", "20.0%", "10.0%"]),
    ([1, 1, 1], ["33.4%", "33.3%", "33.3%"]),
    ([2, 1, 1, 1, 1, 1], ["28.5%", "14.3%", "14.3%", "14.3%", "14.3%", "14.3%"]),
    ([5, 0], ["100.0%", "0.0%"]),
    ([5, "XX"], ["XX", "XX"]),
    ([0, 0], ["XX", "XX"]),
])
def test_share_columns_add_up_to_exactly_100(values, expected: list[str]) -> None:
    assert shares(values) == expected
    if "XX" not in expected:
        assert sum(Fraction(s.rstrip("%")) for s in expected) == 100


def test_share_of_huge_figures_is_exact() -> None:
    assert shares([123456789012345678, 123456789012345678]) == ["50.0%", "50.0%"]
    assert total([123456789012345678, 1]) == 123456789012345679


@pytest.mark.parametrize(("value", "unit", "expected"), [(150, "万元", "150 万元"), (65, "%", "65%"), ("XX", "家", "XX 家")])
def test_figures_with_units(value, unit: str, expected: str) -> None:
    assert with_unit(value, unit) == expected


def test_percentages_typed_by_people_keep_their_precision() -> None:
    assert [percent(15), percent(12.5), percent("XX")] == ["15%", "12.5%", "XX"]


def test_money_units_compare_in_yuan() -> None:
    assert in_yuan(150, "万元") == in_yuan(1500000, "元") == 1500000
    assert in_yuan(1.5, "亿元") == 150000000
    assert in_yuan(80, "家") is None and in_yuan("XX", "元") is None


@pytest.mark.parametrize(("n", "expected"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (99, "九十九"),
                                              (100, "一百"), (105, "一百零五"), (110, "一百一十"), (999, "九百九十九")])
def test_chinese_numerals(n: int, expected: str) -> None:
    assert chinese_number(n) == expected


def test_heading_numbers() -> None:
    assert [heading_number(level, 3) for level in (1, 2, 3, 4)] == ["第三部分　", "三、", "（三）", "3. "]
    assert heading_number(2, 12) == "十二、"


@pytest.mark.parametrize(("period", "expected"), [("2027", "2027 年度"), ("2027-Q2", "2027 年第二季度"), ("2027-03", "2027 年 3 月")])
def test_period_labels(period: str, expected: str) -> None:
    assert period_label(period) == expected


def test_dates_and_outline() -> None:
    assert date_label(date(2026, 11, 20)) == "2026 年 11 月 20 日"
    assert outline(["市场分析", "目标"]) == "本计划共两个部分：第一部分，市场分析；第二部分，目标。"
