"""Lay out content YAML one way: keys in schema order, one indentation, no needless quotes.

Comments are what people wrote, so none is ever lost: `format_text` lifts every
comment off the tree (each full-line comment belongs to the key or list item
below it, each end-of-line comment to the key or item on its line), rebuilds the
tree without them in schema order, dumps it, and puts each comment back beside
the same key or item. The same `lay_out` writes the hints of `salesbook new`.

A file is only rewritten when that is provably safe (`generator.rewrite`): the new
text must load to the same data, files with anchors or aliases are left as written,
and the write is atomic and keeps the file's mode, BOM and line endings.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString, SingleQuotedScalarString
from ruamel.yaml.tokens import CommentToken, ScalarToken

from generator.atomic import exclusive, write_atomically
from generator.errors import Problem, Severity, UsageError, display_path
from generator.fix import with_question_ids
from generator.load import new_yaml, read_document, to_plain
from generator.models import CONTENT_TYPES, FaqSet, Taxonomy
from generator.project import TAXONOMY_FILE, YAML_SUFFIXES, content_files
from generator.rewrite import Layout, layout_of, same_data, shared_node

YamlPath = tuple[str | int, ...]


@dataclass
class Comments:
    """The comments of one document, keyed by the path of what each one sits beside."""

    header: list[str] = field(default_factory=list)
    """Lines above everything (such as the schema line), kept at the top whatever comes first."""
    leading: dict[YamlPath, list[str]] = field(default_factory=dict)
    """Full-line comments (and blank lines) above a key or list item."""
    trailing: dict[YamlPath, str] = field(default_factory=dict)
    """The comment at the end of a key's or item's line."""
    footer: list[str] = field(default_factory=list)
    """Lines after the last value."""


@dataclass
class Outcome:
    """What `format_paths` did: the files it read, those that changed, those it could not read."""

    files: int = 0
    changed: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Formatted:
    """One file as it is on disk and as it should be."""

    raw: bytes
    text: str
    layout: Layout

    @property
    def new_bytes(self) -> bytes:
        return self.layout.encode(self.text)


def format_paths(root: Path, paths: list[Path], write: bool) -> Outcome:
    """Lay out every YAML file in `paths` (default: all content and the taxonomy); write if asked."""
    outcome = Outcome()
    with exclusive(root):
        for path in yaml_files(root, paths):
            outcome.files += 1
            result = format_file(path, root)
            if isinstance(result, list):
                outcome.problems.extend(result)
            elif result.raw != result.new_bytes:
                outcome.changed.append(path)
                if result.layout.mixed:
                    outcome.problems.append(Problem(display_path(path, root), 1, 1, "", "fmt.newlines", {"newline": "CRLF" if result.layout.newline == "\r\n" else "LF"}, Severity.WARNING))
                if write:
                    write_atomically(path, result.new_bytes)
    return outcome


def yaml_files(root: Path, paths: list[Path]) -> list[Path]:
    """Return the YAML files named by `paths` (files or folders), or every content file."""
    if not paths:
        return sorted([path for path, kind in content_files(root) if kind] + [root / TAXONOMY_FILE])
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file()))
        elif path.is_file():
            found.extend([path] if path.suffix in YAML_SUFFIXES else [])
        else:
            raise UsageError("usage.path_missing", path=str(path))
    return found


def model_for(path: Path, root: Path) -> type[BaseModel] | None:
    """Return the model that orders the keys of the file at `path`, if it has one."""
    shown = display_path(path, root)
    if shown == TAXONOMY_FILE:
        return Taxonomy
    for content_type in CONTENT_TYPES:
        if shown.rsplit("/", 1)[0] == content_type.folder:
            return content_type.model
    return None


def format_file(path: Path, root: Path) -> Formatted | list[Problem]:
    """Return the file as it is and as it should be, or why it is left alone."""
    display = display_path(path, root)
    document = read_document(path, display)
    if isinstance(document, list):
        return document
    if (refusal := document.refusal()) is not None:
        return [refusal]
    if (shared := shared_node(document.text)) is not None:
        return [Problem(display, *shared, "", "fmt.shared_nodes", {}, Severity.WARNING)]
    model, source, data = model_for(path, root), document.text, document.data
    if model is FaqSet and (filled := with_question_ids(source)) != source:
        source, data = filled, new_yaml().load(filled)  # the one intended change: question ids filled in
    try:
        text = format_text(source, data, model)
    except Exception:  # noqa: BLE001 - a layout bug must not cost the file, nor stop the other files
        return [Problem(display, 1, 1, "", "fmt.failed")]
    if not same_data(to_plain(data), text):
        return [Problem(display, 1, 1, "", "fmt.not_round_trip")]
    raw = path.read_bytes()
    return Formatted(raw, text, layout_of(raw))


def format_text(text: str, data: CommentedMap, model: type[BaseModel] | None) -> str:
    """Return `text` (already parsed into `data`) laid out in the one house style."""
    schema = _schema(model) if model else {}
    return lay_out(_rebuild(data, schema, schema), collect_comments(text, data))


def lay_out(data: CommentedMap, comments: Comments) -> str:
    """Dump `data` and put each comment back above, or at the end of, its key or item."""
    stream = io.StringIO()
    _dumper().dump(data, stream)
    lines = stream.getvalue().splitlines()
    places = _places(new_yaml().load(stream.getvalue()))
    unplaced: list[str] = []  # a comment whose key could not be found again goes last, never away
    for path, text in comments.trailing.items():
        if path in places:
            lines[places[path][0]] += f"  {text}"
        else:
            unplaced.append(text)
    inserts = sorted(((places[p], p, block) for p, block in comments.leading.items() if p in places), key=lambda t: (t[0][0], len(t[1])), reverse=True)
    for (line, col), _path, block in inserts:
        lines[line:line] = [f"{' ' * col}{text}" if text else "" for text in block]
    unplaced += [text for path, block in comments.leading.items() if path not in places for text in block]
    lines = comments.header + lines + comments.footer + unplaced
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


class _DoubleQuotingEmitter(Emitter):
    """Quote with double quotes, the kind people type, whenever a value needs quotes."""

    def choose_scalar_style(self) -> Any:
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


def _dumper() -> YAML:
    yaml = new_yaml()
    yaml.Emitter = _DoubleQuotingEmitter
    return yaml


def collect_comments(text: str, data: CommentedMap) -> Comments:
    """Find every comment in `text` and the key or item it belongs to."""
    lines = text.splitlines()
    tokens = list(new_yaml().scan(text))
    inside_scalar = _scalar_continuation_lines(tokens)
    anchors: dict[int, list[YamlPath]] = {}
    for path, (line, _col) in _places(data).items():
        anchors.setdefault(line, []).append(path)
    comments = Comments()
    pending: list[str] = []
    for number, line in enumerate(lines):
        stripped = line.strip()
        if number not in inside_scalar and (not stripped or stripped.startswith("#")):
            pending.append(stripped)
        elif number in anchors and pending:
            comments.leading[min(anchors[number], key=len)] = pending
            pending = []
    comments.footer = pending
    for number, comment in _end_of_line_comments(tokens, lines).items():
        if number in anchors:
            comments.trailing[max(anchors[number], key=len)] = comment
    _split_header(comments, data)
    return comments


def _split_header(comments: Comments, data: CommentedMap) -> None:
    """Keep the file's opening lines (up to the last blank line, and the schema line) at the top."""
    if not data:
        return
    first = (next(iter(data)),)
    block = comments.leading.pop(first, [])
    cut = max((i + 1 for i, text in enumerate(block) if not text), default=0)
    while cut < len(block) and block[cut].startswith("# yaml-language-server:"):
        cut += 1
    comments.header, rest = block[:cut], block[cut:]
    if rest:
        comments.leading[first] = rest


def _scalar_continuation_lines(tokens: list[Any]) -> set[int]:
    """Return the lines that continue a multi-line scalar (a `|` block's text, say)."""
    lines: set[int] = set()
    for token in tokens:
        if isinstance(token, ScalarToken):
            end = token.end_mark.line - (1 if token.end_mark.column == 0 else 0)
            lines.update(range(token.start_mark.line + 1, end + 1))
    return lines


def _end_of_line_comments(tokens: list[Any], lines: list[str]) -> dict[int, str]:
    """Return {line: comment} for the comments written after a value on the same line."""
    found: dict[int, str] = {}
    for token in tokens:
        attached = getattr(token, "_comment", None) or []
        for part in attached:
            for comment in part if isinstance(part, list) else [part]:
                if isinstance(comment, str) and comment.strip().startswith("#"):
                    found.setdefault(token.start_mark.line, comment.strip())
                elif isinstance(comment, CommentToken) and not comment.value.startswith("\n"):
                    number, col = comment.start_mark.line, comment.start_mark.column
                    if number < len(lines) and lines[number][:col].strip():
                        found.setdefault(number, comment.value.split("\n", 1)[0].strip())
    return found


def _places(data: Any, path: YamlPath = ()) -> dict[YamlPath, tuple[int, int]]:
    """Return the 0-based line and indentation of every key and block-list item under `data`."""
    places: dict[YamlPath, tuple[int, int]] = {}
    if isinstance(data, CommentedMap):
        for key, value in data.items():
            places[(*path, str(key))] = data.lc.key(key)
            places.update(_places(value, (*path, str(key))))
    elif isinstance(data, CommentedSeq):
        for index, value in enumerate(data):
            line, col = data.lc.item(index)
            places[(*path, index)] = (line, col if data.fa.flow_style() else max(col - 2, 0))
            places.update(_places(value, (*path, index)))
    return places


@cache
def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema()


def resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow `$ref` and `X | None` in a JSON Schema node to the schema of the value."""
    while True:
        if "$ref" in node:
            node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
        elif "anyOf" in node:
            node = next((option for option in node["anyOf"] if option.get("type") != "null"), {})
        else:
            return node


def _rebuild(data: Any, root: dict[str, Any], node: dict[str, Any]) -> Any:
    """Copy `data` without comments: keys in schema order (unknown keys last), plain quoting."""
    node = resolve(root, node)
    if isinstance(data, dict):
        properties = node.get("properties", {})
        order = {name: index for index, name in enumerate(properties)}
        copy = CommentedMap()
        for key in sorted(data, key=lambda k: order.get(str(k), len(order))):
            copy[_plain(key)] = _rebuild(data[key], root, properties.get(str(key), {}))
        _copy_flow_style(data, copy)
        return copy
    if isinstance(data, list):
        copy_seq = CommentedSeq(_rebuild(value, root, node.get("items", {})) for value in data)
        _copy_flow_style(data, copy_seq)
        return copy_seq
    return _plain(data)


def _plain(value: Any) -> Any:
    """Drop quotes a value does not need; the dumper adds them back where YAML requires."""
    if isinstance(value, DoubleQuotedScalarString | SingleQuotedScalarString):
        return str(value)
    if isinstance(value, LiteralScalarString):
        return LiteralScalarString(str(value))  # a fresh copy: the original carries its comment
    if isinstance(value, FoldedScalarString):
        folded = FoldedScalarString(str(value))
        folded.fold_pos = list(getattr(value, "fold_pos", []))
        return folded
    return value


def _copy_flow_style(source: Any, copy: CommentedMap | CommentedSeq) -> None:
    if isinstance(source, CommentedMap | CommentedSeq) and source.fa.flow_style():
        copy.fa.set_flow_style()
