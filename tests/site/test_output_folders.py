"""Kill tests: no output option makes salesbook delete what it did not create."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.atomic import OUTPUT_MARKER
from tests.helpers import build_file_tree, edit, salesbook
from tests.test_atomic import tree_digest


@pytest.mark.parametrize("target", [".", "content", "content/case-studies", "site_config", "..", "build/docs", ".git"])
def test_build_refuses_a_folder_that_overlaps_the_repository(demo_copy: Path, target: str) -> None:
    (demo_copy / ".git").mkdir()
    build_file_tree(demo_copy, {".git/HEAD": "ref: refs/heads/main\n"})
    before = tree_digest(demo_copy.parent)
    run = salesbook("build", "-d", target, cwd=demo_copy)
    assert run.code == 2, run.err
    assert run.err.startswith("salesbook: 拒绝输出到 ") and "重叠" in run.err
    assert tree_digest(demo_copy.parent) == before


def test_build_refuses_a_folder_it_did_not_make(demo_copy: Path) -> None:
    build_file_tree(demo_copy, {"notes/plan.txt": "my own notes"})
    run = salesbook("build", "-d", "notes", cwd=demo_copy)
    assert run.code == 2
    assert f"它不是空文件夹，也不是 salesbook 以前的输出（没有 {OUTPUT_MARKER} 标记文件）" in run.err
    assert (demo_copy / "notes/plan.txt").read_text(encoding="utf-8") == "my own notes"


def test_docx_refuses_content_folders_and_foreign_folders(demo_copy: Path) -> None:
    build_file_tree(demo_copy, {"mine/keep.docx": "mine"})
    before = tree_digest(demo_copy)
    for target, code_word in (("content/plans", "重叠"), ("mine", "标记文件"), (".", "重叠")):
        run = salesbook("docx", "-o", target, cwd=demo_copy)
        assert run.code == 2, (target, run.err)
        assert code_word in run.err
    assert tree_digest(demo_copy) == before


def test_docx_output_is_marked_and_can_be_written_again(demo_copy: Path) -> None:
    first = salesbook("docx", "content/plans/2027-east-kpi.yaml", "-o", "drafts", cwd=demo_copy)
    assert first.code == 0, first.err
    assert (demo_copy / "drafts" / OUTPUT_MARKER).is_file()
    again = salesbook("docx", "content/plans/2027-east-kpi.yaml", "-o", "drafts", cwd=demo_copy)
    assert again.code == 0, again.err


def test_a_site_config_without_the_sanitiser_still_sanitises(demo_copy: Path) -> None:
    edit(demo_copy / "mkdocs.yml", "  - salesbook/sanitise\n", "")
    case = demo_copy / "content/case-studies/yangtze-auto-parts-predictive-maintenance.yaml"
    edit(case, "challenge: |\n", "challenge: |\n  <img src=x onerror=alert(1)> 图片\n")
    run = salesbook("build", cwd=demo_copy)
    assert run.code == 0, run.err
    html = (demo_copy / "site/case-studies/yangtze-auto-parts-predictive-maintenance/index.html").read_text(encoding="utf-8")
    assert "onerror" not in html and "图片" in html
