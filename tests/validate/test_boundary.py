"""`check` guards the customer boundary: internal-looking customer text is a located warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.validate import check_repository
from tests.helpers import REPO_ROOT, copy_fixture, edit

FAQ = "content/faqs/demo-cloud-faq.yaml"
CASE = "content/case-studies/demo-customer.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The minimal repository with the rules the demo content ships with."""
    root = copy_fixture("minimal", tmp_path)
    shutil.copy(REPO_ROOT / "site_config/audience.yaml", root / "site_config/audience.yaml")
    return root


def warnings(root: Path) -> list[str]:
    result = check_repository(root)
    assert not result.errors, [p.format() for p in result.errors]
    return [p.format() for p in result.warnings]


CASES = [
    pytest.param(FAQ, "answer: 标准版每年 8 万元起。", "answer: 标准版每年 8 万元起，最低可给到 92 折。",
                 [f"{FAQ}:9:31: 警告: questions[0].answer: 客户能看到的文字里有疑似内部信息（具体折扣率）：“92 折”。具体让到几折属于内部口径，请写进 internal_note。"],
                 id="discount-rate"),
    pytest.param(FAQ, "answer: 标准版每年 8 万元起。", "answer: 标准版每年 8 万元起，再低按折扣权限审批。",
                 [f"{FAQ}:9:28: 警告: questions[0].answer: 客户能看到的文字里有疑似内部信息（折扣权限）：“折扣权限”。谁能批几折是内部规定，请写进 internal_note 或把这条问答标为内部（visibility 设为 internal）。"],
                 id="discount-authority"),
    pytest.param(FAQ, "answer: 标准版每年 8 万元起。", "answer: 底价 6 万元。",
                 [f"{FAQ}:9:13: 警告: questions[0].answer: 客户能看到的文字里有疑似内部信息（底价）：“底价”。底价不能让客户知道，请写进 internal_note。"],
                 id="floor-price"),
    pytest.param(FAQ, "answer: 两周。", "answer: 两周，硬件按成本价供货。",
                 [f"{FAQ}:13:18: 警告: questions[1].answer: 客户能看到的文字里有疑似内部信息（成本）：“按成本”。我方成本不能让客户知道，请写进 internal_note。"],
                 id="cost"),
    pytest.param(FAQ, "answer: 两周。", "answer: 两周，毛利率仍在 40% 以上。",
                 [f"{FAQ}:13:16: 警告: questions[1].answer: 客户能看到的文字里有疑似内部信息（毛利）：“毛利”。毛利是内部数据，请写进 internal_note。"],
                 id="margin"),
    pytest.param(FAQ, "question: 多少钱？", "question: 比 S 系列网关便宜多少？",
                 [f"{FAQ}:8:17: 警告: questions[0].question: 客户能看到的文字里点名了竞品“S 系列网关”：竞品对比请写进产品的 competitors 或 internal_note"],
                 id="named-competitor"),
    pytest.param(FAQ, "answer: 两周。", "answer: |\n      两周。\n      比竞品快一倍。",
                 [f"{FAQ}:15:8: 警告: questions[1].answer: 客户能看到的文字里有疑似内部信息（竞品对比）：“竞品”。竞品对比请写进产品的 competitors，或把这条问答标为内部（visibility 设为 internal）。"],
                 id="second-line-of-a-block"),
    pytest.param(CASE, "customer: 华东某汽车零部件企业", "customer: 苏州精工汽车零部件有限公司",
                 [f"{CASE}:5:11: 警告: customer: 案例标为匿名（anonymised: true），这里却出现了公司全称“苏州精工汽车零部件有限公司”",
                  f"{CASE}:5:11: 警告: customer: 案例标为匿名（anonymised: true），但客户名称“苏州精工汽车零部件有限公司”不是匿名写法（应含“某”，如“华东某汽车零部件企业”）"],
                 id="anonymised-customer-named"),
    pytest.param(CASE, "summary: 预测性维护让停机减半。", "summary: 预测性维护让停机减半，签约只用了 45 天。\nsales_cycle_days: 45",
                 [f"{CASE}:11:27: 警告: summary: 客户能看到的文字里出现了内部字段 sales_cycle_days 的值：“45 天”，请改写或移到 internal_note"],
                 id="internal-value-echoed"),
    pytest.param(CASE, "background: 三条冲压线。", "background: 为苏州精工有限公司配套，三条冲压线。",
                 [f"{CASE}:12:13: 警告: background: 案例标为匿名（anonymised: true），这里却出现了公司全称“为苏州精工有限公司”"],
                 id="anonymised-name-in-text"),
]


@pytest.mark.parametrize(("path", "old", "new", "expected"), CASES)
def test_internal_looking_customer_text_is_a_located_warning(repo: Path, path: str, old: str, new: str, expected: list[str]) -> None:
    assert warnings(repo) == []
    edit(repo / path, old, new)
    assert warnings(repo) == expected


@pytest.mark.parametrize(("path", "old", "new"), [
    pytest.param(FAQ, "    stage: 需求分析", "    stage: 需求分析\n    internal_note: 最低 92 折，底价 6 万元。", id="internal-note"),
    pytest.param(FAQ, "answer: 标准版每年 8 万元起。", "answer: 最低 92 折。\n    visibility: internal", id="internal-question"),
    pytest.param(CASE, "solution: 部署设备云。", "solution: 按报价权限给了 92 折。\ninternal_sections: [solution]", id="internal-section"),
    pytest.param(CASE, "anonymised: true", "anonymised: true\ndeal_size: 92\nsales_cycle_days: 95", id="internal-fields"),
    pytest.param("content/sops/demo-intake.yaml", "id: demo-intake", "id: demo-intake\ninternal_note: 毛利低于 35% 要总经理审批。", id="internal-by-default"),
])
def test_internal_parts_may_say_anything(repo: Path, path: str, old: str, new: str) -> None:
    edit(repo / path, old, new)
    assert warnings(repo) == []


def test_a_wrong_rule_is_a_located_error(repo: Path) -> None:
    edit(repo / "site_config/audience.yaml", "pattern: '毛利'", "pattern: '毛利('")
    result = check_repository(repo)
    assert [p.format() for p in result.errors] == [
        "site_config/audience.yaml:21:14: patterns[4].pattern: 不是有效的正则表达式：missing ), unterminated subpattern at position 2"
    ]
