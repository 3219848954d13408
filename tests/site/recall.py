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


@dataclass(frozen=True)
class Question:
    """One rep question and the pages that answer it."""

    q: str
    answers: tuple[str, ...]
    kind: str = ""

    def answered_by(self, url: str) -> bool:
        page, anchor = where(url)
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

    def rank(self) -> int | None:
        """Return the 1-based position of the first answering result, or None."""
        return next((n for n, url in enumerate(self.urls, 1) if self.question.answered_by(url)), None)

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
    return [Question(str(r["q"]), tuple(r["answers"]), str(r.get("kind", ""))) for r in rows]


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
