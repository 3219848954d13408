"""The content model: one pydantic model per content type, and where each lives."""

from __future__ import annotations

from dataclasses import dataclass

from generator.models.case_study import CaseStudy
from generator.models.common import Item
from generator.models.faq import FaqSet
from generator.models.plan import Plan
from generator.models.playbook import Playbook
from generator.models.product import Product
from generator.models.sop import Sop
from generator.models.taxonomy import Taxonomy


@dataclass(frozen=True)
class ContentType:
    """A kind of content: its name, its folder and its model."""

    kind: str
    folder: str
    model: type[Item]


CONTENT_TYPES: tuple[ContentType, ...] = (
    ContentType("product", "content/products", Product),
    ContentType("faq", "content/faqs", FaqSet),
    ContentType("case-study", "content/case-studies", CaseStudy),
    ContentType("sop", "content/sops", Sop),
    ContentType("playbook", "playbooks", Playbook),
    ContentType("plan", "content/plans", Plan),
)
BY_KIND: dict[str, ContentType] = {t.kind: t for t in CONTENT_TYPES}


def kind_of(item: Item) -> str:
    """Return the content type name of `item`."""
    return next(t.kind for t in CONTENT_TYPES if isinstance(item, t.model))

__all__ = ["BY_KIND", "CONTENT_TYPES", "CaseStudy", "ContentType", "FaqSet", "Item", "Plan", "Playbook", "Product", "Sop", "Taxonomy", "kind_of"]
