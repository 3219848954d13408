"""Read a file past its syntax errors, so one slip does not hide every other problem.

After a syntax error the reader resynchronises at the next top-level key: the
top-level block holding the slip is set aside (its lines blanked, so every other
line keeps its number) and the rest is parsed again, up to `MAX_SLIPS` times.
What remains is validated like any file; the keys set aside are not reported as
missing, because their real problem has already been told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Problem
from generator.load import Document, parse_yaml, read_document, to_plain
from generator.messages import Msg
from generator.syntax import stray_character

MAX_SLIPS = 20
"""A file with more syntax errors than this is reported up to here."""

TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*[:：]")
FIRST_KEY = re.compile(r"^(?:-\s+)?([A-Za-z_][A-Za-z0-9_-]*)\s*[:：]")
RECOVERABLE = {"yaml_syntax", "duplicate_key"}


@dataclass
class Reading:
    """A file read as far as possible: what could be parsed, and every syntax problem on the way."""

    document: Document | None
    problems: list[Problem] = field(default_factory=list)
    skipped: frozenset[str] = frozenset()
    """Top-level keys whose blocks held a slip and were set aside."""

    def keep(self, problem: Problem) -> bool:
        """Tell whether a later problem is news (not about a key set aside)."""
        return re.split(r"[.\[]", problem.field, maxsplit=1)[0] not in self.skipped


def read_past_errors(path: Path, display: str) -> Reading:
    """Read `path`; on a syntax error, keep reading from the next top-level key."""
    first = read_document(path, display)
    if not isinstance(first, list):
        return Reading(first)
    if not any(p.code in RECOVERABLE for p in first):
        return Reading(None, first)
    lines = path.read_bytes().decode("utf-8-sig").split("\n")
    problems: list[Problem] = []
    skipped: set[str] = set()
    while len(problems) < MAX_SLIPS:
        stray = stray_character("\n".join(lines))
        if stray is not None:
            problems.append(Problem(display, stray.line + 1, stray.col + 1, "", "yaml_syntax", {"problem": Msg(stray.code)}))
            if stray.code == "yaml.bom":
                lines[stray.line] = lines[stray.line][: stray.col] + lines[stray.line][stray.col + 1 :]
            elif not _set_aside(lines, stray.line, skipped):
                break
            continue
        tree = parse_yaml("\n".join(lines), display)
        if not isinstance(tree, Problem):
            return Reading(_document(path, display, "\n".join(lines), tree), problems, frozenset(skipped))
        problems.append(tree)
        if tree.code not in RECOVERABLE or not _set_aside(lines, tree.line - 1, skipped):
            break
    return Reading(None, problems, frozenset(skipped))


def _set_aside(lines: list[str], culprit: int, skipped: set[str]) -> bool:
    """Blank the top-level block around line `culprit`; return False if nothing was left to blank."""
    culprit = min(max(culprit, 0), len(lines) - 1)
    start = next((n for n in range(culprit, -1, -1) if TOP_LEVEL_KEY.match(lines[n])), culprit)
    end = next((n for n in range(culprit + 1, len(lines)) if TOP_LEVEL_KEY.match(lines[n])), len(lines))
    if not any(lines[n].strip() for n in range(start, end)):
        return False
    key = FIRST_KEY.match(lines[start])
    if key:
        skipped.add(key.group(1))
    lines[start:end] = [""] * (end - start)
    return True


def _document(path: Path, display: str, text: str, tree: object) -> Document | None:
    plain = to_plain(tree)
    if not isinstance(plain, dict) or not plain:
        return None
    return Document(path, display, text, plain, tree)  # type: ignore[arg-type]
