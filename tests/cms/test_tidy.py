"""Files the form wrote, tidied in a pull request: `salesbook fmt --changed BASE --from-form`."""

from __future__ import annotations

from pathlib import Path

from tests.contrib.gitrepo import commit_all, git, init_repository
from tests.helpers import copy_fixture, salesbook

FAQ = "content/faqs/demo-cloud-faq.yaml"
HAND_WRITTEN = """# yaml-language-server: $schema=../../schemas/faq.schema.json
# 演示产品的常见问题；答案先给结论。
id: demo-cloud-faq
title: 演示设备云常见问题
owner: 王磊
reviewed: 2026-10-01
tags: [价格, 上线]
product: demo-cloud
questions:
  - id: price
    question: 多少钱？
    answer: |
      标准版每年 8 万元起。
    stage: 需求分析
  - id: deploy-time  # 最常被问
    question: 多久能上线？
    answer: 两周。
    stage: 签约
"""
AS_THE_FORM_WRITES = """id: demo-cloud-faq
title: 演示设备云常见问题
owner: 王磊
reviewed: 2026-10-01
tags:
  - 价格
  - 上线
product: demo-cloud
questions:
  - id: price
    question: 多少钱？
    answer: |-
      标准版每年 8 万元起。

      三年合同打九折。
    stage: 需求分析
  - id: deploy-time
    question: 多久能上线？
    answer: 两周。
    stage: 签约
"""


def test_a_form_edit_keeps_comments_and_layout_of_the_rest(tmp_path: Path) -> None:
    root = copy_fixture("minimal", tmp_path)
    (root / FAQ).write_text(HAND_WRITTEN, encoding="utf-8")
    init_repository(root)
    git(root, "checkout", "-q", "-b", "cms/faq/demo-cloud-faq")
    (root / FAQ).write_text(AS_THE_FORM_WRITES, encoding="utf-8")
    commit_all(root, "更新 demo-cloud-faq")

    run = salesbook("fmt", "--changed", "main", "--from-form", cwd=root)

    assert run.code == 0, run.err
    assert f"已按 salesbook fmt 整理表单写入的文件：{FAQ}" in run.out
    diff = git(root, "diff", "--unified=0", "main", "--", FAQ)
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["+", "+      三年合同打九折。"]
    assert salesbook("check", cwd=root).code == 0


def test_a_new_file_from_the_form_gets_the_schema_line(tmp_path: Path) -> None:
    root = copy_fixture("minimal", tmp_path)
    init_repository(root)
    git(root, "checkout", "-q", "-b", "cms/faq/new")
    new = root / "content" / "faqs" / "demo-cloud-more.yaml"
    new.write_text(AS_THE_FORM_WRITES.replace("id: demo-cloud-faq", "id: demo-cloud-more"), encoding="utf-8")
    commit_all(root, "新建 demo-cloud-more")

    assert salesbook("fmt", "--changed", "main", "--from-form", cwd=root).code == 0

    text = new.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/faq.schema.json\nid: demo-cloud-more\n")
    assert "    answer: |\n      标准版每年 8 万元起。\n\n      三年合同打九折。\n" in text
    assert salesbook("fmt", "--check", "--changed", "main", cwd=root).code == 0
