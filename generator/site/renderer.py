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

from generator.archetypes import BUNDLED_TEMPLATES
from generator.repository import Repository
from generator.site.markup import markdown, plain
from generator.site.sections import BY_KIND


_BLANK_LINES = re.compile(r"\n{3,}")
"""Runs of blank lines left where template blocks were skipped."""
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter when PyYAML has it: the same front matter, ten times faster (the search terms are long)."""


def template_folder(root: Path) -> Path:
    """Return the page template folder: the repository's own, else the bundled one."""
    own = root / "templates" / "site"
    return own if own.is_dir() else BUNDLED_TEMPLATES / "site"


class Renderer:
    """Render pages of one repository from the templates in one folder."""

    def __init__(self, repository: Repository, folder: Path):
        self.repository = repository
        self.env = Environment(
            loader=FileSystemLoader(folder),
            autoescape=True,
            undefined=StrictUndefined,
            finalize=plain,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(markdown=markdown, number=number, change=change, share=share)
        self.env.globals.update(url=url, link=link, title_of=self.title_of)

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


def number(value: float | str) -> str:
    """Return 17.5 as "17.5", 46.0 as "46" and 6600 as "6,600"; text (XX) unchanged."""
    if isinstance(value, str):
        return value
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def change(before: float, after: float) -> str:
    """Return the relative change from `before` to `after`, such as "↓ 62%"."""
    if before == 0:
        return "新增" if after else "持平"
    ratio = (after - before) / abs(before) * 100
    if round(ratio) == 0:
        return "持平"
    return f"{'↑' if ratio > 0 else '↓'} {abs(ratio):.0f}%"


def share(amount: float | str, total: float | str) -> str:
    """Return `amount` as a percentage of `total` ("" while either is XX or the total is 0)."""
    if isinstance(amount, str) or isinstance(total, str) or not total:
        return ""
    return f"{amount / total * 100:.1f}%".replace(".0%", "%")
