"""What each item is about (industry, region, product, funnel stage), and who links to it.

The section indexes, the tags and the "related" lists of every page are computed
here once from the validated content, so that pages never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.models import CaseStudy, FaqSet, Item, Playbook, Product, Sop
from generator.repository import Repository


@dataclass(frozen=True)
class Facets:
    """The taxonomy values one item is filed under."""

    industries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    """Product ids."""
    stages: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    """The item's own free tags."""


def facets_of(item: Item) -> Facets:
    """Return the taxonomy values `item` is filed under."""
    topics = tuple(item.tags)
    match item:
        case Product():
            return Facets(industries=tuple(item.industries), topics=topics)
        case FaqSet():
            return Facets(products=(item.product,), stages=_unique(q.stage for q in item.questions), topics=topics)
        case CaseStudy():
            return Facets(industries=(item.industry,), regions=(item.region,), products=tuple(item.products), topics=topics)
        case Sop():
            return Facets(stages=tuple(item.stages), topics=topics)
        case Playbook():
            return Facets(products=tuple(item.related_products), topics=topics)
    return Facets(topics=topics)  # plans: their own tags only


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def product_name(repository: Repository, product_id: str) -> str:
    """Return the short name a product is tagged and listed by."""
    product = repository.get("product", product_id)
    return product.title if product else product_id


def tags_of(repository: Repository, item: Item) -> list[str]:
    """Return the page's tags: its taxonomy values first, then its own tags."""
    facets = facets_of(item)
    names = [*facets.industries, *facets.regions, *(product_name(repository, p) for p in facets.products), *facets.stages, *facets.topics]
    return list(dict.fromkeys(names))


@dataclass
class Backlinks:
    """Which items point at which: the reverse of every reference in the content."""

    playbooks_by_sop: dict[str, list[Playbook]] = field(default_factory=dict)
    playbooks_by_case: dict[str, list[Playbook]] = field(default_factory=dict)
    sops_by_sop: dict[str, list[Sop]] = field(default_factory=dict)


def backlinks(repository: Repository) -> Backlinks:
    """Collect the reverse links not already offered by `Repository`."""
    links = Backlinks()
    for playbook in repository.items("playbook"):
        assert isinstance(playbook, Playbook)
        for sop_id in playbook.related_sops:
            links.playbooks_by_sop.setdefault(sop_id, []).append(playbook)
        for case_id in playbook.related_case_studies:
            links.playbooks_by_case.setdefault(case_id, []).append(playbook)
    for sop in repository.items("sop"):
        assert isinstance(sop, Sop)
        for other in sop.related_sops:
            links.sops_by_sop.setdefault(other, []).append(sop)
    return links
