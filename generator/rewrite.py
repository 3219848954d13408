"""What `fmt` checks before it rewrites a file, so that a rewrite can never change the data.

A file is rewritten only when its new text loads (through the same loader `check`
uses) to exactly the data the old text held. Files with anchors, aliases or merge
keys are left as written: laying them out would expand every alias. The byte-order
mark and the line-ending choice of a file are kept; mixed line endings become the
majority's, and `fmt` says so.
"""

from __future__ import annotations

import codecs
import math
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.error import YAMLError
from ruamel.yaml.tokens import AliasToken, AnchorToken, ScalarToken, Token

from generator.errors import Problem
from generator.load import new_yaml, parse_yaml, to_plain


@dataclass(frozen=True)
class Layout:
    """How a file's text is stored as bytes: with or without a BOM, and which line ending."""

    bom: bool
    newline: str
    mixed: bool
    """The file mixed line endings; written back, it uses `newline` throughout."""

    def encode(self, text: str) -> bytes:
        """Return `text` (written with \\n) as this file's bytes."""
        body = text.replace("\n", self.newline).encode("utf-8")
        return codecs.BOM_UTF8 + body if self.bom else body


def layout_of(raw: bytes) -> Layout:
    """Return the layout of a file's bytes."""
    crlf = raw.count(b"\r\n")
    lf = raw.count(b"\n") - crlf
    return Layout(raw.startswith(codecs.BOM_UTF8), "\r\n" if crlf > lf else "\n", bool(crlf and lf))


def shared_node(text: str) -> tuple[int, int] | None:
    """Return the 1-based position of the first anchor, alias or merge key in `text`, if any."""
    try:
        for token in new_yaml().scan(text):
            if isinstance(token, AnchorToken | AliasToken) or _merge_key(token):
                return token.start_mark.line + 1, token.start_mark.column + 1
    except YAMLError:
        return None
    return None


def _merge_key(token: Token) -> bool:
    return isinstance(token, ScalarToken) and token.plain and token.value == "<<"


def same_data(before: Any, text: str) -> bool:
    """Return whether `text` loads to exactly `before` (NaN equal to NaN)."""
    after = parse_yaml(text, "")
    if isinstance(after, Problem):
        return False
    return _comparable(to_plain(after)) == _comparable(before)


def _comparable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    return (type(value).__name__, value)
