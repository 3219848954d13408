"""`salesbook check --changed BASE`: a pull request answers for what it changes, wherever that shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.contrib.gitrepo import commit_all, git, init_repository
from tests.helpers import build_file_tree, edit, salesbook

BROKEN_CASE_STUDY = """\
id: pharma-line
title: 某药企：批记录电子化
owner: 李娜
reviewed: 2026-08-20
customer: 华东某药企
industry: 医药行业
region: 华东区
company_size: 大型
products: [cloud, gatway]
summary: 放行更快。
background: 两个制剂车间。
challenge: 纸质批记录。
solution: 设备云采集工艺数据。
results:
  - name: 放行周期
    before: 12
    after: XX
    unit: 天
    better: lower
"""

PATH = "content/case-studies/pharma-line.yaml"
ANNOTATIONS = [
    f"::error file={PATH},line=6,col=11::industry: `医药行业` 不在分类表「industries」中，是不是 `医药`？若是新的取值，先把它加到 site_config/taxonomy.yaml 的 industries 列表里",
    f"::error file={PATH},line=9,col=19::products[1]: 找不到产品 `gatway`，是不是 `gateway`？",
    f"::error file={PATH},line=17,col=12::results[0].after: 还没填写：请把 `XX` 换成真实内容",
]


@pytest.fixture
def history(team: Path) -> Path:
    """The team repository on `main`, with an old mistake already committed, and a branch `pr`."""
    init_repository(team)
    edit(team / "content/case-studies/food-line.yaml", "region: 华南区", "region: 华南")
    commit_all(team, "一个早已存在的错误")
    git(team, "switch", "-q", "-c", "pr")
    return team


def test_a_pull_request_adding_a_broken_case_study_gets_exactly_its_annotations(history: Path) -> None:
    build_file_tree(history, {PATH: BROKEN_CASE_STUDY})
    commit_all(history, "新增案例")
    run = salesbook("check", "--changed", "main", "--format", "github", cwd=history)
    assert run.lines == ANNOTATIONS
    assert run.code == 1


def test_the_pull_request_that_fixes_it_gets_none(history: Path) -> None:
    build_file_tree(history, {PATH: BROKEN_CASE_STUDY})
    commit_all(history, "新增案例")
    edit(history / PATH, "industry: 医药行业", "industry: 医药")
    edit(history / PATH, "gatway", "gateway")
    edit(history / PATH, "after: XX", "after: 7")
    commit_all(history, "按检查结果修改")
    run = salesbook("check", "--changed", "main", "--format", "github", cwd=history)
    assert (run.code, run.out) == (0, "")
    assert salesbook("check", cwd=history).code == 1  # the old mistake elsewhere is still there


def test_uncommitted_and_untracked_files_count_as_changed(history: Path) -> None:
    build_file_tree(history, {PATH: BROKEN_CASE_STUDY})
    run = salesbook("check", "--changed", "main", "--format", "github", cwd=history)
    assert run.lines == ANNOTATIONS


def test_a_renamed_product_fails_the_files_that_still_point_at_it(history: Path) -> None:
    git(history, "mv", "content/products/gateway.yaml", "content/products/edge-gateway.yaml")
    edit(history / "content/products/edge-gateway.yaml", "id: gateway", "id: edge-gateway")
    commit_all(history, "改产品 id")
    run = salesbook("check", "--changed", "main", cwd=history)
    assert run.lines == [
        "content/case-studies/auto-parts.yaml:10:19: products[1]: 找不到产品 `gateway`，是不是 `edge-gateway`？",
    ]
    assert run.code == 1
    assert run.err.splitlines() == [
        "只报告自 main 以来改动的 2 个文件中的问题，以及这些改动在其他文件引起的问题。",
        "共 1 个错误、0 个警告（8 个文件）。",
    ]


def test_a_deleted_product_fails_the_files_that_still_point_at_it(history: Path) -> None:
    git(history, "rm", "-q", "content/products/cloud.yaml")
    commit_all(history, "删除产品")
    run = salesbook("check", "--changed", "main", cwd=history)
    assert [line.split(": ", 1)[0] for line in run.lines] == [
        "content/case-studies/auto-parts.yaml:10:12",
        "content/case-studies/food-line.yaml:10:12",
        "content/faqs/cloud-faq.yaml:5:10",
        "playbooks/upsell.yaml:12:20",
    ]


def test_the_base_is_where_the_branch_left_main(history: Path) -> None:
    """Work merged into main after the branch was cut is not this pull request's change."""
    build_file_tree(history, {PATH: BROKEN_CASE_STUDY})
    commit_all(history, "新增案例")
    git(history, "switch", "-q", "main")
    edit(history / "content/case-studies/auto-parts.yaml", "region: 华东区", "region: 华东")
    commit_all(history, "main 上的另一处改动")
    git(history, "switch", "-q", "pr")
    run = salesbook("check", "--changed", "main", "--format", "github", cwd=history)
    assert run.lines == ANNOTATIONS


@pytest.mark.parametrize(("setup", "message"), [
    pytest.param(False, "salesbook: {root} 不在 git 仓库里，无法使用 --changed", id="not-a-repository"),
    pytest.param(True, "salesbook: 找不到 git 版本 `origin/main`（如果是远程分支，先运行 git fetch）", id="unknown-revision"),
])
def test_usage_errors(team: Path, setup: bool, message: str) -> None:
    if setup:
        init_repository(team)
    run = salesbook("check", "--changed", "origin/main", cwd=team)
    assert run.code == 2
    assert run.err.strip() == message.format(root=team.resolve())


def test_the_knowledge_base_may_live_in_a_subfolder_of_the_repository(team: Path) -> None:
    init_repository(team.parent)
    git(team.parent, "switch", "-q", "-c", "pr")
    edit(team / "content/case-studies/auto-parts.yaml", "region: 华东区", "region: 华东")
    run = salesbook("check", "--changed", "main", "--format", "github", cwd=team)
    assert run.lines == ["::error file=content/case-studies/auto-parts.yaml,line=8,col=9::region: `华东` 不在分类表「regions」中，是不是 `华东区`？若是新的取值，先把它加到 site_config/taxonomy.yaml 的 regions 列表里"]
