"""Write the search index: scored postings and unit texts in `.js` shards.

Each word's postings start with its cohesion (how much more often its two
characters stand together than chance would have them: pointwise mutual
information, so 数据 scores high and the 据会 of 数据会不会 low; the query module
uses it to cut a question into words) and list the units that contain it with a
precomputed BM25F weight (title words count more than context words, which count more than body
words; long units are normalised), so the browser only adds numbers. Words are
spread over term shards by hash and units over document shards in order, each
shard a script calling `SalesbookSearch.receive(name, data)`; a query loads the
term shards of its words and the document shards of the results it shows. The
characters of headings (`^审`) have shards of their own (`h/N`): the query module
looks there for a character that no word of the question covers; so do the kinds of
answer (`?0`: the units holding a duration, for 多久) and the places of numbered headings
(`#2`, for 第二步). A small index is written once
more as a few gzip-compressed bundles (`b/N.gz`), which a served site loads whole.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypinyin import lazy_pinyin

from generator.search.tokens import CJK_RUN, normalize, shard_of, tokens
from generator.search.units import Unit

FIELD_WEIGHTS = {"title": 5.0, "context": 0.6, "body": 1.0}
K1 = 2.0
B = 0.75
SCALE = 10
"""Weights are stored as integers: the BM25F term weight times this."""
BOILERPLATE_PAGES = 4
BOILERPLATE_WEIGHT = 0.7
"""A section under a heading this many pages share (a template's 常用话术, 风险与应对) is the
page's boilerplate, not an answer of its own: its words count this much."""
MAX_COHESION = 60
"""Cohesion of Latin words and single characters, and the most a pair can have."""
RARE_DISCOUNT = 0.5
"""Subtracted from a pair's count, so that a pair seen once is not taken for a word."""
MIN_COHESION = 10
"""Pairs below this (mostly the last character of one word and the first of the next)
are not indexed: the query module never takes them for words."""
DIGITS = "0123456789abcdefghijklmnopqrstuv"
FINAL_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*"
SOUND_COHESION = 30
"""Only pairs this cohesive (words, not neighbours) are offered for a mistyped homophone."""
POSTINGS_PER_SHARD = 500
HEADING_POSTINGS_PER_SHARD = 5000
UNITS_PER_DOC_SHARD = 4
BUNDLE_BYTES = 250_000
"""About how many bytes of shards a bundle holds before compression (bundles load together once the first results are shown)."""
BUNDLED_INDEX_BYTES = 1_000_000
"""An index up to this size is also written as bundles, which load whole after the first results;
a larger one loads shard by shard (at 10,000 items its bundles were 75 MB nobody loaded)."""
EXCERPT_SOURCE_CHARS = 600
"""How much of a unit's text is kept to cut the result excerpt from."""
TITLE_CHARACTER = "^"
TITLE_CHARACTER_COHESION = 8
"""A query character no word covers (审 in 合同给法务审, 级 in 投诉分几级) is looked for among the
characters of headings (`^审`), as about a quarter of a word: a heading is short, so a character in it says something."""
ANSWER_KIND = "?"
ANSWER_KIND_COHESION = 30
"""A unit that holds a number with a unit of a kind of answer (`?0`: 3 个工作日, for 多久) is found
by the words that ask for it as by a word (chosen on the tuning set: 4, 8, 15, 30, 60 measured);
how many units hold one decides its weight, as for any word."""
ORDINAL = "#"
NUMBERED_HEADING = re.compile(r"(\d+)\.\s")
"""A heading that gives its place (2. 到期提醒与开票), looked for by 第二步 as `#2` (cohesion as a kind of answer's)."""
COMMON_CHARACTER = 0.4
"""A character in more than this share of all units (在, 有, 要: 44 % of the demo's units hold 要) is
never looked for on its own; chosen on the tuning set (0.35, 0.4, 0.45, 0.5 measured)."""
FORMAT = 2
Postings = array
"""A word's postings: unit numbers and their weights, interleaved (unit, weight, unit, weight, …), in unit order."""


@dataclass(frozen=True)
class IndexSummary:
    """What was written."""

    units: int
    terms: int
    term_shards: int
    doc_shards: int
    bytes: int


def write_index(units: list[Unit], folder: Path, rules: dict[str, Any]) -> IndexSummary:
    """Write the index of `units` and the query rules into `folder` (replacing what was there)."""
    cohesion = _cohesion(units)
    postings = {term: found for term, found in _postings(units).items() if cohesion.get(term, MAX_COHESION) >= MIN_COHESION}
    groups, group_counts = _group_postings(units, postings, rules["synonyms"])
    postings |= groups
    total = sum(len(p) for p in postings.values()) // 2
    term_shards = max(1, math.ceil(total / POSTINGS_PER_SHARD))
    doc_shards = max(1, math.ceil(len(units) / UNITS_PER_DOC_SHARD))
    shards: dict[str, Any] = {f"t/{k}": {} for k in range(term_shards)}
    reading, sounds = _sounds(cohesion)
    shard_of_term = _placement(reading, term_shards)
    for term, units_of_term in postings.items():
        shards[f"t/{shard_of_term(term)}"][term] = _encoded(cohesion.get(term, MAX_COHESION), _pairs(units_of_term))
    headings = _heading_shards(_title_characters(units) | _answer_kinds(units, rules["answers"]) | _ordinals(units))
    shards |= headings
    for key, words in sounds.items():
        shards[f"t/{shard_of(key, term_shards)}"][key] = words
    readings = ",".join(c + r for c, r in reading.items())
    for k in range(doc_shards):
        chunk = units[k * UNITS_PER_DOC_SHARD : (k + 1) * UNITS_PER_DOC_SHARD]
        shards[f"d/{k}"] = [[u.url, u.title, u.page, u.section, u.text[:EXCERPT_SOURCE_CHARS], int(u.internal)] for u in chunk]
    sizes = {name: _write(folder, name, _shard_text(name, data)) for name, data in shards.items()}
    bundles = _write_bundles(folder, shards, sizes) if sum(sizes.values()) <= BUNDLED_INDEX_BYTES else 0
    meta = {
        "format": FORMAT,
        "units": len(units),
        "pageStarts": [n for n, unit in enumerate(units) if "#" not in unit.url],
        "termShards": term_shards,
        "headingShards": len(headings),
        "docShards": doc_shards,
        "bundles": bundles,
        "unitsPerDocShard": UNITS_PER_DOC_SHARD,
        "rules": rules,
        "readings": readings,
        "synonymCounts": group_counts,
    }
    meta_bytes = _write(folder, "meta", _shard_text("meta", meta))
    return IndexSummary(len(units), len(postings), term_shards, doc_shards, sum(sizes.values()) + meta_bytes)


def _postings(units: list[Unit]) -> dict[str, Postings]:
    """Return, per word, the units containing it with their integer BM25F weight.

    Each unit's words are counted when its turn comes, not all kept at once: at 10,000 items the
    counts of every unit and a tuple per posting took more memory than the rest of the build.
    """
    lengths = [{name: sum(counts.values()) for name, counts in _field_counts(unit).items()} for unit in units]
    average = {f: max(1.0, sum(length[f] for length in lengths) / max(1, len(lengths))) for f in FIELD_WEIGHTS}
    postings: dict[str, Postings] = {}
    headings = Counter(u.title for u in units if "#" in u.url)
    for number, unit in enumerate(units):
        weighted: Counter[str] = Counter()
        for name, counts in _field_counts(unit).items():
            norm = 1 - B + B * lengths[number][name] / average[name]
            for term, tf in counts.items():
                weighted[term] += FIELD_WEIGHTS[name] * tf / norm
        damping = _boilerplate_damping(unit, headings) * unit.boost
        for term, tf in weighted.items():
            found = postings.get(term)
            if found is None:
                found = postings[term] = array("I")
            found.extend((number, max(1, round(damping * SCALE * tf * (K1 + 1) / (tf + K1)))))
    return postings


def _field_counts(unit: Unit) -> dict[str, Counter[str]]:
    """Return how often each word stands in each field of `unit`."""
    return {"title": Counter(tokens(unit.title_words)), "context": Counter(tokens(unit.context)), "body": Counter(tokens(unit.text))}


def _pairs(found: Postings) -> Iterator[tuple[int, int]]:
    """Yield the (unit, weight) pairs of a word's postings."""
    return zip(found[::2], found[1::2])


def _heading_shards(terms: dict[str, list[tuple[int, int]]]) -> dict[str, dict[str, str]]:
    """Return the shards of heading characters and answer kinds (`h/0`, …): apart from the words, so
    that the few a query needs come in one or two requests of their own rather than one each."""
    count = max(1, math.ceil(sum(len(p) for p in terms.values()) / HEADING_POSTINGS_PER_SHARD))
    shards: dict[str, dict[str, str]] = {f"h/{k}": {} for k in range(count)}
    for term, found in terms.items():
        cohesion = TITLE_CHARACTER_COHESION if term.startswith(TITLE_CHARACTER) else ANSWER_KIND_COHESION
        shards[f"h/{shard_of(term, count)}"][term] = _encoded(cohesion, found)
    return shards


def _title_characters(units: list[Unit]) -> dict[str, list[tuple[int, int]]]:
    """Return, per Chinese character of a unit's heading, the units whose heading holds it, weighted as a title word.

    A character found in more than COMMON_CHARACTER of all units (要, 在, 有) says nothing on its own and is left out.
    """
    in_text: Counter[str] = Counter()
    for unit in units:
        in_text.update(set("".join(CJK_RUN.findall(normalize(f"{unit.title_words} {unit.text}")))))
    headings = [dict.fromkeys("".join(CJK_RUN.findall(normalize(unit.title)))) for unit in units]
    average = max(1.0, sum(len(h) for h in headings) / max(1, len(headings)))
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for number, characters in enumerate(headings):
        tf = FIELD_WEIGHTS["title"] / (1 - B + B * len(characters) / average)
        weight = max(1, round(units[number].boost * SCALE * tf * (K1 + 1) / (tf + K1)))
        for character in characters:
            if in_text[character] <= COMMON_CHARACTER * len(units):
                postings[TITLE_CHARACTER + character].append((number, weight))
    return postings


def _answer_kinds(units: list[Unit], kinds: list[dict[str, Any]]) -> dict[str, list[tuple[int, int]]]:
    """Return, per kind of answer (`?0`, `?1`, …: the rules' `answers` in order), the units holding its pattern (a number with one of its units), weighted as a body word."""
    patterns = [re.compile(kind["pattern"]) for kind in kinds]
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for number, unit in enumerate(units):
        text = normalize(f"{unit.title} {unit.text}")
        for k, pattern in enumerate(patterns):
            if pattern.search(text):
                postings[f"{ANSWER_KIND}{k}"].append((number, _plain_weight(unit)))
    return postings


def _ordinals(units: list[Unit]) -> dict[str, list[tuple[int, int]]]:
    """Return, per place of a numbered heading (`#2` for 2. 到期提醒与开票: an SOP's step), the units it heads,
    and as `#last` each page's last one: what 第二步 or 最后一步 asks for, weighted as a kind of answer."""
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    last: dict[str, int] = {}
    for number, unit in enumerate(units):
        place = NUMBERED_HEADING.match(unit.title)
        if place and "#" in unit.url:
            postings[f"{ORDINAL}{int(place[1])}"].append((number, _plain_weight(unit)))
            last[unit.page] = number
    postings[f"{ORDINAL}last"] = [(number, _plain_weight(units[number])) for number in sorted(last.values())]
    return postings


def _plain_weight(unit: Unit) -> int:
    """Return the weight of a term that a unit holds once, in no field in particular (a kind of answer, a place)."""
    return max(1, round(unit.boost * SCALE))


def _boilerplate_damping(unit: Unit, headings: Counter[str]) -> float:
    """Return how much a unit's words count: less under a heading many pages share (风险与应对, CRM 记录要求)."""
    if "#" not in unit.url or headings[unit.title] < BOILERPLATE_PAGES:
        return 1.0
    return BOILERPLATE_WEIGHT


def _group_postings(units: list[Unit], postings: dict[str, Postings], groups: list[list[str]]) -> tuple[dict[str, Postings], list[list[int]]]:
    """Return the postings of each synonym group (`=0`, `=1`, … in the rules' order), one word for the query to load,
    and how many units hold each of the group's terms (the query weighs a group by the rarity of the term typed).

    A unit holds a group when its text holds one of the group's terms as written;
    its weight is that term's mean word weight, the best of the group's terms.
    """
    weights: dict[str, dict[int, int]] = {}

    def weight_of(word: str) -> dict[int, int]:
        if word not in weights:
            weights[word] = dict(_pairs(postings[word]))
        return weights[word]

    texts: dict[int, str] = {}
    merged: dict[str, Postings] = {}
    counts: list[list[int]] = []
    for number, group in enumerate(groups):
        best: dict[int, int] = {}
        counts.append([])
        for term in group:
            words = [word for word in dict.fromkeys(tokens(term)) if word in postings]
            counts[-1].append(0)
            # a term none of whose pairs is a word of the index (坏了) is looked for in every unit
            candidates = set.intersection(*(set(weight_of(word)) for word in words)) if words else range(len(units))
            for unit in candidates:
                if unit not in texts:
                    texts[unit] = normalize(" ".join((units[unit].title_words, units[unit].context, units[unit].text)))
                if term in texts[unit]:
                    counts[-1][-1] += 1
                    weight = sum(weight_of(word)[unit] for word in words) / len(words) if words else SCALE
                    best[unit] = max(best.get(unit, 0), round(weight))
        if best:
            merged[f"={number}"] = array("I", [n for pair in sorted(best.items()) for n in pair])
    return merged, counts


def _placement(reading: dict[str, str], shards: int) -> Callable[[str], int]:
    """Return where a word is stored: a pair of known readings with the words of its sound (one load finds both)."""

    def shard(term: str) -> int:
        chars = list(term)
        if len(chars) == 2 and all(c in reading for c in chars):
            return shard_of("~" + reading[chars[0]] + reading[chars[1]], shards)
        return shard_of(term, shards)

    return shard


def _encoded(cohesion: int, postings: Iterable[tuple[int, int]]) -> str:
    """Return a word's cohesion and postings as one string: numbers in base 32, units as gaps."""
    numbers = [cohesion]
    previous = 0
    for unit, weight in postings:
        numbers += [unit - previous, weight]
        previous = unit
    return "".join(_base32(n) for n in numbers)


def _base32(number: int) -> str:
    """Return `number` in base 32, its last digit from FINAL_DIGITS so that numbers need no separator."""
    digits = [FINAL_DIGITS[number % 32]]
    number //= 32
    while number:
        digits.append(DIGITS[number % 32])
        number //= 32
    return "".join(reversed(digits))


def _sounds(cohesion: dict[str, int]) -> tuple[dict[str, str], dict[str, str]]:
    """Return the pinyin of the characters of the index's words, and its words by sound.

    A rep's pinyin input method often picks a homophone (会款 for 回款); the query
    module looks up a pair the index lacks by its sound (`~huikuan`) and finds 回款.
    Words of one sound are concatenated.
    """
    words = [pair for pair, value in cohesion.items() if value >= SOUND_COHESION]
    readings = {character: lazy_pinyin(character)[0] for word in words for character in word}
    sounds: dict[str, str] = defaultdict(str)
    for word in words:
        sounds["~" + readings[word[0]] + readings[word[1]]] += word
    return readings, sounds


def _cohesion(units: list[Unit]) -> dict[str, int]:
    """Return each character pair's pointwise mutual information (times SCALE, clipped to 0..MAX_COHESION)."""
    characters: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for unit in units:
        for run in CJK_RUN.findall(normalize(f"{unit.title} {unit.text}")):
            characters.update(run)
            pairs.update(run[i : i + 2] for i in range(len(run) - 1))
    n_characters = max(1, sum(characters.values()))
    n_pairs = max(1, sum(pairs.values()))
    found = {}
    for pair, count in pairs.items():
        chance = characters[pair[0]] / n_characters * characters[pair[1]] / n_characters
        information = math.log((count - RARE_DISCOUNT) / n_pairs / chance) if count > RARE_DISCOUNT else 0.0
        found[pair] = min(MAX_COHESION, max(0, round(SCALE * information)))
    return found


def _shard_text(name: str, data: Any) -> str:
    return f"SalesbookSearch.receive({json.dumps(name)},{json.dumps(data, ensure_ascii=False, separators=(',', ':'))});\n"


def _write(folder: Path, name: str, text: str) -> int:
    path = folder / f"{name}.js"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def _write_bundles(folder: Path, shards: dict[str, Any], sizes: dict[str, int]) -> int:
    """Write the shards again in a few gzip-compressed JSON files (`b/0.gz`, …: {shard: data}); return how many.

    A first search loads only the small shards it needs; the rest of the index then loads as
    bundles, a few requests at once and less than half the bytes, so that on a slow network the
    next search finds its shards already there. Compressed here, not left to the host: many
    serve `.js` as it is."""
    bundles: list[dict[str, Any]] = [{}]
    size = 0
    for name, data in shards.items():
        if size >= BUNDLE_BYTES:
            bundles.append({})
            size = 0
        bundles[-1][name] = data
        size += sizes[name]
    for k, bundle in enumerate(bundles):
        text = json.dumps(bundle, ensure_ascii=False, separators=(",", ":"))
        path = folder / "b" / f"{k}.gz"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    return len(bundles)
