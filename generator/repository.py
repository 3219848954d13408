"""The validated content: every item by type and id, with the reverse links pages need."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.load import Document
from generator.models import CaseStudy, FaqSet, Item, Playbook, Taxonomy


@dataclass(frozen=True)
class Entry:
    """One valid item and the document it was read from."""

    kind: str
    item: Item
    document: Document


@dataclass
class Repository:
    """All valid items of one content repository."""

    root: Path
    taxonomy: Taxonomy
    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        self.entries.setdefault(entry.kind, {})[entry.item.id] = entry

    def items(self, kind: str) -> list[Item]:
        """Return the items of `kind`, ordered by id."""
        return [e.item for _, e in sorted(self.entries.get(kind, {}).items())]

    def get(self, kind: str, item_id: str) -> Item | None:
        entry = self.entries.get(kind, {}).get(item_id)
        return entry.item if entry else None

    def source(self, kind: str, item_id: str) -> Path:
        return self.entries[kind][item_id].document.path

    def faqs_for(self, product_id: str) -> list[FaqSet]:
        return [f for f in self.items("faq") if isinstance(f, FaqSet) and f.product == product_id]

    def case_studies_for(self, product_id: str) -> list[CaseStudy]:
        return [c for c in self.items("case-study") if isinstance(c, CaseStudy) and product_id in c.products]

    def playbooks_for(self, product_id: str) -> list[Playbook]:
        return [p for p in self.items("playbook") if isinstance(p, Playbook) and product_id in p.related_products]
