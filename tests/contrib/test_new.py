"""`salesbook new`: a commented scaffold that fails the check until it is filled, then passes."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.load import new_yaml
from generator.errors import field_path
from tests.helpers import REPO_ROOT, build_file_tree, salesbook

TODAY = {"SALESBOOK_TODAY": "2026-09-01"}
FOLDERS = {"case-study": "content/case-studies", "faq": "content/faqs", "sop": "content/sops", "playbook": "playbooks", "product": "content/products"}

FILLS: dict[str, Any] = {
    "attachments[0].path": "assets/brochure.pdf",
    "industry": "医药", "industries[0]": "医药", "region": "华东区", "company_size": "中型", "line": "工业软件平台",
    "products[0]": "gateway", "product": "gateway", "related_products[0]": "cloud",
    "related_sops[0]": "lead-intake", "related_case_studies[0]": "auto-parts",
    "results[0].before": 12, "results[0].after": 7, "results[0].better": "lower", "sales_cycle_days": 90, "deal_size": 80,
    "questions[0].id": "price", "questions[0].stage": "需求分析", "stages[0]": "签约",
    "roles[0]": "销售代表", "audience[0]": "销售代表", "steps[0].owner": "销售主管",
    "internal_sections[0]": "pricing",
}
"""What a writer would put in place of `XX`, by field; any other field gets ordinary text."""


SECTION_FILLS = {"case-study": {"internal_sections[0]": "solution"}}
"""Fills that differ by content type (each type has its own sections)."""


def fill(path: Path, overrides: dict[str, Any] | None = None) -> list[str]:
    """Replace every `XX` in the file as a writer would; return the fields filled."""
    yaml = new_yaml()
    data = yaml.load(path.read_text(encoding="utf-8"))
    filled: list[str] = []

    def walk(node: Any, loc: tuple[str | int, ...]) -> None:
        pairs = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
        for key, value in list(pairs):
            where = (*loc, key)
            if isinstance(value, str) and value.strip() == "XX":
                node[key] = {**FILLS, **(overrides or {})}.get(field_path(where), "已填写的内容")
                filled.append(field_path(where))
            else:
                walk(value, where)

    walk(data, ())
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return filled


def new(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "new", *args], cwd=root, capture_output=True, text=True, env={**os.environ, **TODAY}, stdin=subprocess.DEVNULL, check=False)


@pytest.mark.parametrize("kind", list(FOLDERS))
def test_a_scaffold_fails_the_check_until_filled_then_passes(team: Path, kind: str) -> None:
    made = new(team, kind, "--id", "new-item")
    path = team / FOLDERS[kind] / "new-item.yaml"
    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines() == [
        f"已创建 {FOLDERS[kind]}/new-item.yaml",
        "下一步：把文件里每个 XX 换成真实内容，然后运行 salesbook check，按它指出的行逐一修改，直到没有错误。",
    ]
    assert salesbook("fmt", "--check", path, cwd=team).code == 0

    unfilled = salesbook("check", cwd=team)
    assert unfilled.code == 1
    blanks = {line.split(": ")[1] for line in unfilled.lines}

    build_file_tree(team, {"assets/brochure.pdf": b"%PDF-1.4\n"})
    filled = fill(path, SECTION_FILLS.get(kind))
    assert set(filled) == blanks  # every error pointed at a blank, and every blank had an error
    run = salesbook("check", cwd=team)
    assert (run.code, run.out) == (0, "")


def test_the_case_study_scaffold_explains_each_field(team: Path) -> None:
    new(team, "case-study", "--id", "acme-line-upgrade", "--title", "某药企：放行周期缩短四成", "--owner", "李娜")
    lines = (team / "content/case-studies/acme-line-upgrade.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[:12] == [
        "# yaml-language-server: $schema=../../schemas/case-study.schema.json",
        "# 新客户案例：把每个 XX 换成真实内容；标有“可选”的项用不上就整项删除。",
        "# 填好后运行 salesbook check，它会逐条指出还没填好的地方（文件:行:列）。",
        "",
        "# 唯一标识：小写英文、数字和连字符，必须与文件名一致",
        "id: acme-line-upgrade",
        "# 标题，显示在页面和搜索结果中",
        "title: 某药企：放行周期缩短四成",
        "# 负责保持内容准确的人或角色",
        "owner: 李娜",
        "# 最近一次审核日期，格式 YYYY-MM-DD",
        "reviewed: 2026-09-01",
    ]
    text = "\n".join(lines)
    for excerpt in [
        "# 客户所在行业（取自分类表 industries）；可选值：汽车及零部件、食品饮料、医药\nindustry: XX\n",
        "# 使用的产品 id；现有：cloud、gateway\nproducts:\n  - XX\n",
        "# 背景：客户是谁、业务现状\nbackground: |\n  XX\n",
        "# 量化结果，每项有实施前后数值\nresults:\n  # 指标名称，如“非计划停机时长”\n  - name: XX\n    # 实施前的数值\n    before: XX\n",
        "# 客户证言；可选，用不上就删掉这一项\nquote:\n  # 客户原话（经客户同意）\n  text: XX\n",
    ]:
        assert excerpt in text + "\n"


@pytest.mark.parametrize(("args", "message"), [
    pytest.param(["case-study", "--id", "auto-parts"], "文件已存在：content/case-studies/auto-parts.yaml。salesbook new 不会覆盖已有文件：换一个 id，或直接编辑这个文件", id="file-exists"),
    pytest.param(["case-study", "--id", "car-maker"], "id `car-maker` 已被 content/case-studies/old-name.yaml 使用，请换一个", id="id-taken"),
    pytest.param(["sop", "--id", "Lead_Intake"], "id `Lead_Intake` 格式不对：只能用小写英文字母、数字和连字符，如 `acme-line-upgrade`", id="bad-id"),
    pytest.param(["faq"], "没有给出 --id，而标准输入不是终端，无法提问。请这样运行：salesbook new faq --id acme-line-upgrade（换成你的 id）", id="no-id-no-terminal"),
    pytest.param(["plan", "--id", "x"], "计划请用 salesbook plan new 创建（如 salesbook plan new --archetype kpi --team 华东区 --period 2027-Q1），它按五种计划范式生成草稿", id="plan"),
])
def test_refusals(team: Path, args: list[str], message: str) -> None:
    build_file_tree(team, {"content/case-studies/old-name.yaml": "id: car-maker\n"})
    before = sorted(p.relative_to(team) for p in team.rglob("*"))
    run = new(team, *args)
    assert (run.returncode, run.stdout, run.stderr.strip()) == (2, "", f"salesbook: {message}")
    assert sorted(p.relative_to(team) for p in team.rglob("*")) == before
    assert (team / "content/case-studies/auto-parts.yaml").read_text(encoding="utf-8").startswith("id: auto-parts\n")


def test_without_id_it_asks_at_the_terminal_and_asks_again_after_a_bad_answer(team: Path) -> None:
    main, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "new", "faq"], cwd=team, stdin=terminal, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, **TODAY, "PYTHONPATH": str(REPO_ROOT)},
    )
    os.close(terminal)
    os.write(main, "cloud-faq\ngateway faq\ngateway-faq\n边缘网关常见问题\n王磊\n".encode())
    out, err = process.communicate(timeout=60)
    os.close(main)
    assert process.returncode == 0, err.decode()
    assert err.decode().splitlines() == [
        "文件已存在：content/faqs/cloud-faq.yaml。salesbook new 不会覆盖已有文件：换一个 id，或直接编辑这个文件",
        "id `gateway faq` 格式不对：只能用小写英文字母、数字和连字符，如 `acme-line-upgrade`",
    ]
    assert out.decode().count("id（小写英文、数字和连字符，也是文件名，如 acme-line-upgrade）: ") == 3
    text = (team / "content/faqs/gateway-faq.yaml").read_text(encoding="utf-8")
    assert "\nid: gateway-faq\n# 标题，显示在页面和搜索结果中\ntitle: 边缘网关常见问题\n# 负责保持内容准确的人或角色\nowner: 王磊\n" in text
