"""Where things live in a content repository."""

from __future__ import annotations

from pathlib import Path

from generator.errors import UsageError
from generator.models import CONTENT_TYPES, ContentType

TAXONOMY_FILE = "site_config/taxonomy.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
SOURCE_FOLDERS = ("content", "playbooks", "site_config", "templates", ".git", "build/docs", "build/cache")
"""What no output folder may hold or lie in: the sources, git's store, the build's own working folders."""


def source_folders(root: Path) -> list[Path]:
    """Return the folders of the repository at `root` that output must never replace."""
    return [root / name for name in SOURCE_FOLDERS]


def find_root(start: Path) -> Path:
    """Return the repository root: `start` or the nearest parent holding the taxonomy."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / TAXONOMY_FILE).is_file():
            return folder
    raise UsageError("usage.no_repository", root=str(start))


def content_files(root: Path) -> list[tuple[Path, ContentType | None]]:
    """List every YAML file of the content folders, with its type (None: a stray folder)."""
    found: list[tuple[Path, ContentType | None]] = []
    known: set[Path] = set()
    for content_type in CONTENT_TYPES:
        folder = root / content_type.folder
        for path in _yaml_files(folder):
            found.append((path, content_type))
            known.add(path)
    for path in _yaml_files(root / "content", recursive=True):
        if path not in known:
            found.append((path, None))
    return found


def _yaml_files(folder: Path, recursive: bool = False) -> list[Path]:
    if not folder.is_dir():
        return []
    pattern = "**/*" if recursive else "*"
    return sorted(p for p in folder.glob(pattern) if p.suffix in YAML_SUFFIXES and p.is_file())
