"""Files to positioned YAML: the one loader every command goes through.

`read_document` turns one file into a `Document` (round-trip YAML that remembers
the line and column of every key and value) or into the `Problem`s that stop it:
wrong encoding, too large, syntax errors, forbidden tags, alias bombs, a top level
that is not a mapping. Nothing in a file is ever turned into a Python object
other than text, numbers, booleans, dates, lists and mappings.
"""

from __future__ import annotations

import codecs
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, ReusedAnchorWarning, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import Problem, Severity, field_path
from generator.fastload import Bounds, OutOfBounds, fast_load
from generator.messages import Msg
from generator.syntax import diagnose, stray_character
from generator.yamlspec import spec_problem

MAX_FILE_BYTES = 1024 * 1024
"""A content file larger than this is refused (the biggest demo file is ~20 KB)."""

MAX_EXPANDED_NODES = 100_000
"""Aliases may not expand a document beyond this many nodes ("billion laughs")."""

MAX_DEPTH = 100
"""Content is at most a few levels deep; deeper nesting is refused before it is constructed."""

MAX_ITEMS = 1000
"""Items in one list: the longest demo list has a few dozen."""

MAX_KEYS = 200
"""Keys in one mapping: the largest content type has a few dozen fields."""

YAML_PREFIX = "tag:yaml.org,2002:"
RAW_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Characters XML (and so .docx) cannot hold; YAML refuses them raw, without a position."""

YAML_VERSION = re.compile(r"^%YAML[ \t]+(\S+)", re.M)
"""A version directive; ruamel.yaml reads 1.1 and 1.2 only."""

_PARSER_MARK = re.compile(r"line: (\d+), col: (\d+)")

ALLOWED_TAGS = {YAML_PREFIX + name for name in ("null", "bool", "int", "float", "str", "timestamp", "seq", "map", "merge")}


@dataclass
class Document:
    """One parsed content file: its plain data, and its positions on demand."""

    path: Path
    """Where the file is on disk."""
    display: str
    """The path as shown to people: relative to the repository root."""
    text: str
    """The file's text."""
    plain: Any
    """The data as plain dicts, lists, text, numbers, booleans and dates."""
    _tree: CommentedMap | None = field(default=None, repr=False)

    @property
    def data(self) -> CommentedMap:
        """The round-trip tree, which knows every line and column (parsed on first use)."""
        self.refusal()
        return self._tree if self._tree is not None else CommentedMap()

    def refusal(self) -> Problem | None:
        """Return ruamel.yaml's problem with the text if it refuses what libyaml read."""
        if self._tree is None:
            tree = parse_yaml(self.text, self.display)
            if isinstance(tree, Problem):
                return tree
            self._tree = tree if isinstance(tree, CommentedMap) else CommentedMap()
        return None

    def locate(self, loc: tuple[str | int, ...]) -> tuple[int, int]:
        return locate(self.data, loc)

    def repeats(self, field: str, key: str) -> Iterator[tuple[int, str, int]]:
        """Yield (index, value, first line) for each entry of list `field` whose `key` an earlier entry already had."""
        entries = self.plain.get(field) if isinstance(self.plain, dict) else None
        first_seen: dict[str, int] = {}
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            value = entry.get(key) if isinstance(entry, dict) else None
            if not isinstance(value, str):
                continue
            if value in first_seen:
                yield index, value, self.locate((field, first_seen[value], key))[0]
            else:
                first_seen[value] = index

    def problem(self, loc: tuple[str | int, ...], code: str, severity: Severity = Severity.ERROR, **params: Any) -> Problem:
        """Return a problem located at the value `loc` points to."""
        line, col = self.locate(loc)
        return Problem(self.display, line, col, field_path(loc), code, params, severity)


class _Refused(Exception):
    """A node the loader will not construct; carries the problem's code and position."""

    def __init__(self, node: Node, code: str, **params: Any):
        self.node = node
        self.code = code
        self.params = params


def new_yaml() -> YAML:
    """Return the round-trip YAML instance every read and write uses."""
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


def read_document(path: Path, display: str) -> Document | list[Problem]:
    """Read and parse one YAML file; return the document or why it cannot be read."""
    text = read_text(path, display)
    if isinstance(text, Problem):
        return [text]
    try:
        fast, plain = fast_load(text, Bounds(MAX_EXPANDED_NODES, MAX_DEPTH, MAX_ITEMS, MAX_KEYS))
    except OutOfBounds as bound:
        return [Problem(display, bound.line, bound.col, "", bound.code, bound.params)]
    tree = None
    if not fast:
        tree = parse_yaml(text, display)
        if isinstance(tree, Problem):
            return [tree]
        plain = to_plain(tree)
    if (refused := spec_problem(text)) is not None:
        line, col, code = refused
        return [Problem(display, line, col, "", "yaml_syntax", {"problem": Msg(code)})]
    if plain is None:
        return [Problem(display, 1, 1, "", "empty_file")]
    if not isinstance(plain, dict):
        found = "列表" if isinstance(plain, list) else "单个值"
        return [Problem(display, 1, 1, "", "not_mapping", {"found": found})]
    return Document(path, display, text, plain, tree)


def read_text(path: Path, display: str) -> str | Problem:
    """Return the file's text, or the problem if it is too large or not UTF-8."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return Problem(display, 1, 1, "", "file_too_large", {"size": size, "limit": MAX_FILE_BYTES})
    raw = path.read_bytes()
    text: str
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(raw):
        return Problem(display, 1, 1, "", "not_utf8", {"encoding": "UTF-16"})
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return Problem(display, line, col, "", "not_utf8", {"encoding": _guess_encoding(raw)})
    bad = RAW_CONTROL_CHARS.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        return Problem(display, line, col, "", "control_char", {"codepoint": f"{ord(bad.group()):04X}"})
    stray = stray_character(text)
    if stray is not None:
        return Problem(display, stray.line + 1, stray.col + 1, "", "yaml_syntax", {"problem": Msg(stray.code)})
    return text


def _looks_utf16(raw: bytes) -> bool:
    sample = raw[:200]
    return len(sample) >= 4 and sample.count(0) >= len(sample) // 4


def _guess_encoding(raw: bytes) -> str:
    for encoding, name in (("gb18030", "GBK/GB18030"), ("big5", "Big5")):
        try:
            raw.decode(encoding)
            return name
        except UnicodeDecodeError:
            continue
    return "未知编码"


def parse_yaml(text: str, display: str) -> Any | Problem:
    """Parse YAML text into a round-trip tree, refusing tags and alias bombs."""
    directive = YAML_VERSION.search(text)
    if directive and directive.group(1) not in ("1.1", "1.2"):
        line = text.count("\n", 0, directive.start()) + 1
        return Problem(display, line, 1, "", "yaml_syntax", {"problem": Msg("yaml.version", {"version": directive.group(1)})})
    yaml = new_yaml()
    node = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ReusedAnchorWarning)  # valid YAML: the later anchor wins
            node = yaml.compose(text)
        if node is None:
            return None
        _inspect(node)
        return yaml.constructor.construct_document(node)
    except _Refused as refused:
        mark = refused.node.start_mark
        return Problem(display, mark.line + 1, mark.column + 1, "", refused.code, refused.params)
    except DuplicateKeyError as error:
        return _duplicate_key_problem(error, display, node)
    except MarkedYAMLError as error:
        return _syntax_problem(text, error, display)
    except RecursionError:
        return Problem(display, 1, 1, "", "yaml_syntax", {"problem": Msg("yaml.too_deep")})
    except (NotImplementedError, AssertionError, TypeError, ValueError, KeyError, IndexError) as error:
        # ruamel.yaml gives up on some valid but unusual YAML (comment lines between a key and its value)
        mark = _PARSER_MARK.search(str(error))
        line, col = (int(mark.group(1)) + 1, int(mark.group(2)) + 1) if mark else (1, 1)
        return Problem(display, line, col, "", "yaml_syntax", {"problem": Msg("yaml.unsupported")})
    except YAMLError as error:
        return Problem(display, 1, 1, "", "yaml_syntax", {"problem": Msg(*_explain(str(error).splitlines()[0]))})


SYNTAX_EXPLANATIONS = (
    ("'\\t'", "yaml.tab"),
    ("unexpected end of stream", "yaml.unclosed_quote"),
    ("expected ',' or ']'", "yaml.unclosed_bracket"),
    ("expected ',' or '}'", "yaml.unclosed_brace"),
    ("mapping values are not allowed", "yaml.bad_indent"),
    ("expected <block end>", "yaml.bad_indent"),
    ("unknown escape character", "yaml.escape"),
    ("another document", "yaml.multi_document"),
    ("undefined alias", "yaml.undefined_alias"),
)


def _syntax_problem(text: str, error: MarkedYAMLError, display: str) -> Problem:
    """Return the syntax error where the slip is, explained; the parser's own words as a fallback."""
    try:
        found = diagnose(text, error)
    except (IndexError, ValueError, AttributeError):  # an explanation must never cost the problem itself
        found = None
    if found is not None:
        return Problem(display, found.line + 1, found.col + 1, "", "yaml_syntax", {"problem": Msg(found.code, found.params)})
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (error.problem or error.context or "").strip()
    return Problem(display, line, col, "", "yaml_syntax", {"problem": Msg(*_explain(problem))})


def _explain(problem: str) -> tuple[str, dict[str, str]]:
    """Return a message code that says in plain words what the parser's `problem` means."""
    for needle, code in SYNTAX_EXPLANATIONS:
        if needle in problem:
            return code, {"parser": problem}
    return "yaml.other", {"parser": problem}


def _duplicate_key_problem(error: DuplicateKeyError, display: str, root: Node) -> Problem:
    mark = error.problem_mark
    key = str(error.problem).split('"')[1] if '"' in str(error.problem) else "?"
    first = _first_occurrence(root, mark.line, mark.column)
    return Problem(display, mark.line + 1, mark.column + 1, "", "duplicate_key", {"key": key, "first_line": first})


def _first_occurrence(root: Node, line: int, column: int) -> int:
    """Return the 1-based line where the key repeated at (line, column) first appears."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            keys = [k for k, _ in node.value]
            for key in keys:
                if key.start_mark.line == line and key.start_mark.column == column:
                    earlier = next(k for k in keys if isinstance(k, ScalarNode) and k.value == key.value)
                    return earlier.start_mark.line + 1
            stack.extend(child for pair in node.value for child in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return line + 1


def _inspect(root: Node) -> None:
    """Refuse unknown tags and documents that aliases expand too far; keep bad dates as text."""
    sizes: dict[int, int] = {}
    aliased = []

    def expanded(node: Node, depth: int) -> int:
        if id(node) in sizes:
            aliased.append(node)
            if sizes[id(node)] < 0:
                raise _Refused(node, "alias_limit", limit=MAX_EXPANDED_NODES)
            return sizes[id(node)]
        if depth > MAX_DEPTH:
            raise _Refused(node, "yaml_syntax", problem=Msg("yaml.too_deep"))
        sizes[id(node)] = -1
        _check_tag(node)
        total = 1
        if isinstance(node, MappingNode):
            _check_keys(node)
            if len(node.value) > MAX_KEYS:
                raise _Refused(node, "too_many_keys", count=len(node.value), limit=MAX_KEYS)
            total += sum(expanded(k, depth + 1) + expanded(v, depth + 1) for k, v in node.value)
        elif isinstance(node, SequenceNode):
            if len(node.value) > MAX_ITEMS:
                raise _Refused(node, "too_many_items", count=len(node.value), limit=MAX_ITEMS)
            total += sum(expanded(child, depth + 1) for child in node.value)
        if total > MAX_EXPANDED_NODES:
            raise _Refused(node, "alias_limit" if aliased else "too_many_nodes", limit=MAX_EXPANDED_NODES)
        sizes[id(node)] = total
        return total

    expanded(root, 0)


def _check_keys(node: MappingNode) -> None:
    """Refuse a key that is itself a list or mapping (YAML allows it; content never needs it)."""
    for key, _value in node.value:
        if not isinstance(key, ScalarNode):
            raise _Refused(key, "complex_key")


def _check_tag(node: Node) -> None:
    tag = str(getattr(node.tag, "value", node.tag))
    if tag not in ALLOWED_TAGS:
        shown = tag.replace(YAML_PREFIX, "!!")
        raise _Refused(node, "yaml_tag", tag=shown)
    if tag == YAML_PREFIX + "timestamp" and isinstance(node, ScalarNode) and not _valid_date(node.value):
        node.tag = YAML_PREFIX + "str"  # left as text, so validation reports "not a valid date" in place


def _valid_date(text: str) -> bool:
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        return False
    return len(text) == 10


def to_plain(node: Any) -> Any:
    """Return plain dicts, lists, str, int, float, bool and dates for a round-trip tree."""
    if isinstance(node, dict):
        return {str(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, str):
        return str(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


def locate(data: Any, loc: tuple[str | int, ...]) -> tuple[int, int]:
    """Return the 1-based line and column of the value at `loc`, or of its nearest parent."""
    node, line, col = data, 0, 0
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            line, col = node.lc.value(part) if _is_scalar(node[part]) else node.lc.key(part)
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line, col = node.lc.item(part)
            node = node[part]
        else:
            break
    return line + 1, col + 1


def locate_key(data: Any, loc: tuple[str | int, ...]) -> tuple[int, int]:
    """Return the position of the key at the end of `loc` (for unknown and duplicate fields)."""
    parent = _node_at(data, loc[:-1])
    if isinstance(parent, CommentedMap) and loc[-1] in parent:
        line, col = parent.lc.key(loc[-1])
        return line + 1, col + 1
    return locate(data, loc[:-1])


def _node_at(data: Any, loc: tuple[str | int, ...]) -> Any:
    node = data
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    return node


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, CommentedMap | CommentedSeq)
