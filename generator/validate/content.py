"""Checks on raw content that no model field can make: placeholders, control characters, ids."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.errors import Problem
from generator.load import Document
from generator.models.common import PLACEHOLDER

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


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
