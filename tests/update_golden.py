"""Rewrite the golden files (Word structures, minimal-site pages) from the current code: `python -m tests.update_golden`.

The only way golden files change; the tests never write them. Review the diff after.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from generator.archetypes import ARCHETYPE_IDS
from tests.docx.conftest import render_demo
from tests.docx.golden import DEMO_PLANS, golden_path, golden_text
from tests.docx.structure import structure
from tests.helpers import FIXTURES
from tests.site.golden_pages import GOLDEN_PAGES, generated_pages


def main() -> None:
    """Render the demo documents and the minimal site's pages in a temporary folder; write what changed."""
    with tempfile.TemporaryDirectory(prefix="salesbook-golden-") as folder:
        os.environ.setdefault("SALESBOOK_CACHE_DIR", str(Path(folder) / "cache"))
        rendered = render_demo(Path(folder) / "docx")
        documents = {f"blank-{a}": rendered.blank_docs[a] for a in ARCHETYPE_IDS} | {f"plan-{p}": rendered.plan_docs[p] for p in DEMO_PLANS}
        for name, document in documents.items():
            _write_if_changed(golden_path(name), golden_text(structure(document)))
        minimal = shutil.copytree(FIXTURES / "minimal", Path(folder) / "minimal")
        for relative, text in generated_pages(minimal, Path(folder) / "docs").items():
            _write_if_changed(GOLDEN_PAGES / relative, text)


def _write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"updated {path}")


if __name__ == "__main__":
    main()
