"""`salesbook init`: a new knowledge base that passes `check` at once, and the salesbook version it pins."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from generator.config.version import installed_version
from tests.helpers import REPO_ROOT, build_file_tree, edit, salesbook

ANSWERS = ["--company", "禾川厨房设备有限公司", "--site-name", "禾川销售知识库", "--product-line", "商用厨房设备", "--regions", "华东区、华南区"]
TODAY = ["--today", "2026-12-01"]


def init(folder: Path, *answers: str) -> Path:
    run = salesbook("init", folder, *answers, *TODAY, cwd=folder.parent)
    assert run.code == 0, run.err
    return folder


def test_a_new_knowledge_base_passes_the_check_and_the_format_check(tmp_path: Path) -> None:
    root = init(tmp_path / "kb", *ANSWERS)
    kinds = {p.parent.name for p in (root / "content").rglob("*.yaml")} | {p.parent.name for p in (root / "playbooks").glob("*.yaml")}
    assert kinds == {"products", "faqs", "case-studies", "sops", "plans", "playbooks"}
    for name in ("mkdocs.yml", "README.md", ".ci/run", ".github/workflows/content.yml", ".github/CODEOWNERS", ".pre-commit-config.yaml", "schemas/plan.schema.json"):
        assert (root / name).is_file(), name
    assert os.access(root / ".ci/run", os.X_OK)
    assert not (root / "templates").exists()  # salesbook's templates serve until the company copies one in
    site = (root / "site_config/site.yaml").read_text(encoding="utf-8")
    assert "site_name: 禾川销售知识库\n" in site and "company: 禾川厨房设备有限公司\n" in site
    assert f'salesbook: ">={installed_version().major}.{installed_version().minor},<' in site
    assert "regions: [华东区, 华南区]\n" in (root / "site_config/taxonomy.yaml").read_text(encoding="utf-8")
    assert "禾川厨房设备有限公司的销售知识库" in (root / "README.md").read_text(encoding="utf-8")
    check = salesbook("check", cwd=root)
    assert check.code == 0, check.out + check.err
    assert all("警告" in line and "XX" in line for line in check.lines)  # only the blank figures of the example plan
    fmt = salesbook("fmt", "--check", cwd=root)
    assert fmt.code == 0, fmt.out + fmt.err


def test_answers_that_yaml_would_misread_are_quoted(tmp_path: Path) -> None:
    root = init(tmp_path / "kb", "--company", "ACME: 中国 #1", "--site-name", "[知识库]", "--product-line", "2024", "--regions", "华东, 华南")
    check = salesbook("check", cwd=root)
    assert check.code == 0, check.out + check.err
    site = (root / "site_config/site.yaml").read_text(encoding="utf-8")
    assert 'company: "ACME: 中国 #1"\n' in site and 'site_name: "[知识库]"\n' in site
    assert 'product_lines: ["2024"]\n' in (root / "site_config/taxonomy.yaml").read_text(encoding="utf-8")


def test_init_refuses_a_folder_that_is_not_empty_and_touches_nothing(tmp_path: Path) -> None:
    build_file_tree(tmp_path / "kb", {"notes.txt": "mine"})
    run = salesbook("init", tmp_path / "kb", *ANSWERS, cwd=tmp_path)
    assert (run.code, run.err.strip()) == (2, f"salesbook: {tmp_path / 'kb'} 不是空文件夹：salesbook init 只在新的或空的文件夹里建知识库，不会覆盖任何文件")
    assert [p.name for p in (tmp_path / "kb").iterdir()] == ["notes.txt"]


def test_without_a_terminal_every_answer_must_be_given(tmp_path: Path) -> None:
    run = salesbook("init", tmp_path / "kb", "--company", "禾川", cwd=tmp_path, stdin="")
    assert (run.code, run.err.strip()) == (2, "salesbook: 不在终端里运行时，请用 --company、--site-name、--product-line 和 --regions 给出全部回答")
    assert not (tmp_path / "kb").exists()


def test_at_a_terminal_init_asks(tmp_path: Path) -> None:
    main, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "init", "kb", *TODAY], cwd=tmp_path, stdin=terminal, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    os.close(terminal)
    os.write(main, "禾川厨房设备有限公司\n禾川销售知识库\n\n商用厨房设备\n华东区，华南区；西南区\n".encode())
    out, err = process.communicate(timeout=120)
    os.close(main)
    assert process.returncode == 0, err.decode()
    assert [out.decode().count(question) for question in ("公司名称: ", "网站名称: ", "第一条产品线: ")] == [1, 1, 2]  # an empty answer is asked again
    assert "regions: [华东区, 华南区, 西南区]\n" in (tmp_path / "kb/site_config/taxonomy.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("pinned", "message"),
    [
        (">=99.0", "本知识库的设置需要 salesbook >=99.0，当前安装的是 {current}，版本太旧：请升级，如 pip install \"salesbook>=99.0\""),
        ("<0.1", "本知识库的设置需要 salesbook <0.1，当前安装的是 {current}，版本太新：请先按 salesbook 的更新说明调整设置、再改这一行，或安装符合的版本，如 pip install \"salesbook<0.1\""),
        ("最新版", "salesbook 版本范围 最新版 写得不对，应当像 \">=0.2,<0.3\" 这样"),
    ],
)
def test_check_says_where_the_settings_need_another_salesbook(tmp_path: Path, pinned: str, message: str) -> None:
    root = init(tmp_path / "kb", *ANSWERS)
    edit(root / "site_config/site.yaml", "\nsite_name:", "\nunknown_to_this_version: true\nsite_name:")  # a newer salesbook's setting
    text = (root / "site_config/site.yaml").read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("salesbook: "))
    edit(root / "site_config/site.yaml", old, f'salesbook: "{pinned}"')
    line = text.splitlines().index(old) + 1
    for command in ("check", "build"):
        run = salesbook(command, cwd=root)
        assert (run.code, run.lines) == (1, [f"site_config/site.yaml:{line}:12: salesbook: {message.format(current=installed_version())}"])
