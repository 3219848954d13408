"""The fast path of the loader: libyaml (through PyYAML's C parser) for files that are clean.

Round-trip parsing with ruamel.yaml keeps every position and comment, but costs about
10 ms a file; libyaml reads the same file in under 1 ms. So the loader first tries
this path, which accepts a file only when nothing about it needs explaining: no
unusual tag, no duplicate key, no alias bomb, and every plain scalar resolved as
YAML 1.2 (ruamel.yaml's resolver) to a value both parsers construct alike. Anything
else, and every file with a problem, goes through ruamel.yaml, which is authoritative
and locates the problem; positions are only ever computed by ruamel.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml
from ruamel.yaml.nodes import ScalarNode as RuamelScalarNode
from ruamel.yaml.resolver import VersionedResolver

from generator.messages import Msg

PREFIX = "tag:yaml.org,2002:"
SIMPLE_VALUES = {
    PREFIX + "str": None,
    PREFIX + "null": re.compile(r"~|null|Null|NULL|"),
    PREFIX + "bool": re.compile(r"true|false|True|False|TRUE|FALSE"),
    PREFIX + "int": re.compile(r"[-+]?(0|[1-9][0-9]*)"),
    PREFIX + "float": re.compile(r"[-+]?(0|[1-9][0-9]*)\.[0-9]+"),
    PREFIX + "timestamp": re.compile(r"\d{4}-\d{2}-\d{2}"),
}
"""The scalar kinds the fast path constructs, and (for plain scalars) the spellings it accepts."""

_LOADER = getattr(yaml, "CSafeLoader", None)
_DIRECTIVE = re.compile(r"^%|(^|[\s\[{,])&\S", re.M)
"""A directive or an anchor: libyaml reads some of them differently (`&an:chor`)."""
_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*#")
_RESOLVER = VersionedResolver(version=(1, 2))


class _Unusual(Exception):
    """The text needs the careful path."""


@dataclass(frozen=True)
class Bounds:
    """How large a document may be."""

    nodes: int
    depth: int
    items: int
    keys: int


class OutOfBounds(Exception):
    """The document exceeds a bound; carries the message code and the 1-based position."""

    def __init__(self, node: yaml.Node, code: str, **params: Any):
        super().__init__(code)
        self.line, self.col = node.start_mark.line + 1, node.start_mark.column + 1
        self.code = code
        self.params = params


def fast_load(text: str, bounds: Bounds) -> tuple[bool, Any]:
    """Return (True, data) when libyaml can read `text` exactly as ruamel.yaml would, else (False, None).

    Raise `OutOfBounds` for a document too deep, or with a list or mapping too long,
    located by libyaml (ruamel.yaml would take seconds to get there).
    """
    if _LOADER is None or "!" in text or "\t" in text or _DIRECTIVE.search(text):  # parsers differ: ruamel.yaml judges
        return False, None
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return True, None
        _check(node, bounds, text)
        return True, loader.construct_document(node)
    except (yaml.YAMLError, _Unusual, ValueError, TypeError, RecursionError):
        return False, None
    finally:
        loader.dispose()


def _check(root: yaml.Node, bounds: Bounds, text: str) -> None:
    """Raise `_Unusual` unless every node is plain data that both parsers read alike."""
    seen: set[int] = set()
    count = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise _Unusual  # an alias (rare in content): let ruamel.yaml judge it
        seen.add(id(node))
        count += 1
        _check_bounds(node, depth, count, bounds)
        if isinstance(node, yaml.MappingNode):
            _check_mapping(node)
            stack.extend((child, depth + 1) for pair in node.value for child in pair)
        elif isinstance(node, yaml.SequenceNode):
            _check_tag(node, PREFIX + "seq")
            stack.extend((child, depth + 1) for child in node.value)
        else:
            _check_scalar(node)
            _check_block_scalar(node, text)


def _check_bounds(node: yaml.Node, depth: int, count: int, bounds: Bounds) -> None:
    """Raise `OutOfBounds` at the first node past a bound."""
    if depth > bounds.depth:
        raise OutOfBounds(node, "yaml_syntax", problem=Msg("yaml.too_deep"))
    if count > bounds.nodes:
        raise OutOfBounds(node, "too_many_nodes", limit=bounds.nodes)
    if isinstance(node, yaml.MappingNode) and len(node.value) > bounds.keys:
        raise OutOfBounds(node, "too_many_keys", count=len(node.value), limit=bounds.keys)
    if isinstance(node, yaml.SequenceNode) and len(node.value) > bounds.items:
        raise OutOfBounds(node, "too_many_items", count=len(node.value), limit=bounds.items)


def _check_mapping(node: yaml.MappingNode) -> None:
    """Accept only mappings whose keys are distinct plain text (ruamel.yaml's plain data has text keys)."""
    _check_tag(node, PREFIX + "map")
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise _Unusual
        if not key.style and str(_RESOLVER.resolve(RuamelScalarNode, key.value, (True, False))) != PREFIX + "str":
            raise _Unusual  # 1:, null:, true: and << are read differently
    keys = [(key.tag, key.value) for key, _ in node.value]
    if len(set(keys)) != len(keys):
        raise _Unusual
    if any(value.start_mark.line > key.start_mark.line + 1 and isinstance(value, yaml.ScalarNode) for key, value in node.value):
        raise _Unusual  # comment lines between a key and its value, which ruamel.yaml cannot read


def _check_block_scalar(node: yaml.ScalarNode, text: str) -> None:
    """Leave block scalars that open with lines of spaces to ruamel.yaml, which reads them differently."""
    if node.style in ("|", ">"):
        if _BLOCK_HEADER.match(text, node.start_mark.index):
            raise _Unusual
        body = text[node.start_mark.index : node.end_mark.index].split("\n")[1:]
        for line in body:
            if line.strip():
                return
            if line:
                raise _Unusual


def _check_tag(node: yaml.Node, expected: str) -> None:
    if node.tag != expected:
        raise _Unusual


def _check_scalar(node: yaml.ScalarNode) -> None:
    if not node.style:  # plain (None, or "" from the C parser): resolve as YAML 1.2, as ruamel.yaml does
        node.tag = str(_RESOLVER.resolve(RuamelScalarNode, node.value, (True, False)))
    elif node.tag != PREFIX + "str":
        raise _Unusual
    if node.tag not in SIMPLE_VALUES:
        raise _Unusual
    pattern = SIMPLE_VALUES[node.tag]
    if pattern is not None and not pattern.fullmatch(node.value):
        raise _Unusual
    if node.tag == PREFIX + "timestamp":
        date.fromisoformat(node.value)  # ValueError: an impossible date, explained by the careful path
