"""`salesbook plan new`: a commented scaffold per archetype that passes `salesbook check` (and `fmt --check`) at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.archetypes import ARCHETYPE_IDS
from tests.helpers import salesbook


@pytest.mark.parametrize("archetype", ARCHETYPE_IDS)
@pytest.mark.parametrize("period", ["2027", "2027-Q2", "2027-03"])
def test_scaffold_passes_check_at_once(minimal: Path, archetype: str, period: str) -> None:
    target = f"content/plans/new-{archetype}-{period.lower()}.yaml"
    run = salesbook("plan", "new", "--archetype", archetype, "--team", "华东区", "--period", period, "-o", target, cwd=minimal)
    assert run.code == 0, run.err
    check = salesbook("check", cwd=minimal)
    assert check.code == 0, check.out
    assert all(": 警告: " in line and "含有 XX" in line for line in check.lines), check.out
    assert salesbook("fmt", "--check", target, cwd=minimal).code == 0  # already in the house style


def test_the_command_from_the_issue(minimal: Path) -> None:
    run = salesbook("plan", "new", "--archetype", "kpi", "--team", "华东区", "--period", "2027", "-o", "content/plans/2027-east-kpi.yaml", cwd=minimal)
    assert run.lines == ["已创建 content/plans/2027-east-kpi.yaml（计划范式：数据驱动、KPI导向型）。填好 XX 后运行 salesbook check 核对，再运行 salesbook docx 生成 Word 文档。"]
    text = (minimal / "content/plans/2027-east-kpi.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/plan.schema.json\n# 由 salesbook plan new 生成（计划范式：数据驱动、KPI导向型）。\n")
    assert "id: 2027-east-kpi\ntitle: 华东区 2027 年度销售工作计划\n" in text
    assert 'period: "2027"\n' in text
    assert "company: 演示公司\n" in text  # taken from the plans already there
    assert "&id" not in text


def test_a_chinese_comment_above_every_block(minimal: Path) -> None:
    salesbook("plan", "new", "--archetype", "strategic", "--team", "销售中心", "--period", "2027", "-o", "content/plans/s.yaml", cwd=minimal)
    lines = (minimal / "content/plans/s.yaml").read_text(encoding="utf-8").splitlines()
    blocks = [i for i, line in enumerate(lines) if re.match(r"^(summary|swot|targets|breakdowns|strategies|budget|support|risks):", line)]
    assert len(blocks) == 8
    comments = [lines[i - 1] for i in blocks]
    assert all(c.startswith("# ") and re.search(r"[\u4e00-\u9fff]", c) for c in comments)
    assert "# 目标分解表（按季度、产品线、区域等）——写在“年度销售核心目标”部分；每张表各行金额合计必须等于 total。" in comments


def test_placeholders_only_where_figures_go(minimal: Path) -> None:
    salesbook("plan", "new", "--archetype", "account", "--team", "客户成功部", "--period", "2027", "-o", "content/plans/a.yaml", cwd=minimal)
    text = (minimal / "content/plans/a.yaml").read_text(encoding="utf-8")
    for field in ("id", "title", "owner", "team", "company", "period", "archetype"):
        line = next(line for line in text.splitlines() if line.startswith(f"{field}:"))
        assert "XX" not in line


@pytest.mark.parametrize(("args", "message"), [
    pytest.param(["--period", "2027-13"], "salesbook: 计划期 `2027-13` 格式不对：如 `2027`、`2027-Q1` 或 `2027-03`", id="bad-period"),
    pytest.param(["--period", "2027", "-o", "content/plans/East KPI.yaml"], "salesbook: 文件名 `East KPI` 将作为计划 id，只能用小写英文字母、数字和连字符，如 `2027-east-kpi`", id="bad-name"),
    pytest.param(["--period", "2027", "-o", "content/plans/demo-plan.yaml"], "salesbook: content/plans/demo-plan.yaml 已存在；换一个文件名，或加 --force 覆盖", id="exists"),
])
def test_refusals(minimal: Path, args: list[str], message: str) -> None:
    run = salesbook("plan", "new", "--archetype", "kpi", "--team", "华东区", *args, cwd=minimal)
    assert (run.code, run.err.strip()) == (2, message)


def test_default_file_name_from_period_team_and_archetype(minimal: Path) -> None:
    run = salesbook("plan", "new", "--archetype", "expansion", "--team", "西南区", "--period", "2027-Q3", cwd=minimal)
    assert run.code == 0
    assert (minimal / "content/plans/2027-q3-xinanqu-expansion.yaml").is_file()
