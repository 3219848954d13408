"""The files salesbook ships (templates, archetypes, reference.docx, theme overrides, mkdocs.yml) and a repository's own.

A knowledge-base repository may hold its own copy of any of them at the same
relative path (`templates/site/home.md.j2`, `site_config/overrides/main.html`, ...);
its file wins, file by file, and everything it does not have comes from salesbook.
An installed salesbook carries them as package data (generator/bundled/, mapped
from this repository's top-level folders by pyproject.toml); a checkout of salesbook
reads them where they are.
"""

from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path


def bundled_root() -> Path:
    """Return the folder holding salesbook's own copies, laid out like a repository."""
    packaged = Path(str(files("generator") / "bundled"))
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent


def lookup(root: Path, relative: str) -> Path:
    """Return the repository's `relative` file if it has one, else salesbook's (which may not exist either)."""
    own = root / relative
    return own if own.is_file() else bundled_root() / relative


def layers(root: Path, relative: str) -> list[Path]:
    """Return the folders to look in for files under `relative`: the repository's first, then salesbook's."""
    found: list[Path] = []
    for folder in (root / relative, bundled_root() / relative):
        if folder.is_dir() and all(not folder.samefile(f) for f in found):
            found.append(folder)
    return found


def overlay(root: Path, relative: str, target: Path) -> list[str]:
    """Make `target` hold every file under `relative`, each from `lookup`; return what changed.

    Files are written only when their bytes differ, so a watcher sees real changes only.
    """
    wanted: dict[str, Path] = {}
    for folder in reversed(layers(root, relative)):
        wanted |= {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}
    changed = []
    for name, source in wanted.items():
        destination = target / name
        if destination.is_file() and destination.read_bytes() == source.read_bytes():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
        changed.append(name)
    for stale in sorted(p for p in target.rglob("*") if p.is_file()) if target.is_dir() else []:
        if stale.relative_to(target).as_posix() not in wanted:
            stale.unlink()
            changed.append(stale.relative_to(target).as_posix())
    return changed
