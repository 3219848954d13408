"""A corpus of script-injection payloads, and a content repository with them in every text field.

The payloads are the classics of the usual XSS cheat sheets (OWASP, PortSwigger),
mutation-XSS tricks, Markdown-specific ones, and the five that ran on an earlier
main (each marked). Every payload that could run calls alert() with its own number.
"""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generator.models.common import Markdown, Text
from generator.project import content_files

PAYLOADS = [
    "[x1](java\nscript:alert(1))",  # found on main: a line break inside the link target
    "[x2][r2]\n\n[r2]:\n  javascript:alert(2)",  # found on main: the reference definition's URL on the next line
    "[x3](`javascript:alert(3)`) and [y3](javascript:alert(3)`) `",  # found on main: a code span as the link target
    "\\`<img src=x onerror=alert(4)>`",  # found on main: an escaped backtick before a raw tag
    "```js <img src=x onerror=alert(5)>\nconsole.log(5)\n```",  # found on main: a fence with text on its opening line
    "<script>alert(6)</script>",
    "<img src=x onerror=alert(7)>",
    "<svg onload=alert(8)>",
    "<svg><script>alert(9)</script></svg>",
    '<iframe src="javascript:alert(10)"></iframe>',
    '<iframe srcdoc="<script>alert(11)</script>"></iframe>',
    "<body onload=alert(12)>",
    '<a href="javascript:alert(13)">x13</a>',
    '<a href="jav&#x09;ascript:alert(14)">x14</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(15)">x15</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(16)>",
    "<details open ontoggle=alert(17)>x17</details>",
    "<input autofocus onfocus=alert(18)>",
    "<video><source onerror=alert(19)></video>",
    '<object data="javascript:alert(20)"></object>',
    '<embed src="javascript:alert(21)">',
    '<form action="javascript:alert(22)"><button>x22</button></form>',
    '<button formaction="javascript:alert(23)">x23</button>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(24)">',
    '<base href="javascript:alert(25)//">',
    '<link rel=import href="data:text/html,<script>alert(26)</script>">',
    '<div style="background:url(javascript:alert(27))">x27</div>',
    '<noscript><p title="</noscript><img src=x onerror=alert(28)>"></noscript>',
    "<style>@import 'javascript:alert(29)';</style>",
    "[x30](javascript:alert(30))",
    "[x31](JaVaScRiPt:alert(31))",
    "[x32](  javascript:alert(32)  )",
    "[x33](<javascript:alert(33)>)",
    "![x34](javascript:alert(34))",
    "[x35](data:text/html;base64,PHNjcmlwdD5hbGVydCgzNSk8L3NjcmlwdD4=)",
    "[x36](vbscript:msgbox(36))",
    "<javascript:alert(37)>",
    "[x38][r38]\n\n[r38]: javascript:alert(38)",
    '<a href="javascript&#58;alert(39)">x39</a>',  # in Markdown link syntax, MkDocs' link check already fails the build
    '<img src="java&#x73;cript:alert(40)">',
    '段落 41\n{: onclick="alert(41)" }',
    '<div markdown="1" onmouseover="alert(42)">x42</div>',
    '"><img src=x onerror=alert(43)>',
    "'><svg onload=alert(44)>",
    "{{ 7*7 }}<script>alert(45)</script>{% raw %}",
    "<scr<script>ipt>alert(46)</script>",
    '<a href="javascript&colon;alert(47)">x47</a>',
    '<img src="x\n" onerror="alert(48)">',
    '<svg><a xlink:href="javascript:alert(49)"><text x="0" y="20">x49</text></a></svg>',
    "<svg><animate onbegin=alert(50) attributeName=x dur=1s>",
    "<x onclick=alert(51)>x51</x>",
    "&lt;script&gt;alert(52)&lt;/script&gt;",
    "`<img src=x onerror=alert(53)>`",
    "## <img src=x onerror=alert(54)> 标题",
    "[<img src=x onerror=alert(55)>](https://example.com/55)",
    '<a href="https://example.com/56" onclick="alert(56)">x56</a>',
    '<iframe src="data:text/html,<script>alert(57)</script>"></iframe>',
    '<a id="__config" href="#">x58</a><label for="__search" onclick="alert(58)">x58</label>',
    "    <img src=x onerror=alert(59)>\n\n<img src=x onerror=alert(59)>",
    "> <img src=x onerror=alert(60)>\n\n| a | b |\n| - | - |\n| <img src=x onerror=alert(60)> | 2 |",
]
"""Payloads: at least 40, each a different way to get script into a page."""

MARKER = "鉴别文字"
"""Text every hostile field also holds, so tests can see the field reached its page."""


def text_fields(model: type[BaseModel]) -> dict[str, Any]:
    """Return the free-text fields of `model` as a tree: name -> "text", "markdown" or a subtree."""
    found: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        kind = _text_kind(info.annotation, info.metadata)
        if kind:
            found[name] = kind
    return found


def _text_kind(annotation: Any, metadata: list[Any]) -> Any:
    """Return "markdown", "text", a subtree for a nested model, or None."""
    if annotation is str and metadata == list(typing.get_args(Markdown)[1:]):
        return "markdown"
    if annotation is str and metadata == list(typing.get_args(Text)[1:]):
        return "text"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return text_fields(annotation) or None
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        args = typing.get_args(annotation)
        inner = args[0] if origin is typing.Annotated else next((a for a in args if a is not type(None)), None)
        extra = list(args[1:]) if origin is typing.Annotated else []
        return _text_kind(inner, extra)
    return None


def poison(value: Any, kinds: Any, counter: list[int]) -> Any:
    """Return `value` with every text field filled with payloads (rotated, so fields differ)."""
    if kinds in ("text", "markdown") and isinstance(value, str):
        start = counter[0] = counter[0] + 1
        order = PAYLOADS[start % len(PAYLOADS):] + PAYLOADS[: start % len(PAYLOADS)]
        separator = "\n\n" if kinds == "markdown" else " "
        return MARKER + separator + separator.join(order)
    if isinstance(kinds, dict) and isinstance(value, dict):
        return {k: poison(v, kinds.get(k), counter) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, kinds, counter) for v in value]
    return value


def poison_repository(root: Path) -> int:
    """Fill every text and Markdown field of one file of each content type under `root`; return the fields filled."""
    counter = [0]
    chosen: dict[str, Path] = {}
    for path, content_type in content_files(root):
        if content_type is not None:
            chosen.setdefault(content_type.kind, path)
    for path, content_type in content_files(root):
        if content_type is None or chosen[content_type.kind] != path:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        kinds = text_fields(content_type.model)
        kinds.pop("title", None)  # titles appear in navigation and tags: filled below, plainly
        poisoned = poison(data, kinds, counter)
        poisoned["title"] = f"{data['title']} <img src=x onerror=alert(99)>\"'><svg onload=alert(98)>"
        path.write_text(yaml.safe_dump(poisoned, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return counter[0]
