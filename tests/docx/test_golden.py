"""Golden files: the extracted structure of each archetype's blank draft and each demo plan.

Compared as data (headings, paragraphs, lists, tables, highlights), never as zip bytes.
After an intended change, regenerate them with a separate command and review the diff:

    .venv/bin/python -m tests.docx.update_golden
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.archetypes import ARCHETYPE_IDS
from tests.docx.conftest import Rendered
from tests.docx.structure import structure

GOLDEN = Path(__file__).parent / "golden"
DEMO_PLANS = ["2027-03-monthly-battle", "2027-account-deepening", "2027-company-strategic", "2027-east-kpi",
              "2027-enablement", "2027-southwest-expansion"]


def check_golden(name: str, actual: dict) -> None:
    """Compare `actual` with golden/<name>.json."""
    path = GOLDEN / f"{name}.json"
    assert path.is_file(), f"no golden file {path.name}; run .venv/bin/python -m tests.docx.update_golden"
    assert json.loads(path.read_text(encoding="utf-8")) == actual


@pytest.mark.parametrize("archetype_id", ARCHETYPE_IDS)
def test_blank_draft(rendered: Rendered, archetype_id: str) -> None:
    check_golden(f"blank-{archetype_id}", structure(rendered.blank_docs[archetype_id]))


@pytest.mark.parametrize("plan_id", DEMO_PLANS)
def test_demo_plan(rendered: Rendered, plan_id: str) -> None:
    check_golden(f"plan-{plan_id}", structure(rendered.plan_docs[plan_id]))


def golden_text(structure_: dict) -> str:
    """Serialise with one body item per line, so a golden diff reads like the document."""
    lines = ["{"]
    for key, value in structure_.items():
        if key == "body":
            items = ",\n".join("  " + json.dumps(item, ensure_ascii=False) for item in value)
            lines.append(f' "body": [\n{items}\n ]')
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    return "\n".join(lines) + "\n}\n"
