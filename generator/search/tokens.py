"""The words of a text as the index stores them; `assets/search-core.js` cuts queries the same way.

Text is NFKC-normalised (full-width letters and digits become ASCII) and lower-cased.
A run of Chinese characters gives its overlapping character pairs (客户嫌贵 gives
客户, 户嫌, 嫌贵), so a word is found wherever it stands without a dictionary;
a lone character stands for itself. Latin letters and digits are separate words
and are never stemmed (MES stays mes, VS-30 gives vs and 30). The shard a word
is stored in comes from its FNV-1a hash over UTF-16 code units, as JavaScript
sees a string.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(f"[{CJK}]+|[a-z]+|[0-9]+")
CJK_RUN = re.compile(f"[{CJK}]+")


def normalize(text: str) -> str:
    """Return `text` NFKC-normalised and lower-cased."""
    return unicodedata.normalize("NFKC", text).lower()


def tokens(text: str) -> Iterator[str]:
    """Yield the index words of `text` in order."""
    for match in _WORD.finditer(normalize(text)):
        run = match.group()
        if CJK_RUN.fullmatch(run) and len(run) > 1:
            yield from (run[i : i + 2] for i in range(len(run) - 1))
        else:
            yield run


def shard_of(token: str, shards: int) -> int:
    """Return the term shard that holds `token`."""
    value = 0x811C9DC5
    data = token.encode("utf-16-le")
    for i in range(0, len(data), 2):
        value ^= data[i] | (data[i + 1] << 8)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value % shards
