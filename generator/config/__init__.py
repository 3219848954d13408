"""Small settings files under site_config/: read them, validate them, or say what is wrong."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from generator.errors import ContentError, Problem, display_path
from generator.load import Document, read_document
from generator.modelcheck import validate_item
from generator.models.common import Model, ValidationContext

Settings = TypeVar("Settings", bound=Model)


def read_config(root: Path, relative: str, model: type[Settings], extra_checks: Callable[[Document], list[Problem]] | None = None) -> Settings:
    """Return the settings in `root/relative` (defaults when the file is absent); raise `ContentError` if wrong.

    `extra_checks(document)` may return further problems that the model cannot see.
    """
    path = root / relative
    if not path.is_file():
        return model()
    document = read_document(path, display_path(path, root))
    if isinstance(document, list):
        raise ContentError(document)
    settings, problems = validate_item(document, model, ValidationContext({}, root=root))  # type: ignore[arg-type]
    problems += extra_checks(document) if extra_checks else []
    if problems or not isinstance(settings, model):
        raise ContentError(sorted(problems))
    return settings

