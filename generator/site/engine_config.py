"""The configuration the site engine runs with: the repository's mkdocs.yml, completed by salesbook.

mkdocs.yml holds how the site is built (theme, navigation, plugins, Markdown
extensions); who the site belongs to (name, description, logo) comes from
site_config/site.yaml. `write_config` writes both together into build/mkdocs.yml,
with the generated docs folder and the theme overrides (the repository's files over
salesbook's, file by file) as absolute folders, and the engine reads that file.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from generator.config.site import load_settings
from generator.errors import ContentError, Problem, UsageError, display_path
from generator.messages import Msg
from generator.resources import overlay

CONFIG_FILE = "mkdocs.yml"
GENERATED_CONFIG = "build/mkdocs.yml"
THEME_DIR = "build/theme"
"""Where the theme overrides are gathered: the repository's files over salesbook's."""
LOGO_FOLDER = "assets"
SANITISER = "salesbook/sanitise"
"""The MkDocs plugin that cleans every page body (generator/site/plugin.py); added when mkdocs.yml lacks it."""


def write_config(root: Path, docs: Path) -> Path:
    """Write build/mkdocs.yml for the pages in `docs`; return its path (unchanged files are not rewritten)."""
    settings = load_settings(root)
    config = read_config(root)
    identity = {"site_name": settings.site_name, "site_description": settings.description}
    for position, (key, value) in enumerate((k, v) for k, v in identity.items() if v):
        config.pop(key, None)
        config.insert(position, key, value)
    path = root / GENERATED_CONFIG
    config["docs_dir"] = _beside(path, docs)
    _require_sanitiser(config)
    theme = config.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        overlay(root, theme["custom_dir"], root / THEME_DIR)
        theme["custom_dir"] = _beside(path, root / THEME_DIR)
    if settings.logo and isinstance(theme, dict):
        theme["logo"] = _place_logo(root / settings.logo, docs)
    text = dump_config(config)
    if not (path.is_file() and path.read_text(encoding="utf-8") == text):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path


def _beside(config: Path, folder: Path) -> str:
    """Return `folder` relative to the configuration file, as MkDocs reads it and Zensical requires."""
    return Path(os.path.relpath(folder.resolve(), config.parent.resolve())).as_posix()


def read_config(root: Path) -> Any:
    """Return the repository's mkdocs.yml, tags such as `!ENV` kept; raise `ContentError` if it is not YAML."""
    path = root / CONFIG_FILE
    if not path.is_file():
        raise UsageError("usage.no_site_config", path=str(path))
    try:
        return YAML().load(path.read_text(encoding="utf-8"))
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = (error.problem or error.context or "").strip()
        raise ContentError([Problem(display_path(path, root), line, col, "", "yaml_syntax", {"problem": Msg("yaml.other", {"parser": problem})})]) from None


def _require_sanitiser(config: Any) -> None:
    """Add the sanitiser to the plugins unless listed: no site is made without it."""
    plugins = config.get("plugins")
    if not isinstance(plugins, list):
        plugins = config["plugins"] = [] if plugins is None else [plugins]
    names = {p if isinstance(p, str) else next(iter(p), None) for p in plugins if isinstance(p, str | dict)}
    if SANITISER not in names:
        plugins.append(SANITISER)


def _place_logo(logo: Path, docs: Path) -> str:
    """Copy the logo among the pages and return its path as the theme wants it (relative to the docs folder)."""
    target = docs / LOGO_FOLDER / f"logo{logo.suffix}"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(logo, target)
    return f"{LOGO_FOLDER}/{target.name}"


def dump_config(config: Any) -> str:
    """Return `config` as the YAML text of a generated configuration file."""
    yaml = YAML()
    yaml.width = 4096
    stream = io.StringIO()
    stream.write("# Written by salesbook from mkdocs.yml and site_config/site.yaml; edit those, not this file.\n")
    yaml.dump(config, stream)
    return stream.getvalue()
