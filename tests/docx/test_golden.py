"""Golden files: the extracted structure of each archetype's blank draft and each demo plan.

Compared as data (headings, paragraphs, lists, tables, highlights), never as zip bytes.
The tests only compare. After an intended change, regenerate the files with the
separate command below and review the diff:

    .venv/bin/python -m tests.update_golden
"""

from __future__ import annotations

import json

import pytest

from generator.archetypes import ARCHETYPE_IDS
from tests.docx.conftest import Rendered
from tests.docx.golden import DEMO_PLANS, golden_path
from tests.docx.structure import structure


def check_golden(name: str, actual: dict) -> None:
    """Compare `actual` with golden/<name>.json."""
    path = golden_path(name)
    assert path.is_file(), f"no golden file {path.name}; run python -m tests.update_golden"
    assert json.loads(path.read_text(encoding="utf-8")) == actual


@pytest.mark.parametrize("archetype_id", ARCHETYPE_IDS)
def test_blank_draft(rendered: Rendered, archetype_id: str) -> None:
    check_golden(f"blank-{archetype_id}", structure(rendered.blank_docs[archetype_id]))


@pytest.mark.parametrize("plan_id", DEMO_PLANS)
def test_demo_plan(rendered: Rendered, plan_id: str) -> None:
    check_golden(f"plan-{plan_id}", structure(rendered.plan_docs[plan_id]))
