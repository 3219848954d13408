"""The one Jinja environment that turns page data into Markdown (templates/site/).

Autoescaping is on for every template and `finalize` escapes each value for
Markdown as well as HTML, so text from YAML always shows as written; the
`markdown` filter lets an author's Markdown fields through, without raw HTML.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from generator import present
from generator.repository import Repository
from generator.resources import layers
from generator.site.markup import markdown, plain
from generator.site.sections import BY_KIND


_BLANK_LINES = re.compile(r"\n{3,}")
"""Runs of blank lines left where template blocks were skipped."""
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter when PyYAML has it: the same front matter, ten times faster (the search terms are long)."""


TEMPLATE_FOLDER = "templates/site"


def template_folders(root: Path) -> list[Path]:
    """Return where page templates are found: the repository's own folder first, then salesbook's."""
    return layers(root, TEMPLATE_FOLDER)


class Renderer:
    """Render pages of one repository from the first template of each name found in `folders`."""

    def __init__(self, repository: Repository, folders: list[Path]):
        self.repository = repository
        self.env = Environment(
            loader=FileSystemLoader(folders),
            autoescape=True,
            undefined=StrictUndefined,
            finalize=plain,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(markdown=markdown, number=present.amount, percent=present.percent,
                                with_unit=present.with_unit, date_label=present.date_label, change=present.change)
        self.env.globals.update(url=url, link=link, title_of=self.title_of, shares=present.shares, full_share=present.FULL_SHARE,
                                period_label=present.period_label, target_groups=present.TARGET_GROUPS, dimensions=present.DIMENSIONS)

    def body(self, template: str, path: str, context: dict[str, Any]) -> str:
        """Return the Markdown body of the page at `path` from `template`."""
        text = self.env.get_template(template).render(page_path=path, **context).strip()
        return _BLANK_LINES.sub("\n\n", text)

    def title_of(self, kind: str, item_id: str) -> str:
        item = self.repository.get(kind, item_id)
        return item.title if item else item_id


def with_front_matter(meta: dict[str, Any], body: str) -> str:
    """Return a Markdown page: YAML front matter, then the body.

    MkDocs' theme templates do not autoescape, and Material writes the title,
    description and tags straight into the HTML, so every text is escaped here.
    """
    front = yaml.dump(_escaped(meta), Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100_000)
    return f"---\n{front}---\n\n{body}\n"


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    return value


@pass_context
def url(context: Context, target: str) -> Markup:
    """Return the link from the page being rendered to the docs file `target`."""
    here = posixpath.dirname(context["page_path"])
    return Markup(posixpath.relpath(target, here or "."))


@pass_context
def link(context: Context, kind: str, item_id: str, anchor: str = "") -> Markup:
    """Return the link from the page being rendered to an item's page (and anchor)."""
    target = url(context, BY_KIND[kind].page_path(item_id))
    return Markup(f"{target}#{anchor}" if anchor else target)
