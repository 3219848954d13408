"""The five plan archetypes: what each plan type is for and how its document is laid out.

An archetype is data (templates/archetypes/<id>.yaml): its name, a one-line purpose,
the ordered sections of the document with guidance for the writer, the plan blocks
each section renders, the blocks a plan of this type must fill in, and a starter
`scaffold` (the blocks with `XX` where figures go). The scaffold written by
`salesbook plan new`, the blank draft published on the site and the rendered plans
all come from these files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from generator.errors import ContentError, Problem, display_path
from generator.load import read_document
from generator.modelcheck import validate_item
from generator.resources import lookup
from generator.models.common import Model, Text, ValidationContext
from generator.models.plan import Archetype as ArchetypeId

ARCHETYPE_FOLDER = "templates/archetypes"
"""Where a repository keeps its own archetype files; salesbook's fill in the ones it lacks."""

ARCHETYPE_IDS: tuple[str, ...] = ("strategic", "kpi", "enablement", "expansion", "account")
"""The archetypes in the order people meet them (the order of the sample plans)."""

Block = Literal[
    "summary", "swot", "targets", "okrs", "breakdowns", "strategies", "phases", "tiers",
    "kpis", "routines", "incentives", "budget", "support", "risks", "battle_map", "execution", "closing",
]
"""A plan field that renders as one block of the document."""

BLOCKS: tuple[str, ...] = Block.__args__  # type: ignore[attr-defined]


def _block_shorthand(value: Any) -> Any:
    return {"block": value} if isinstance(value, str) else value


class BlockRef(Model):
    """One plan block rendered in a section, optionally under its own sub-heading."""

    block: Block = Field(description="计划字段，如 targets、kpis、budget")
    heading: Text | None = Field(default=None, description="小标题（可选）；不写则直接列出内容")


class Section(Model):
    """One top-level part of the document."""

    heading: Text = Field(description="部分标题，如“年度销售核心目标”")
    numbered: bool = Field(default=True, description="是否编号（第一部分……）；前言、结语不编号")
    monthly: bool = Field(default=False, description="只用于月度计划（如月度运行图示）；其他计划期不显示这一部分")
    guidance: Text = Field(description="写给编写人的提示：这一部分要写什么")
    blocks: list[Annotated[BlockRef, BeforeValidator(_block_shorthand)]] = Field(default_factory=list, description="本部分展示的计划字段，按顺序")


class Archetype(Model):
    """A plan archetype: purpose, document layout, required blocks and starter content."""

    id: ArchetypeId = Field(description="范式标识：strategic、kpi、enablement、expansion、account")
    name: Text = Field(description="范式名称，如“数据驱动、KPI导向型”")
    purpose: Text = Field(description="一句话说明这种计划适合什么场景")
    requires: list[Block] = Field(min_length=1, description="这种计划必须填写的字段")
    sections: list[Section] = Field(min_length=1, description="文档各部分，按顺序")
    scaffold: dict[str, Any] = Field(description="新建计划时写入的起始内容（数字处写 XX）")

    @model_validator(mode="after")
    def _every_block_has_one_place(self) -> Archetype:
        placed = [ref.block for section in self.sections for ref in section.blocks]
        missing = [b for b in BLOCKS if b not in placed]
        twice = sorted({b for b in placed if placed.count(b) > 1})
        if missing or twice:
            raise ValueError(f"every plan block must appear in exactly one section (missing: {missing}, twice: {twice})")
        if unknown := set(self.scaffold) - set(BLOCKS):
            raise ValueError(f"scaffold holds fields that are not plan blocks: {sorted(unknown)}")
        if lacking := [b for b in self.requires if b not in self.scaffold]:
            raise ValueError(f"scaffold lacks required blocks: {lacking}")
        if empty := [s.heading for s in self.sections if not s.monthly and not any(ref.block in self.scaffold for ref in s.blocks)]:
            raise ValueError(f"the scaffold fills nothing in sections {empty}: a new plan's draft would lack them")
        return self

    def sections_for(self, period: str) -> list[Section]:
        """Return the sections a plan of `period` shows: monthly-only parts only for a month."""
        monthly = len(period) == 7 and "-Q" not in period
        return [s for s in self.sections if monthly or not s.monthly]

    def section_of(self, block: str) -> Section:
        """Return the section that renders `block`."""
        return next(s for s in self.sections if any(ref.block == block for ref in s.blocks))


def read_archetypes(root: Path) -> tuple[dict[str, Archetype], list[Problem]]:
    """Read and validate every archetype file; return them by id and any problems."""
    archetypes: dict[str, Archetype] = {}
    problems: list[Problem] = []
    for archetype_id in ARCHETYPE_IDS:
        path = lookup(root, f"{ARCHETYPE_FOLDER}/{archetype_id}.yaml")
        display = display_path(path, root)
        if not path.is_file():
            problems.append(Problem(display, 1, 1, "", "archetype_missing", {"id": archetype_id}))
            continue
        document = read_document(path, display)
        if isinstance(document, list):
            problems.extend(document)
            continue
        item, item_problems = validate_item(document, Archetype, ValidationContext({}))  # type: ignore[arg-type]
        problems.extend(item_problems)
        if isinstance(item, Archetype):
            archetypes[item.id] = item
    return archetypes, problems


def load_archetypes(root: Path) -> list[Archetype]:
    """Return the five archetypes in order, or raise `ContentError` if a file is wrong."""
    archetypes, problems = read_archetypes(root)
    if problems:
        raise ContentError(problems)
    return [archetypes[i] for i in ARCHETYPE_IDS]

