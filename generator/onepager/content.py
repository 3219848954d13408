"""What goes on a customer one-pager: only customer-visible parts of one item.

Each part is taken through `generator.audience`, so a field declared internal, a
section the author marked internal or an internal item never reaches the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.audience import is_internal_item, is_internal_part
from generator.config.contacts import Contact, Contacts
from generator.docx.markdown import inline_spans, parser
from generator.models import CaseStudy, Item, Product
from generator.models.case_study import Metric
from generator.repository import Repository
from generator.present import amount, change
from generator.config.site import SiteSettings

MAX_RESULTS = 4
MAX_SPECS = 6
_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Figure:
    """One result as a one-pager shows it: before → after, and the change."""

    name: str
    before: str
    after: str
    unit: str
    change: str


@dataclass(frozen=True)
class Block:
    """A titled block of paragraphs or bullet points."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Brand:
    """The company as the page shows it."""

    name: str
    logo: str | None
    tagline: str | None
    website: str | None
    hotline: str | None

    @classmethod
    def of(cls, settings: SiteSettings) -> Brand:
        """Return the brand the site settings declare (the company's name, else the site's)."""
        page = settings.onepager
        return cls(settings.company or settings.site_name, page.logo, page.tagline, page.website, page.hotline)


@dataclass(frozen=True)
class Rep:
    """Who the customer talks to."""

    name: str
    title: str
    lines: list[tuple[str, str]]
    """(label, value) pairs: 电话, 邮箱, 企业微信."""


@dataclass(frozen=True)
class OnePager:
    """Everything one page shows, already stripped of internal parts."""

    label: str
    title: str
    subtitle: str
    lead: str
    figures: list[Figure]
    figures_title: str
    blocks: list[Block]
    quote: tuple[str, str] | None
    products: list[tuple[str, str]]
    rep: Rep | None
    company: Brand


def onepager_of(item: Item, repository: Repository, company: Brand, contacts: Contacts, rep: str | None = None) -> OnePager:
    """Return the one-pager of a case study or product; raise ValueError for an internal item."""
    if is_internal_item(item):
        raise ValueError(f"{item.id} is internal")
    person = contacts.for_owner(rep or item.owner)
    contact = _rep(rep or item.owner, person) if person else None
    if isinstance(item, CaseStudy):
        return _case_page(item, repository, company, contact)
    if isinstance(item, Product):
        return _product_page(item, repository, company, contact)
    raise ValueError(f"{item.id} has no one-pager")


def _case_page(case: CaseStudy, repository: Repository, company: Brand, rep: Rep | None) -> OnePager:
    blocks = [Block(title, paragraphs(getattr(case, name))) for name, title in (("challenge", "客户的挑战"), ("solution", "解决方案")) if not is_internal_part(case, name)]
    quote = (case.quote.text, f"{case.customer}，{case.quote.speaker_role}") if case.quote and not is_internal_part(case, "quote") else None
    return OnePager(
        label="客户案例",
        title=case.title,
        subtitle=" · ".join((case.customer, case.industry, f"{case.company_size}企业")),
        lead=case.summary,
        figures=[_figure(m) for m in case.results[:MAX_RESULTS]],
        figures_title="实施前后",
        blocks=blocks,
        quote=quote,
        products=_products(repository, case.products),
        rep=rep,
        company=company,
    )


def _product_page(product: Product, repository: Repository, company: Brand, rep: Rep | None) -> OnePager:
    cases = [c for c in repository.case_studies_for(product.id) if not is_internal_item(c)]
    blocks = []
    if not is_internal_part(product, "selling_points"):
        blocks.append(Block("核心优势", bullets=[_plain(p) for p in product.selling_points]))
    if product.specs and not is_internal_part(product, "specs"):
        blocks.append(Block("关键参数", bullets=[f"{s.name}：{s.detail}" for s in product.specs[:MAX_SPECS]]))
    quoted = next((c for c in cases if c.quote and not is_internal_part(c, "quote")), None)
    return OnePager(
        label="产品介绍",
        title=product.name,
        subtitle=" · ".join((product.line, "、".join(product.industries[:4]))),
        lead="" if is_internal_part(product, "pitch") else " ".join(paragraphs(product.pitch)),
        figures=[_figure(c.results[0], c.customer) for c in cases[:MAX_RESULTS]],
        figures_title="客户实测成果",
        blocks=blocks,
        quote=(quoted.quote.text, f"{quoted.customer}，{quoted.quote.speaker_role}") if quoted and quoted.quote else None,
        products=[],
        rep=rep,
        company=company,
    )


def _figure(metric: Metric, customer: str = "") -> Figure:
    name = f"{customer}：{metric.name}" if customer else metric.name
    return Figure(name, amount(metric.before), amount(metric.after), metric.unit, change(metric.before, metric.after))


def _products(repository: Repository, ids: list[str]) -> list[tuple[str, str]]:
    found = [repository.get("product", i) for i in ids]
    return [(p.name, _plain(p.selling_points[0])) for p in found if isinstance(p, Product) and not is_internal_item(p)]


def _rep(owner: str, person: Contact) -> Rep:
    bracket = re.search(r"[（(](.+?)[）)]", owner)
    title = person.title or (bracket.group(1) if bracket else "")
    lines = [(label, value) for label, value in (("电话", person.phone), ("邮箱", person.email), ("企业微信", person.wecom)) if value]
    return Rep(person.name, title, lines)


def paragraphs(markdown: str) -> list[str]:
    """Return Markdown as plain paragraphs: one per paragraph or list item, formatting dropped."""
    return [_plain("".join(span.text for span in inline_spans(token))) for token in parser().parse(markdown.strip()) if token.type == "inline"]


def _plain(text: str) -> str:
    return _BOLD.sub(r"\1", text).strip()
