"""The settings files under site_config/ (besides the taxonomy): the salesbook version they need, and their fields."""

from __future__ import annotations

from pathlib import Path

from generator.config.review import load_policy
from generator.config.site import SETTINGS_FILE, load_settings
from generator.config.version import installed_version, version_problems
from generator.errors import ContentError, Problem, display_path
from generator.load import read_document


def unreadable_by_this_salesbook(root: Path) -> list[Problem]:
    """Return the problem of a site.yaml that pins a salesbook version other than the installed one."""
    path = root / SETTINGS_FILE
    if not path.is_file():
        return []
    document = read_document(path, display_path(path, root))
    return [] if isinstance(document, list) else version_problems(document, installed_version())


def settings_problems(root: Path) -> list[Problem]:
    """Return every problem of site_config/site.yaml and site_config/review.yaml."""
    problems: list[Problem] = []
    for load in (load_settings, load_policy):
        try:
            load(root)
        except ContentError as error:
            problems.extend(error.problems)
    return problems
