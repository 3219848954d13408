"""`salesbook fmt --fix`: the unambiguous slips are repaired, and each repair is told."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.fix import repair_text
from tests.helpers import edit, salesbook


@pytest.mark.parametrize(
    ("text", "repaired", "lines"),
    [
        pytest.param("id: a\nsummary：一句话\nowner: b\n", "id: a\nsummary: 一句话\nowner: b\n", [2], id="full-width-colon"),
        pytest.param("id: a\nsummary :一句话\n", "id: a\nsummary: 一句话\n", [2], id="spaced-full-width-colon"),
        pytest.param("id: a\nsummary:一句话\nowner: b\n", "id: a\nsummary: 一句话\nowner: b\n", [2], id="missing-space"),
        pytest.param("results:\n  - name：停机\n    before: 1\n    unit:小时\n", "results:\n  - name: 停机\n    before: 1\n    unit: 小时\n", [2, 4], id="both-in-a-list-item"),
        pytest.param("id: a\ntitle: 方案: 三步走\n", "id: a\ntitle: 方案: 三步走\n", [], id="colon-in-value-is-not-guessed"),
        pytest.param("note: |\n  时间：上午\n  url:http://x\n", "note: |\n  时间：上午\n  url:http://x\n", [], id="text-inside-a-block-is-left-alone"),
    ],
)
def test_repairs(text: str, repaired: str, lines: list[int]) -> None:
    fixed, repairs = repair_text(text)
    assert fixed == repaired
    assert [line for line, _code, _new in repairs] == lines


def test_fmt_fix_says_what_it_changed(minimal: Path) -> None:
    edit(minimal / "content/case-studies/demo-customer.yaml", "summary: 预测", "summary：预测")
    run = salesbook("fmt", "--fix", "content/case-studies", cwd=minimal)
    assert run.lines == ["已修复 content/case-studies/demo-customer.yaml:11：中文冒号“：”改成了英文冒号加空格，现在是 `summary: 预测性维护让停机减半。`"]
    assert run.code == 0
    assert salesbook("check", cwd=minimal).code == 0
