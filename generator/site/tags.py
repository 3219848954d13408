"""Tag groups for the listing pages: one per facet (industry, region, product, stage, topic).

Every item page carries its tags in its front matter; Material's tags plugin
turns the `<!-- material/tags {...} -->` directive on these pages into the lists
of pages per tag, and links each tag on an item page to its listing.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from markupsafe import Markup

from generator.repository import Repository
from generator.site.facets import facets_of, product_name
from generator.site.sections import SECTIONS, TAGS_FOLDER


@dataclass(frozen=True)
class Facet:
    """A group of tags with its own listing page."""

    slug: str
    title: str
    tags: tuple[str, ...]

    def path(self) -> str:
        return f"{TAGS_FOLDER}/{self.slug}.md"

    def directive(self) -> Markup:
        """Return Material's listing directive restricted to this facet's tags.

        Tag names are HTML-escaped as in the pages' front matter (see `with_front_matter`).
        """
        names = json.dumps([html.escape(tag) for tag in self.tags], ensure_ascii=False)
        return Markup(f"<!-- material/tags {{ include: {names} }} -->")


def facets(repository: Repository) -> list[Facet]:
    """Return the facets in use, each with the tags that occur in the content."""
    found: dict[str, dict[str, None]] = {slug: {} for slug in ("industries", "regions", "products", "stages", "topics")}
    for section in SECTIONS:
        for item in repository.items(section.kind):
            f = facets_of(item)
            found["industries"].update(dict.fromkeys(f.industries))
            found["regions"].update(dict.fromkeys(f.regions))
            found["products"].update(dict.fromkeys(product_name(repository, p) for p in f.products))
            found["stages"].update(dict.fromkeys(f.stages))
            found["topics"].update(dict.fromkeys(f.topics))
    taxonomy = repository.taxonomy
    order = {"industries": taxonomy.industries, "regions": taxonomy.regions, "stages": taxonomy.funnel_stages}
    named = {t for slug in ("industries", "regions", "products", "stages") for t in found[slug]}
    groups = {
        "industries": [t for t in order["industries"] if t in found["industries"]],
        "regions": [t for t in order["regions"] if t in found["regions"]],
        "products": list(found["products"]),
        "stages": [t for t in order["stages"] if t in found["stages"]],
        "topics": sorted(t for t in found["topics"] if t not in named),
    }
    titles = {"industries": "按行业", "regions": "按区域", "products": "按产品", "stages": "按销售阶段", "topics": "按主题"}
    return [Facet(slug, titles[slug], tuple(tags)) for slug, tags in groups.items() if tags]
