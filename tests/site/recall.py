"""Recall at 5 of the real site search on the development set of rep questions.

The set (../shared/search-queries.yaml) names, per query, the content type and
title words of a page that answers it; a query passes when one of the first five
results is such a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from playwright.sync_api import Page

from generator.site.sections import BY_KIND
from tests.site.browser import Hit, search, section_of

QUERIES = Path(__file__).resolve().parents[3] / "shared" / "search-queries.yaml"


@dataclass(frozen=True)
class Query:
    """One rep question and what should answer it."""

    query: str
    type: str
    title_any: tuple[str, ...]

    def answered_by(self, hit: Hit) -> bool:
        return section_of(hit.url) == BY_KIND[self.type].folder and any(word in hit.title for word in self.title_any)


@dataclass(frozen=True)
class Outcome:
    """What the search returned for one query."""

    query: Query
    hits: list[Hit]

    @property
    def passed(self) -> bool:
        return any(self.query.answered_by(hit) for hit in self.hits[:5])


def load_queries(path: Path = QUERIES) -> list[Query]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(r["query"]), r["type"], tuple(r["title_any"])) for r in rows]


def run_queries(page: Page, queries: list[Query]) -> list[Outcome]:
    return [Outcome(q, search(page, q.query)) for q in queries]


def recall_at_5(outcomes: list[Outcome]) -> float:
    return sum(o.passed for o in outcomes) / len(outcomes)


def report(outcomes: list[Outcome]) -> str:
    """Return one line per failed query with its top five, then the recall."""
    lines = [f"MISS {o.query.query} ({o.query.type}: {'/'.join(o.query.title_any)}) -> " + " | ".join(h.title for h in o.hits[:5]) for o in outcomes if not o.passed]
    lines.append(f"recall@5 = {recall_at_5(outcomes):.3f} ({sum(o.passed for o in outcomes)}/{len(outcomes)})")
    return "\n".join(lines)
