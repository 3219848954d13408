"""`check` survives any input: all 402 inputs of the YAML test suite, bounds, symlinks, internal errors."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

import generator.validate as validate
from generator.errors import Problem
from generator.fastload import Bounds, fast_load
from generator.load import MAX_DEPTH, MAX_EXPANDED_NODES, MAX_ITEMS, MAX_KEYS, parse_yaml, to_plain
from generator.validate import check_repository
from tests.helpers import FIXTURES, salesbook

SUITE = json.loads((FIXTURES / "yaml-test-suite" / "cases.json").read_text(encoding="utf-8"))
CASE_FOLDER = "content/case-studies"


def _file_of(case: dict[str, object]) -> str:
    return f"{CASE_FOLDER}/suite-{str(case['id']).lower().replace('/', '-')}.yaml"


def test_every_suite_input_gives_located_problems_or_loads_and_check_never_crashes(minimal: Path) -> None:
    for case in SUITE:
        (minimal / _file_of(case)).write_text(str(case["yaml"]), encoding="utf-8")
    run = salesbook("check", "--format", "json", cwd=minimal)
    assert run.code == 1, run.err
    problems = json.loads(run.out)
    by_file: dict[str, list[dict[str, object]]] = {}
    for problem in problems:
        by_file.setdefault(str(problem["file"]), []).append(problem)
    assert len(SUITE) == 402
    for case in SUITE:
        found = by_file.get(_file_of(case), [])
        assert all(int(p["line"]) >= 1 and int(p["col"]) >= 1 and p["message"] for p in found), case["id"]  # type: ignore[call-overload]
        assert not any(p["code"] == "internal_file_error" for p in found), case["id"]
        if case["error"]:
            assert any(p["severity"] == "error" for p in found), f"{case['id']} must be refused"
    assert problems and all(p["file"] != "site_config/taxonomy.yaml" for p in problems)


def test_the_fast_path_and_ruamel_yaml_never_disagree_on_a_value() -> None:
    bounds = Bounds(MAX_EXPANDED_NODES, MAX_DEPTH, MAX_ITEMS, MAX_KEYS)
    compared = 0
    for case in SUITE:
        fast, data = fast_load(str(case["yaml"]), bounds)
        if not fast:
            continue
        careful = parse_yaml(str(case["yaml"]), "x")
        assert not isinstance(careful, Problem), f"{case['id']}: libyaml reads what ruamel.yaml refuses"
        assert repr(to_plain(careful)) == repr(data), case["id"]
        compared += 1
    assert compared > 100


def test_an_internal_error_in_one_file_is_located_and_the_others_are_still_checked(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked = validate._check_document

    def broken_for_one(document, *args):  # type: ignore[no-untyped-def]
        if document.display.endswith("demo-customer.yaml"):
            raise RuntimeError("a bug")
        return checked(document, *args)

    monkeypatch.setattr(validate, "_check_document", broken_for_one)
    (minimal / "content/faqs/demo-cloud-faq.yaml").write_text(
        (minimal / "content/faqs/demo-cloud-faq.yaml").read_text(encoding="utf-8").replace("reviewed: ", "reviewed: 上周 #", 1), encoding="utf-8"
    )
    result = check_repository(minimal)
    codes = {(p.path, p.code) for p in result.problems}
    assert (f"{CASE_FOLDER}/demo-customer.yaml", "internal_file_error") in codes
    assert any(path == "content/faqs/demo-cloud-faq.yaml" for path, _ in codes)


def _check_one(minimal: Path, text: str) -> list[str]:
    (minimal / f"{CASE_FOLDER}/demo-customer.yaml").write_text(text, encoding="utf-8")
    run = salesbook("check", cwd=minimal)
    assert run.code == 1, run.err
    return run.lines


def test_too_deep_is_located_where_it_gets_too_deep(minimal: Path) -> None:
    text = "id: demo-customer\nnest:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(120)) + "  " * 121 + "end: 1\n"
    assert _check_one(minimal, text)[0] == f"{CASE_FOLDER}/demo-customer.yaml:103:203: YAML 语法错误：嵌套层级过深，无法读取"


def test_too_many_keys_and_items_are_named_as_such(minimal: Path) -> None:
    started = time.monotonic()
    keys = "id: demo-customer\nbig:\n" + "".join(f"  k{i}: {i}\n" for i in range(60_000))
    assert _check_one(minimal, keys)[0] == f"{CASE_FOLDER}/demo-customer.yaml:3:3: 这个映射有 60000 个键，超过上限 {MAX_KEYS}"
    tags = "id: demo-customer\ntags:\n" + "".join(f"  - t{i}\n" for i in range(90_000))
    assert _check_one(minimal, tags)[0] == f"{CASE_FOLDER}/demo-customer.yaml:3:3: 这个列表有 90000 项，超过上限 {MAX_ITEMS}"
    assert time.monotonic() - started < 30


def test_tags_per_item_are_capped_at_their_line(minimal: Path) -> None:
    path = minimal / f"{CASE_FOLDER}/demo-customer.yaml"
    text = path.read_text(encoding="utf-8") + "tags:\n" + "".join(f"  - 标签{i}\n" for i in range(31))
    lines = _check_one(minimal, text)
    assert any(line.startswith(f"{CASE_FOLDER}/demo-customer.yaml:") and "tags" in line and "30" in line for line in lines), lines


def test_a_duplicate_key_names_the_line_of_its_first_occurrence(minimal: Path) -> None:
    text = "id: demo-customer\nresults:\n  - name: a\n    before: 1\n    unit: 次\n    before: 2\n"
    assert _check_one(minimal, text)[0] == f"{CASE_FOLDER}/demo-customer.yaml:6:5: 字段 `before` 重复出现（第一次在第 4 行）"


def test_a_symlink_leaving_the_repository_is_refused_at_its_file(minimal: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text((minimal / f"{CASE_FOLDER}/demo-customer.yaml").read_text(encoding="utf-8").replace("demo-customer", "leak"), encoding="utf-8")
    os.symlink(outside, minimal / f"{CASE_FOLDER}/leak.yaml")
    run = salesbook("check", cwd=minimal)
    assert run.code == 1
    assert run.lines[0] == f"{CASE_FOLDER}/leak.yaml:1:1: 这是指向仓库之外的符号链接（{outside.resolve()}），不会读取或发布"


def test_check_changed_survives_an_absolute_symlink_in_the_base_commit(minimal: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=minimal, check=True, capture_output=True)

    git("init", "-q")
    os.symlink("/etc/hostname", minimal / "content/abs-link.yaml")
    git("add", "-A")
    git("commit", "-qm", "base")
    (minimal / "content/abs-link.yaml").unlink()
    run = salesbook("check", "--changed", "HEAD", cwd=minimal)
    assert run.code in (0, 1), run.err
    assert "内部错误" not in run.err
