"""The suite is an honest witness: a missing external tool fails CI, and tests never write golden files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tools import require_tools


def test_a_missing_tool_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="salesbook-no-such-tool"):
        require_tools("salesbook-no-such-tool")


def test_a_missing_tool_skips_on_a_developers_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        require_tools("salesbook-no-such-tool")


def test_no_test_writes_golden_files() -> None:
    tests = Path(__file__).parent
    switch = "SALESBOOK_" + "UPDATE_GOLDEN"  # the old update mode, which wrote the file and then compared with it
    writers = [p.name for p in tests.rglob("test_*.py") if switch in p.read_text(encoding="utf-8")]
    assert writers == []
