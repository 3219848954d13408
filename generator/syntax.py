"""Explain a YAML syntax error the way a person who types Chinese would fix it.

The parser's mark is where it gave up, which is often a line after the slip and
always in its own words (`could not find expected ':'`). `diagnose` reads the
parser's marks together with the source lines around them and names the slip
itself: a full-width colon, comma or quote used as syntax, a missing space after
a colon, a tab or a full-width space in the indentation, a misaligned line, a
line that fell out of a `|` block, an unclosed quote or bracket, a list item
among mapping keys. Each explanation says how to fix the line, at the line and
column a person would point to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.error import MarkedYAMLError

from generator.messages import Msg

KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
FULLWIDTH_COLON = re.compile(rf"^(\s*(?:-\s+)?)({KEY})\s*：\s*(.*)$")
NO_SPACE_COLON = re.compile(rf"^(\s*(?:-\s+)?)({KEY})\s*:(?=[^\s:/])(.*)$")
KEY_VALUE = re.compile(rf"^(\s*(?:-\s+)?)({KEY}):(?:\s+(.*))?$")
BLOCK_SCALAR = re.compile(rf"^(\s*(?:-\s+)?)({KEY}):\s+[|>][-+0-9]*\s*(?:#.*)?$")
STRAY_CHARACTERS = re.compile(r"\ufeff|^[ \t]*\u3000", re.MULTILINE)
"""A BOM anywhere but the very start (the reader drops that one), or a full-width space in the indentation."""
FULLWIDTH_QUOTES = "“”‘’＂「」"


@dataclass(frozen=True)
class Diagnosis:
    """Where a syntax slip is (0-based line and column) and the message that explains it."""

    line: int
    col: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)


def stray_character(text: str) -> Diagnosis | None:
    """Return the first invisible BOM or full-width indentation space, which parsers accept silently."""
    found = STRAY_CHARACTERS.search(text)
    if found is None:
        return None
    offset = found.end() - 1
    line = text.count("\n", 0, offset)
    col = offset - (text.rfind("\n", 0, offset) + 1)
    return Diagnosis(line, col, "yaml.bom" if text[offset] == "\ufeff" else "yaml.fullwidth_space")


def diagnose(text: str, error: MarkedYAMLError) -> Diagnosis | None:
    """Return the slip behind the parser's `error`, or None when no explanation fits."""
    lines = text.splitlines() or [""]
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    mark = error.problem_mark
    start = error.context_mark
    if mark is None:
        return None
    at = min(mark.line, len(lines) - 1)
    if (outside := _text_after_quote(lines, at)) is not None:
        return outside
    if "'\\t'" in problem:
        return _tab(lines, at, mark.column)
    if "quoted scalar" in context and "end of stream" in problem and start is not None:
        return Diagnosis(start.line, start.column, "yaml.unclosed_quote", {"quote": lines[start.line][start.column]})
    if "simple key" in context and start is not None:
        return _not_a_key(lines, start.line)
    if "mapping values are not allowed" in problem:
        return _unexpected_colon(lines, at, mark.column)
    if problem.endswith("'?'") and start is not None and start.column == 0 and _previous_content(lines, start.line) is None:
        return Diagnosis(start.line, 0, "yaml.top_level_list")
    if problem.startswith("expected <block end>"):
        return _broken_block(lines, at, mark.column, problem)
    if "flow" in context and start is not None:
        return _broken_flow(lines, start.line, start.column, at)
    return None


def culprit_line(text: str, error: MarkedYAMLError) -> int:
    """Return the 0-based line the slip is on (where a resynchronising reader must skip)."""
    found = diagnose(text, error)
    if found is not None:
        return found.line
    mark = error.problem_mark or error.context_mark
    return mark.line if mark is not None else 0


def _tab(lines: list[str], at: int, col: int) -> Diagnosis:
    line = lines[at]
    tab = line.find("\t")
    return Diagnosis(at, tab if tab >= 0 else col, "yaml.tab")


def _key_slip(lines: list[str], number: int) -> Diagnosis | None:
    """Return a full-width colon or a missing space after a key's colon on line `number`."""
    line = lines[number]
    if line.lstrip().startswith("#"):
        return None
    colon = FULLWIDTH_COLON.match(line)
    if colon:
        lead, key, value = colon.groups()
        return Diagnosis(number, line.index("：", len(lead)), "yaml.fullwidth_colon", {"key": key, "fixed": _key_line(lead, key, value)})
    tight = NO_SPACE_COLON.match(line)
    if tight:
        lead, key, value = tight.groups()
        return Diagnosis(number, len(lead) + len(key), "yaml.no_space_after_colon", {"key": key, "fixed": _key_line(lead, key, value)})
    return None


def _key_line(lead: str, key: str, value: str) -> str:
    return f"{lead.strip()} {key}: {value.strip()}".strip()


def _not_a_key(lines: list[str], number: int) -> Diagnosis:
    """Explain a line the parser read as a key without a colon."""
    slip = _key_slip(lines, number)
    if slip is not None:
        return slip
    block = _open_block_scalar(lines, number)
    if block is not None:
        return block
    indent = _indent(lines[number])
    return Diagnosis(number, indent, "yaml.not_a_key", {"text": _short(lines[number].strip())})


def _open_block_scalar(lines: list[str], number: int) -> Diagnosis | None:
    """Return the `|`/`>` block that line `number` fell out of by being indented too little."""
    for above in range(number - 1, -1, -1):
        line = lines[above]
        if not line.strip():
            continue
        opened = BLOCK_SCALAR.match(line)
        if opened:
            lead, key = opened.groups()
            need = _block_indent(lines, above + 1, number, len(lead) + 2)
            return Diagnosis(number, _indent(lines[number]), "yaml.block_unindented", {"key": key, "line": above + 1, "indent": _columns(need)})
        if _indent(line) <= _indent(lines[number]):
            return None
    return None


def _block_indent(lines: list[str], first: int, end: int, least: int) -> int:
    """Return the indentation the block's first text line set, or `least` when it has none."""
    for number in range(first, end):
        if lines[number].strip():
            return max(_indent(lines[number]), least)
    return least


def _unexpected_colon(lines: list[str], at: int, col: int) -> Diagnosis | None:
    """Explain `: ` where YAML does not allow one: a colon inside a value, or a line that continues the one above."""
    line = lines[at]
    pair = KEY_VALUE.match(line)
    if pair and col > len(pair.group(1)) + len(pair.group(2)):
        lead, key, value = pair.groups()
        return _colon_in_value(at, lead, key, value or "")
    previous = _previous_content(lines, at)
    if previous is None:
        return None
    slip = _key_slip(lines, previous)
    if slip is not None:
        return slip
    above = KEY_VALUE.match(lines[previous])
    if above and _indent(line) > _indent(lines[previous]):
        lead, key = above.group(1), above.group(2)
        return Diagnosis(at, _indent(line), "yaml.over_indented", {"key": key, "line": previous + 1, "indent": _columns(len(lead))})
    return None


def _colon_in_value(number: int, lead: str, key: str, value: str) -> Diagnosis:
    bare = value.strip().strip(FULLWIDTH_QUOTES)
    quoted = '"' + bare.replace("\\", "\\\\").replace('"', '\\"') + '"'
    code = "yaml.fullwidth_quotes" if value.strip()[:1] in FULLWIDTH_QUOTES else "yaml.colon_in_value"
    return Diagnosis(number, len(lead) + len(key) + 2, code, {"key": key, "fixed": _key_line(lead, key, quoted)})


def _broken_block(lines: list[str], at: int, col: int, problem: str) -> Diagnosis | None:
    """Explain a line that does not fit the block it sits in."""
    line = lines[at]
    if problem.endswith("'-'"):
        return Diagnosis(at, col, "yaml.list_in_mapping")
    if problem.endswith("'?'"):
        pair = KEY_VALUE.match(line)
        return Diagnosis(at, col, "yaml.mapping_in_list", {"key": pair.group(2) if pair else line.strip()})
    if problem.endswith("'<scalar>'"):
        unclosed = _unclosed_quote_above(lines, at)
        if unclosed is not None:
            return unclosed
    previous = _previous_content(lines, at)
    if previous is not None and _indent(line) != _indent(lines[previous]):
        return Diagnosis(at, _indent(line), "yaml.misaligned", {"found": _indent(line), "line": previous + 1, "expected": _sibling_indent(lines, previous)})
    return None


def _text_after_quote(lines: list[str], at: int) -> Diagnosis | None:
    """Return the text that follows a value's closing quote on line `at` (`"设备云"上线半年`)."""
    pair = KEY_VALUE.match(lines[at])
    value = (pair.group(3) or "") if pair else ""
    quote = value[:1]
    if pair is None or quote not in ("\"", "'"):
        return None
    end = _closing_quote(value, quote)
    rest = value[end + 1 :].strip() if end is not None else ""
    if not rest or rest.startswith("#"):
        return None
    column = len(pair.group(1)) + len(pair.group(2)) + 2 + value.index(rest, end + 1)
    return Diagnosis(at, column, "yaml.text_after_quote", {"quote": quote, "rest": _short(rest)})


def _closing_quote(value: str, quote: str) -> int | None:
    """Return the index of the quote that closes `value`'s opening one (`\\"` and `''` stay inside)."""
    index = 1
    while index < len(value):
        if quote == "\"" and value[index] == "\\":
            index += 2
            continue
        if value[index] == quote:
            if quote == "'" and value[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return None


def _unclosed_quote_above(lines: list[str], at: int) -> Diagnosis | None:
    """Return the value above line `at` whose opening quote has no partner on its line."""
    for number in range(at - 1, -1, -1):
        pair = KEY_VALUE.match(lines[number])
        value = (pair.group(3) or "") if pair else ""
        if value[:1] in "\"'" and value.rstrip().count(value[0]) % 2 == 1:
            return Diagnosis(number, len(pair.group(1)) + len(pair.group(2)) + 2, "yaml.unclosed_quote", {"quote": value[0]})
    return None


def _broken_flow(lines: list[str], line: int, col: int, at: int) -> Diagnosis:
    """Explain a `[...]` or `{...}` that is not closed or separates items with `，`."""
    bracket = lines[line][col]
    for number in range(line, at + 1):
        start = col if number == line else 0
        comma = lines[number].find("，", start)
        if comma >= 0:
            return Diagnosis(number, comma, "yaml.fullwidth_comma")
    closing = "]" if bracket == "[" else "}"
    return Diagnosis(line, col, "yaml.unclosed_flow", {"open": bracket, "close": closing})


def _previous_content(lines: list[str], number: int) -> int | None:
    for above in range(number - 1, -1, -1):
        stripped = lines[above].strip()
        if stripped and not stripped.startswith("#"):
            return above
    return None


def _sibling_indent(lines: list[str], number: int) -> int:
    """Return the column a key on line `number` starts at (after any `- `)."""
    line = lines[number]
    pair = KEY_VALUE.match(line)
    return len(pair.group(1)) if pair else _indent(line)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _columns(count: int) -> Msg:
    """Return "indented N spaces", or "not indented" for 0, as a nested message."""
    return Msg("yaml.indent_spaces", {"count": count}) if count else Msg("yaml.indent_none")


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
