"""`salesbook check`: every kind of mistake gives its located line, word for word."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import REPO_ROOT, build_file_tree, edit, salesbook

EDITS = [
    pytest.param(
        "content/products/demo-cloud.yaml", "reviewed:", "reviwed:",
        ["content/products/demo-cloud.yaml:3:1: reviewed: 缺少必填字段（最近一次审核日期，格式 YYYY-MM-DD）：加在 `owner` 这一项后面，如 `reviewed: 2026-11-03`",
         "content/products/demo-cloud.yaml:4:1: reviwed: 未知字段，是不是 `reviewed`？"],
        id="unknown-field-near-miss"),
    pytest.param(
        "content/case-studies/demo-customer.yaml", "products: [demo-cloud]", "products: [demo-clod]",
        ["content/case-studies/demo-customer.yaml:10:12: products[0]: 找不到产品 `demo-clod`，是不是 `demo-cloud`？"],
        id="dangling-reference"),
    pytest.param(
        "content/case-studies/demo-customer.yaml", "region: 华东区", "region: 华东",
        ["content/case-studies/demo-customer.yaml:8:9: region: `华东` 不在分类表「regions」中，是不是 `华东区`？若是新的取值，先把它加到 site_config/taxonomy.yaml 的 regions 列表里"],
        id="unknown-taxonomy-value"),
    pytest.param(
        "content/sops/demo-intake.yaml", "reviewed: 2026-08-01", "reviewed: 2026-13-01",
        ["content/sops/demo-intake.yaml:4:11: reviewed: `2026-13-01` 不是真实存在的日期：检查月份（01–12）和这个月的天数"],
        id="impossible-date"),
    pytest.param(
        "content/sops/demo-intake.yaml", "reviewed: 2026-08-01", "reviewed: 上周",
        ["content/sops/demo-intake.yaml:4:11: reviewed: `上周` 不是日期：写成 YYYY-MM-DD，如 `2026-11-03`"],
        id="text-instead-of-date"),
    pytest.param(
        "playbooks/demo-play.yaml", "title: 演示打法", 'title: ""',
        ["playbooks/demo-play.yaml:2:8: title: 不能为空"],
        id="empty-required-text"),
    pytest.param(
        "content/sops/demo-intake.yaml", "id: demo-intake", "id: demo-in-take",
        ["content/sops/demo-intake.yaml:1:5: id: id `demo-in-take` 必须与文件名 `demo-intake` 一致",
         "playbooks/demo-play.yaml:13:16: related_sops[0]: 找不到SOP `demo-intake`，是不是 `demo-in-take`？"],
        id="id-not-file-stem"),
    pytest.param(
        "content/sops/demo-intake.yaml", "id: demo-intake", "id: Demo_Intake",
        ["content/sops/demo-intake.yaml:1:5: id: id `Demo_Intake` 必须与文件名 `demo-intake` 一致",
         "content/sops/demo-intake.yaml:1:5: id: 格式不对：只能用小写英文字母、数字和连字符，如 `acme-line-upgrade`",
         "playbooks/demo-play.yaml:13:16: related_sops[0]: 找不到SOP `demo-intake`，是不是 `Demo_Intake`？"],
        id="id-not-kebab-case"),
    pytest.param(
        "content/products/demo-cloud.yaml", "tags: [平台]", "tags: [平台",
        ["content/products/demo-cloud.yaml:5:7: YAML 语法错误：这个 [ 没有闭合：在最后一项后面补上 ]，各项之间用英文逗号分隔"],
        id="yaml-syntax-error"),
    pytest.param(
        "content/products/demo-cloud.yaml", "tags: [平台]", "tags: [平台]\ntitle: 重复",
        ["content/products/demo-cloud.yaml:6:1: 字段 `title` 重复出现（第一次在第 2 行）"],
        id="duplicate-key"),
    pytest.param(
        "content/products/demo-cloud.yaml", "pitch: 让设备停机可预测。", "pitch: !!python/object:os.system ls",
        ["content/products/demo-cloud.yaml:8:8: 不允许使用 YAML 标签 `!!python/object:os.system`：内容文件只能包含普通文本、数字、日期、列表和映射"],
        id="object-tag"),
    pytest.param(
        "content/case-studies/demo-customer.yaml", "challenge: 停机频繁。", "challenge: XX",
        ["content/case-studies/demo-customer.yaml:13:12: challenge: 还没填写：请把 `XX` 换成真实内容"],
        id="placeholder-outside-plan"),
    pytest.param(
        "content/case-studies/demo-customer.yaml", "before: 40", "before: 很多",
        ["content/case-studies/demo-customer.yaml:17:13: results[0].before: `很多` 不是数字：这里只写阿拉伯数字，如 `40`"],
        id="text-instead-of-number"),
    pytest.param(
        "content/case-studies/demo-customer.yaml", "better: lower", "better: less",
        ["content/case-studies/demo-customer.yaml:20:13: results[0].better: `less` 不是可选值：只能是 `higher` / `lower` 之一"],
        id="value-not-in-choices"),
    pytest.param(
        "content/faqs/demo-cloud-faq.yaml", "id: deploy-time", "id: price",
        ["content/faqs/demo-cloud-faq.yaml:11:9: questions[1].id: 问题 id `price` 在本文件中重复（第 7 行已使用）"],
        id="duplicate-question-id"),
    pytest.param(
        "content/faqs/demo-cloud-faq.yaml", "    answer: 两周。\n", "",
        ["content/faqs/demo-cloud-faq.yaml:11:5: questions[1].answer: 缺少必填字段（回答（Markdown），先给结论再给依据）：在这一项里加上，如 `answer: 标准部署两周，含现场调试`"],
        id="missing-nested-field"),
    pytest.param(
        "content/plans/demo-plan.yaml", "weight: 60", "weight: 30",
        ["content/plans/demo-plan.yaml:22:5: kpis[0].items: 权重合计为 70%，应为 100%"],
        id="kpi-weights-not-100"),
    pytest.param(
        "content/plans/demo-plan.yaml", "amount: 1200000", "amount: 1100000",
        ["content/plans/demo-plan.yaml:13:12: breakdowns[0].total: 各行合计 2,900,000 元，与本表写明的总额 3,000,000 元不一致（少 100,000 元）"],
        id="breakdown-does-not-add-up"),
    pytest.param(
        "content/plans/demo-plan.yaml", "period: 2027-03", "period: 0000-03",
        ["content/plans/demo-plan.yaml:8:9: period: 格式不对：如 `2027`、`2027-Q1` 或 `2027-03`"],
        id="year-zero-period"),  # found by the property tests: it crashed the period arithmetic
    pytest.param(
        "content/plans/demo-plan.yaml", "prepared: 2026-11-01", "prepared: 2027-04-02",
        ["content/plans/demo-plan.yaml:9:11: prepared: 编制日期 2027-04-02 晚于计划期 2027-03 的结束日 2027-03-31"],
        id="prepared-after-period"),
]


@pytest.mark.parametrize(("path", "old", "new", "expected"), EDITS)
def test_each_mistake_is_reported_at_its_line(minimal: Path, path: str, old: str, new: str, expected: list[str]) -> None:
    edit(minimal / path, old, new)
    run = salesbook("check", cwd=minimal)
    assert run.lines == expected
    assert run.code == 1
    assert "Traceback" not in run.err


NEW_FILES = [
    pytest.param("content/products/x.yaml", "- a\n- b\n", "content/products/x.yaml:1:1: 文件顶层必须是键值映射（字段: 值），而这里是列表", id="top-level-list"),
    pytest.param("content/products/x.yaml", "hello\n", "content/products/x.yaml:1:1: 文件顶层必须是键值映射（字段: 值），而这里是单个值", id="top-level-scalar"),
    pytest.param("content/products/x.yaml", "", "content/products/x.yaml:1:1: 文件是空的，至少需要 id、title 等必填字段", id="empty-file"),
    pytest.param("content/products/x.yaml", "id: x\ntitle: 中文标题\n".encode("gbk"), "content/products/x.yaml:2:8: 文件不是 UTF-8 编码（看起来是 GBK/GB18030），请另存为 UTF-8", id="gbk"),
    pytest.param("content/products/x.yaml", "id: x\ntitle: 中文\n".encode("utf-16"), "content/products/x.yaml:1:1: 文件不是 UTF-8 编码（看起来是 UTF-16），请另存为 UTF-8", id="utf-16"),
    pytest.param("content/misc/x.yaml", "a: 1\n", "content/misc/x.yaml:1:1: 这个文件夹不属于任何内容类型：内容文件要放在 content/products/、content/faqs/、content/case-studies/、content/sops/、playbooks/、content/plans/ 之一", id="stray-folder"),
]


@pytest.mark.parametrize(("path", "content", "expected"), NEW_FILES)
def test_unreadable_files_are_reported(minimal: Path, path: str, content: str | bytes, expected: str) -> None:
    build_file_tree(minimal, {path: content})
    run = salesbook("check", cwd=minimal)
    assert run.lines == [expected]
    assert run.code == 1


def test_duplicate_id_names_the_file_that_has_it(minimal: Path) -> None:
    original = (minimal / "content/products/demo-cloud.yaml").read_text(encoding="utf-8")
    build_file_tree(minimal, {"content/products/demo-cloud-2.yaml": original})
    run = salesbook("check", cwd=minimal)
    assert run.lines == [
        "content/products/demo-cloud-2.yaml:1:5: id: id `demo-cloud` 已被 content/products/demo-cloud.yaml 使用",
        "content/products/demo-cloud-2.yaml:1:5: id: id `demo-cloud` 必须与文件名 `demo-cloud-2` 一致",
    ]


def test_every_problem_is_reported_in_one_run(minimal: Path) -> None:
    edit(minimal / "content/products/demo-cloud.yaml", "reviewed:", "reviwed:")
    edit(minimal / "content/case-studies/demo-customer.yaml", "region: 华东区", "region: 华东")
    edit(minimal / "content/plans/demo-plan.yaml", "weight: 60", "weight: 30")
    run = salesbook("check", cwd=minimal)
    files = [line.split(":")[0] for line in run.lines]
    assert files == sorted(files) and len(files) == 4
    assert run.err.strip() == "共 4 个错误、0 个警告（7 个文件）。"


def test_placeholder_in_a_sum_is_a_warning_not_an_error(minimal: Path) -> None:
    edit(minimal / "content/plans/demo-plan.yaml", "amount: 1200000", "amount: XX")
    run = salesbook("check", cwd=minimal)
    assert run.lines == ["content/plans/demo-plan.yaml:13:12: 警告: breakdowns[0].total: 含有 XX，暂不核对合计"]
    assert run.code == 0


def test_english_messages(minimal: Path) -> None:
    edit(minimal / "content/products/demo-cloud.yaml", "reviewed:", "reviwed:")
    run = salesbook("check", "--lang", "en", cwd=minimal)
    assert run.lines == [
        "content/products/demo-cloud.yaml:3:1: reviewed: required field is missing (最近一次审核日期，格式 YYYY-MM-DD): add it after `owner`, e.g. `reviewed: 2026-11-03`",
        "content/products/demo-cloud.yaml:4:1: reviwed: unknown field; did you mean `reviewed`?",
    ]


def test_json_output_for_machines(minimal: Path) -> None:
    edit(minimal / "content/case-studies/demo-customer.yaml", "region: 华东区", "region: 华东")
    run = salesbook("check", "--format", "json", cwd=minimal)
    assert json.loads(run.out) == [{
        "file": "content/case-studies/demo-customer.yaml", "line": 8, "col": 9, "field": "region",
        "code": "unknown_vocabulary", "severity": "error",
        "message": "`华东` 不在分类表「regions」中，是不是 `华东区`？若是新的取值，先把它加到 site_config/taxonomy.yaml 的 regions 列表里",
    }]
    assert run.code == 1


def test_clean_repository_exits_zero(minimal: Path) -> None:
    run = salesbook("check", cwd=minimal)
    assert (run.code, run.out) == (0, "")
    assert run.err.strip() == "检查通过：7 个文件，没有发现问题。"


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    assert salesbook("check", "--format", "xml", cwd=REPO_ROOT).code == 2
    run = salesbook("check", cwd=tmp_path)
    assert run.code == 2
    assert "找不到内容仓库" in run.err


def test_bundled_content_passes_every_check_it_asks_of_contributors() -> None:
    run = salesbook("check", cwd=REPO_ROOT)
    assert (run.code, run.out) == (0, ""), run.out  # not even a warning every contributor must learn to ignore
    layout = salesbook("fmt", "--check", cwd=REPO_ROOT)
    assert (layout.code, layout.out) == (0, ""), layout.out
