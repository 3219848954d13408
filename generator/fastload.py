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
from datetime import date
from typing import Any

import yaml
from ruamel.yaml.nodes import ScalarNode as RuamelScalarNode
from ruamel.yaml.resolver import VersionedResolver

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
_RESOLVER = VersionedResolver(version=(1, 2))


class _Unusual(Exception):
    """The text needs the careful path."""


def fast_load(text: str, max_nodes: int, max_depth: int) -> tuple[bool, Any]:
    """Return (True, data) when libyaml can read `text` exactly as ruamel.yaml would, else (False, None)."""
    if _LOADER is None or "!" in text or "\t" in text:  # tags and tabs: parsers differ, ruamel.yaml judges
        return False, None
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return True, None
        _check(node, max_nodes, max_depth)
        return True, loader.construct_document(node)
    except (yaml.YAMLError, _Unusual, ValueError, TypeError, RecursionError):
        return False, None
    finally:
        loader.dispose()


def _check(root: yaml.Node, max_nodes: int, max_depth: int) -> None:
    """Raise `_Unusual` unless every node is plain data that both parsers read alike."""
    seen: set[int] = set()
    count = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen or depth > max_depth:
            raise _Unusual  # an alias (rare in content) or deep nesting: let ruamel.yaml judge it
        seen.add(id(node))
        count += 1
        if count > max_nodes:
            raise _Unusual
        if isinstance(node, yaml.MappingNode):
            _check_mapping(node)
            stack.extend((child, depth + 1) for pair in node.value for child in pair)
        elif isinstance(node, yaml.SequenceNode):
            _check_tag(node, PREFIX + "seq")
            stack.extend((child, depth + 1) for child in node.value)
        else:
            _check_scalar(node)


def _check_mapping(node: yaml.MappingNode) -> None:
    _check_tag(node, PREFIX + "map")
    keys = [(key.tag, key.value) for key, _ in node.value]
    if len(set(keys)) != len(keys) or any(tag == PREFIX + "merge" for tag, _ in keys):
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
