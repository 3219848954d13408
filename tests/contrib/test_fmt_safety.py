"""`fmt` is safe by construction: it never changes data, never loses a file, keeps what it cannot lay out."""

from __future__ import annotations

import codecs
import errno
import json
import os
import stat
from pathlib import Path

import pytest

from generator.fmt import Formatted, format_file, format_paths
from generator.load import read_document, to_plain
from generator.rewrite import same_data
from tests.helpers import FIXTURES, REPO_ROOT, salesbook

CASE = "content/case-studies/demo-customer.yaml"
SUITE = json.loads((FIXTURES / "yaml-test-suite" / "cases.json").read_text(encoding="utf-8"))


def _unordered(minimal: Path) -> Path:
    """Make the demo case study need formatting (two keys swapped); return its path."""
    path = minimal / CASE
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    path.write_text(text.replace(title + "\n", "") + title + "\n", encoding="utf-8")
    return path


def test_a_file_ruamel_refuses_is_reported_and_left_as_it_is(minimal: Path) -> None:
    path = minimal / CASE
    path.write_text(path.read_text(encoding="utf-8") + "extra:\n  1: a\n  1.0: b\n", encoding="utf-8")
    before = path.read_bytes()
    run = salesbook("fmt", CASE, cwd=minimal)
    assert run.code == 1
    assert run.out.startswith(f"{CASE}:")
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "addition",
    ["base: &base\n  unit: 小时\nother: *base\n", "base: &b {unit: 小时}\nmerged:\n  <<: *b\n  more: 1\n"],
    ids=["alias", "merge-key"],
)
def test_anchors_aliases_and_merge_keys_are_kept_as_written(minimal: Path, addition: str) -> None:
    path = _unordered(minimal)
    path.write_text(path.read_text(encoding="utf-8") + addition, encoding="utf-8")
    before = path.read_bytes()
    run = salesbook("fmt", CASE, cwd=minimal)
    assert run.code == 0, run.err
    assert "锚点、别名或合并键" in run.out
    assert path.read_bytes() == before


def test_bom_crlf_and_mode_are_kept(minimal: Path) -> None:
    path = _unordered(minimal)
    path.write_bytes(codecs.BOM_UTF8 + path.read_bytes().replace(b"\n", b"\r\n"))
    path.chmod(0o640)
    run = salesbook("fmt", CASE, cwd=minimal)
    assert run.code == 0, run.err
    after = path.read_bytes()
    assert after.startswith(codecs.BOM_UTF8) and after.count(b"\n") == after.count(b"\r\n") > 5
    assert after.decode("utf-8-sig").replace("\r\n", "\n").startswith("id: ")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_mixed_line_endings_are_unified_and_said(minimal: Path) -> None:
    path = _unordered(minimal)
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b"\n", b"\r\n", 3))
    run = salesbook("fmt", CASE, cwd=minimal)
    assert run.code == 0
    assert f"{CASE}:1:1: 警告: 文件混用了换行符，已统一为 LF" in run.out
    assert b"\r" not in path.read_bytes()


def test_a_full_disk_leaves_the_file_whole(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _unordered(minimal)
    before = path.read_bytes()

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        format_paths(minimal, [path], write=True)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def _formatted_round_trip(path: Path, root: Path) -> Formatted | None:
    """Format `path`; assert the result loads to the same data and is a fixed point."""
    result = format_file(path, root)
    if isinstance(result, list):
        return None
    document = read_document(path, "x")
    assert not isinstance(document, list)
    assert same_data(to_plain(document.data), result.text)
    path.write_bytes(result.new_bytes)
    again = format_file(path, root)
    assert isinstance(again, Formatted) and again.new_bytes == result.new_bytes, path
    return result


def test_every_demo_file_formats_to_the_same_data_and_stays_formatted(tmp_path: Path) -> None:
    files = sorted((REPO_ROOT / "content").rglob("*.yaml")) + sorted((REPO_ROOT / "playbooks").glob("*.yaml"))
    assert len(files) > 30
    for source in files:
        copy = tmp_path / source.relative_to(REPO_ROOT)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(source.read_bytes())
        assert _formatted_round_trip(copy, tmp_path) is not None, source


def test_every_yaml_test_suite_input_formats_safely_or_is_left_alone(minimal: Path) -> None:
    path = minimal / "content/case-studies/suite-case.yaml"
    formatted = 0
    for case in SUITE:
        path.write_text(case["yaml"], encoding="utf-8")
        if _formatted_round_trip(path, minimal) is not None:
            formatted += 1
            assert not case["error"], case["id"]
    assert formatted > 50
