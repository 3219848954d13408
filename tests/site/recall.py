"""Recall at 1 and at 5 of the site search on a set of rep questions.

A set (tests/search/*.yaml) lists per question the pages that answer it as
site-relative directory URLs (`faqs/lt-device-cloud-faq/#price-objection`,
`sops/quotation-negotiation/`); a result answers when it lands on one of them:
the same page, and the same anchor when the answer names one. Result URLs of the
offline build (`faqs/x.html#a`) and of the served one (`faqs/x/#a`) compare alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

SETS = Path(__file__).resolve().parents[1] / "search"
ASKED_ON = "2026-12-01"
"""When the sets' questions were written: their 今年 and 明年 mean 2026 and 2027 whenever the tests run."""


FOLDERS = {"product": "products", "faq": "faqs", "case-study": "case-studies", "sop": "sops", "playbook": "playbooks", "plan": "plans"}
"""The old keyword set names the content type of its answers; these are their folders."""


@dataclass(frozen=True)
class Question:
    """One rep question and the pages that answer it (or, in the old keyword set, their type and title words)."""

    q: str
    answers: tuple[str, ...]
    kind: str = ""
    title_any: tuple[str, ...] = ()

    def answered_by(self, url: str, page_title: str = "") -> bool:
        page, anchor = where(url)
        if self.title_any:
            folder = page.split("/")[0]
            return f"{folder}/" in self.answers and any(word in page_title for word in self.title_any)
        for answer in self.answers:
            answer_page, answer_anchor = where(answer)
            if answer_page == page and (not answer_anchor or answer_anchor == anchor):
                return True
        return False


@dataclass(frozen=True)
class Outcome:
    """What the search showed for one question (result URLs relative to the site, titles)."""

    question: Question
    urls: list[str]
    titles: list[str]
    pages: list[str]
    """The title of each result's page (the result's own title is a question or a step)."""

    def rank(self) -> int | None:
        """Return the 1-based position of the first answering result, or None."""
        answered = (self.question.answered_by(url, page) for url, page in zip(self.urls, self.pages, strict=True))
        return next((n for n, yes in enumerate(answered, 1) if yes), None)

    def within(self, k: int) -> bool:
        rank = self.rank()
        return rank is not None and rank <= k


def where(url: str) -> tuple[str, str]:
    """Return (page, anchor) of a site-relative URL: `faqs/x/#a`, `faqs/x.html#a` and `faqs/x/index.html#a` alike."""
    parts = urlsplit(url)
    path = unquote(parts.path).strip("/")
    path = path.removesuffix("index.html").removesuffix(".html").strip("/")
    return path, unquote(parts.fragment)


def relative(url: str, base: str) -> str:
    """Return `url` relative to the site's base URL."""
    return url[len(base) :] if url.startswith(base) else url


def load_questions(name: str) -> list[Question]:
    """Return the questions of tests/search/`name`."""
    rows = yaml.safe_load((SETS / name).read_text(encoding="utf-8"))
    return [_question(row) for row in rows]


def _question(row: dict[str, object]) -> Question:
    if "query" in row:  # the old keyword set: {query, type, title_any}
        return Question(str(row["query"]), (f"{FOLDERS[str(row['type'])]}/",), "keyword", tuple(row["title_any"]))  # type: ignore[arg-type]
    return Question(str(row["q"]), tuple(row["answers"]), str(row.get("kind", "")))  # type: ignore[arg-type]


def recall(outcomes: list[Outcome], k: int) -> float:
    return sum(o.within(k) for o in outcomes) / len(outcomes)


def report(name: str, outcomes: list[Outcome]) -> str:
    """Return one line per question not answered first, with what the rep saw, then the recall."""
    lines = []
    for o in outcomes:
        rank = o.rank()
        if rank == 1:
            continue
        seen = " | ".join(f"{t} <{u}>" for t, u in zip(o.titles[:5], o.urls[:5], strict=False)) or "（没有结果）"
        label = "MISS" if rank is None or rank > 5 else f"AT {rank}"
        lines.append(f"{label} {o.question.q} -> want {'/'.join(o.question.answers)}; saw: {seen}")
    lines.append(f"{name}: recall@1 = {recall(outcomes, 1):.3f}, recall@5 = {recall(outcomes, 5):.3f} ({len(outcomes)} questions)")
    return "\n".join(lines)
