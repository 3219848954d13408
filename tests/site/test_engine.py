"""MkDocs' warnings reach salesbook as records and are told against the content file of their page."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.helpers import REPO_ROOT, build_file_tree, salesbook


def test_a_strict_mode_warning_fails_the_build_and_names_the_content_file(minimal: Path) -> None:
    shutil.copy(REPO_ROOT / "mkdocs.yml", minimal / "mkdocs.yml")
    faq = (REPO_ROOT / "templates/site/faq.md.j2").read_text(encoding="utf-8")
    build_file_tree(minimal, {"templates/site/faq.md.j2": faq + "\n[价目表](../price-list.md)\n"})
    run = salesbook("build", cwd=minimal)
    assert run.code == 1
    assert run.err.splitlines() == [
        "salesbook: 网站生成失败（MkDocs 严格模式，警告也算失败），原有网站未改动：",
        "  content/faqs/demo-cloud-faq.yaml: Doc file 'faqs/demo-cloud-faq.md' contains a link '../price-list.md', but the target 'price-list.md' is not found among documentation files.",
    ]
    assert not (minimal / "site").exists()
