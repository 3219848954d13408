"""Hostile and broken input: a clear located error, never a crash, bounded time and memory."""

from __future__ import annotations

import os
import time
import tracemalloc
from pathlib import Path

import pytest

from generator.load import MAX_FILE_BYTES, read_document
from tests.helpers import build_file_tree, edit, salesbook

PRODUCT = "content/products/demo-cloud.yaml"

BROKEN_YAML = [
    pytest.param("id: x\ntitle:\tA\n\tb: 1\n", "x.yaml:2:7: YAML 语法错误：这里有制表符（Tab），YAML 只能用空格缩进：把 Tab 换成空格", id="tab"),
    pytest.param("id: x\ntitle: a\n  owner: b\n", "x.yaml:3:3: YAML 语法错误：这一行比第 2 行的 `title` 缩进得多，YAML 把它读成了 `title` 的值的延续：与 `title` 对齐，顶格写、不缩进", id="bad-indent"),
    pytest.param('id: x\ntitle: "abc\nowner: b\n', "x.yaml:2:8: YAML 语法错误：这个 \" 引号没有闭合：在值的末尾补上 \"", id="unclosed-quote"),
    pytest.param("id: x\ntags: [a, b\n", "x.yaml:2:7: YAML 语法错误：这个 [ 没有闭合：在最后一项后面补上 ]，各项之间用英文逗号分隔", id="unclosed-bracket"),
    pytest.param("id: x\nq: {a: 1\n", "x.yaml:2:4: YAML 语法错误：这个 { 没有闭合：在最后一项后面补上 }，各项之间用英文逗号分隔", id="unclosed-brace"),
    pytest.param('id: x\ntitle: "a\\qb"\n', "x.yaml:2:11: YAML 语法错误：双引号里有无效的转义符（\\ 后面的字符），可改用单引号", id="invalid-escape"),
    pytest.param("id: x\nid: y\n", "x.yaml:2:1: 字段 `id` 重复出现（第一次在第 1 行）", id="duplicate-key"),
    pytest.param("id: x\n---\nid: y\n", "x.yaml:2:1: YAML 语法错误：一个文件只能有一个文档，请删除 ---", id="two-documents"),
    pytest.param("id: *nowhere\n", "x.yaml:1:5: YAML 语法错误：引用了未定义的锚点（*名称）", id="undefined-alias"),
    pytest.param("id: x\ntitle: a\x01b\n", "x.yaml:2:9: 文本含有不可见的控制字符 U+0001，请删除", id="raw-control-character"),
    pytest.param("id: !custom x\n", "x.yaml:1:5: 不允许使用 YAML 标签 `!custom`：内容文件只能包含普通文本、数字、日期、列表和映射", id="custom-tag"),
    pytest.param("id: !!python/object/apply:os.system [ls]\n", "x.yaml:1:5: 不允许使用 YAML 标签 `!!python/object/apply:os.system`：内容文件只能包含普通文本、数字、日期、列表和映射", id="python-object-tag"),
    pytest.param("id: !!binary aGVsbG8=\n", "x.yaml:1:5: 不允许使用 YAML 标签 `!!binary`：内容文件只能包含普通文本、数字、日期、列表和映射", id="binary-tag"),
    pytest.param("a: &a [*a]\n", "x.yaml:1:4: YAML 别名（*引用）过多或展开后过大，已拒绝（上限 100000）", id="recursive-alias"),
    pytest.param("a: " + "[" * 400 + "]" * 400 + "\n", "x.yaml:1:104: YAML 语法错误：嵌套层级过深，无法读取", id="too-deep"),
]


@pytest.mark.parametrize(("text", "expected"), BROKEN_YAML)
def test_broken_yaml_is_located(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    problems = read_document(path, "x.yaml")
    assert [p.format() for p in problems] == [expected]


@pytest.mark.parametrize("text", ["\ufeffid: x\ntitle: a\n", "id: x\r\ntitle: a\r\n"], ids=["utf8-bom", "crlf"])
def test_bom_and_crlf_are_read_as_usual(tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(text.encode("utf-8"))
    assert read_document(path, "x.yaml").plain == {"id": "x", "title": "a"}


def billion_laughs(levels: int = 10, width: int = 10) -> str:
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_quickly_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(billion_laughs(), encoding="utf-8")  # 10**10 nodes if expanded
    tracemalloc.start()
    started = time.perf_counter()
    problems = read_document(path, "x.yaml")
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [p.code for p in problems] == ["alias_limit"]
    assert elapsed < 2.0, f"took {elapsed:.2f}s"
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("id: x\ntitle: " + "长" * (MAX_FILE_BYTES // 3 + 10) + "\n", encoding="utf-8")
    size = path.stat().st_size
    assert [p.format() for p in read_document(path, "x.yaml")] == [f"x.yaml:1:1: 文件过大（{size} 字节，上限 {MAX_FILE_BYTES} 字节）"]


def test_escaped_control_character_names_the_field(minimal: Path) -> None:
    edit(minimal / PRODUCT, "pitch: 让设备停机可预测。", 'pitch: "让设备\\x0b停机可预测。"')
    run = salesbook("check", cwd=minimal)
    assert run.lines == ["content/products/demo-cloud.yaml:8:8: pitch: 文本含有不可见的控制字符 U+000B，请删除"]


ATTACHMENTS = [
    pytest.param("/etc/passwd", "路径必须相对于仓库根目录，不能是绝对路径", id="absolute"),
    pytest.param("../../secret.txt", "路径不能指向仓库之外", id="dot-dot"),
    pytest.param("assets/missing.pdf", "仓库里没有文件 `assets/missing.pdf`", id="missing"),
    pytest.param("assets/link.txt", "路径不能指向仓库之外", id="symlink-out"),
]


@pytest.mark.parametrize(("path", "message"), ATTACHMENTS)
def test_attachment_paths_stay_inside_the_repository(minimal: Path, tmp_path: Path, path: str, message: str) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("secret", encoding="utf-8")
    (minimal / "assets").mkdir()
    os.symlink(outside, minimal / "assets/link.txt")
    edit(minimal / PRODUCT, "tags: [平台]", f"tags: [平台]\nattachments:\n  - title: 说明书\n    path: {path}")
    run = salesbook("check", cwd=minimal)
    assert run.lines == [f"content/products/demo-cloud.yaml:8:11: attachments[0].path: {message}"]


def test_attachment_inside_the_repository_is_accepted(minimal: Path) -> None:
    build_file_tree(minimal, {"assets/manual.pdf": b"%PDF-1.4"})
    edit(minimal / PRODUCT, "tags: [平台]", "tags: [平台]\nattachments:\n  - title: 说明书\n    path: assets/manual.pdf")
    assert salesbook("check", cwd=minimal).code == 0
