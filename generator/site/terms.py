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
import os
import re
from concurrent.futures import ProcessPoolExecutor
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


PAGES_PER_WORKER = 200
"""Below this many pages per core, starting worker processes costs more than it saves."""


def search_terms_of(texts: list[str]) -> list[str]:
    """Return `search_terms` of every text, on all cores when there are many (jieba is pure Python)."""
    workers = min(os.cpu_count() or 1, len(texts) // PAGES_PER_WORKER)
    if workers <= 1:
        return [search_terms(text) for text in texts]
    _tokenizer()  # loaded here once: the forked workers share it instead of each loading it again
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(search_terms, texts, chunksize=max(1, len(texts) // (workers * 8))))


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
