"""Which salesbook a knowledge base needs: the `salesbook:` line of site_config/site.yaml.

A knowledge base pins a range of salesbook versions (`salesbook: ">=0.2,<0.3"`,
written by `salesbook init`). When the installed salesbook is outside it, the
settings may mean something else to it, so `salesbook check` stops there and says
whether to upgrade or downgrade.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from generator.errors import Problem
from generator.load import Document

VERSION_KEY = "salesbook"


def installed_version() -> Version | None:
    """Return the version of the installed salesbook (None when it runs from a bare source tree)."""
    try:
        return Version(version("salesbook"))
    except PackageNotFoundError:
        return None


def compatible_range(current: Version) -> str:
    """Return the range a new knowledge base pins: this minor version and its fixes (0.x) or this major version."""
    if current.major == 0:
        return f">={current.major}.{current.minor},<{current.major}.{current.minor + 1}"
    return f">={current.major}.{current.minor},<{current.major + 1}"


def version_problems(document: Document, current: Version | None) -> list[Problem]:
    """Return why `current` cannot read these settings, located at the `salesbook:` line; [] when it can."""
    wanted: Any = document.plain.get(VERSION_KEY)
    if wanted is None or current is None:
        return []
    try:
        allowed = SpecifierSet(str(wanted))
    except InvalidSpecifier:
        return [document.problem((VERSION_KEY,), "version.bad_range", range=str(wanted))]
    if allowed.contains(current, prereleases=True):
        return []
    code = "version.too_old" if _needs_newer(allowed, current) else "version.too_new"
    return [document.problem((VERSION_KEY,), code, range=str(wanted), current=str(current))]


def _needs_newer(allowed: SpecifierSet, current: Version) -> bool:
    """Return whether some lower bound of `allowed` is above `current`."""
    lower = [s for s in allowed if s.operator in (">=", ">", "~=", "==", "===")]
    return any(Version(s.version.rstrip(".*")) > current for s in lower)
