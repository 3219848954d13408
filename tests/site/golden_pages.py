"""The golden Markdown pages of the minimal repository: where they live and how they are made."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.site.generate import generate_pages
from generator.validate import check_repository

GOLDEN_PAGES = Path(__file__).parent / "golden" / "minimal"
TODAY = date(2026, 11, 23)


def generated_pages(root: Path, docs: Path) -> dict[str, str]:
    """Generate the pages of the repository at `root` into `docs`; return path -> Markdown."""
    generate_pages(check_repository(root).require_clean(), docs, set(), TODAY)
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}
