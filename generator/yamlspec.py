"""YAML that libyaml and ruamel.yaml both accept although the YAML 1.2 spec refuses it.

Both parsers are lenient in a few places the YAML test suite marks as errors; a file
written that way means something else to a stricter tool (an editor's YAML extension,
another parser). `spec_problem` finds these with libyaml's scanner (fast: it runs on
every file) and returns the first one, located:

- a multi-line quoted scalar or flow collection whose continuation line is not
  indented past the block it belongs to (or is indented with a tab);
- a `#` right after a quoted scalar or a block scalar indicator (a comment needs a
  space before it);
- a block scalar whose leading empty lines hold more spaces than its first line.
"""

from __future__ import annotations

import re

import yaml

_SCANNER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BLOCK_HEADER = re.compile(r"[|>]([1-9][+-]?|[+-][1-9]?)?")
_BLOCK_STARTS = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken)
_FLOW_STARTS = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
_FLOW_ENDS = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)


def spec_problem(text: str) -> tuple[int, int, str] | None:
    """Return (line, col, message code) of the first thing the spec refuses, 1-based; None if none."""
    lines = text.splitlines()
    blocks = [-1]
    flow_start: list[yaml.Token] = []
    try:
        for token in yaml.scan(text, Loader=_SCANNER):
            if isinstance(token, _BLOCK_STARTS):
                blocks.append(token.start_mark.column)
            elif isinstance(token, yaml.BlockEndToken) and len(blocks) > 1:
                blocks.pop()
            elif isinstance(token, _FLOW_STARTS):
                flow_start.append(token)
            elif isinstance(token, _FLOW_ENDS) and flow_start:
                found = _continuation(lines, flow_start.pop().start_mark.line, token.end_mark.line, blocks[-1])
                if found:
                    return found
            elif isinstance(token, yaml.ScalarToken) and not flow_start:
                found = _scalar_problem(token, text, lines, blocks[-1])
                if found:
                    return found
    except yaml.YAMLError:
        return None  # a syntax error: the loader reports it
    return None


def _continuation(lines: list[str], first: int, last: int, indent: int) -> tuple[int, int, str] | None:
    """Return the first line after `first` up to `last` not indented past `indent`."""
    for number in range(first + 1, min(last, len(lines) - 1) + 1):
        line = lines[number]
        if line.strip() and len(line) - len(line.lstrip(" ")) <= indent:
            return number + 1, 1, "yaml.continuation_indent"
    return None


def _scalar_problem(token: yaml.ScalarToken, text: str, lines: list[str], indent: int) -> tuple[int, int, str] | None:
    start, end = token.start_mark, token.end_mark
    if token.style in ('"', "'"):
        if text[end.index : end.index + 1] == "#":
            return end.line + 1, end.column + 1, "yaml.comment_space"
        return _continuation(lines, start.line, end.line, indent)
    if token.style in ("|", ">"):
        header = _BLOCK_HEADER.match(text, start.index)
        after = header.end() if header else start.index + 1
        if text[after : after + 1] == "#":
            return start.line + 1, after - (text.rfind("\n", 0, after) + 1) + 1, "yaml.comment_space"
        if header and not any(c.isdigit() for c in header.group()):
            return _leading_blank_lines(lines, start.line)
    return None


def _leading_blank_lines(lines: list[str], header_line: int) -> tuple[int, int, str] | None:
    """Return the first leading empty line of a block scalar with more spaces than its first line."""
    blanks: list[int] = []
    for number in range(header_line + 1, len(lines)):
        if lines[number].strip():
            first_indent = len(lines[number]) - len(lines[number].lstrip(" "))
            wider = [n for n in blanks if len(lines[n]) > first_indent]
            return (wider[0] + 1, 1, "yaml.blank_line_indent") if wider else None
        blanks.append(number)
    return None
