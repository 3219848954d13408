"""Checks on raw content that no model field can make: placeholders, control characters, ids."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.errors import Problem, Severity
from generator.load import Document, read_document
from generator.messages import Msg
from generator.models import CONTENT_TYPES, CaseStudy, Item
from generator.models.common import PLACEHOLDER
from generator.present import CONTROL_CHARS

LARGEST_PLAUSIBLE_DEAL = 10_000
"""万元: one case study's contract above 1 亿元 is far beyond the demo content's 48–580 万元; likely 元 typed as 万元."""


def walk_strings(data: Any, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Yield every text value in a YAML tree with its location."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk_strings(value, (*loc, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk_strings(value, (*loc, index))
    elif isinstance(data, str):
        yield loc, data


def text_problems(document: Document, allow_placeholder: bool) -> list[Problem]:
    """Find control characters anywhere, and `XX` outside plans."""
    problems = []
    for loc, text in walk_strings(document.plain):
        bad = CONTROL_CHARS.search(text)
        if bad:
            problems.append(document.problem(loc, "control_char", codepoint=f"{ord(bad.group()):04X}"))
        if not allow_placeholder and text.strip() == PLACEHOLDER:
            problems.append(document.problem(loc, "placeholder_outside_plan"))
    return problems


def identity_problems(document: Document, taken: dict[str, Document]) -> list[Problem]:
    """Check that the id equals the file stem and is not used by another file of the type."""
    item_id = document.plain.get("id")
    if not isinstance(item_id, str):
        return []
    problems = []
    if item_id != document.path.stem:
        problems.append(document.problem(("id",), "id_mismatch", id=item_id, stem=document.path.stem))
    if item_id in taken:
        problems.append(document.problem(("id",), "duplicate_id", id=item_id, other=taken[item_id].display))
    else:
        taken[item_id] = document
    return problems


def question_id_problems(document: Document) -> list[Problem]:
    """FAQ question ids must be unique within their file, so links to one answer stay stable."""
    return [
        document.problem(("questions", index, "id"), "duplicate_question_id", id=qid, first_line=first_line)
        for index, qid, first_line in document.repeats("questions", "id")
    ]


def misplaced_problem(path: Path, display: str) -> Problem:
    """Say where a file in a folder of no content type belongs: judged by its keys, else every type's folder."""
    document = read_document(path, display)
    keys = set(document.plain) if not isinstance(document, list) else set()
    shared = set(Item.model_fields)
    scores = [(len(keys & (set(t.model.model_fields) - shared)), t) for t in CONTENT_TYPES]
    best, content_type = max(scores, key=lambda pair: pair[0])
    if best:
        return Problem(display, 1, 1, "", "unknown_folder", {"where": Msg("folder.guess", {"kind": Msg(f"kind.{content_type.kind}"), "folder": content_type.folder})})
    folders = "、".join(f"{t.folder}/" for t in CONTENT_TYPES)
    return Problem(display, 1, 1, "", "unknown_folder", {"where": Msg("folder.list", {"folders": folders})})


def magnitude_problems(item: Item, document: Document) -> list[Problem]:
    """Warn about a money figure too large for its unit (a 元 amount typed where 万元 is meant)."""
    if not isinstance(item, CaseStudy) or item.deal_size is None or item.deal_size < LARGEST_PLAUSIBLE_DEAL:
        return []
    written, yi = (f"{amount:f}".rstrip("0").rstrip(".") for amount in (item.deal_size, item.deal_size / 10000))
    return [document.problem(("deal_size",), "implausible_deal_size", Severity.WARNING, value=written, yuan=yi)]
