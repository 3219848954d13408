"""New files with a comment above every field: content items (`salesbook new`) and plans (`salesbook plan new`)."""

from __future__ import annotations

from pathlib import Path


def schema_comment(path: Path, root: Path, kind: str) -> str:
    """Return the first line of a new file: where editors find its JSON Schema, relative to it."""
    schema = root.resolve() / "schemas" / f"{kind}.schema.json"
    try:
        depth = len(path.resolve().parent.relative_to(root.resolve()).parts)
    except ValueError:
        return f"# yaml-language-server: $schema={schema.as_uri()}"
    return f"# yaml-language-server: $schema={'/'.join(['..'] * depth + ['schemas', schema.name])}"
