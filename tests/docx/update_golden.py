"""Rewrite the Word golden files after an intended change; `test_golden.py` only compares.

    .venv/bin/python -m tests.docx.update_golden

Then review the diff of tests/docx/golden/ as you would review the documents themselves.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.archetypes import ARCHETYPE_IDS
from generator.docx import write_documents
from generator.validate import check_repository
from tests.docx.structure import structure
from tests.docx.test_golden import DEMO_PLANS, GOLDEN, golden_text
from tests.helpers import REPO_ROOT, salesbook


def main() -> None:
    """Render the demo plans (through the CLI) and the blank drafts, and write their structure."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        run = salesbook("docx", "-o", out / "cli", cwd=REPO_ROOT)
        assert run.code == 0, run.out + run.err
        write_documents(check_repository(REPO_ROOT).require_clean(), out / "site")
        written = {f"plan-{plan_id}": out / "cli" / f"{plan_id}.docx" for plan_id in DEMO_PLANS}
        written |= {f"blank-{a}": out / "site" / "archetypes" / f"{a}.docx" for a in ARCHETYPE_IDS}
        for name, path in written.items():
            (GOLDEN / f"{name}.json").write_text(golden_text(structure(path)), encoding="utf-8")
            print(f"wrote {name}.json")


if __name__ == "__main__":
    main()
