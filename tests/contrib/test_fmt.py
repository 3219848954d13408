"""`salesbook fmt`: one layout, every comment and every word kept, and a second run changes nothing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.load import new_yaml, to_plain
from tests.contrib.gitrepo import git, init_repository
from tests.helpers import REPO_ROOT, build_file_tree, salesbook

MESSY = """\
# yaml-language-server: $schema=../../schemas/case-study.schema.json
title: '某车企：停机减少一半'   # 标题写结果
id: auto-parts
# 负责人
owner: "李娜"
reviewed: 2025-12-01
results:
    -   before: 40   # 实施前
        name: 非计划停机
        # 越低越好
        better: lower
        after: 20
        unit: "小时/月"
customer: 华东某汽车零部件企业
anonymised: true
industry: 汽车及零部件
region: 华东区
company_size: 大型
products: [cloud, gateway]   # 产品 id
summary: 预测性维护让停机减半。
background: |
    三条冲压线。
    # 这一行是正文，不是注释
challenge: 停机频繁。
solution: >
    部署设备云，
    两周上线。
notes: 未知字段也保留
# 结尾注释
"""

TIDY = """\
# yaml-language-server: $schema=../../schemas/case-study.schema.json
id: auto-parts
title: 某车企：停机减少一半  # 标题写结果
# 负责人
owner: 李娜
reviewed: 2025-12-01
customer: 华东某汽车零部件企业
anonymised: true
industry: 汽车及零部件
region: 华东区
company_size: 大型
products: [cloud, gateway]  # 产品 id
summary: 预测性维护让停机减半。
background: |
  三条冲压线。
  # 这一行是正文，不是注释
challenge: 停机频繁。
solution: >
  部署设备云，
  两周上线。
results:
  - name: 非计划停机
    before: 40  # 实施前
    after: 20
    unit: 小时/月
    # 越低越好
    better: lower
notes: 未知字段也保留
# 结尾注释
"""

PATH = "content/case-studies/auto-parts.yaml"


def comments(text: str) -> list[str]:
    """Return every comment in `text` (block-scalar lines excepted), sorted."""
    return sorted(m.group(0).strip() for m in re.finditer(r"(?:^|\s)#[^\n]*", text) if "这一行是正文" not in m.group(0))


def test_fmt_lays_out_a_messy_file_and_keeps_every_comment_and_word(team: Path) -> None:
    build_file_tree(team, {PATH: MESSY})
    run = salesbook("fmt", cwd=team)
    assert run.lines == [f"已整理 {PATH}"]
    assert run.err.strip() == "整理了 1 个文件（共检查 8 个）。"
    tidy = (team / PATH).read_text(encoding="utf-8")
    assert tidy == TIDY
    assert comments(tidy) == comments(MESSY)
    assert to_plain(new_yaml().load(tidy)) == to_plain(new_yaml().load(MESSY))


def test_fmt_check_lists_the_files_and_changes_nothing(team: Path) -> None:
    build_file_tree(team, {PATH: MESSY})
    run = salesbook("fmt", "--check", cwd=team)
    assert (run.code, run.lines) == (1, [f"格式需要整理：{PATH}"])
    assert run.err.strip() == "1 个文件格式需要整理：运行 salesbook fmt（不加 --check）即可自动整理，内容和注释不会改变。"
    assert (team / PATH).read_text(encoding="utf-8") == MESSY


def test_fmt_is_idempotent(team: Path) -> None:
    build_file_tree(team, {PATH: MESSY})
    salesbook("fmt", cwd=team)
    run = salesbook("fmt", "--check", cwd=team)
    assert (run.code, run.out) == (0, "")
    assert run.err.strip() == "格式检查通过：检查了 8 个文件，无需整理。"


def test_fmt_reports_a_file_it_cannot_read_and_leaves_it_alone(team: Path) -> None:
    build_file_tree(team, {PATH: "id: auto-parts\ntags: [a\n"})
    run = salesbook("fmt", PATH, cwd=team)
    assert run.code == 1
    assert run.lines[0].startswith(f"{PATH}:2:7: YAML 语法错误")
    assert (team / PATH).read_text(encoding="utf-8") == "id: auto-parts\ntags: [a\n"


def test_fmt_refuses_a_path_that_does_not_exist(team: Path) -> None:
    run = salesbook("fmt", "content/nothing.yaml", cwd=team)
    assert (run.code, run.err.strip()) == (2, "salesbook: 路径不存在：content/nothing.yaml")


@pytest.mark.parametrize("folder", ["content", "playbooks"])
def test_the_demo_content_is_a_fixed_point_of_fmt_and_its_comments_survive_a_shuffle(tmp_path: Path, folder: str) -> None:
    """Reversing the top-level keys of every demo file and formatting gives each file back, comment for comment."""
    root = tmp_path / "demo"
    shutil.copytree(REPO_ROOT / "site_config", root / "site_config")
    shutil.copytree(REPO_ROOT / folder, root / folder)
    salesbook("fmt", cwd=root)
    originals = {path: path.read_text(encoding="utf-8") for path in sorted((root / folder).rglob("*.yaml"))}
    for path, text in originals.items():
        path.write_text(_reverse_top_level(text), encoding="utf-8")
    salesbook("fmt", cwd=root)
    for path, text in originals.items():
        assert path.read_text(encoding="utf-8") == text, path


def _reverse_top_level(text: str) -> str:
    """Reverse the order of the top-level keys (each with the comment lines above it)."""
    header, blocks, current = [], [], []
    for line in text.splitlines(keepends=True):
        if line.startswith("# yaml-language-server") and not blocks and not current:
            header.append(line)
            continue
        current.append(line)
        if line[:1] not in ("", " ", "#", "\n", "-"):
            blocks.append(current)
            current = []
        elif blocks and line[:1] in (" ", "-", "\n"):
            blocks[-1].extend(current)
            current = []
    return "".join(header) + "".join(line for block in reversed(blocks) for line in block) + "".join(current)


def test_fmt_changed_looks_only_at_content_files_changed_since_base(team: Path) -> None:
    build_file_tree(team, {"content/products/cloud.yaml": (team / "content/products/cloud.yaml").read_text(encoding="utf-8").replace("owner: 王磊", "owner: '王磊'")})
    init_repository(team)  # an untidy file already on main is not this branch's business
    git(team, "switch", "-q", "-c", "pr")
    build_file_tree(team, {PATH: MESSY, "notes/todo.yaml": "b: 1\na: 2\n"})
    run = salesbook("fmt", "--check", "--changed", "main", cwd=team)
    assert (run.code, run.lines) == (1, [f"格式需要整理：{PATH}"])
