"""What a customer may see of an item: the content model's audience, applied.

A part of an item is internal when its field was declared with `internal()` (deal
size, sales cycle, internal notes, competitor comparisons), when the author listed
it in `internal_sections`, when its FAQ question is `visibility: internal`, or when
the whole item is. Everything else is customer-visible. The site marks internal
parts, the one-pagers leave them out, and `check` reads customer-visible text for
internal-looking words: all three ask this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from generator.models.common import INTERNAL, Item, is_internal_field

Location = tuple[str | int, ...]

META_FIELDS = {"id", "owner", "reviewed", "tags", "visibility", "internal_sections", "attachments"}
"""Fields that say something about the item rather than to a reader."""


def is_internal_item(item: Item) -> bool:
    """Return whether the whole item is for colleagues only."""
    return item.visibility == INTERNAL


def is_internal_part(model: BaseModel, name: str) -> bool:
    """Return whether field `name` of `model` (an item or a part of one) is internal."""
    if is_internal_field(type(model), name):
        return True
    return name in getattr(model, "internal_sections", ())


def customer_texts(item: Item) -> Iterator[tuple[Location, str]]:
    """Yield every customer-visible text of `item` with its location; nothing if the item is internal."""
    if is_internal_item(item):
        return
    yield from _texts(item, ())


def _texts(model: BaseModel, loc: Location) -> Iterator[tuple[Location, str]]:
    if getattr(model, "visibility", None) == INTERNAL:
        return
    for name in type(model).model_fields:
        if name in META_FIELDS or is_internal_part(model, name):
            continue
        yield from _values(getattr(model, name), (*loc, name))


def _values(value: Any, loc: Location) -> Iterator[tuple[Location, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        yield from _texts(value, loc)
    elif isinstance(value, list):
        for index, element in enumerate(value):
            yield from _values(element, (*loc, index))
