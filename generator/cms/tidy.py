"""Make a file the form wrote look as if a person had edited it by hand.

Decap writes YAML its own way: comments dropped (the schema line with them), its
own quoting and list style. `tidy_file` applies only the values that changed onto
the file as it was before the save, keeping every comment and the style of each
untouched line, and lays the result out as `salesbook fmt` does. An edited FAQ
answer is then a diff of that answer alone; a new file gets the schema line.
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from generator.errors import display_path
from generator.fmt import format_text, model_for
from generator.load import new_yaml, read_document
from generator.models import CONTENT_TYPES
from generator.scaffold import schema_comment

SCHEMA_LINE = "# yaml-language-server:"
"""Files start with it once salesbook wrote them; the form drops every comment, this one too."""


def tidy_file(path: Path, root: Path, before: str | None) -> bool:
    """Rewrite the content file at `path` from its text `before` the form saved it; return whether it changed."""
    model = model_for(path, root)
    document = read_document(path, display_path(path, root))
    if model is None or model not in {t.model for t in CONTENT_TYPES} or isinstance(document, list):
        return False  # not content, or unreadable: `check` reports it, nothing is guessed here
    merged = _merged(before, document.data) if before else _styled(document.data)
    text = _dump(merged)
    if before is None and not document.text.startswith(SCHEMA_LINE):
        text = schema_comment(path, root, next(t.kind for t in CONTENT_TYPES if t.model is model)) + "\n" + text
    tidied = format_text(text, new_yaml().load(text), model)
    if tidied == document.text:
        return False
    path.write_text(tidied, encoding="utf-8")
    return True


def _merged(before: str, saved: CommentedMap) -> Any:
    """Return the tree of `before` with the values of `saved` that differ put in."""
    try:
        old = new_yaml().load(before)
    except Exception:  # noqa: BLE001 - the old text was broken: take the saved file as it is
        return saved
    return _apply(old, saved) if isinstance(old, CommentedMap) else saved


def _apply(old: Any, new: Any) -> Any:
    """Return `old` updated to equal `new`, reusing old nodes (and their comments and style) where equal."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [k for k in old if k not in new]:
            del old[key]
        for key, value in new.items():
            old[key] = _apply(old[key], value) if key in old else _styled(value)
        return old
    if isinstance(old, list) and isinstance(new, list):
        for index in range(min(len(old), len(new))):
            old[index] = _apply(old[index], new[index])
        del old[len(new):]
        old.extend(_styled(value) for value in new[len(old):])
        return old
    return old if _same(old, new) else _styled(new)


def _same(old: Any, new: Any) -> bool:
    """Return whether two scalars mean the same (a `|` block and its `|-` twin do)."""
    if isinstance(old, str) and isinstance(new, str):
        return old.strip() == new.strip()
    return type(old) is type(new) and old == new or str(old) == str(new)


def _styled(value: Any) -> Any:
    """Return a new value in the house style: multi-line text as a `|` block."""
    if isinstance(value, str) and "\n" in value.strip():
        return LiteralScalarString(value.strip() + "\n")
    if isinstance(value, CommentedSeq | CommentedMap):
        for key in range(len(value)) if isinstance(value, list) else list(value):
            value[key] = _styled(value[key])
    return value


def _dump(data: Any) -> str:
    stream = io.StringIO()
    new_yaml().dump(data, stream)
    return stream.getvalue()


def written_by_form(path: Path) -> bool:
    """Return whether the file looks written by the form: salesbook's files start with the schema line."""
    return path.is_file() and not path.read_text(encoding="utf-8", errors="replace").startswith(SCHEMA_LINE)


def tidy_since(root: Path, paths: list[Path], commit: str) -> list[Path]:
    """Tidy the files among `paths` that the form wrote, each from its text at `commit`; return those changed."""
    return [path for path in paths if written_by_form(path) and tidy_file(path, root, _text_at(root, commit, path))]


def _text_at(root: Path, commit: str, path: Path) -> str | None:
    """Return the file's text at `commit`, or None where it did not exist yet."""
    shown = subprocess.run(["git", "-C", str(root), "show", f"{commit}:{path.relative_to(root).as_posix()}"], capture_output=True, check=False)
    return shown.stdout.decode("utf-8", errors="replace") if shown.returncode == 0 else None
