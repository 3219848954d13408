"""Every command meets hostile input the same way: the located error, exit 1, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import build_file_tree, salesbook
from tests.site.conftest import copy_demo
from tests.test_hostile_input import billion_laughs

EVIL = "content/products/evil.yaml"
HOSTILE = [
    pytest.param("id: !!python/object/apply:os.system [touch pwned]\n", "content/products/evil.yaml:1:5: 不允许使用 YAML 标签 `!!python/object/apply:os.system`：内容文件只能包含普通文本、数字、日期、列表和映射", id="object-tag"),
    pytest.param(billion_laughs(), "content/products/evil.yaml:5:5: YAML 别名（*引用）过多或展开后过大，已拒绝（上限 100000）", id="alias-bomb"),
    pytest.param('id: evil\ntitle: "坏\\x07字符"\n', "content/products/evil.yaml:2:8: title: 文本含有不可见的控制字符 U+0007，请删除", id="control-character"),
    pytest.param("id: evil\ntitle: 中文标题\n".encode("gbk"), "content/products/evil.yaml:2:8: 文件不是 UTF-8 编码（看起来是 GBK/GB18030），请另存为 UTF-8", id="gbk"),
    pytest.param("- 列表\n- 不是映射\n", "content/products/evil.yaml:1:1: 文件顶层必须是键值映射（字段: 值），而这里是列表", id="top-level-list"),
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_demo(tmp_path_factory.mktemp("hostile") / "repo")


@pytest.mark.parametrize(("content", "expected"), HOSTILE)
@pytest.mark.parametrize("command", [("check",), ("build",), ("docx", "-o", "out/docx")], ids=lambda c: c[0])
def test_hostile_file_stops_every_command_at_its_line(demo: Path, command: tuple[str, ...], content: str | bytes, expected: str) -> None:
    build_file_tree(demo, {EVIL: content})
    try:
        run = salesbook(*command, cwd=demo)
    finally:
        (demo / EVIL).unlink()
    assert expected in run.lines
    assert all(line.startswith(EVIL) or ": 警告: " in line for line in run.lines), run.out
    assert run.code == 1 and "Traceback" not in run.err
    assert not (demo / "site").exists() and not (demo / "out").exists() and not (demo / "pwned").exists()
