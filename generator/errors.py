"""Problems found in content, and the exceptions that carry them to the CLI.

Every command reports bad input the same way: one `Problem` per mistake, located
as `path:line:col` (1-based), naming the field and a stable `code`, with a
message rendered in Chinese or English from `generator.messages`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from generator.messages import render


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One located mistake (or warning) in one content file."""

    path: str
    line: int
    col: int
    field: str
    code: str
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    severity: Severity = field(default=Severity.ERROR, compare=False)

    def message(self, lang: str = "zh") -> str:
        return render(self.code, lang, self.params)

    def format(self, lang: str = "zh") -> str:
        """Return the `path:line:col: field: message` line a person reads."""
        where = f"{self.path}:{self.line}:{self.col}"
        label = "" if self.severity is Severity.ERROR else f"{render('warning_label', lang, {})}: "
        subject = f"{self.field}: " if self.field else ""
        return f"{where}: {label}{subject}{self.message(lang)}"

    def as_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "file": self.path,
            "line": self.line,
            "col": self.col,
            "field": self.field,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message(lang),
        }


def field_path(loc: tuple[str | int, ...]) -> str:
    """Return `questions[3].answer` for the location ("questions", 3, "answer")."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def display_path(path: Path, root: Path) -> str:
    """Return `path` relative to the repository root when it lies inside it (a symlink named as itself)."""
    for candidate, base in ((path.absolute(), root.absolute()), (path.resolve(), root.resolve())):
        if candidate.is_relative_to(base):
            return candidate.relative_to(base).as_posix()
    return path.as_posix()


class SalesbookError(Exception):
    """Base of every error salesbook raises on purpose; never shown as a traceback."""

    exit_code = 1


class ContentError(SalesbookError):
    """Content has problems; the command stops before writing anything."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in content")
        self.problems = problems


class MessageError(SalesbookError):
    """An error told by one catalogue message (see `generator.messages`)."""

    def __init__(self, code: str, **params: Any):
        self.code = code
        self.params = params
        super().__init__(render(code, "en", params))

    def message(self, lang: str = "zh") -> str:
        return render(self.code, lang, self.params)


class UsageError(MessageError):
    """The command was called wrongly (exit code 2)."""

    exit_code = 2


class BuildError(MessageError):
    """A build step (site engine, search indexer, document writer) failed."""
