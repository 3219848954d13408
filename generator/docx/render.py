"""Lay a plan out as its archetype says: cover, contents, then each section and its blocks.

A section is printed when it has something to show: a block with data, or a block
the archetype requires (then marked `待填写` in yellow); a blank draft prints every
section. Guidance for the writer appears in blank drafts and in any section that
still has something to fill.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.archetypes import Archetype, Section
from generator.docx.blocks import RENDERERS, render_approval
from generator.docx.builder import DocumentBuilder
from generator.models.common import PLACEHOLDER
from generator.models.plan import Plan
from generator.present import BLANK, BLOCK_LABELS, CONTROL_CHARS, date_label, outline, period_label
from generator.scaffold.plan import scaffold_data
from generator.validate.plans import is_empty


@dataclass(frozen=True)
class Cover:
    """What the cover page shows."""

    title: str
    subtitle: str
    lines: list[tuple[str, str]]

    @classmethod
    def of(cls, plan: Plan, archetype: Archetype) -> Cover:
        lines = [("公　　司", plan.company), ("团　　队", plan.team), ("负 责 人", plan.owner),
                 ("计 划 期", period_label(plan.period)), ("编制日期", date_label(plan.prepared))]
        lines += [(label, value) for label, value in (("文件编号", plan.document_number), ("版　　本", plan.version)) if value]
        return cls(plan.title, f"销售工作计划 · {archetype.name}", lines)

    @classmethod
    def blank(cls, archetype: Archetype) -> Cover:
        labels = ("公　　司", "团　　队", "负 责 人", "计 划 期", "编制日期")
        return cls("XX 销售工作计划", f"{archetype.name} · 空白稿", [(label, PLACEHOLDER) for label in labels])


def render_plan(plan: Plan, archetype: Archetype, reference: Path, cover: Cover | None = None, blank: bool = False) -> DocumentBuilder:
    """Build the Word document of `plan`; `blank` marks an archetype's blank draft."""
    cover = cover or Cover.of(plan, archetype)
    doc = DocumentBuilder(reference)
    lay_out(doc, plan, archetype, cover, blank)
    _properties(doc, plan, archetype, cover)
    return doc


def lay_out(doc: Any, plan: Plan, archetype: Archetype, cover: Cover, blank: bool = False) -> None:
    """Write `plan` into `doc` (a `DocumentBuilder`, or anything with its methods) as `archetype` lays it out."""
    doc.header_footer(cover.title)
    doc.cover(cover.title, cover.subtitle, cover.lines)
    doc.table_of_contents()
    sections = archetype.sections_for(plan.period)
    for section in sections:
        _render_section(doc, plan, archetype, section, blank)
        if section.blocks[0].block == "summary":
            doc.text(outline([s.heading for s in sections if s.numbered]))
    if plan.approval is not None:
        render_approval(doc, plan.approval)


def blank_plan(archetype: Archetype) -> Plan:
    """Return the plan behind an archetype's blank draft: its scaffold, every figure `XX`."""
    year = str(date.today().year + 1)
    data = scaffold_data(archetype, archetype.id, PLACEHOLDER, year, PLACEHOLDER, date(int(year), 1, 1))
    return Plan.model_validate(data | {"title": Cover.blank(archetype).title, "owner": PLACEHOLDER})


def _render_section(doc: Any, plan: Plan, archetype: Archetype, section: Section, blank: bool) -> None:
    """Write one part: always its heading; guidance and 待填写 markers while anything is missing."""
    shown = [ref for ref in section.blocks if ref.block in archetype.requires or not is_empty(getattr(plan, ref.block))]
    if section.blocks[0].block == "battle_map" and not is_empty(plan.battle_map):
        doc.page_break()  # the battle map fills a page of its own
    doc.heading(1, section.heading, numbered=section.numbered)
    if blank or not shown or any(is_empty(getattr(plan, ref.block)) or _to_fill(getattr(plan, ref.block)) for ref in shown):
        doc.guidance(section.guidance)
    if not shown:
        doc.to_fill("、".join(ref.heading or BLOCK_LABELS[ref.block] for ref in section.blocks))
    for ref in shown:
        level = 2
        if ref.heading:
            doc.heading(2, ref.heading, numbered=section.numbered)
            level = 3
        if is_empty(getattr(plan, ref.block)):
            doc.to_fill(ref.heading or BLOCK_LABELS[ref.block])
        else:
            RENDERERS[ref.block](doc, plan, level)


def _to_fill(value: Any) -> bool:
    """True when a block still holds an `XX` somewhere."""
    if isinstance(value, BaseModel):
        return any(_to_fill(getattr(value, name)) for name in type(value).model_fields)
    if isinstance(value, list):
        return any(_to_fill(item) for item in value)
    return isinstance(value, str) and BLANK.search(value) is not None


PROPERTY_LIMIT = 255
"""Word's document properties hold at most this many characters (python-docx refuses more)."""


def _properties(doc: DocumentBuilder, plan: Plan, archetype: Archetype, cover: Cover) -> None:
    properties = doc.document.core_properties
    properties.title = clip_property(cover.title)
    properties.subject = clip_property(archetype.name)
    properties.author = properties.last_modified_by = clip_property(plan.owner)
    properties.keywords = clip_property("，".join(plan.tags))
    properties.category = "销售工作计划"
    properties.comments = f"由 salesbook 根据 {plan.id} 生成"
    properties.language = "zh-CN"
    properties.created = properties.modified = datetime.combine(plan.prepared, time())
    properties.revision = 1


def clip_property(text: str) -> str:
    """Return `text` cut to what a document property holds, on one line."""
    one_line = " ".join(CONTROL_CHARS.sub("", text).split())
    return one_line if len(one_line) <= PROPERTY_LIMIT else one_line[: PROPERTY_LIMIT - 1] + "…"
