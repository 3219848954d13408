"""Which pages the site has, and the data each page template receives.

A `Page` is a path under the docs folder, a template and its data. `site_pages`
lists them all: the home page, an index and the item pages of every section,
and the tag listings. Rendering and writing happen elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel

from generator.archetypes import Archetype
from generator.config.contacts import Contacts
from generator.config.review import ReviewPolicy
from generator.config.site import SiteSettings
from generator.models import CaseStudy, Item, Plan, Product, Sop, kind_of
from generator.onepager import onepager_path
from generator.present import heading_number, outline
from generator.repository import Repository
from generator.site.facets import Backlinks, backlinks, facets_of, product_name, tags_of
from generator.site.sections import SECTIONS, TAGS_FOLDER, Section
from generator.site.tags import facets


@dataclass(frozen=True)
class Page:
    """One Markdown page to write: where, from which template, with which data."""

    path: str
    template: str
    meta: dict[str, Any]
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def searchable(self) -> bool:
        """Whether search indexes the page (`search: {exclude: true}` keeps it out, as in Material)."""
        return not self.meta.get("search", {}).get("exclude", False)


@dataclass(frozen=True)
class Review:
    """When an item was last reviewed, and whether that is too long ago."""

    reviewed: date
    days: int
    """Days since the review."""
    interval: int
    """Days a review stays valid (site_config/site.yaml)."""

    @property
    def overdue(self) -> bool:
        return self.days > self.interval


@dataclass(frozen=True)
class Row:
    """One item as a row of its section index."""

    item: Item
    path: str
    industries: tuple[str, ...]
    regions: tuple[str, ...]
    products: tuple[str, ...]
    stages: tuple[str, ...]
    topics: tuple[str, ...]
    review: Review

    def filters(self) -> dict[str, tuple[str, ...]]:
        """Return the row's values per facet, as the index filters match them."""
        return {"industries": self.industries, "regions": self.regions, "products": self.products, "stages": self.stages, "topics": self.topics}


@dataclass
class Site:
    """Everything a page may need besides its own item."""

    repository: Repository
    settings: SiteSettings
    policy: ReviewPolicy
    today: date
    archetypes: dict[str, Archetype]
    downloads: set[str]
    """Files written under downloads/ (paths relative to the docs folder)."""
    contacts: Contacts = field(default_factory=Contacts)
    links: Backlinks = field(init=False)

    def __post_init__(self) -> None:
        self.links = backlinks(self.repository)

    def review(self, item: Item) -> Review:
        """Return how long ago `item` was reviewed, against the review interval."""
        return Review(item.reviewed, (self.today - item.reviewed).days, self.policy.interval(kind_of(item)))

    def row(self, section: Section, item: Item) -> Row:
        facets = facets_of(item)
        names = tuple(product_name(self.repository, p) for p in facets.products)
        return Row(item, section.page_path(item.id), facets.industries, facets.regions, names, facets.stages, facets.topics, self.review(item))

    def download(self, path: str) -> str | None:
        """Return `path` if the Word stage wrote that file, else None (the page shows no link)."""
        return path if path in self.downloads else None


def site_pages(site: Site) -> list[Page]:
    """Return every page of the site."""
    pages = [home_page(site)]
    for section in SECTIONS:
        items = _ordered(site, section.kind)
        pages.append(index_page(site, section, items))
        pages.extend(item_page(site, section, item) for item in items)
    pages.extend(tag_pages(site.repository))
    return pages


def _ordered(site: Site, kind: str) -> list[Item]:
    """Return a section's items in reading order: SOPs along the funnel, others by id."""
    items = site.repository.items(kind)
    if kind == "sop":
        stages = site.repository.taxonomy.funnel_stages
        items.sort(key=lambda sop: min(stages.index(s) for s in sop.stages) if isinstance(sop, Sop) else 0)
    return items


def home_page(site: Site) -> Page:
    """Return the home page: quick links by role, the newest case studies, every section."""
    cases = sorted(site.repository.items("case-study"), key=lambda c: (c.reviewed, c.id), reverse=True)
    counts = {s.kind: len(site.repository.items(s.kind)) for s in SECTIONS}
    context = {"sections": SECTIONS, "counts": counts, "newest": cases[: site.settings.newest_case_studies], "hints": site.settings.search_hints}
    return Page("index.md", "home.md.j2", {"title": "首页", "hide": ["navigation", "toc"], "search": {"exclude": True}}, context)


SEARCH_BOOST = {"plan": 0.9}
"""How much an item's words count in search, by kind (1 when not listed): a supervisor's plan restates
playbooks and SOPs for one period, and a rep's question is answered by those themselves."""
FACET_LABELS = (("industries", "行业"), ("regions", "区域"), ("products", "产品"), ("stages", "销售阶段"), ("topics", "标签"))
"""The facets of an index, in column order; topics are a filter, not a column."""


def index_page(site: Site, section: Section, items: list[Item]) -> Page:
    """Return a section's index: a sortable table of its items and filters by facet."""
    rows = [site.row(section, item) for item in items]
    values = {key: list(dict.fromkeys(v for row in rows for v in row.filters()[key])) for key, _ in FACET_LABELS}
    context: dict[str, Any] = {
        "section": section,
        "rows": rows,
        "columns": [(key, label) for key, label in FACET_LABELS[:-1] if values[key]],
        "filters": [(key, label, _sorted(site, key, values[key])) for key, label in FACET_LABELS if len(values[key]) > 1],
        "row_filters": [row.filters() for row in rows],
        "archetypes": [],
    }
    if section.kind == "plan":
        context["archetypes"] = [(a, site.download(f"downloads/archetypes/{a.id}.docx")) for a in site.archetypes.values()]
    return Page(section.index_path(), "index.md.j2", {"title": section.title, "hide": ["navigation", "toc"], "search": {"exclude": True}}, context)


def _sorted(site: Site, key: str, values: list[str]) -> list[str]:
    """Return filter values in taxonomy order where there is one, else alphabetically."""
    taxonomy = site.repository.taxonomy
    order = {"industries": taxonomy.industries, "regions": taxonomy.regions, "stages": taxonomy.funnel_stages}.get(key)
    return sorted(values, key=order.index) if order else sorted(values)


def item_page(site: Site, section: Section, item: Item) -> Page:
    """Return the page of one item, tagged with its facets, with its reverse links."""
    meta: dict[str, Any] = {"title": item.title, "hide": ["navigation"], "sb_section": section.title, "tags": tags_of(site.repository, item)}
    if section.kind in SEARCH_BOOST:
        meta["search"] = {"boost": SEARCH_BOOST[section.kind]}
    summary = getattr(item, "summary", None)
    if isinstance(summary, str):
        meta["description"] = " ".join(summary.split())
    context = {"item": item, "section": section, "review": site.review(item), **_owner(site, section.kind, item), **_related(site, item)}
    return Page(section.page_path(item.id), f"{section.kind}.md.j2", meta, context)


def _owner(site: Site, kind: str, item: Item) -> dict[str, Any]:
    """Return how to reach the item's owner, and where its source file is edited (None when not configured)."""
    source = site.repository.entries[kind][item.id].document.display
    return {"contact": site.contacts.for_owner(item.owner), "edit_url": site.settings.edit_url(source)}


def _sendable(site: Site, kind: str, item_id: str) -> dict[str, str | None]:
    """Return the customer one-pager downloads of an item (None where the build wrote none)."""
    return {ext: site.download(onepager_path(kind, item_id, ext)) for ext in ("pdf", "docx")}


def _related(site: Site, item: Item) -> dict[str, Any]:
    """Return the pages that point at `item` (reverse links) and what else its template needs."""
    repository, links = site.repository, site.links
    match item:
        case Product():
            related = {"faqs": repository.faqs_for(item.id), "cases": repository.case_studies_for(item.id), "playbooks": repository.playbooks_for(item.id)}
            return {**related, "send": _sendable(site, "product", item.id)}
        case CaseStudy():
            return {"playbooks": links.playbooks_by_case.get(item.id, []), "send": _sendable(site, "case-study", item.id)}
        case Sop():
            return {"playbooks": links.playbooks_by_sop.get(item.id, []), "cited_by": links.sops_by_sop.get(item.id, [])}
        case Plan():
            archetype = site.archetypes[item.archetype]
            download = site.download(f"downloads/plans/{item.id}.docx")
            sections = plan_sections(item, archetype)
            parts = [s.heading for s in archetype.sections_for(item.period) if s.numbered]
            return {"archetype": archetype, "sections": sections, "download": download, "pdf": site.download(f"downloads/plans/{item.id}.pdf"), "outline": outline(parts)}
    return {}


@dataclass(frozen=True)
class PlanSection:
    """One part of a plan page: its numbered heading and the filled-in blocks under it."""

    title: str
    blocks: list[tuple[str, str | None]]


def plan_sections(plan: Plan, archetype: Archetype) -> list[PlanSection]:
    """Lay out a plan as its archetype's document does: every part, numbered as in Word, with its filled blocks."""
    sections: list[PlanSection] = []
    numbered = 0
    for part in archetype.sections_for(plan.period):
        blocks = [(ref.block, ref.heading) for ref in part.blocks if _filled(getattr(plan, ref.block))]
        title = part.heading
        if part.numbered:
            numbered += 1
            title = f"{heading_number(2, numbered)}{title}"
        sections.append(PlanSection(title, blocks))
    return sections


def _filled(value: Any) -> bool:
    """Return whether a plan block holds anything (a model counts if any field does)."""
    if isinstance(value, BaseModel):
        return any(_filled(v) for v in value.__dict__.values())
    return bool(value)


def tag_pages(repository: Repository) -> list[Page]:
    """Return the tags overview and one listing page per facet."""
    groups = facets(repository)
    meta = {"search": {"exclude": True}}
    pages = [Page(f"{TAGS_FOLDER}/index.md", "tags.md.j2", {"title": "标签", "hide": ["navigation", "toc"], **meta}, {"facets": groups})]
    pages.extend(Page(f.path(), "tag-listing.md.j2", {"title": f.title, "hide": ["navigation"], **meta}, {"facet": f}) for f in groups)
    return pages
