"""Write rendered pages into the docs folder, touching only files whose text changed.

`mkdocs serve` rebuilds when a file in the docs folder changes, so an edit to one
YAML file rewrites only the pages whose Markdown actually differs.
"""

from __future__ import annotations

from pathlib import Path


def write_pages(pages: dict[str, str], docs: Path) -> list[str]:
    """Write `pages` (path -> Markdown) under `docs`, delete Markdown files no longer made; return what changed."""
    changed: list[str] = []
    for relative, text in pages.items():
        path = docs / relative
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        changed.append(relative)
    for path in sorted(docs.rglob("*.md")):
        relative = path.relative_to(docs).as_posix()
        if relative not in pages:
            path.unlink()
            changed.append(relative)
    return changed
