"""Extra search terms for Pagefind, so that Chinese queries find words inside words.

Pagefind segments a page with jieba when indexing, but the browser segments the
query with `Intl.Segmenter`, which splits words it does not know into single
characters (月度作战 becomes 月 / 度 / 作战). Pagefind then needs every part to
begin some indexed word of the page, and 度 begins none (the page has 月度).
Each page therefore carries, as searchable Pagefind metadata, the characters it
contains and the dictionary words hidden inside its longer words (档案 inside
客户档案). Metadata is matched but never shown in excerpts.
"""

from __future__ import annotations

import logging
import re
from functools import cache

import jieba

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@cache
def _tokenizer() -> jieba.Tokenizer:
    """Return jieba's default tokenizer (the dictionary Pagefind's segmenter also uses)."""

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def search_terms(text: str) -> str:
    """Return the terms that make `text`'s Chinese findable by any part of a word."""
    tokenizer = _tokenizer()
    characters: dict[str, None] = {}
    inner: dict[str, None] = {}
    for run in _CJK_RUN.findall(text):
        characters.update(dict.fromkeys(run))
        for word in tokenizer.cut(run, HMM=False):
            inner.update(dict.fromkeys(_inner_words(word, tokenizer.FREQ)))
    return " ".join([*characters, *inner])


def _inner_words(word: str, dictionary: dict[str, int]) -> list[str]:
    """Return the dictionary words of two or more characters inside `word`, not at its start."""
    found = []
    for start in range(1, len(word) - 1):
        for end in range(start + 2, len(word) + 1):
            part = word[start:end]
            if dictionary.get(part):
                found.append(part)
    return found
